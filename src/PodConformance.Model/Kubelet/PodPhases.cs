namespace PodConformance.Model.Kubelet;

/// <summary>The API's <c>status.phase</c> values, as strings because the API carries them as strings.</summary>
public static class PodPhases
{
    public const string Pending = "Pending";
    public const string Running = "Running";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";

    /// <summary>Exists in the API; the kubelet's getPhase never produces it (PHASE-012).</summary>
    public const string Unknown = "Unknown";

    public static bool IsTerminal(string? phase) =>
        string.Equals(phase, Succeeded, StringComparison.Ordinal) || string.Equals(phase, Failed, StringComparison.Ordinal);
}

/// <summary>Pod condition types, statuses and the kubelet's reasons, spelled exactly as upstream.</summary>
public static class PodConditionNames
{
    public const string PodReadyToStartContainers = "PodReadyToStartContainers";
    public const string Initialized = "Initialized";
    public const string Ready = "Ready";
    public const string ContainersReady = "ContainersReady";
    public const string PodScheduled = "PodScheduled";
    public const string DisruptionTarget = "DisruptionTarget";
    public const string AllContainersRestarting = "AllContainersRestarting";
    public const string PodResizePending = "PodResizePending";
    public const string PodResizeInProgress = "PodResizeInProgress";

    public const string True = "True";
    public const string False = "False";

    public const string UnknownContainerStatuses = "UnknownContainerStatuses";
    public const string PodCompleted = "PodCompleted";
    public const string PodFailed = "PodFailed";
    public const string ContainersNotReady = "ContainersNotReady";
    public const string ContainersNotInitialized = "ContainersNotInitialized";
    public const string ReadinessGatesNotReady = "ReadinessGatesNotReady";

    /// <summary>
    /// Every type kubetypes.PodConditionByKubelet owns in some release with its gate on (scenario steps may not set
    /// them). The kubelet's own drop is release-dependent: the overload with a profile. (DisruptionTarget is copied over separately.)
    /// </summary>
    public static bool IsOwnedByKubelet(string type) => type switch
    {
        PodScheduled or Ready or Initialized or ContainersReady or PodReadyToStartContainers
            or PodResizePending or PodResizeInProgress or AllContainersRestarting => true,
        _ => false,
    };

    /// <summary>
    /// COND-001: kubetypes.PodConditionByKubelet at <paramref name="profile"/>'s release. <c>PodConditionsByKubelet</c> is
    /// the four original types, plus PodResizeInProgress and PodResizePending from 1.33; PodReadyToStartContainers and
    /// AllContainersRestarting are owned only while their gates are on (pkg/kubelet/types/pod_status.go at v1.28.11,
    /// v1.32.12, v1.33.12, v1.35.5, v1.36.3 in fork copies, spec/conditions.md). A type not owned is kept as stored.
    /// </summary>
    public static bool IsOwnedByKubelet(string type, Profiles.Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return type switch
        {
            PodScheduled or Ready or Initialized or ContainersReady => true,
            PodResizePending or PodResizeInProgress => profile.Version >= ResizeConditionsOwnedSince,
            PodReadyToStartContainers => profile.IsEnabled(Profiles.FeatureGateNames.PodReadyToStartContainersCondition),
            AllContainersRestarting => profile.IsEnabled(Profiles.FeatureGateNames.RestartAllContainersOnContainerExits),
            _ => false,
        };
    }

    /// <summary>The first release whose PodConditionsByKubelet lists the resize conditions.</summary>
    public static Profiles.KubernetesVersion ResizeConditionsOwnedSince { get; } = new(1, 33);
}
