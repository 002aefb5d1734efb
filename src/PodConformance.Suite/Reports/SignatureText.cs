using System.Globalization;
using PodConformance.Suite.Running;

namespace PodConformance.Suite.Reports;

/// <summary>How every report words failure signatures: the expected ones with their reason, the unexpected one, and the expectations not seen.</summary>
public static class SignatureText
{
    /// <summary><c>P-LIFE-PHASE [phase: differs] in 4 case(s)</c>.</summary>
    public static string Seen(SignatureResult s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Signature + " in " + s.Cases.ToString(CultureInfo.InvariantCulture) + " case(s)";
    }

    /// <summary>One line per signature and unseen expectation of <paramref name="result"/>, for the expected-failures sections.</summary>
    public static IEnumerable<string> Lines(PropertyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var s in result.Signatures)
        {
            yield return (s.Expected is { } e ? "expected: " + Seen(s) + " — " + e.Reason + (e.Link.Length > 0 ? " (" + e.Link + ")" : "") : "UNEXPECTED: " + Seen(s));
        }

        foreach (var e in result.NotSeen)
        {
            yield return "not seen: " + e + " — " + e.Reason + " (" + NotSeenNote(e) + ")";
        }
    }

    /// <summary>Why an entry no case matched may matter: a firm one was fixed or changed; a flaky one is only sometimes seen.</summary>
    public static string NotSeenNote(Expectation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Flaky
            ? "flaky, " + e.SeenText() + ": not a failure"
            : "fixed, or the failure now has another signature" + (e.Runs > 0 ? "; " + e.SeenText() : "");
    }

    /// <summary>The short note a table cell shows for an expected failure: its signatures.</summary>
    public static string Note(PropertyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Join("; ", result.Signatures.Select(Seen));
    }

    /// <summary>Results with something to list in an expected-failures section.</summary>
    public static IEnumerable<PropertyResult> WithExpected(RunReport run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Results.Where(r => r.Signatures.Any(s => s.Expected is not null) || r.NotSeen.Count > 0);
    }
}
