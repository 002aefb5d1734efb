using System.Globalization;
using System.Text.RegularExpressions;
using FsCheck.Fluent;
using PodConformance.Generators;
using PodConformance.Model.Backoff;
using PodConformance.Model.Events;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Limits;
using PodConformance.Model.Printing;
using PodConformance.Model.Scheduling;
using PodConformance.Model.Time;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Rules;

public static partial class Catalog
{
    private static IEnumerable<ConformanceProperty> Lifecycle(TimeSpan tolerance)
    {
        yield return LifecycleProperty(
            "P-LIFE-PHASE", "The pod goes through the phases Kubernetes' kubelet reports, and ends in the same one",
            [.. RuleIds.Of(typeof(PhaseRules)), "SIM-016", "SIM-017"], "spec/phase.md", "pkg/kubelet/kubelet_pods.go (getPhase)",
            PhaseView, Verdicts.DefaultFacet) with
        {
            // Of fifteen cases (fourteen before 1.35), four from the restart-policy generator: every policy with all containers
            // exited 0 or 1 and failed init containers (PHASE-005/006, PHASE-010), which the shared generator reaches too
            // rarely to be caught at every seed (mutation self-check); two from the shapes (sidecars, terminating pods:
            // PHASE-007, PHASE-009), one more from terminating pods alone (PHASE-009 well above the floor); twice the count,
            // so a bent phase rule is caught at every seed.
            Weight = 2,
            // One more in fifteen (where the release has the gate) restarts all containers on a rule's exit (SIM-016,
            // PHASE-014/015/020), the case carrying the alpha gates it needs; one more has sidecars that outlive the regular
            // containers (SIM-017: the kubelet kills the pod, so it ends Succeeded or Failed, not Running).
            Cases = profile => WithShapes(WithRestartAll(profile, 1, (6, ScenarioGen.Case), (4, ScenarioGen.RestartPolicyCase), (2, ShapeGen.Case), (1, ShapeGen.Terminating()), (1, ShapeGen.SidecarsOutlive()))),
        };

        yield return LifecycleProperty(
            "P-LIFE-CONDITIONS", "The pod's conditions (type, status, reason) change as Kubernetes changes them",
            [.. RuleIds.Of(typeof(ConditionRules), ConditionRules.TransitionTime, ConditionRules.MessageFormat), SchedulingRules.FilterOrder, "SIM-015"],
            "spec/conditions.md", "pkg/kubelet/status/generate.go",
            ConditionsView, ConditionFacet) with
        {
            // One case in seven has readiness gates whose conditions steps set and clear (COND-005, SIM-015), one ends in
            // a terminal phase under every restart policy (COND-003/004 PodCompleted, PodFailed), and, where the release
            // has the gate, one has a RestartAllContainers rule (COND-009); twice the count, so the terminal-phase reasons
            // keep their floor beside the restart-all share.
            Weight = 2,
            Cases = profile => WithShapes(WithRestartAll(profile, 1, (3, ScenarioGen.Case), (1, ShapeGen.ReadinessGates()), (1, ScenarioGen.RestartPolicyCase), (1, ShapeGen.Case))),
        };

        yield return LifecycleProperty(
            "P-LIFE-CONTAINERS", "Container states, reasons, exit codes and last terminations follow Kubernetes (OOMKilled, CrashLoopBackOff, ErrImagePull…)",
            [.. RuleIds.Of(typeof(LimitRules)), BackoffRules.Waiting, BackoffRules.ImagePullMessages],
            "spec/limits.md", "pkg/kubelet/kuberuntime/kuberuntime_container.go",
            ContainersView, ContainerFacet) with
        {
            // One case in five has a container that allocates memory above or within its limit, or without one, under every
            // restart policy (LIMIT-001/003/004), which the shared generator scripts for a handful of cases; twice the count,
            // so the pull back-off and no-limit branches the other generators reach keep their floor beside the new share.
            Weight = 2,
            Cases = _ => WithShapes((3, ScenarioGen.Case), (1, ShapeGen.Case), (1, ShapeGen.OutOfMemory())),
        };

        yield return LifecycleProperty(
            "P-LIFE-RESTARTS", "Each container restarts as many times as under Kubernetes' restart policy and backoff",
            RuleIds.Explicit(PhaseRules.ContainerShouldRestart, LimitRules.OomRestart, BackoffRules.Doubling),
            "spec/backoff.md", "pkg/kubelet/kuberuntime/kuberuntime_manager.go (computePodActions)",
            RestartsView, (_, _) => "restart count") with
        {
            // Four cases in fifteen exercise every restart policy against exit 0 and 1 (PHASE-013), which the shared
            // scenario generator reaches too rarely for the default budget; two come from the shapes (crash loops, sidecars),
            // and three allocate memory above or within a limit under every restart policy: an OOM-killed container restarts
            // as its policy says (LIMIT-004), which the shared generator scripts for too few cases to reach the floor.
            Cases = _ => WithShapes((6, ScenarioGen.Case), (4, ScenarioGen.RestartPolicyCase), (2, ShapeGen.Case), (3, ShapeGen.OutOfMemory())),
        };

        yield return LifecycleProperty(
            "P-LIFE-KUBECTL", "kubectl get shows the same READY, STATUS and RESTARTS sequence",
            // Not PRINT-003 (SchedulingGated): gated pods need the scheduling capability; P-SCHED-FIT claims it and compares the STATUS they are created with.
            RuleIds.Of(typeof(PrintRules), PrintRules.Age, PrintRules.WideCells, PrintRules.RowConditions, PrintRules.HumanDuration, PrintRules.TableLayout, PrintRules.SchedulingGated),
            "spec/printer.md", "pkg/printers/internalversion/printers.go (printPod)",
            KubectlView, Verdicts.TokenFacet("READY", "STATUS", "RESTARTS"));

        yield return LifecycleProperty(
            "P-LIFE-EVENTS", "The pod's events have Kubernetes' types, reasons and messages, in order",
            // The scheduling rules its cases apply: the FailedScheduling message of a pod too big for the scenario's one
            // default node, and the features a restart-all pod needs. Cordons, taints, labels, gates, node names, ports,
            // affinity and spread need nodes and pods shaped for them, which only an adapter with the scheduling capability
            // is given (P-LIFE-EVENTS needs lifecycle alone): P-SCHED-FIT claims those and checks the same Scheduled and
            // FailedScheduling events (SchedulingFacet).
            [.. RuleIds.Of(typeof(EventRules), EventRules.Aggregation, EventRules.Table, EventRules.Age, EventRules.Order, EventRules.FieldPathPrefix),
             .. RuleIds.Of(typeof(SchedulingRules), SchedulingRules.Unschedulable, SchedulingRules.Taints, SchedulingRules.NodeSelector, SchedulingRules.NodeName,
                 SchedulingRules.SchedulingGates, SchedulingRules.GatedCondition, SchedulingRules.NodePorts, SchedulingRules.GateRemoval,
                 SchedulingRules.PreFilterNodes, SchedulingRules.PreFilterRejection, SchedulingRules.TopologySpread, SchedulingRules.DeclaredFeatures)],
            "spec/events.md", "pkg/kubelet/events/event.go, pkg/scheduler/framework/types.go (FitError)",
            EventsView, EventFacet) with
        {
            // Two cases in eleven cannot get an image (ErrImageNeverPull, pull back-off events: EVENT-009, BACKOFF-006); one
            // in eleven stops several containers at one instant (a pod with sidecars deleted while everything runs: the
            // Killing events in the kubelet's stop order, SIM-009), which the other generators reach in one case in
            // twenty-five, too rarely for a stop-order bug to be caught at every seed (mutation self-check). Where the release
            // has the gate, one more restarts all containers on a rule's exit (SIM-016: the Killing events of SyncPod's
            // reset, in its kill order and with its message).
            Cases = profile => WithShapes(WithRestartAll(profile, 1, (6, ScenarioGen.Case), (2, ShapeGen.PullFailures()), (2, ShapeGen.Case), (1, ShapeGen.StopsTogether()))),
        };

        IReadOnlyList<string> timing(Observation o) => TimingView(o);
        yield return LifecycleProperty(
            "P-LIFE-TIMING", "Status changes happen when Kubernetes makes them happen (backoff delays, pull backoff), within the tolerance",
            RuleIds.Explicit(BackoffRules.Parameters, BackoffRules.Doubling, BackoffRules.Reset, BackoffRules.ImagePull,
                "SIM-001", "SIM-002", "SIM-003", "SIM-004", "SIM-005", "SIM-006", "SIM-007", "SIM-008", "SIM-009", "SIM-010", "SIM-012", "SIM-013"),
            "spec/backoff.md", "pkg/kubelet/kuberuntime/kuberuntime_container.go, client-go/util/flowcontrol/backoff.go",
            timing, Verdicts.DefaultFacet) with
        {
            Flags = Rules.PropertyFlags.Timing,

            // Most cases from the shapes: crash loops of 15–20 minutes (the 300 s cap) or 9–15 minutes between crashes (the
            // reset), sidecars that restart, terminating pods, images that cannot be pulled for ten minutes, readiness-gate
            // steps (SIM-012), pods that end (the restart-policy generator: a terminal phase kept, SIM-009), init containers
            // that fail before they succeed (SIM-008) and images a Never pull policy cannot get (SIM-005). Twice the count:
            // at 100 cases these shapes take share from each other and one of the back-off or restart branches falls
            // below the coverage floor whichever way the weights go. The cap and the reset have a share each (one crash-loop
            // shape between them left the reset at the floor: five cases).
            Weight = 2,
            Cases = _ => WithShapes(
                (5, ScenarioGen.Case), (2, ShapeGen.CrashLoopToCap()), (2, ShapeGen.BackoffReset()), (2, ShapeGen.Sidecars()), (1, ShapeGen.Terminating()), (2, ShapeGen.PullFailures()),
                (2, ShapeGen.ReadinessGates()), (2, ScenarioGen.RestartPolicyCase), (2, ShapeGen.InitRestarts()), (2, ShapeGen.NeverPulled())),
            Compare = (_, e, a) => CompareTiming(e, a, tolerance),
        };
    }

