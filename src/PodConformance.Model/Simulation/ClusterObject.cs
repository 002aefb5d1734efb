using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;

namespace PodConformance.Model.Simulation;

/// <summary>
/// An object other than a Pod that the kubelet reads while it starts containers (spec/scenario.md, <c>objects</c> and
/// the <c>create</c> step): a ConfigMap or Secret (its data as the kubelet reads it: Secret bytes made a string) or a
/// Service (for service-link variables).
/// </summary>
public sealed record ClusterObject
{
    public const string ConfigMapKind = "ConfigMap";
    public const string SecretKind = "Secret";
    public const string ServiceKind = "Service";

    public string Kind { get; init; } = "";

    /// <summary>Empty means <c>default</c>.</summary>
    public string Namespace { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>ConfigMap <c>data</c>, or Secret data (stringData merged).</summary>
    public ValueMap<string> Data { get; init; }

    /// <summary>Kind Service: its cluster IP and ports.</summary>
    public Service? Service { get; init; }

    public string EffectiveNamespace => Namespace.Length == 0 ? "default" : Namespace;

    public static ClusterObject ConfigMap(string @namespace, string name, ValueMap<string> data) =>
        new() { Kind = ConfigMapKind, Namespace = @namespace, Name = name, Data = data };

    public static ClusterObject Secret(string @namespace, string name, ValueMap<string> data) =>
        new() { Kind = SecretKind, Namespace = @namespace, Name = name, Data = data };

    public static ClusterObject FromService(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return new() { Kind = ServiceKind, Namespace = service.Namespace, Name = service.Name, Service = service };
    }

    /// <summary>
    /// What env assembly reads for a pod of <paramref name="podNamespace"/>: that namespace's ConfigMaps and Secrets (a
    /// later object of the same name wins, as a later write would) and every Service, plus the <c>default/kubernetes</c>
    /// Service every cluster has unless the objects define it.
    /// </summary>
    public static EnvInputs InputsFor(IReadOnlyList<ClusterObject> objects, string podNamespace, EnvInputs baseInputs)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(baseInputs);
        string ns = podNamespace.Length == 0 ? "default" : podNamespace;
        // Built with one sort each: a SetItem per object is quadratic in the objects (ValueMap.Builder).
        var configMaps = new ValueMap<ValueMap<string>>.Builder(baseInputs.ConfigMaps);
        var secrets = new ValueMap<ValueMap<string>>.Builder(baseInputs.Secrets);
        var services = new List<Service>(baseInputs.Services ?? ValueList<Service>.Empty);
        bool master = false;
        foreach (var o in objects)
        {
            switch (o.Kind)
            {
                case ConfigMapKind when o.EffectiveNamespace == ns:
                    configMaps.SetItem(o.Name, o.Data);
                    break;
                case SecretKind when o.EffectiveNamespace == ns:
                    secrets.SetItem(o.Name, o.Data);
                    break;
                case ServiceKind when o.Service is { } s:
                    services.Add(s);
                    master |= s.Namespace == "default" && s.Name == "kubernetes";
                    break;
            }
        }

        foreach (var s in services)
        {
            master |= s.Namespace == "default" && s.Name == "kubernetes";
        }

        if (!master)
        {
            services.Insert(0, ServiceEnvVars.KubernetesService);
        }

        return baseInputs with { ConfigMaps = configMaps.ToValueMap(), Secrets = secrets.ToValueMap(), Services = services.ToValueList() };
    }
}
