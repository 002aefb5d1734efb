namespace PodConformance.Model.Scheduling;

/// <summary>
/// The scheduler framework's status codes a PreEnqueue, PreFilter or Filter plugin returns (framework.Code), in the
/// subset the modelled plugins use. Only the two Unschedulable codes reject a node; Skip from PreFilter means the
/// plugin's Filter is not run at all.
/// </summary>
public enum FilterCode
{
    Success,

    /// <summary>The node does not fit now; preemption (evicting lower-priority pods) might make it fit.</summary>
    Unschedulable,

    /// <summary>The node does not fit and preemption cannot help (taints, selectors, node name, gates).</summary>
    UnschedulableAndUnresolvable,

    /// <summary>PreFilter only: the plugin has nothing to check for this pod; its Filter is skipped.</summary>
    Skip,
}