    private static ConformanceProperty LifecycleProperty(string id, string title, Model.Collections.ValueList<string> covers, string spec, string source, Func<Observation, IReadOnlyList<string>> view, Verdicts.FacetOf facet)
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
            Covers = covers,
            Spec = spec,
            Source = source,
            Needs = Capability.Lifecycle,
            Cases = _ => WithShapes((3, ScenarioGen.Case), (1, ShapeGen.Case)),
            Shrink = ShrinkScenario,
            Compare = Verdicts.ByView(View, facet),
            View = View,
        };
    }

    /// <summary>
    /// Lifecycle cases from several generators at their weights: <see cref="ScenarioGen.Case"/> for the common run, and
    /// <see cref="ShapeGen"/>'s shapes (readiness gates, long crash loops, back-off resets, sidecars, terminating pods),
    /// which the common generator reaches too rarely for a default run (issue 10 item 2), more of the shape a property
    /// is about so its rules reach the coverage floor.
    /// </summary>
    private static FsCheck.Gen<ConformanceCase> WithShapes(params (int Weight, FsCheck.Gen<ScenarioCase> Gen)[] parts) =>
        Gen.Frequency(parts.Select(e => (e.Weight, e.Gen.Select(AsCase))));

    /// <summary><paramref name="parts"/>, plus <see cref="RestartAllGen.Case"/> at <paramref name="weight"/> where the profile's release lets a case turn its gates on.</summary>
    private static (int Weight, FsCheck.Gen<ScenarioCase> Gen)[] WithRestartAll(Model.Profiles.Profile profile, int weight, params (int Weight, FsCheck.Gen<ScenarioCase> Gen)[] parts) =>
        RestartAllGen.Case(profile) is { } restartAll ? [.. parts, (weight, restartAll)] : parts;

    private static ConformanceCase AsCase(ScenarioCase c) => new PodCase(c.Pod, c.Scenario) { Gates = c.Gates };

    /// <summary>The first condition type whose status or reason differs (<c>condition Ready</c>), or <c>conditions</c> when none can be named.</summary>
    private static string ConditionFacet(string? expected, string? actual)
    {
        string[] e = (expected ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] a = (actual ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (string token in e.Concat(a))
        {
            if (!e.Contains(token) || !a.Contains(token))
            {
                int eq = token.IndexOf('=', StringComparison.Ordinal);
                return eq > 0 ? "condition " + token[..eq] : "conditions";
            }
        }

        return "conditions";
    }

    /// <summary>Which field of the first differing container differs: state, reason, exit code, last termination or readiness.</summary>
    private static string ContainerFacet(string? expected, string? actual)
    {
        string[] e = (expected ?? "").Split("; ");
        string[] a = (actual ?? "").Split("; ");
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string? ec = i < e.Length ? e[i] : null;
            string? ac = i < a.Length ? a[i] : null;
            if (string.Equals(ec, ac, StringComparison.Ordinal))
            {
                continue;
            }

            if (ec is null || ac is null)
            {
                return "containers";
            }

            string[] et = ec.Split(' ');
            string[] at = ac.Split(' ');
            if (et.Length < 2 || at.Length < 2 || et[1] != at[1])
            {
                return "container state";
            }

            return Reason(et) != Reason(at) ? "container reason" : "container " + FirstDifferentTag(et, at);
        }

        return "containers";

        static string Reason(string[] tokens) => tokens.Length > 2 && !tokens[2].Contains('=', StringComparison.Ordinal) && tokens[2] != "ready" ? tokens[2] : "";

        static string FirstDifferentTag(string[] e, string[] a)
        {
            foreach (string tag in new[] { "exit", "last", "ready" })
            {
                string? et = e.FirstOrDefault(t => t.StartsWith(tag, StringComparison.Ordinal));
                string? at = a.FirstOrDefault(t => t.StartsWith(tag, StringComparison.Ordinal));
                if (!string.Equals(et, at, StringComparison.Ordinal))
                {
                    return tag switch { "exit" => "exit code", "last" => "last termination", _ => "readiness" };
                }
            }

            return "state";
        }
    }

    /// <summary><c>event Reason</c> of the differing event (the model's when it has one).</summary>
    private static string EventFacet(string? expected, string? actual)
    {
        string[] t = (expected ?? actual ?? "").Split(' ');
        return t.Length > 1 ? "event " + t[1] : "events";
    }

    private static IEnumerable<ConformanceCase> ShrinkScenario(ConformanceCase c) =>
        c is PodCase p ? ScenarioShrinker.Shrink(new ScenarioCase(p.Pod, p.Scenario)).Select(s => (ConformanceCase)new PodCase(s.Pod, s.Scenario) { Gates = p.Gates }) : [];

    private static IReadOnlyList<string> Project(Observation o, Func<StatusSample, string> line)
    {
        var lines = new List<string>();
        foreach (var s in o.Lifecycle!.Samples)
        {
            Verdicts.AddDistinct(lines, (s.Deleted ? "deleted " : "") + line(s));
        }

        return lines;
    }

    private static IReadOnlyList<string> PhaseView(Observation o) => Project(o, s => "phase " + (s.Phase.Length == 0 ? "<none>" : s.Phase));

    private static IReadOnlyList<string> ConditionsView(Observation o) => Project(o, s => s.Conditions.IsEmpty ? "<no conditions>" : string.Join(" ", s.Conditions));

    private static IReadOnlyList<string> ContainersView(Observation o) => Project(o, s => string.Join("; ", s.Containers.Select(c => ContainerSampleText.Format(c, withRestarts: false))));

    private static IReadOnlyList<string> RestartsView(Observation o)
    {
        var counts = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var s in o.Lifecycle!.Samples)
        {
            foreach (var c in s.Containers)
            {
                if (!counts.TryGetValue(c.Name, out var list))
                {
                    counts[c.Name] = list = [];
                }

                Verdicts.AddDistinct(list, c.RestartCount.ToString(CultureInfo.InvariantCulture));
            }
        }

        return counts.Select(kv => kv.Key + ": " + string.Join(" ", kv.Value)).ToList();
    }

    private static IReadOnlyList<string> KubectlView(Observation o) => Project(o, s => s.Ready + " " + s.Status + " " + s.Restarts);

    private static IReadOnlyList<string> EventsView(Observation o) =>
        o.Lifecycle!.Events.Select(e => e.Type + " " + e.Reason + " " + NormalizeMessage(e.Message)).ToList();

    private static readonly Regex PullDuration = new(@" in [0-9][0-9.a-zµ]*( \([0-9][0-9.a-zµ]* including waiting\))?", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex PodUid = new(@"\(([0-9a-f-]{8,})\)$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>
    /// Masks what a real system cannot reproduce exactly: pull durations (EVENT-004, compared by the timing
    /// property) and the pod UID in back-off messages (EVENT-013).
    /// </summary>
    public static string NormalizeMessage(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        string m = PullDuration.Replace(message, " in <duration>");
        return PodUid.Replace(m, "(<uid>)");
    }

    private static IReadOnlyList<string> TimingView(Observation o) =>
        o.Lifecycle!.Samples.Select(s => "+" + GoDuration.Format(s.Offset) + " " + s.Phase + " " + s.Status + " " + s.Restarts).ToList();

    /// <summary>Same samples (offsets aside) in the same order, each offset within <paramref name="tolerance"/> of the model's.</summary>
    private static Verdict CompareTiming(Observation expected, Observation actual, TimeSpan tolerance)
    {
        if (expected.Lifecycle is not { } e || actual.Lifecycle is not { } a)
        {
            return Verdict.Fail(expected.Lifecycle is null ? "the model has no lifecycle observation" : "the adapter reported no lifecycle observation", "lifecycle", Kinds.NotReported);
        }

        if (e.Rejected || a.Rejected)
        {
            return e.Rejected == a.Rejected ? Verdict.Ok
                : Verdict.Fail(e.Rejected ? "expected a rejection at create" : "the adapter rejected the pod at create", "acceptance", e.Rejected ? Kinds.Accepts : Kinds.Rejects);
        }

        int n = Math.Min(e.Samples.Count, a.Samples.Count);
        for (int i = 0; i < n; i++)
        {
            var delta = (a.Samples[i].Offset - e.Samples[i].Offset).Duration();
            if (delta > tolerance)
            {
                return Verdict.Fail(string.Create(CultureInfo.InvariantCulture,
                    $"sample {i + 1} ({e.Samples[i].Status}): expected at +{GoDuration.Format(e.Samples[i].Offset)}, got +{GoDuration.Format(a.Samples[i].Offset)} (tolerance {GoDuration.Format(tolerance)})"),
                    "status change time", a.Samples[i].Offset > e.Samples[i].Offset ? Kinds.Late : Kinds.Early);
            }
        }

        return e.Samples.Count == a.Samples.Count
            ? Verdict.Ok
            : Verdict.Fail(string.Create(CultureInfo.InvariantCulture, $"expected {e.Samples.Count} status changes, got {a.Samples.Count}"),
                "status changes", a.Samples.Count < e.Samples.Count ? Kinds.Missing : Kinds.Extra);
    }
}
