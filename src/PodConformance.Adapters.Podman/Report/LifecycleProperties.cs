using System.Globalization;
using FsCheck.Fluent;
using PodConformance.Generators;
using PodConformance.Model.Collections;
using PodConformance.Model.Time;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Rules;

namespace PodConformance.Adapters.Podman.Report;

/// <summary>
/// The lifecycle properties the podman report checks, with the IDs and views of the suite's catalogue on the
/// <c>run</c> branch (P-LIFE-*; timing with the catalogue's default tolerance, zero), so that golden/podman/expectations.json names the same properties. Once that
/// catalogue is merged, the report should take its properties from it and this file goes away.
/// </summary>
public static class LifecycleProperties
{
    public static IReadOnlyList<ConformanceProperty> All { get; } =
    [
        Property("P-LIFE-PHASE", "The pod goes through the phases Kubernetes' kubelet reports, and ends in the same one", "spec/phase.md",
            o => Project(o, s => "phase " + (s.Phase.Length == 0 ? "<none>" : s.Phase))),
        Property("P-LIFE-CONDITIONS", "The pod's conditions (type, status, reason) change as Kubernetes changes them", "spec/conditions.md",
            o => Project(o, s => s.Conditions.IsEmpty ? "<no conditions>" : string.Join(" ", s.Conditions))),
        Property("P-LIFE-CONTAINERS", "Container states, reasons, exit codes and last terminations follow Kubernetes", "spec/limits.md",
            o => Project(o, s => string.Join("; ", s.Containers.Select(c => SampleText.Container(c, withRestarts: false))))),
        Property("P-LIFE-RESTARTS", "Each container restarts as many times as under Kubernetes' restart policy and backoff", "spec/backoff.md", Restarts),
        Property("P-LIFE-KUBECTL", "kubectl get shows the same READY, STATUS and RESTARTS sequence", "spec/printer.md",
            o => Project(o, s => s.Ready + " " + s.Status + " " + s.Restarts)),
        Property("P-LIFE-EVENTS", "The pod's events have Kubernetes' types, reasons and messages, in order", "spec/events.md",
            o => o.Lifecycle!.Events.Select(e => e.Type + " " + e.Reason).ToList()),
        Property("P-LIFE-TIMING", "Status changes happen when Kubernetes makes them happen (backoff delays, pull backoff), compared exactly", "spec/backoff.md",
            o => o.Lifecycle!.Samples.Select(s => "+" + GoDuration.Format(s.Offset) + " " + s.Phase + " " + s.Status + " " + s.Restarts).ToList())
            with { Flags = PropertyFlags.Timing },
    ];

    private static ConformanceProperty Property(string id, string title, string spec, Func<Observation, IReadOnlyList<string>> view)
    {
        IReadOnlyList<string> View(Observation o) => o.Lifecycle switch
        {
            null => ["<no lifecycle observation>"],
            { Rejected: true } => ["rejected at create"],
            _ => view(o),
        };
        return new ConformanceProperty
        {
            Id = id,
            Title = title,
            Covers = ValueList.Of(id),
            Spec = spec,
            Source = "",
            Needs = Capability.Lifecycle,
            Cases = _ => ScenarioGen.Case.Select(c => (ConformanceCase)new PodCase(c.Pod, c.Scenario)),
            Shrink = c => c is PodCase p
                ? ScenarioShrinker.Shrink(new ScenarioCase(p.Pod, p.Scenario)).Select(s => (ConformanceCase)new PodCase(s.Pod, s.Scenario))
                : [],
            Compare = (_, e, a) => CompareViews(View(e), View(a)),
        };
    }

    /// <summary>Equal views pass; otherwise the first line that differs, both sides.</summary>
    public static Verdict CompareViews(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        for (int i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            string e = i < expected.Count ? expected[i] : "<nothing>";
            string a = i < actual.Count ? actual[i] : "<nothing>";
            if (!string.Equals(e, a, StringComparison.Ordinal))
            {
                return Verdict.Fail(string.Create(CultureInfo.InvariantCulture, $"line {i + 1}: expected \"{e}\", got \"{a}\""));
            }
        }

        return Verdict.Ok;
    }

    /// <summary>The distinct successive lines of a per-sample projection (a repeated line is one state).</summary>
    private static List<string> Project(Observation o, Func<StatusSample, string> line)
    {
        var lines = new List<string>();
        foreach (var s in o.Lifecycle!.Samples)
        {
            string l = (s.Deleted ? "deleted " : "") + line(s);
            if (lines.Count == 0 || !string.Equals(lines[^1], l, StringComparison.Ordinal))
            {
                lines.Add(l);
            }
        }

        return lines;
    }

    /// <summary>Per container, the distinct restart counts in order (<c>app: 0 1 2</c>).</summary>
    private static List<string> Restarts(Observation o)
    {
        var counts = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var c in o.Lifecycle!.Samples.SelectMany(s => s.Containers))
        {
            if (!counts.TryGetValue(c.Name, out var list))
            {
                counts[c.Name] = list = [];
            }

            string n = c.RestartCount.ToString(CultureInfo.InvariantCulture);
            if (list.Count == 0 || !string.Equals(list[^1], n, StringComparison.Ordinal))
            {
                list.Add(n);
            }
        }

        return counts.Select(kv => kv.Key + ": " + string.Join(" ", kv.Value)).ToList();
    }
}
