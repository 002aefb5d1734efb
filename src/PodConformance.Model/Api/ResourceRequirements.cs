using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Api;

public sealed partial record ResourceRequirements
{
    public ValueMap<Quantity> Limits { get; init; }

    public ValueMap<Quantity> Requests { get; init; }

    public static ResourceRequirements Empty { get; } = new();
}

/// <summary>Resource names the model gives meaning to (core/v1 ResourceName constants).</summary>
public static class ResourceNames
{
    public const string Cpu = "cpu";
    public const string Memory = "memory";
    public const string EphemeralStorage = "ephemeral-storage";
    public const string Storage = "storage";
    public const string Pods = "pods";
    public const string HugePagesPrefix = "hugepages-";
    public const string DefaultNamespacePrefix = "kubernetes.io/";
    public const string RequestsPrefix = "requests.";
}
