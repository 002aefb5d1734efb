using PodConformance.Model.Api;

namespace PodConformance.Model.Simulation;

/// <summary>Which list a container came from; sidecars are init containers with restartPolicy Always.</summary>
internal enum ContainerKind { Init, Sidecar, Regular }

/// <summary>Where a container is in its life, as the runtime and the kubelet see it.</summary>
internal enum RuntimePhase { NotCreated, Pulling, Waiting, Running, Exited }

/// <summary>The simulated runtime's view of one container of one pod (mutable: the engine owns it).</summary>
internal sealed class ContainerRuntime(Container spec, ContainerKind kind, int index)
{
    public Container Spec { get; } = spec;

    public ContainerKind Kind { get; } = kind;

    public int Index { get; } = index;

    public string Name => Spec.Name;

    public RuntimePhase Phase
    {
        get;
        set => Set(ref field, value);
    } = RuntimePhase.NotCreated;

    /// <summary>Instances created so far; restartCount is this minus one.</summary>
    public int Starts
    {
        get;
        set => Set(ref field, value);
    }

    /// <summary>Waiting reason/message while not running (pull errors, CrashLoopBackOff); empty: the default reason.</summary>
    public string WaitingReason
    {
        get;
        set => Set(ref field, value);
    } = "";

    public string WaitingMessage
    {
        get;
        set => Set(ref field, value);
    } = "";

    public DateTimeOffset StartedAt
    {
        get;
        set => Set(ref field, value);
    }

    public DateTimeOffset FinishedAt
    {
        get;
        set => Set(ref field, value);
    }

    public int ExitCode
    {
        get;
        set => Set(ref field, value);
    }

    public string TerminationReason
    {
        get;
        set => Set(ref field, value);
    } = "";

    public ContainerStateTerminated? LastTermination
    {
        get;
        set => SetReference(ref field, value);
    }

    /// <summary>
    /// The newest instance has exited and has not yet moved to <see cref="LastTermination"/> (no new instance, no
    /// waiting reason since). The runtime still holds that exited container, so the kubelet keeps reporting it as
    /// the state (ContainerStatusSynthesis.KeepsTerminatedUntilRestart).
    /// </summary>
    public bool ExitPending
    {
        get;
        set => Set(ref field, value);
    }

    public bool Ready
    {
        get;
        set => Set(ref field, value);
    }

    public bool Started
    {
        get;
        set => Set(ref field, value);
    }

    /// <summary>Bumped on every new instance, so actions scheduled for an old instance are ignored.</summary>
    public int Generation { get; set; }

    /// <summary>Set once the kubelet decided not to restart it (restart policy), or it was stopped for good.</summary>
    public bool Final { get; set; }

    /// <summary>
    /// Bumped whenever a field the published status reads changes: the kubelet's status update rebuilds this
    /// container's status only when it moved (PodRun.Status), as most syncs of a crash loop change nothing.
    /// </summary>
    public int Version { get; private set; }

    /// <summary>The status last built for <see cref="Version"/> (PodRun.Status's cache).</summary>
    public ContainerStatus? PublishedStatus { get; set; }

    public int PublishedVersion { get; set; } = -1;

    /// <summary>The runtime ID of instance <see cref="ContainerIdStarts"/>, built once per instance.</summary>
    public string? ContainerId { get; set; }

    public int ContainerIdStarts { get; set; } = -1;

    /// <summary>The image ID, built once (the image never changes).</summary>
    public string? ImageId { get; set; }

    /// <summary>The crash-loop backoff key (BackoffKeys.Container), built once.</summary>
    public string? BackoffKey { get; set; }

    /// <summary>The last crash-loop decision to wait, handed back to the next one (CrashLoopBackoff.Decide reuses a same wait).</summary>
    public Backoff.CrashLoopDecision? LastBackoff { get; set; }

    /// <summary>The last Warning BackOff event: its repeats differ only in time.</summary>
    public Events.PodEvent? BackOffEvent { get; set; }

    /// <summary>The image-present, Created and Started events of this container: every restart repeats them but for the time.</summary>
    public Events.PodEvent? PresentEvent { get; set; }

    public Events.PodEvent? CreatedEvent { get; set; }

    /// <summary>The last state built for <see cref="LastTermination"/> (PodRun.Status).</summary>
    public ContainerState? LastState { get; set; }

    public Events.PodEvent? StartedEvent { get; set; }

    /// <summary>How the current instance will exit (PodRun.PlanExit): read when its exit comes due.</summary>
    public int PlannedExitCode { get; set; }

    public string PlannedExitReason { get; set; } = "";

    /// <summary>The queued exit and readiness of an instance, one delegate each per container (PodRun.CreateAndStart).</summary>
    public Action<int>? ExitAction { get; set; }

    public Action<int>? ReadyAction { get; set; }

    /// <summary>The states last reported for this container, reused while unchanged (PodRun.Status).</summary>
    public ContainerState? RunningState { get; set; }

    public ContainerState? TerminatedState { get; set; }

    public ContainerState? WaitingState { get; set; }

    /// <summary>The last container-config verdict, the pod object and the objects version it was read for (PodRun.ConfigError).</summary>
    public ContainerEnv.EnvError? ConfigErrorResult { get; set; }

    public Pod? ConfigCheckedFor { get; set; }

    public int ConfigObjectsVersion { get; set; }

    /// <summary>
    /// Removed by a RestartAllContainers restart and not started since: the status already counts the restart
    /// (PHASE-020, old restartCount + 1), and the next instance does not count it again.
    /// </summary>
    public bool RestartAllPending
    {
        get;
        set => Set(ref field, value);
    }

    public int RestartCount => Math.Max(0, Starts - 1) + (RestartAllPending ? 1 : 0);

    public bool IsRunning => Phase == RuntimePhase.Running;

    public bool HasExited => Phase == RuntimePhase.Exited;

    public bool Succeeded => Phase == RuntimePhase.Exited && ExitCode == 0;

    /// <summary>The versioned setters: a field the published status reads changes, so <see cref="Version"/> moves.</summary>
    private void Set<T>(ref T field, T value)
    {
        if (!EqualityComparer<T>.Default.Equals(field, value))
        {
            field = value;
            Version++;
        }
    }

    /// <summary>As <see cref="Set"/>, by reference: a new termination record is a change even when equal to the last.</summary>
    private void SetReference<T>(ref T? field, T? value)
        where T : class
    {
        if (!ReferenceEquals(field, value))
        {
            field = value;
            Version++;
        }
    }
}
