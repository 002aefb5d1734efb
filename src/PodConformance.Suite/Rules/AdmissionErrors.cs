using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Rules;

/// <summary>
/// Compares validation errors. Kubernetes validates a Pod by walking its fields in spec order, so the error list
/// is deterministic — except where it ranges over a Go map: resource lists (<c>….resources.requests/limits</c>,
/// <c>spec.overhead</c>, <c>spec.resources</c>) and string maps (labels, annotations, nodeSelector), whose
/// iteration order is random. So: the two lists must hold the same errors (as a multiset), and the errors that do
/// not come from a map walk must appear in the same relative order.
/// </summary>
public static class AdmissionErrors
{
    public static Verdict Compare(AdmissionObservation? expected, AdmissionObservation? actual)
    {
        if (expected is null || actual is null)
        {
            return Verdict.Fail(expected is null ? "the model has no admission observation" : "the adapter reported no admission observation", "admission", Kinds.NotReported);
        }

        if (expected.Accepted != actual.Accepted)
        {
            return Verdict.Fail(expected.Accepted ? "expected the pod to be accepted, it was rejected" : "expected the pod to be rejected, it was accepted",
                "acceptance", expected.Accepted ? Kinds.Rejects : Kinds.Accepts);
        }

        var missing = new List<string>(expected.Errors);
        var extra = new List<string>();
        foreach (string error in actual.Errors)
        {
            int i = missing.FindIndex(e => string.Equals(e, error, StringComparison.Ordinal));
            if (i >= 0)
            {
                missing.RemoveAt(i);
            }
            else
            {
                extra.Add(error);
            }
        }

        if (missing.Count > 0)
        {
            return Verdict.Fail("missing error: " + missing[0], PathOf(missing[0]), Kinds.Missing);
        }

        if (extra.Count > 0)
        {
            return Verdict.Fail("unexpected error: " + extra[0], PathOf(extra[0]), Kinds.Extra);
        }

        var e = expected.Errors.Where(IsOrdered).ToList();
        var a = actual.Errors.Where(IsOrdered).ToList();
        return Verdicts.Lines(e, a) is { Pass: false } v ? Verdict.Fail("errors out of order: " + v.Detail, "field errors", Kinds.Order) : Verdict.Ok;
    }

    /// <summary>The error's field path with list indexes generalised: the facet of a missing or extra error.</summary>
    public static string PathOf(string error)
    {
        ArgumentNullException.ThrowIfNull(error);
        int colon = error.IndexOf(": ", StringComparison.Ordinal);
        return Verdicts.GeneraliseIndexes(colon < 0 ? error : error[..colon]);
    }

    public static IReadOnlyList<string> View(AdmissionObservation? o)
    {
        if (o is null)
        {
            return ["<no admission observation>"];
        }

        return o.Accepted ? ["accepted"] : ["rejected", .. o.Errors];
    }

    /// <summary>False for errors whose position in the list depends on Go map iteration.</summary>
    public static bool IsOrdered(string error)
    {
        ArgumentNullException.ThrowIfNull(error);
        int colon = error.IndexOf(": ", StringComparison.Ordinal);
        string path = colon < 0 ? error : error[..colon];
        if (path.Contains(".resources", StringComparison.Ordinal) || path.StartsWith("spec.overhead", StringComparison.Ordinal)
            || path.Contains(".labels", StringComparison.Ordinal) || path.Contains(".annotations", StringComparison.Ordinal)
            || path.Contains("nodeSelector", StringComparison.Ordinal))
        {
            return false;
        }

        return true;
    }
}
