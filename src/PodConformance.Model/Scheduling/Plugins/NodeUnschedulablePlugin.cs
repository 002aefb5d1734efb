using PodConformance.Model.Api;

namespace PodConformance.Model.Scheduling;

/// <summary>NodeUnschedulable (SCHED-002): a cordoned node rejects pods that do not tolerate node.kubernetes.io/unschedulable:NoSchedule.</summary>
public sealed class NodeUnschedulablePlugin : IFilterPlugin
{
    public const string PluginName = "NodeUnschedulable";
    public const string ErrReasonUnschedulable = "node(s) were unschedulable";

    private static readonly Taint UnschedulableTaint = new() { Key = Tolerations.UnschedulableTaintKey, Effect = Tolerations.NoSchedule };

    public static NodeUnschedulablePlugin Instance { get; } = new();

    public string Name => PluginName;

    public string Rule => SchedulingRules.Unschedulable;

    public FilterStatus? PreFilter(SchedulingPod pod) => null;

    public FilterStatus? Filter(SchedulingPod pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        return node.Node.Unschedulable && !Tolerations.AnyTolerates(pod.Spec, UnschedulableTaint)
            ? FilterStatus.Unresolvable(PluginName, ErrReasonUnschedulable)
            : null;
    }
}
