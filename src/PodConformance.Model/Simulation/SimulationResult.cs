using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Simulation;

/// <summary>How a snapshot came about, as a watch reports it.</summary>
public enum SnapshotKind { Added, Modified, Deleted }

/// <summary>The Pod object as the API server holds it at <see cref="Time"/>, after a change.</summary>
public sealed record PodSnapshot(DateTimeOffset Time, SnapshotKind Kind, Pod Pod);

/// <summary>An event as <c>kubectl describe</c> lists it (the simulator records each occurrence).</summary>
public sealed record SimulatedEvent(
    DateTimeOffset Time,
    string Namespace,
    string PodName,
    string Type,
    string Reason,
    string Source,
    string Message,
    string FieldPath);

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
