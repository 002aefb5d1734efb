using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Scheduling;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Rules;

/// <summary>
/// The scheduling part of a lifecycle observation: the STATUS the pod was created with (SchedulingGated or
/// Pending), then each Scheduled / FailedScheduling event in order. A real scheduler scores feasible nodes where the
/// model takes the first by name (SCHED-009), so a different node passes when the model's filters accept it too.
/// </summary>
public static class SchedulingFacet
{
    private const string ScheduledPrefix = "Scheduled to ";

    public static IReadOnlyList<string> View(LifecycleObservation l)
    {
        ArgumentNullException.ThrowIfNull(l);
        if (l.Rejected)
        {
            return ["rejected at create"];
        }

        var lines = new List<string> { "created " + (l.Samples.IsEmpty ? "<no sample>" : l.Samples[0].Status) };
        foreach (var e in l.Events)
        {
            if (e.Reason == "Scheduled")
            {
                int to = e.Message.LastIndexOf(" to ", StringComparison.Ordinal);
                lines.Add(ScheduledPrefix + (to < 0 ? e.Message : e.Message[(to + 4)..]));
            }
            else if (e.Reason == FitResult.FailedSchedulingReason)
            {
                lines.Add("FailedScheduling " + e.Message);
            }
        }

        return lines;
    }

    /// <summary>Line by line; a Scheduled line may name another node if that node is feasible for the case's pod.</summary>
    public static Verdict Compare(ConformanceCase testCase, Observation expected, Observation actual)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (expected.Lifecycle is not { } e || actual.Lifecycle is not { } a)
        {
            return Verdict.Fail(expected.Lifecycle is null ? "the model has no lifecycle observation" : "the adapter reported no lifecycle observation");
        }

        var ev = View(e);
        var av = View(a);
        int n = Math.Max(ev.Count, av.Count);
        for (int i = 0; i < n; i++)
        {
            string el = i < ev.Count ? ev[i] : "<nothing>";
            string al = i < av.Count ? av[i] : "<nothing>";
            if (string.Equals(el, al, StringComparison.Ordinal))
            {
                continue;
            }

            if (el.StartsWith(ScheduledPrefix, StringComparison.Ordinal) && al.StartsWith(ScheduledPrefix, StringComparison.Ordinal)
                && testCase is PodCase p && Feasible(p, al[ScheduledPrefix.Length..]) is var why && why is null)
            {
                continue;
            }

            return Verdict.Fail(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"line {i + 1}: expected {el}, got {al}")
                + (al.StartsWith(ScheduledPrefix, StringComparison.Ordinal) && testCase is PodCase q ? " (" + Feasible(q, al[ScheduledPrefix.Length..]) + ")" : ""));
        }

        return Verdict.Ok;
    }

    /// <summary>
    /// Null when the model's filters accept <paramref name="node"/> for the case's pod (gates cleared, as when it was
    /// scheduled), else why not. The generated pods carry no pod-level resources, so the default profile's answer is the
    /// answer of every profile.
    /// </summary>
    private static string? Feasible(PodCase p, string node)
    {
        var profile = Profile.Default;
        var pod = PodDefaulter.Apply(p.Pod, profile);
        pod = pod with { Spec = pod.Spec with { SchedulingGates = default } };
        var fit = SchedulerFit.Schedule(pod, p.Scenario.EffectiveNodes, null, profile);
        if (fit.FeasibleNodes.Contains(node))
        {
            return null;
        }

        foreach (var r in fit.Rejections)
        {
            if (r.NodeName == node)
            {
                return node + " is rejected by " + r.Plugin + ": " + string.Join(", ", r.Reasons);
            }
        }

        return node + " is not one of the scenario's nodes";
    }
}
