using PodConformance.Model.Collections;

namespace PodConformance.Model.Api;

public sealed partial record PodStatus
{
    public string Phase { get; init; } = "";

    public ValueList<PodCondition> Conditions { get; init; }

    public string Message { get; init; } = "";

    public string Reason { get; init; } = "";

    public string NominatedNodeName { get; init; } = "";

    public string HostIP { get; init; } = "";

    public ValueList<string> HostIPs { get; init; }

    public string PodIP { get; init; } = "";

    public ValueList<string> PodIPs { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public ValueList<ContainerStatus> InitContainerStatuses { get; init; }

    public ValueList<ContainerStatus> ContainerStatuses { get; init; }

    public ValueList<ContainerStatus> EphemeralContainerStatuses { get; init; }

    public string QosClass { get; init; } = "";
}

public sealed partial record PodCondition
{
    public string Type { get; init; } = "";

    public string Status { get; init; } = "";

    public DateTimeOffset? LastProbeTime { get; init; }

    public DateTimeOffset? LastTransitionTime { get; init; }

    public string Reason { get; init; } = "";

    public string Message { get; init; } = "";
}

public sealed partial record ContainerStatus
{
    public string Name { get; init; } = "";

    public ContainerState State { get; init; } = new();

    public ContainerState LastState { get; init; } = new();

    public bool Ready { get; init; }

    public int RestartCount { get; init; }

    public string Image { get; init; } = "";

    public string ImageID { get; init; } = "";

    public string ContainerID { get; init; } = "";

    public bool? Started { get; init; }
}

/// <summary>At most one of the three should be set; none set means "no state".</summary>
public sealed record ContainerState
{
    public ContainerStateWaiting? Waiting { get; init; }

    public ContainerStateRunning? Running { get; init; }

    public ContainerStateTerminated? Terminated { get; init; }
}

public sealed record ContainerStateWaiting
{
    public string Reason { get; init; } = "";

    public string Message { get; init; } = "";
}

public sealed record ContainerStateRunning
{
    public DateTimeOffset? StartedAt { get; init; }
}

public sealed record ContainerStateTerminated
{
    public int ExitCode { get; init; }

    public int Signal { get; init; }

    public string Reason { get; init; } = "";

    public string Message { get; init; } = "";

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string ContainerID { get; init; } = "";
}
