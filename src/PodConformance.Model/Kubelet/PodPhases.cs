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
    /// kubetypes.PodConditionByKubelet: the types the kubelet regenerates on every sync, so it drops stored
    /// copies of them. (Resize conditions are the kubelet's too; DisruptionTarget is copied over separately.)
    /// </summary>
    public static bool IsOwnedByKubelet(string type) => type switch
    {
        PodScheduled or Ready or Initialized or ContainersReady or PodReadyToStartContainers
            or PodResizePending or PodResizeInProgress or AllContainersRestarting => true,
        _ => false,
    };
}
