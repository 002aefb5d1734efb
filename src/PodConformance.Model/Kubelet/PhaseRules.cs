namespace PodConformance.Model.Kubelet;

/// <summary>Spec rule IDs of spec/phase.md (the kubelet's <c>getPhase</c> and what surrounds it).</summary>
public static class PhaseRules
{
    /// <summary>Statuses are looked up by name in containerStatuses followed by initContainerStatuses; the first match wins.</summary>
    public const string StatusLookup = "PHASE-001";

    /// <summary>Classification of regular (non-sidecar) init containers: pending or failed.</summary>
    public const string RegularInit = "PHASE-002";

    /// <summary>Classification of sidecars: terminated ones are ignored, unstarted ones are pending.</summary>
    public const string Sidecar = "PHASE-003";

    /// <summary>Classification of regular containers: waiting with a last termination counts as stopped.</summary>
    public const string RegularContainer = "PHASE-004";

    /// <summary>Without ContainerRestartRules: a failed init container fails the pod only under restartPolicy Never.</summary>
    public const string FailedInitPodPolicy = "PHASE-005";

    /// <summary>With ContainerRestartRules: a failed init container that should not restart fails the pod.</summary>
    public const string FailedInitPerContainer = "PHASE-006";

    /// <summary>Pending: a pending init container, an unstarted sidecar before initialization, or a waiting container.</summary>
    public const string Pending = "PHASE-007";

    /// <summary>Running: something runs and every container has a status.</summary>
    public const string Running = "PHASE-008";

    /// <summary>A terminal (non-static) pod whose containers all stopped: Succeeded iff all exited 0.</summary>
    public const string TerminalPod = "PHASE-009";

    /// <summary>All stopped, without ContainerRestartRules: decided by the pod's restartPolicy.</summary>
    public const string AllStoppedPodPolicy = "PHASE-010";

    /// <summary>All stopped, with ContainerRestartRules: Running while any stopped container will restart.</summary>
    public const string AllStoppedPerContainer = "PHASE-011";

    /// <summary>Anything else (a container without status, no containers) is Pending; getPhase never returns Unknown.</summary>
    public const string DefaultPending = "PHASE-012";

    /// <summary>ContainerShouldRestart: container rules, then container policy, then pod policy.</summary>
    public const string ContainerShouldRestart = "PHASE-013";

    /// <summary>With RestartAllContainersOnContainerExits, a last termination with reason RestartingAllContainers is restartable.</summary>
    public const string RestartingAllContainersReason = "PHASE-014";

    /// <summary>A matching RestartAllContainers rule counts as restartable with its gate on (util.go at 1.35/1.36, spec/phase.md).</summary>
    public const string RestartAllContainersAction = "PHASE-015";

    /// <summary>podHasInitialized: some regular container has started in the current sandbox.</summary>
    public const string PodHasInitialized = "PHASE-016";

    /// <summary>A stored Succeeded or Failed phase never changes.</summary>
    public const string TerminalSticky = "PHASE-017";

    /// <summary>
    /// convertToAPIContainerStatuses: a container that will be restarted and has no cached start error keeps the
    /// runtime's newest (exited) instance as its state — terminated — until the new instance exists.
    /// </summary>
    public const string KeepsTerminatedUntilRestart = "PHASE-018";

    /// <summary>A cached start error (CrashLoopBackOff, ErrImagePull, CreateContainerConfigError…) becomes the waiting state; the terminated state moves to lastState.</summary>
    public const string CachedReasonWaits = "PHASE-019";

    /// <summary>RestartAllContainers: a removed container whose status was not waiting waits RestartingAllContainers, lastState 137, restartCount + 1.</summary>
    public const string RestartingAllContainersStatus = "PHASE-020";
}
