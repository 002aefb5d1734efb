using PodConformance.Model.Api;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Resources;

namespace PodConformance.Model.Scheduling;

/// <summary>
/// framework.NodeInfo reduced to what the modelled filters read: the node, the pods the scheduler's cache holds on it
/// (bound by spec.nodeName, terminal pods dropped), the sum of their effective requests and the host ports they use.
/// </summary>
public sealed class NodeInfo
{
    private readonly List<Pod> _pods = [];

    public NodeInfo(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        Node = node;
    }

    public Node Node { get; }

    public string Name => Node.Name;

    public IReadOnlyList<Pod> Pods => _pods;

    public SchedulerResources Requested { get; } = new();

    public HostPortInfo UsedPorts { get; } = new();

    /// <summary>
    /// Adds <paramref name="pod"/> as one of the node's pods (the caller checked that it counts); its sidecars' host
    /// ports count when <paramref name="sidecarPorts"/> (1.33+, <see cref="HostPortInfo.PortsOf"/>).
    /// </summary>
    public void AddPod(Pod pod, bool podLevelResources, bool sidecarPorts = true)
    {
        ArgumentNullException.ThrowIfNull(pod);
        _pods.Add(pod);
        Requested.Add(PodResources.PodRequests(pod.Spec, podLevelResources));
        foreach (var port in HostPortInfo.PortsOf(pod.Spec, sidecarPorts))
        {
            UsedPorts.Add(port.HostIP, port.Protocol, port.HostPort);
        }
    }

    /// <summary>
    /// One NodeInfo per node, in node order, holding every pod of <paramref name="pods"/> bound to it by
    /// spec.nodeName whose phase is not Succeeded or Failed (the scheduler's cache drops terminal pods).
    /// </summary>
    public static List<NodeInfo> Snapshot(IReadOnlyList<Node> nodes, IReadOnlyList<Pod>? pods, bool podLevelResources, bool sidecarPorts = true)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var infos = new List<NodeInfo>(nodes.Count);
        var byName = new Dictionary<string, NodeInfo>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var info = new NodeInfo(node);
            infos.Add(info);
            byName.TryAdd(node.Name, info);
        }

        if (pods is not null)
        {
            foreach (var pod in pods)
            {
                if (pod.Spec.NodeName.Length != 0 && !PodPhases.IsTerminal(pod.Status?.Phase)
                    && byName.TryGetValue(pod.Spec.NodeName, out var info))
                {
                    info.AddPod(pod, podLevelResources, sidecarPorts);
                }
            }
        }

        return infos;
    }
}
