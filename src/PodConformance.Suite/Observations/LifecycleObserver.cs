using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Printing;
using PodConformance.Model.Simulation;

namespace PodConformance.Suite.Observations;

/// <summary>Turns Pod objects over time (from the simulator, a watch, podman…) into a <see cref="LifecycleObservation"/>.</summary>
public static class LifecycleObserver
{
    /// <summary>One sample per snapshot whose sample differs from the previous one (offsets aside).</summary>
    public static LifecycleObservation FromSnapshots(IEnumerable<(TimeSpan Offset, Pod Pod, bool Deleted)> snapshots, IEnumerable<EventSample> events)
    {
        var samples = new List<StatusSample>();
        foreach (var (offset, pod, deleted) in snapshots)
        {
            var sample = Sample(offset, pod, deleted);
            if (samples.Count > 0 && SameExceptOffset(samples[^1], sample))
            {
                continue;
            }

            samples.Add(sample);
        }

        return new LifecycleObservation { Samples = samples.ToValueList(), Events = events.ToValueList() };
    }

    public static LifecycleObservation FromSimulation(SimulationResult result, string podName)
    {
        var snapshots = new List<(TimeSpan, Pod, bool)>();
        foreach (var s in result.For(podName))
        {
            snapshots.Add((s.Time - result.Start, s.Pod, s.Kind == SnapshotKind.Deleted));
        }

        var events = new List<EventSample>();
        foreach (var e in result.EventsFor(podName))
        {
            events.Add(new EventSample(e.FirstTimestamp - result.Start, e.Type.ToString(), e.Reason, e.Message));
        }

        return FromSnapshots(snapshots, events);
    }

    public static StatusSample Sample(TimeSpan offset, Pod pod, bool deleted)
    {
        var status = pod.Status ?? new PodStatus();
        var conditions = new List<string>(status.Conditions.Count);
        foreach (var c in status.Conditions)
        {
            conditions.Add(c.Type + "=" + c.Status + (c.Reason.Length != 0 ? "/" + c.Reason : ""));
        }

        var containers = new List<ContainerSample>();
        foreach (var c in status.InitContainerStatuses)
        {
            containers.Add(Container(c));
        }

        foreach (var c in status.ContainerStatuses)
        {
            containers.Add(Container(c));
        }

        var row = PodPrinter.Row(pod, (pod.Metadata.CreationTimestamp ?? DateTimeOffset.UnixEpoch) + offset);
        return new StatusSample
        {
            Offset = offset,
            Phase = status.Phase,
            Conditions = conditions.ToValueList(),
            Containers = containers.ToValueList(),
            Ready = row.Ready,
            Status = row.Status,
            Restarts = row.RestartCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Deleted = deleted,
        };
    }

    private static ContainerSample Container(ContainerStatus c)
    {
        var (state, reason, exit) = c.State switch
        {
            { Running: not null } => ("running", "", (int?)null),
            { Terminated: { } t } => ("terminated", t.Reason, t.ExitCode),
            { Waiting: { } w } => ("waiting", w.Reason, (int?)null),
            _ => ("", "", (int?)null),
        };
        return new ContainerSample
        {
            Name = c.Name,
            State = state,
            Reason = reason,
            ExitCode = exit,
            RestartCount = c.RestartCount,
            Ready = c.Ready,
            LastReason = c.LastState.Terminated?.Reason ?? "",
            LastExitCode = c.LastState.Terminated?.ExitCode,
        };
    }

    private static bool SameExceptOffset(StatusSample a, StatusSample b) => a with { Offset = b.Offset } == b;
}
