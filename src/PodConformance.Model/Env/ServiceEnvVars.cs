using System.Globalization;
using PodConformance.Model.Collections;

namespace PodConformance.Model.ContainerEnv;

/// <summary>
/// pkg/kubelet/envvars (<c>FromServices</c>) and the kubelet's <c>getServiceEnvVarMap</c>: the Docker-link
/// style variables a container gets for Services (ENV-003).
/// </summary>
public static class ServiceEnvVars
{
    /// <summary>
    /// The master Service every cluster has, at kubeadm's default service CIDR (10.96.0.1, port https 443/TCP): what the
    /// model assumes when no object defines <c>default/kubernetes</c> (a stand-in address, not a Kubernetes constant).
    /// </summary>
    public static Service KubernetesService { get; } = new()
    {
        Name = "kubernetes",
        Namespace = "default",
        ClusterIP = "10.96.0.1",
        Ports = [new ServicePort { Name = "https", Port = 443, Protocol = "TCP" }],
    };

    /// <summary>The Service names always linked when they live in <c>default</c> (<c>masterServices</c>).</summary>
    public const string MasterServiceName = "kubernetes";

    public const string MasterNamespace = "default";

    /// <summary>
    /// <c>FromServices</c>, in its output order: per Service <c>_SERVICE_HOST</c>, <c>_SERVICE_PORT</c>, one
    /// <c>_SERVICE_PORT_&lt;NAME&gt;</c> per named port, then per port the link variables
    /// (<c>_PORT</c> for the first port only). Services without a cluster IP are skipped.
    /// </summary>
    public static ValueList<KeyValuePair<string, string>> FromServices(IEnumerable<Service> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var result = new List<KeyValuePair<string, string>>();
        foreach (var service in services)
        {
            if (!service.HasClusterIP || service.Ports.IsEmpty)
            {
                // Validation requires a port for a ClusterIP Service; Go would index out of range here.
                continue;
            }

            string prefix = VariableName(service.Name);
            Add(result, prefix + "_SERVICE_HOST", service.ClusterIP);
            string portName = prefix + "_SERVICE_PORT";
            Add(result, portName, Itoa(service.Ports[0].Port));
            foreach (var port in service.Ports)
            {
                if (port.Name.Length > 0)
                {
                    Add(result, portName + "_" + VariableName(port.Name), Itoa(port.Port));
                }
            }

            AddLinkVariables(result, prefix, service);
        }

        return result.ToValueList();
    }

    /// <summary>
    /// <c>getServiceEnvVarMap</c>: Services with a cluster IP; <c>kubernetes</c> in <c>default</c> always (unless
    /// a Service of the same name was already taken), other Services of the pod's namespace only with
    /// enableServiceLinks, where a same-named one replaces the master service. Null services means the
    /// kubelet has no Service lister (no variables at all).
    /// </summary>
    public static Dictionary<string, string> ForPod(string podNamespace, bool enableServiceLinks, IReadOnlyList<Service>? services)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (services is null)
        {
            return map;
        }

        var byName = new SortedDictionary<string, Service>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            if (!service.HasClusterIP)
            {
                continue;
            }

            if (service.Namespace == MasterNamespace && service.Name == MasterServiceName)
            {
                byName.TryAdd(service.Name, service);
            }
            else if (service.Namespace == podNamespace && enableServiceLinks)
            {
                byName[service.Name] = service;
            }
        }

        // Go iterates its map in random order; two names that map to one variable (a-b, a_b) would race.
        // The model processes Services in name order, later names winning (documented in spec/env.md).
        foreach (var (name, value) in FromServices(byName.Values))
        {
            map[name] = value;
        }

        return map;
    }

    /// <summary><c>makeEnvVariableName</c>: upper-case, <c>-</c> → <c>_</c>.</summary>
    public static string VariableName(string name) => name.Replace('-', '_').ToUpperInvariant();

    private static void AddLinkVariables(List<KeyValuePair<string, string>> result, string prefix, Service service)
    {
        for (int i = 0; i < service.Ports.Count; i++)
        {
            var port = service.Ports[i];
            string protocol = port.Protocol.Length == 0 ? "TCP" : port.Protocol;
            string lower = protocol.ToLowerInvariant();
            string url = lower + "://" + JoinHostPort(service.ClusterIP, Itoa(port.Port));
            if (i == 0)
            {
                Add(result, prefix + "_PORT", url);
            }

            string portPrefix = prefix + "_PORT_" + Itoa(port.Port) + "_" + protocol.ToUpperInvariant();
            Add(result, portPrefix, url);
            Add(result, portPrefix + "_PROTO", lower);
            Add(result, portPrefix + "_PORT", Itoa(port.Port));
            Add(result, portPrefix + "_ADDR", service.ClusterIP);
        }
    }

    /// <summary><c>net.JoinHostPort</c>: brackets a host containing a colon (IPv6).</summary>
    private static string JoinHostPort(string host, string port) =>
        host.Contains(':', StringComparison.Ordinal) ? "[" + host + "]:" + port : host + ":" + port;

    private static string Itoa(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Add(List<KeyValuePair<string, string>> list, string name, string value) => list.Add(new(name, value));
}
