using PodConformance.Model.Api;

namespace PodConformance.Model.Scheduling;

/// <summary>
/// framework.HostPortInfo: host ports in use on a node, by host IP, then protocol and port. An empty IP means
/// 0.0.0.0 and an empty protocol TCP (sanitize). A wanted port conflicts with the same protocol/port on the same IP or
/// on 0.0.0.0; a wanted 0.0.0.0 conflicts with that protocol/port on any IP (SCHED-013).
/// </summary>
public sealed class HostPortInfo
{
    public const string BindAllHostIp = "0.0.0.0";

    private readonly Dictionary<string, HashSet<(string Protocol, int Port)>> _byIp = new(StringComparer.Ordinal);

    public void Add(string ip, string protocol, int port)
    {
        if (port <= 0)
        {
            return;
        }

        Sanitize(ref ip, ref protocol);
        if (!_byIp.TryGetValue(ip, out var set))
        {
            _byIp[ip] = set = [];
        }

        set.Add((protocol, port));
    }

    public bool CheckConflict(string ip, string protocol, int port)
    {
        if (port <= 0)
        {
            return false;
        }

        Sanitize(ref ip, ref protocol);
        var key = (protocol, port);
        if (ip == BindAllHostIp)
        {
            foreach (var set in _byIp.Values)
            {
                if (set.Contains(key))
                {
                    return true;
                }
            }

            return false;
        }

        return (_byIp.TryGetValue(BindAllHostIp, out var any) && any.Contains(key))
            || (_byIp.TryGetValue(ip, out var same) && same.Contains(key));
    }

    /// <summary>The first release whose scheduler counts sidecar host ports (SCHED-013: schedutil.GetHostPorts).</summary>
    public static Profiles.KubernetesVersion SidecarPortsSince { get; } = new(1, 33);

    /// <summary>
    /// schedutil.GetHostPorts (1.33+): ports with hostPort &gt; 0 of sidecars (init containers with restartPolicy Always),
    /// then regular containers. With <paramref name="sidecars"/> false, 1.28–1.32: the NodePorts plugin's
    /// getContainerPorts and NodeInfo.updateUsedPorts read <c>spec.containers</c> only.
    /// </summary>
    public static IReadOnlyList<ContainerPort> PortsOf(PodSpec spec, bool sidecars = true)
    {
        ArgumentNullException.ThrowIfNull(spec);
        List<ContainerPort>? ports = null;
        foreach (var c in spec.InitContainers)
        {
            if (sidecars && c.IsSidecarPolicy)
            {
                Collect(c, ref ports);
            }
        }

        foreach (var c in spec.Containers)
        {
            Collect(c, ref ports);
        }

        return ports ?? (IReadOnlyList<ContainerPort>)[];

        static void Collect(Container c, ref List<ContainerPort>? ports)
        {
            foreach (var p in c.Ports)
            {
                if (p.HostPort > 0)
                {
                    (ports ??= []).Add(p);
                }
            }
        }
    }

    private static void Sanitize(ref string ip, ref string protocol)
    {
        if (ip.Length == 0)
        {
            ip = BindAllHostIp;
        }

        if (protocol.Length == 0)
        {
            protocol = "TCP";
        }
    }
}
