using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Warnings;

/// <summary>
/// Container ports across all containers, in <c>pods.VisitContainersWithPath</c> order (init, regular, ephemeral):
/// a hostIP without hostPort (WARN-024), a port/protocol pair defined again (WARN-025), and from 1.33 a port name used
/// again (WARN-026). Upstream keeps maps of the ports seen; the model rescans the earlier ports instead (a pod has few),
/// so a pod without such a port allocates nothing.
/// </summary>
public static partial class PodWarnings
{
    /// <summary>The duplicate-port-name check appears in warnings.go in 1.33 (absent from the 1.32 copy).</summary>
    private static readonly KubernetesVersion PortNamesSince = new(1, 33);

    private static ValueList<Container> ContainerList(PodSpec spec, int list) => list switch
    {
        0 => spec.InitContainers,
        1 => spec.Containers,
        _ => spec.EphemeralContainers,
    };

    private static string ContainerListPrefix(int list) => list switch
    {
        0 => "spec.initContainers[",
        1 => "spec.containers[",
        _ => "spec.ephemeralContainers[",
    };

    private static string PortPath(int list, int container, int port) =>
        ContainerListPrefix(list) + Invariant(container) + "].ports[" + Invariant(port) + "]";

    private static void Ports(PodSpec spec, ref List<PodWarning>? warnings)
    {
        for (int l = 0; l < 3; l++)
        {
            var containers = ContainerList(spec, l).AsSpan();
            for (int ci = 0; ci < containers.Length; ci++)
            {
                var ports = containers[ci].Ports.AsSpan();
                for (int pi = 0; pi < ports.Length; pi++)
                {
                    var port = ports[pi];
                    if (port.HostIP.Length != 0 && port.HostPort == 0)
                    {
                        // fmt's %+v of the internal ContainerPort struct, fields in declaration order, strings bare.
                        Add(ref warnings, HostIpWithoutHostPort, PortPath(l, ci, pi) + ": hostIP set without hostPort: {Name:" + port.Name
                            + " HostPort:" + Invariant(port.HostPort) + " ContainerPort:" + Invariant(port.Port) + " Protocol:" + port.Protocol + " HostIP:" + port.HostIP + "}");
                    }

                    SamePortEarlier(spec, l, ci, pi, port, ref warnings);
                }
            }
        }
    }

    /// <summary>Every earlier port with the same containerPort and protocol (the <c>"%d/%s"</c> key), oldest first.</summary>
    private static void SamePortEarlier(PodSpec spec, int l, int ci, int pi, ContainerPort port, ref List<PodWarning>? warnings)
    {
        for (int l2 = 0; l2 <= l; l2++)
        {
            var containers = ContainerList(spec, l2).AsSpan();
            int lastContainer = l2 == l ? ci : containers.Length - 1;
            for (int c2 = 0; c2 <= lastContainer; c2++)
            {
                var ports = containers[c2].Ports.AsSpan();
                int end = l2 == l && c2 == ci ? pi : ports.Length;
                for (int p2 = 0; p2 < end; p2++)
                {
                    var other = ports[p2];
                    if (other.Port != port.Port || !string.Equals(other.Protocol, port.Protocol, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    string? what = null;
                    bool sameHostIp = string.Equals(port.HostIP, other.HostIP, StringComparison.Ordinal);
                    if (sameHostIp && port.HostPort == other.HostPort)
                    {
                        what = ": duplicate port definition with ";
                    }
                    else if (port.HostPort == 0 || other.HostPort == 0)
                    {
                        what = ": overlapping port definition with ";
                    }
                    else if (port.HostPort == other.HostPort && (port.HostIP.Length == 0) != (other.HostIP.Length == 0))
                    {
                        what = ": dangerously ambiguous port definition with ";
                    }

                    if (what is not null)
                    {
                        Add(ref warnings, ConflictingPortDefinition, PortPath(l, ci, pi) + what + PortPath(l2, c2, p2));
                    }
                }
            }
        }
    }

    /// <summary>WARN-026: a named port whose name an earlier port (any container) has; the first one is what a name selects.</summary>
    private static void DuplicatePortNames(PodSpec spec, Profile profile, ref List<PodWarning>? warnings)
    {
        if (profile.Version < PortNamesSince)
        {
            return;
        }

        for (int l = 0; l < 3; l++)
        {
            var containers = ContainerList(spec, l).AsSpan();
            for (int ci = 0; ci < containers.Length; ci++)
            {
                var ports = containers[ci].Ports.AsSpan();
                for (int pi = 0; pi < ports.Length; pi++)
                {
                    if (ports[pi].Name.Length != 0 && FirstNamed(spec, l, ci, pi, ports[pi].Name) is var (l2, c2, p2) && l2 >= 0)
                    {
                        string other = PortPath(l2, c2, p2);
                        Add(ref warnings, DuplicatePortName, PortPath(l, ci, pi) + ": duplicate port name " + Validation.GoQuote.Quote(ports[pi].Name) + " with " + other
                            + ", services and probes that select ports by name will use " + other);
                    }
                }
            }
        }
    }

    /// <summary>The first port before (l, ci, pi) named <paramref name="name"/>, or (-1, -1, -1).</summary>
    private static (int List, int Container, int Port) FirstNamed(PodSpec spec, int l, int ci, int pi, string name)
    {
        for (int l2 = 0; l2 <= l; l2++)
        {
            var containers = ContainerList(spec, l2).AsSpan();
            int lastContainer = l2 == l ? ci : containers.Length - 1;
            for (int c2 = 0; c2 <= lastContainer; c2++)
            {
                var ports = containers[c2].Ports.AsSpan();
                int end = l2 == l && c2 == ci ? pi : ports.Length;
                for (int p2 = 0; p2 < end; p2++)
                {
                    if (string.Equals(ports[p2].Name, name, StringComparison.Ordinal))
                    {
                        return (l2, c2, p2);
                    }
                }
            }
        }

        return (-1, -1, -1);
    }
}
