using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;

namespace PodConformance.Model.Tests.EnvSpec;

/// <summary>Named factories for env tests, shaped after the upstream test helpers.</summary>
internal static class EnvTestPods
{
    public const string PodName = "dapi-test-pod-name";

    /// <summary>The node of the upstream test kubelet: testKubeletHostIP and testKubeletHostIPv6.</summary>
    public static readonly Node TestNode = new() { Name = "node-name", Addresses = ["127.0.0.1", "::1"] };

    /// <summary>The Services of TestMakeEnvironmentVariables (buildService calls), in its order.</summary>
    public static readonly ValueList<Service> UpstreamServices =
    [
        Service.Create("kubernetes", "default", "1.2.3.1", "TCP", 8081),
        Service.Create("test", "test1", "1.2.3.3", "TCP", 8083),
        Service.Create("kubernetes", "test2", "1.2.3.4", "TCP", 8084),
        Service.Create("test", "test2", "1.2.3.5", "TCP", 8085),
        Service.Create("test", "test2", "None", "TCP", 8085),
        Service.Create("test", "test2", "", "TCP", 8085),
        Service.Create("not-special", "default", "1.2.3.8", "TCP", 8088),
        Service.Create("not-special", "default", "None", "TCP", 8088),
        Service.Create("not-special", "default", "", "TCP", 8088),
    ];

    /// <summary>The upstream test pod: name, namespace, serviceAccountName "special", nodeName "node-name".</summary>
    public static Pod UpstreamPod(string ns, bool? enableServiceLinks, bool staticPod = false) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = PodName,
            Namespace = ns,
            Annotations = staticPod ? ValueMap.Of(("kubernetes.io/config.source", "file")) : ValueMap<string>.Empty,
        },
        Spec = new PodSpec { ServiceAccountName = "special", NodeName = "node-name", EnableServiceLinks = enableServiceLinks },
    };

    public static EnvVar Literal(string name, string value = "") => new() { Name = name, Value = value };

    public static EnvVar FieldRef(string name, string path, string apiVersion = "v1") =>
        new() { Name = name, ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { ApiVersion = apiVersion, FieldPath = path } } };

    public static EnvVar ResourceRef(string name, string resource, string containerName = "", string? divisor = null) =>
        new()
        {
            Name = name,
            ValueFrom = new EnvVarSource
            {
                ResourceFieldRef = new ResourceFieldSelector
                {
                    Resource = resource, ContainerName = containerName, Divisor = divisor is null ? null : Model.Quantities.Quantity.Parse(divisor),
                },
            },
        };

    public static EnvVar ConfigMapKey(string name, string configMap, string key, bool? optional = null) =>
        new() { Name = name, ValueFrom = new EnvVarSource { ConfigMapKeyRef = new KeySelector { Name = configMap, Key = key, Optional = optional } } };

    public static EnvVar SecretKey(string name, string secret, string key, bool? optional = null) =>
        new() { Name = name, ValueFrom = new EnvVarSource { SecretKeyRef = new KeySelector { Name = secret, Key = key, Optional = optional } } };

    public static EnvFromSource FromConfigMap(string name, string prefix = "", bool? optional = null) =>
        new() { Prefix = prefix, ConfigMapRef = new ObjectReference { Name = name, Optional = optional } };

    public static EnvFromSource FromSecret(string name, string prefix = "", bool? optional = null) =>
        new() { Prefix = prefix, SecretRef = new ObjectReference { Name = name, Optional = optional } };

    public static ValueMap<string> Data(params (string Key, string Value)[] items) => ValueMap.Of(items);

    public static ValueMap<ValueMap<string>> Objects(string name, ValueMap<string> data) => ValueMap.Of((name, data));

    /// <summary>The seven variables of a one-port TCP Service (FromServices).</summary>
    public static (string Name, string Value)[] ServiceVars(string prefix, string ip, int port)
    {
        string p = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            (prefix + "_SERVICE_HOST", ip),
            (prefix + "_SERVICE_PORT", p),
            (prefix + "_PORT", "tcp://" + ip + ":" + p),
            (prefix + "_PORT_" + p + "_TCP", "tcp://" + ip + ":" + p),
            (prefix + "_PORT_" + p + "_TCP_PROTO", "tcp"),
            (prefix + "_PORT_" + p + "_TCP_PORT", p),
            (prefix + "_PORT_" + p + "_TCP_ADDR", ip),
        ];
    }

    public static (string Name, string Value)[] MasterVars => ServiceVars("KUBERNETES", "1.2.3.1", 8081);

    public static (string, string)[] Join(params (string, string)[][] parts)
    {
        var all = new List<(string, string)>();
        foreach (var p in parts)
        {
            all.AddRange(p);
        }

        return [.. all];
    }
}
