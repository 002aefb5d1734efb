using System.Globalization;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;

namespace PodConformance.Model.Printing;

/// <summary>
/// The pod row of <c>kubectl get pods</c>, as kubernetes <c>pkg/printers/internalversion</c> <c>printPod</c> builds
/// it on the API server (kubectl only lays the table out). The walk order matters and is the point: init
/// statuses first, stopping at the first one still in the way; then, unless initializing, the regular statuses
/// from last to first so the lowest index wins; then deletion. See spec/printer.md.
/// </summary>
public static partial class PodPrinter
{
    private const string None = "<none>";
    private const string UnknownAge = "<unknown>";

    private static readonly PodStatus EmptyStatus = new();

    /// <summary>printPodList: one row per pod, in order.</summary>
    public static PodRow[] Rows(IReadOnlyList<Pod> pods, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pods);
        var rows = new PodRow[pods.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = Row(pods[i], now);
        }

        return rows;
    }

    /// <summary>printPod at the instant <paramref name="now"/> (AGE and "ago" are relative to it).</summary>
    public static PodRow Row(Pod pod, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var spec = pod.Spec;
        var status = pod.Status ?? EmptyStatus;
        var walk = new Walk(status.Phase);

        // PRINT-001..003: phase, then status.reason, then the scheduling gate.
        if (status.Reason.Length > 0)
        {
            walk.Set(status.Reason, PrintRules.PodReason, $"status.reason \"{status.Reason}\" replaces the phase");
        }

        foreach (var condition in status.Conditions)
        {
            if (condition.Type == "PodScheduled" && condition.Reason == "SchedulingGated")
            {
                walk.Set("SchedulingGated", PrintRules.SchedulingGated, "condition PodScheduled has reason SchedulingGated: the pod waits on spec.schedulingGates");
            }
        }

        int total = spec.Containers.Count;
        foreach (var init in spec.InitContainers)
        {
            if (init.IsSidecarPolicy)
            {
                total++;
            }
        }

        bool initializing = WalkInitContainers(spec, status, ref walk);

        // PRINT-008: once initialized (or Initialized=True), regular init container restarts are dropped.
        if (!initializing || IsInitializedTrue(status.Conditions))
        {
            walk.Restarts = walk.SidecarRestarts;
            walk.LastRestart = walk.LastSidecarRestart;
            WalkContainers(status, ref walk);
        }

        // PRINT-011/012: deletion overrides everything but a terminal phase.
        if (pod.Metadata.DeletionTimestamp.HasValue)
        {
            if (status.Reason == "NodeLost")
            {
                walk.Set("Unknown", PrintRules.NodeLost, "the pod is being deleted and status.reason is NodeLost (its node stopped reporting)");
            }
            else if (status.Phase != "Succeeded" && status.Phase != "Failed")
            {
                walk.Set("Terminating", PrintRules.Terminating, $"metadata.deletionTimestamp is set and phase \"{status.Phase}\" is not terminal");
            }
        }

        if (RuleCoverage.IsRecording)
        {
            foreach (string rule in walk.Rules)
            {
                RuleCoverage.Hit(rule);
            }

            RuleCoverage.Hit(PrintRules.Ready, total > spec.Containers.Count ? "sidecars counted" : "regular containers only");
            RuleCoverage.Hit(PrintRules.Restarts, walk.Restarts == 0 ? "none" : "with the last restart's age");
        }

        return new PodRow
        {
            Name = pod.Metadata.Name,
            Ready = Itoa(walk.Ready) + "/" + Itoa(total),
            Status = walk.Reason,
            Restarts = RestartsCell(walk.Restarts, walk.LastRestart, now),
            Age = Age(pod.Metadata.CreationTimestamp, now),
            IP = FirstPodIP(status) is { Length: > 0 } ip ? ip : None,
            Node = spec.NodeName.Length > 0 ? spec.NodeName : None,
            NominatedNode = status.NominatedNodeName.Length > 0 ? status.NominatedNodeName : None,
            ReadinessGates = ReadinessGatesCell(spec.ReadinessGates, status.Conditions),
            ReadyContainers = walk.Ready,
            TotalContainers = total,
            RestartCount = walk.Restarts,
            Conditions = status.Phase switch
            {
                "Succeeded" => ValueList.Of(TableRowCondition.PodSucceeded),
                "Failed" => ValueList.Of(TableRowCondition.PodFailed),
                _ => ValueList<TableRowCondition>.Empty,
            },
            StatusRules = walk.Rules.ToValueList(),
            StatusExplanation = walk.Explanation,
        };
    }

    /// <summary>translateTimestampSince: HumanDuration of the elapsed time, <c>&lt;unknown&gt;</c> for a zero time (PRINT-015).</summary>
    public static string Age(DateTimeOffset? timestamp, DateTimeOffset now) =>
        IsGoZero(timestamp) ? UnknownAge : HumanDuration.Format(now - timestamp!.Value);

    /// <summary>PRINT-004..007. True when the walk stopped on an init container (the pod is initializing).</summary>
    private static bool WalkInitContainers(PodSpec spec, PodStatus status, ref Walk walk)
    {
        var statuses = status.InitContainerStatuses;
        for (int i = 0; i < statuses.Count; i++)
        {
            var c = statuses[i];
            walk.Restarts += c.RestartCount;
            walk.LastRestart = Later(walk.LastRestart, c.LastState.Terminated?.FinishedAt);
            bool sidecar = LastInitNamed(spec, c.Name)?.IsSidecarPolicy == true;
            if (sidecar)
            {
                walk.SidecarRestarts += c.RestartCount;
                walk.LastSidecarRestart = Later(walk.LastSidecarRestart, c.LastState.Terminated?.FinishedAt);
            }

            var terminated = c.State.Terminated;
            if (terminated is { ExitCode: 0 })
            {
                continue;
            }

            RuleCoverage.Hit(PrintRules.InitWalk);
            if (sidecar && c.Started == true)
            {
                RuleCoverage.Hit(PrintRules.InitWalk, "a started sidecar is passed over");
                if (c.Ready)
                {
                    walk.Ready++;
                }

                continue;
            }

            string where = $"init container \"{c.Name}\" (initContainerStatuses[{Itoa(i)}])";
            if (terminated is not null)
            {
                if (terminated.Reason.Length > 0)
                {
                    walk.Set("Init:" + terminated.Reason, PrintRules.InitTerminated, $"{where} terminated with reason \"{terminated.Reason}\"");
                }
                else if (terminated.Signal != 0)
                {
                    walk.Set("Init:Signal:" + Itoa(terminated.Signal), PrintRules.InitTerminated, $"{where} was killed by signal {Itoa(terminated.Signal)} and has no reason");
                }
                else
                {
                    walk.Set("Init:ExitCode:" + Itoa(terminated.ExitCode), PrintRules.InitTerminated, $"{where} exited with code {Itoa(terminated.ExitCode)} and has no reason");
                }
            }
            else if (c.State.Waiting is { Reason.Length: > 0 } waiting && waiting.Reason != "PodInitializing")
            {
                walk.Set("Init:" + waiting.Reason, PrintRules.InitWaiting, $"{where} is waiting with reason \"{waiting.Reason}\"");
            }
            else
            {
                string progress = "Init:" + Itoa(i) + "/" + Itoa(spec.InitContainers.Count);
                walk.Set(progress, PrintRules.InitProgress,
                    $"{where} has not finished: {Itoa(i)} init statuses before it are done, out of {Itoa(spec.InitContainers.Count)} init containers (sidecars included)");
            }

            return true;
        }

        return false;
    }

    /// <summary>PRINT-009/010: regular statuses from last to first, so the lowest index with a reason wins.</summary>
    private static void WalkContainers(PodStatus status, ref Walk walk)
    {
        var statuses = status.ContainerStatuses;
        bool hasRunning = false;
        for (int i = statuses.Count - 1; i >= 0; i--)
        {
            var c = statuses[i];
            walk.Restarts += c.RestartCount;
            walk.LastRestart = Later(walk.LastRestart, c.LastState.Terminated?.FinishedAt);
            string where = $"container \"{c.Name}\" (containerStatuses[{Itoa(i)}])";
            if (c.State.Waiting is { Reason.Length: > 0 } waiting)
            {
                RuleCoverage.Hit(PrintRules.ContainerReason, "waiting reason");
                walk.SetFromContainer(waiting.Reason, $"{where} is waiting with reason \"{waiting.Reason}\"; the lowest-index container with a reason wins");
            }
            else if (c.State.Terminated is { } terminated)
            {
                if (terminated.Reason.Length > 0)
                {
                    RuleCoverage.Hit(PrintRules.ContainerReason, "terminated reason");
                    walk.SetFromContainer(terminated.Reason, $"{where} terminated with reason \"{terminated.Reason}\"; the lowest-index container with a reason wins");
                }
                else if (terminated.Signal != 0)
                {
                    walk.SetFromContainer("Signal:" + Itoa(terminated.Signal), $"{where} was killed by signal {Itoa(terminated.Signal)} and has no reason");
                }
                else
                {
                    walk.SetFromContainer("ExitCode:" + Itoa(terminated.ExitCode), $"{where} exited with code {Itoa(terminated.ExitCode)} and has no reason");
                }
            }
            else if (c.Ready && c.State.Running is not null)
            {
                hasRunning = true;
                walk.Ready++;
            }
        }

        if (walk.Reason == "Completed" && hasRunning)
        {
            bool ready = HasReadyTrue(status.Conditions);
            walk.Set(ready ? "Running" : "NotReady", PrintRules.CompletedButRunning,
                ready
                    ? "a container completed but another is still running and ready, and the pod has Ready=True"
                    : "a container completed but another is still running and ready, and the pod has no Ready=True condition");
        }
    }

    /// <summary>The spec init container a status belongs to; with duplicate names the last wins, as a Go map fills.</summary>
    private static Container? LastInitNamed(PodSpec spec, string name)
    {
        var inits = spec.InitContainers;
        for (int i = inits.Count - 1; i >= 0; i--)
        {
            if (inits[i].Name == name)
            {
                return inits[i];
            }
        }

        return null;
    }

    /// <summary>isPodInitializedConditionTrue: the first Initialized condition decides.</summary>
    private static bool IsInitializedTrue(ValueList<PodCondition> conditions)
    {
        foreach (var condition in conditions)
        {
            if (condition.Type == "Initialized")
            {
                return condition.Status == "True";
            }
        }

        return false;
    }

    /// <summary>hasPodReadyCondition: any Ready=True condition.</summary>
    private static bool HasReadyTrue(ValueList<PodCondition> conditions)
    {
        foreach (var condition in conditions)
        {
            if (condition.Type == "Ready" && condition.Status == "True")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>metav1.Time.Before on the running maximum: a missing or zero finishedAt never wins.</summary>
    private static DateTimeOffset? Later(DateTimeOffset? current, DateTimeOffset? candidate)
    {
        if (IsGoZero(candidate))
        {
            return current;
        }

        return current is null || candidate!.Value > current.Value ? candidate : current;
    }

    /// <summary>Null, or Go's zero time (0001-01-01T00:00:00Z), which metav1.Time.IsZero reports.</summary>
    private static bool IsGoZero(DateTimeOffset? t) => t is null || t.Value.UtcTicks == 0;

    private static string RestartsCell(long restarts, DateTimeOffset? lastRestart, DateTimeOffset now)
    {
        string count = restarts.ToString(CultureInfo.InvariantCulture);
        return restarts != 0 && !IsGoZero(lastRestart)
            ? count + " (" + HumanDuration.Format(now - lastRestart!.Value) + " ago)"
            : count;
    }

    private static string Itoa(int value) => value.ToString(CultureInfo.InvariantCulture);
}
