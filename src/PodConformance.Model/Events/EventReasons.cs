namespace PodConformance.Model.Events;

/// <summary>
/// Event reasons as the components spell them (kubelet <c>pkg/kubelet/events/event.go</c>, scheduler, eviction
/// manager). Several kubelet constants share one string: a failed pull and a failed create are both "Failed".
/// </summary>
public static class EventReasons
{
    public const string Scheduled = "Scheduled";
    public const string FailedScheduling = "FailedScheduling";
    public const string Pulling = "Pulling";
    public const string Pulled = "Pulled";
    public const string Failed = "Failed";
    public const string BackOff = "BackOff";
    public const string ErrImageNeverPull = "ErrImageNeverPull";
    public const string Created = "Created";
    public const string Started = "Started";
    public const string Killing = "Killing";
    public const string Evicted = "Evicted";
}

/// <summary>The reporting components shown in the From column.</summary>
public static class EventSources
{
    /// <summary>The scheduler's reportingController (it records through events.k8s.io, without source.component).</summary>
    public const string Scheduler = "default-scheduler";

    /// <summary>The kubelet's source.component; kubectl no longer prints source.host.</summary>
    public const string Kubelet = "kubelet";
}
