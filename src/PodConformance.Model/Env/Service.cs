using PodConformance.Model.Collections;

namespace PodConformance.Model.ContainerEnv;

/// <summary>A Service as service-link variables see it: name, namespace, cluster IP and ports.</summary>
public sealed record Service
{
    public string Name { get; init; } = "";

    public string Namespace { get; init; } = "";

    /// <summary><c>None</c> (headless) and empty mean "no IP": such Services make no variables.</summary>
    public string ClusterIP { get; init; } = "";

    public ValueList<ServicePort> Ports { get; init; }

    /// <summary><c>IsServiceIPSet</c>.</summary>
    public bool HasClusterIP => ClusterIP.Length > 0 && ClusterIP != "None";

    /// <summary>A Service with one unnamed port, the shape of the upstream <c>buildService</c> helper.</summary>
    public static Service Create(string name, string @namespace, string clusterIP, string protocol, int port) =>
        new() { Name = name, Namespace = @namespace, ClusterIP = clusterIP, Ports = [new ServicePort { Protocol = protocol, Port = port }] };
}

public sealed record ServicePort
{
    public string Name { get; init; } = "";

    public int Port { get; init; }

    /// <summary>Empty means TCP.</summary>
    public string Protocol { get; init; } = "";
}
