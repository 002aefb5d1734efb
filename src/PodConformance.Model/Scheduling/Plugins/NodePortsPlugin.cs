namespace PodConformance.Model.Scheduling;

/// <summary>
/// NodePorts (SCHED-013): PreFilter skips a pod without host ports; Filter rejects a node where any wanted host port
/// conflicts with one in use (HostPortInfo). The code is Unschedulable: preemption may free the port.
/// </summary>
public sealed class NodePortsPlugin : IFilterPlugin
{
    public const string PluginName = "NodePorts";
    public const string ErrReason = "node(s) didn't have free ports for the requested pod ports";

    public static NodePortsPlugin Instance { get; } = new();

    public string Name => PluginName;

    public string Rule => SchedulingRules.NodePorts;

    public FilterStatus? PreFilter(SchedulingPod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.HostPorts.Count == 0 ? FilterStatus.Skip(PluginName) : null;
    }

    public FilterStatus? Filter(SchedulingPod pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        foreach (var p in pod.HostPorts)
        {
            if (node.UsedPorts.CheckConflict(p.HostIP, p.Protocol, p.HostPort))
            {
                return FilterStatus.Unschedulable(PluginName, ErrReason);
            }
        }

        return null;
    }
}
