using PodConformance.Model.Profiles;

namespace PodConformance.Model.Events;

/// <summary>
/// The events a Pod's life produces, one factory per message, worded as the release in <see cref="Profile"/>
/// words it. Scheduler events come first here; image events are in EventCatalog.Images.cs and container events in
/// EventCatalog.Containers.cs. Every event is a single occurrence; <see cref="EventAggregator"/> folds repeats.
/// </summary>
public static partial class EventCatalog
{
    /// <summary>
    /// EVENT-001. Scheduler <c>pkg/scheduler/schedule_one.go</c> (<c>handleBindingCycleError</c>'s success path,
    /// <c>finishBinding</c>): Normal Scheduled "Successfully assigned %v/%v to %v" (namespace/name to node).
    /// Same wording 1.28–1.37.
    /// </summary>
    public static PodEvent Scheduled(PodRef pod, string nodeName, DateTimeOffset at) =>
        PodEvent.Once(PodEventType.Normal, EventReasons.Scheduled,
            "Successfully assigned " + pod.Namespace + "/" + pod.Name + " to " + nodeName,
            EventSources.Scheduler, null, at, EventRules.Scheduled);

    /// <summary>
    /// EVENT-002. Scheduler <c>pkg/scheduler/schedule_one.go</c> <c>handleSchedulingFailure</c>: Warning
    /// FailedScheduling with the fit error's text (<c>0/3 nodes are available: …</c>), which the caller computes.
    /// </summary>
    public static PodEvent FailedScheduling(string message, DateTimeOffset at) =>
        PodEvent.Once(PodEventType.Warning, EventReasons.FailedScheduling, message,
            EventSources.Scheduler, null, at, EventRules.FailedScheduling);

    /// <summary>
    /// EVENT-014. Kubelet eviction manager <c>pkg/kubelet/eviction/eviction_manager.go</c> <c>evictPod</c>:
    /// Warning Evicted on the pod (no field path) with the eviction message, which the caller computes
    /// ("The node was low on resource: memory. …").
    /// </summary>
    public static PodEvent Evicted(string message, DateTimeOffset at) =>
        PodEvent.Once(PodEventType.Warning, EventReasons.Evicted, message, EventSources.Kubelet, null, at, EventRules.Evicted);

    private static PodEvent Kubelet(PodEventType type, string reason, string message, ContainerRef container,
        DateTimeOffset at, string rule) =>
        PodEvent.Once(type, reason, message, EventSources.Kubelet, container.FieldPath, at, rule);

    /// <summary>Go's <c>%q</c> of a string, as every image message quotes the image.</summary>
    private static string Quote(string s) => Validation.GoQuote.Quote(s);

    private static bool AtLeast(Profile profile, int minor) => profile.Version >= new KubernetesVersion(1, minor);
}
