namespace PodConformance.Model.Scheduling;

/// <summary>NodeName (SCHED-010): a pod that names a node fits only that node.</summary>
public sealed class NodeNamePlugin : IFilterPlugin
{
    public const string PluginName = "NodeName";
    public const string ErrReason = "node(s) didn't match the requested node name";

    public static NodeNamePlugin Instance { get; } = new();

    public string Name => PluginName;

    public string Rule => SchedulingRules.NodeName;

    public FilterStatus? PreFilter(SchedulingPod pod) => null;

    public FilterStatus? Filter(SchedulingPod pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        string wanted = pod.Spec.NodeName;
        return wanted.Length == 0 || string.Equals(wanted, node.Name, StringComparison.Ordinal)
            ? null
            : FilterStatus.Unresolvable(PluginName, ErrReason);
    }
}
