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

    public RuntimePhase Phase { get; set; } = RuntimePhase.NotCreated;

    /// <summary>Instances created so far; restartCount is this minus one.</summary>
    public int Starts { get; set; }

    /// <summary>Waiting reason/message while not running (pull errors, CrashLoopBackOff); empty: the default reason.</summary>
    public string WaitingReason { get; set; } = "";

    public string WaitingMessage { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset FinishedAt { get; set; }

    public int ExitCode { get; set; }

    public string TerminationReason { get; set; } = "";

    public ContainerStateTerminated? LastTermination { get; set; }

    /// <summary>
    /// The newest instance has exited and has not yet moved to <see cref="LastTermination"/> (no new instance, no
    /// waiting reason since). The runtime still holds that exited container, so the kubelet keeps reporting it as
    /// the state (ContainerStatusSynthesis.KeepsTerminatedUntilRestart).
    /// </summary>
    public bool ExitPending { get; set; }

    public bool Ready { get; set; }

    public bool Started { get; set; }

    /// <summary>Bumped on every new instance, so actions scheduled for an old instance are ignored.</summary>
    public int Generation { get; set; }

    /// <summary>Set once the kubelet decided not to restart it (restart policy), or it was stopped for good.</summary>
    public bool Final { get; set; }

    /// <summary>
    /// Removed by a RestartAllContainers restart and not started since: the status already counts the restart
    /// (PHASE-020, old restartCount + 1), and the next instance does not count it again.
    /// </summary>
    public bool RestartAllPending { get; set; }

    public int RestartCount => Math.Max(0, Starts - 1) + (RestartAllPending ? 1 : 0);

    public bool IsRunning => Phase == RuntimePhase.Running;

    public bool HasExited => Phase == RuntimePhase.Exited;

    public bool Succeeded => Phase == RuntimePhase.Exited && ExitCode == 0;
}
