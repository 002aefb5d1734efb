using PodConformance.Model.Profiles;

namespace PodConformance.Model.Events;

/// <summary>
/// Container events: kubelet <c>pkg/kubelet/kuberuntime/kuberuntime_container.go</c> (<c>startContainer</c>,
/// <c>killContainer</c>) and <c>kuberuntime_manager.go</c> (<c>doBackOff</c>).
/// </summary>
public static partial class EventCatalog
{
    /// <summary>
    /// EVENT-010. Normal Created. 1.28–1.30 "Created container %s"; 1.31–1.34 "Created container: %v" (the colon came
    /// with startContainer passing a format and its arguments to recordContainerEvent: absent in kubeedge's vendored
    /// v1.28.6–v1.30.7 kubelet, present in its v1.31.11 and v1.32.10 ones); 1.35+ "Container created"
    /// (kubernetes#134043, merged 2025-09-12): the name left the message because kubectl 1.35 prints the field path
    /// instead (EVENT-024).
    /// </summary>
    public static PodEvent Created(Profile profile, ContainerRef container, DateTimeOffset at)
    {
        string message = AtLeast(profile, 35) ? "Container created"
            : AtLeast(profile, 31) ? "Created container: " + container.Name
            : "Created container " + container.Name;
        return Kubelet(PodEventType.Normal, EventReasons.Created, message, container, at, EventRules.Created);
    }

    /// <summary>EVENT-011. Normal Started. 1.28–1.34 "Started container %v" (no colon); 1.35+ "Container started" (kubernetes#134043).</summary>
    public static PodEvent Started(Profile profile, ContainerRef container, DateTimeOffset at)
    {
        string message = AtLeast(profile, 35) ? "Container started" : "Started container " + container.Name;
        return Kubelet(PodEventType.Normal, EventReasons.Started, message, container, at, EventRules.Started);
    }

    /// <summary>
    /// EVENT-012. Normal Killing "Stopping container %s" — killContainer's default when its caller gives no message
    /// (pod deletion, eviction). All releases.
    /// </summary>
    public static PodEvent Killing(ContainerRef container, DateTimeOffset at) =>
        Killing(container, "Stopping container " + container.Name, at);

    /// <summary>
    /// EVENT-012. Normal Killing "killing": the message SyncPod gives killContainer for a container it kills before
    /// removing it for a RestartAllContainers restart (SIM-016).
    /// </summary>
    public static PodEvent KillingForRestartAll(ContainerRef container, DateTimeOffset at) =>
        Killing(container, RestartAllKillMessage, at);

    /// <summary>kuberuntime_manager.go SyncPod's message for the kill before a RestartAllContainers removal.</summary>
    public const string RestartAllKillMessage = "killing";

    /// <summary>
    /// EVENT-012. Normal Killing with the caller's message, e.g. the prober's
    /// "Container web failed liveness probe, will be restarted".
    /// </summary>
    public static PodEvent Killing(ContainerRef container, string message, DateTimeOffset at) =>
        Kubelet(PodEventType.Normal, EventReasons.Killing, message, container, at, EventRules.Killing);

    /// <summary>
    /// EVENT-013. Warning BackOff "Back-off restarting failed container %s in pod %s", the pod as kubelet
    /// <c>format.Pod</c> prints it: <c>name_namespace(uid)</c>. All releases (the container name arrived in 1.26).
    /// </summary>
    public static PodEvent BackOffRestarting(ContainerRef container, PodRef pod, DateTimeOffset at) =>
        Kubelet(PodEventType.Warning, EventReasons.BackOff,
            "Back-off restarting failed container " + container.Name + " in pod " + pod.KubeletFormat,
            container, at, EventRules.BackOffRestart);

    /// <summary>
    /// EVENT-007. Warning Failed "Error: %v": startContainer's report of any step that failed, with the error's text.
    /// For image steps that is the error's name (<c>ErrImagePull</c>, <c>ImagePullBackOff</c>,
    /// <c>ErrImageNeverPull</c>); for a config failure it is the detail (<c>configmap "cfg" not found</c>), while the
    /// waiting reason is CreateContainerConfigError.
    /// </summary>
    public static PodEvent ContainerError(ContainerRef container, string error, DateTimeOffset at) =>
        Kubelet(PodEventType.Warning, EventReasons.Failed, "Error: " + error, container, at, EventRules.ErrorReason);
}
