using PodConformance.Model.Api;

namespace PodConformance.Model.Kubelet;

/// <summary>
/// Small pure pieces of the kubelet's <c>convertToAPIContainerStatuses</c> (pkg/kubelet/kubelet_pods.go) that a
/// simulator needs to write container statuses the way the kubelet does; strings are upstream's exactly.
/// </summary>
public static class ContainerStatusSynthesis
{
    public const string ContainerCreating = "ContainerCreating";
    public const string PodInitializing = "PodInitializing";
    public const string CrashLoopBackOff = "CrashLoopBackOff";
    public const string Completed = "Completed";

    /// <summary>kubecontainer.ContainerReasonStatusUnknown.</summary>
    public const string ContainerStatusUnknown = "ContainerStatusUnknown";

    /// <summary>Exit code written for a container that vanished from the runtime (128 + SIGKILL).</summary>
    public const int ContainerStatusUnknownExitCode = 137;

    /// <summary>Note the two spaces after the first full stop: upstream's string, unchanged.</summary>
    public const string ContainerStatusUnknownMessage =
        "The container could not be located when the pod was deleted.  The container used to be Running";

    /// <summary>KEP-5532 (1.35 alpha): reason on containers killed so that the whole pod restarts in place.</summary>
    public const string RestartingAllContainers = "RestartingAllContainers";

    public const string RestartingAllContainersMessage = "The container is removed because RestartAllContainers in place";

    /// <summary>Message of an init container whose runtime record is gone after the pod initialized.</summary>
    public const string InitContainerAssumedCompletedMessage =
        "Unable to get init container status from container runtime and pod has been initialized, treat it as exited normally";

    /// <summary>
    /// The waiting reason of a container the runtime does not know yet: <c>PodInitializing</c> when the pod has
    /// any init containers (sidecars included), else <c>ContainerCreating</c>. It applies to every list,
    /// init containers included — this is why STATUS shows PodInitializing.
    /// </summary>
    public static string DefaultWaitingReason(PodSpec spec) =>
        spec.InitContainers.Count > 0 ? PodInitializing : ContainerCreating;

    /// <summary>
    /// PHASE-018/019: what a container that should be restarted shows while its new instance does not exist yet. With a
    /// start error in the kubelet's reason cache (<paramref name="cachedReason"/> non-empty) it waits with that reason and
    /// the exit moves to lastState; without one, and when the newest runtime instance has exited, that instance's
    /// terminated state stays the state (so getPhase counts it as stopped, not waiting: the phase does not fall back
    /// to Pending while a restart pulls its image).
    /// </summary>
    public static bool KeepsTerminatedState(bool newestInstanceExited, string cachedReason)
    {
        ArgumentNullException.ThrowIfNull(cachedReason);
        if (cachedReason.Length != 0)
        {
            Coverage.RuleCoverage.Hit(PhaseRules.CachedReasonWaits);
            return false;
        }

        if (newestInstanceExited)
        {
            Coverage.RuleCoverage.Hit(PhaseRules.KeepsTerminatedUntilRestart);
        }

        return newestInstanceExited;
    }

    /// <summary>The status the kubelet starts from for a container with no runtime record.</summary>
    public static ContainerStatus DefaultStatus(Container container, PodSpec spec) => new()
    {
        Name = container.Name,
        Image = container.Image,
        State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = DefaultWaitingReason(spec) } },
    };

    /// <summary>
    /// A new state for a container that exited: the terminated state moves to <c>lastState</c> (a previous
    /// lastState is replaced, the API keeps one), and <paramref name="next"/> becomes the state. A status that
    /// is not terminated keeps its lastState.
    /// </summary>
    public static ContainerStatus MoveTerminatedToLastState(ContainerStatus status, ContainerState next) =>
        status.State.Terminated is { } t
            ? status with { State = next, LastState = new ContainerState { Terminated = t } }
            : status with { State = next };

    /// <summary>Back-off after an exit: waiting with <paramref name="reason"/> (e.g. CrashLoopBackOff), the exit in lastState.</summary>
    public static ContainerStatus EnterBackOff(ContainerStatus status, string reason, string message = "") =>
        MoveTerminatedToLastState(status, new ContainerState { Waiting = new ContainerStateWaiting { Reason = reason, Message = message } });

    /// <summary>
    /// A new instance started: running, the last exit in lastState, restartCount + 1 (it counts started
    /// instances). <c>ready</c> and <c>started</c> are left to the probe rules.
    /// </summary>
    public static ContainerStatus Restart(ContainerStatus status, DateTimeOffset startedAt)
    {
        var moved = MoveTerminatedToLastState(status, new ContainerState { Running = new ContainerStateRunning { StartedAt = startedAt } });
        return moved with { RestartCount = status.RestartCount + 1 };
    }

    /// <summary>The lastState written for a container that was Running and is no longer known to the runtime.</summary>
    public static ContainerState UnknownTermination() => new()
    {
        Terminated = new ContainerStateTerminated
        {
            Reason = ContainerStatusUnknown,
            Message = ContainerStatusUnknownMessage,
            ExitCode = ContainerStatusUnknownExitCode,
        },
    };

    /// <summary>
    /// A container whose previous status was Running and which has vanished from the runtime: waiting with the
    /// default reason, lastState <see cref="UnknownTermination"/>, restartCount + 1 unless the pod is being deleted.
    /// Upstream tests: <c>waitingWithLastTerminationUnknown(name, 0/1)</c> in TestConvertToAPIContainerStatuses.
    /// </summary>
    public static ContainerStatus VanishedWhileRunning(ContainerStatus previous, PodSpec spec, bool podIsBeingDeleted) =>
        previous with
        {
            State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = DefaultWaitingReason(spec) } },
            LastState = UnknownTermination(),
            RestartCount = podIsBeingDeleted ? previous.RestartCount : previous.RestartCount + 1,
            Ready = false,
        };

    /// <summary>
    /// A regular (non-sidecar) init container whose runtime record was garbage-collected after the pod
    /// initialized: reported as exited 0, reason Completed. Sidecars get <see cref="DefaultStatus"/> instead.
    /// </summary>
    public static ContainerStatus InitContainerAssumedCompleted(Container initContainer) => new()
    {
        Name = initContainer.Name,
        Image = initContainer.Image,
        State = new ContainerState
        {
            Terminated = new ContainerStateTerminated { Reason = Completed, Message = InitContainerAssumedCompletedMessage, ExitCode = 0 },
        },
    };
}
