using PodConformance.Model.Collections;

namespace PodConformance.Suite.Observations;

/// <summary>
/// A pod's life as a sequence of status samples (one per change) and the events recorded, in the terms
/// every adapter can report: a cluster from a watch, a simulator from its own state.
/// </summary>
public sealed record LifecycleObservation
{
    public ValueList<StatusSample> Samples { get; init; }

    /// <summary>Event reasons in order of first occurrence, with their type (Normal/Warning) and message.</summary>
    public ValueList<EventSample> Events { get; init; }

    /// <summary>True when the API server refused the pod at create; then there are no samples.</summary>
    public bool Rejected { get; init; }
}

/// <summary>One observed status of the pod, <see cref="Offset"/> after creation.</summary>
public sealed record StatusSample
{
    public TimeSpan Offset { get; init; }

    public string Phase { get; init; } = "";

    /// <summary>Conditions as <c>Type=Status</c> (with <c>/Reason</c> when set), in the order the status lists them.</summary>
    public ValueList<string> Conditions { get; init; }

    /// <summary>Init containers then regular containers, in spec order.</summary>
    public ValueList<ContainerSample> Containers { get; init; }

    /// <summary>The <c>kubectl get</c> cells READY, STATUS and RESTARTS (AGE is timing, compared separately).</summary>
    public string Ready { get; init; } = "";

    public string Status { get; init; } = "";

    public string Restarts { get; init; } = "";

    public bool Deleted { get; init; }
}

/// <summary>One container's state in a sample.</summary>
public sealed record ContainerSample
{
    public string Name { get; init; } = "";

    /// <summary><c>waiting</c>, <c>running</c>, <c>terminated</c> or empty (no state).</summary>
    public string State { get; init; } = "";

    /// <summary>Waiting or terminated reason (<c>CrashLoopBackOff</c>, <c>OOMKilled</c>, <c>Completed</c>…).</summary>
    public string Reason { get; init; } = "";

    public int? ExitCode { get; init; }

    public int RestartCount { get; init; }

    public bool Ready { get; init; }

    /// <summary>lastState.terminated reason, if any.</summary>
    public string LastReason { get; init; } = "";

    public int? LastExitCode { get; init; }
}

public sealed record EventSample(TimeSpan Offset, string Type, string Reason, string Message);

/// <summary>A container's resolved environment: NAME → value, Secret-sourced values masked unless revealed.</summary>
public sealed record EnvObservation(ValueMap<ValueMap<string>> Containers, ValueMap<string> Errors)
{
    /// <summary>
    /// What the model could not check (ENV-019), only ever on the model's side: container → the names of its variables
    /// whose values (and presence) are not known. A container listed here read a <c>fileKeyRef</c> from a volume whose
    /// files were not given, so whether it starts is not checked either: that file may stop it first
    /// (<see cref="Rules.EnvFacet"/> then accepts the file's errors too).
    /// </summary>
    public ValueMap<ValueList<string>> NotChecked { get; init; }
}

/// <summary>Per-container oom_score_adj.</summary>
public sealed record OomScoreObservation(ValueMap<int> Scores);

/// <summary>Pods in the order node-pressure eviction would take them (one per cycle), and the pods it would never take.</summary>
public sealed record EvictionObservation(ValueList<string> Order, ValueList<string> NeverEvicted);
