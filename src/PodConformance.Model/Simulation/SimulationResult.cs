using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Simulation;

/// <summary>How a snapshot came about, as a watch reports it.</summary>
public enum SnapshotKind { Added, Modified, Deleted }

/// <summary>The Pod object as the API server holds it at <see cref="Time"/>, after a change.</summary>
public sealed record PodSnapshot(DateTimeOffset Time, SnapshotKind Kind, Pod Pod);

/// <summary>An event about one pod (the simulator records each occurrence; describe folds repeats).</summary>
public sealed record SimulatedEvent(string Namespace, string PodName, Events.PodEvent Event);

/// <summary>A pod the API server refused at create (validation), with Kubernetes' message.</summary>
public sealed record RejectedPod(Pod Pod, string Message);

/// <summary>Everything one simulation produced, in time order.</summary>
public sealed record SimulationResult(
    DateTimeOffset Start,
    DateTimeOffset End,
    ValueList<PodSnapshot> Timeline,
    ValueList<SimulatedEvent> Events,
    ValueList<RejectedPod> Rejected)
{
    /// <summary>The events of one pod, in order of occurrence.</summary>
    public IReadOnlyList<Events.PodEvent> EventsFor(string podName)
    {
        var list = new List<Events.PodEvent>();
        foreach (var e in Events)
        {
            if (string.Equals(e.PodName, podName, StringComparison.Ordinal))
            {
                list.Add(e.Event);
            }
        }

        return list;
    }

    /// <summary>The snapshots of one pod, in order.</summary>
    public IEnumerable<PodSnapshot> For(string podName)
    {
        foreach (var s in Timeline)
        {
            if (string.Equals(s.Pod.Metadata.Name, podName, StringComparison.Ordinal))
            {
                yield return s;
            }
        }
    }
}
