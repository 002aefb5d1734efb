namespace PodConformance.Model.Scheduling;

/// <summary>
/// NodeAffinity (SCHED-004): every spec.nodeSelector label must be on the node with that value. PreFilter skips a pod
/// with neither a nodeSelector nor required node affinity. Required node affinity
/// (spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution) is checked here once the Pod API
/// records carry it; until then a pod's affinity is not read (spec/scheduling.md says "not checked").
/// </summary>
public sealed class NodeAffinityPlugin : IFilterPlugin
{
    public const string PluginName = "NodeAffinity";
    public const string ErrReasonPod = "node(s) didn't match Pod's node affinity/selector";

    public static NodeAffinityPlugin Instance { get; } = new();

    public string Name => PluginName;

    public string Rule => SchedulingRules.NodeSelector;

    public FilterStatus? PreFilter(SchedulingPod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Spec.NodeSelector.IsEmpty ? FilterStatus.Skip(PluginName) : null;
    }

    public FilterStatus? Filter(SchedulingPod pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        foreach (var (key, value) in pod.Spec.NodeSelector)
        {
            if (!node.Node.Labels.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
            {
                return FilterStatus.Unresolvable(PluginName, ErrReasonPod);
            }
        }

        return null;
    }
}
