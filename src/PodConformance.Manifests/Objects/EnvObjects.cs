using System.Collections.Immutable;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;

namespace PodConformance.Manifests.Objects;

/// <summary>A ConfigMap's or Secret's data as the kubelet reads it: namespace, name, key → string.</summary>
public sealed record DataObject(string Namespace, string Name, ValueMap<string> Data);

/// <summary>
/// The ConfigMaps, Secrets and Services of manifests, mapped for env assembly, and the problems found. Objects
/// keep their namespace (empty → <c>default</c>); <see cref="InputsFor"/> picks those a pod can see.
/// </summary>
public sealed record EnvObjects(
    ImmutableArray<DataObject> ConfigMaps,
    ImmutableArray<DataObject> Secrets,
    ImmutableArray<Service> Services,
    ImmutableArray<ManifestDiagnostic> Diagnostics)
{
    public static EnvObjects Empty { get; } = new([], [], [], []);

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>
    /// <paramref name="baseInputs"/> with the ConfigMaps and Secrets of <paramref name="podNamespace"/> and every
    /// Service (the kubelet's informer holds all namespaces; ENV-003 picks). A later object of the same name wins.
    /// </summary>
    public EnvInputs InputsFor(string podNamespace, EnvInputs baseInputs)
    {
        ArgumentNullException.ThrowIfNull(baseInputs);
        string ns = podNamespace.Length == 0 ? "default" : podNamespace;
        return baseInputs with
        {
            ConfigMaps = InNamespace(ConfigMaps, ns, baseInputs.ConfigMaps),
            Secrets = InNamespace(Secrets, ns, baseInputs.Secrets),
            Services = baseInputs.Services is { } existing ? [.. existing, .. Services] : null,
        };
    }

    private static ValueMap<ValueMap<string>> InNamespace(ImmutableArray<DataObject> objects, string ns, ValueMap<ValueMap<string>> existing)
    {
        // One sort for all: a SetItem per object is quadratic in the objects (ValueMap.Builder).
        var result = new ValueMap<ValueMap<string>>.Builder(existing);
        foreach (var o in objects)
        {
            if (o.Namespace == ns)
            {
                result.SetItem(o.Name, o.Data);
            }
        }

        return result.ToValueMap();
    }
}
