using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Generators;

/// <summary>
/// Volumes a pod may declare, valid by construction under every profile and needing no other object (emptyDir in its
/// three forms, downwardAPI files), and mounts of them. Some volumes are mounted by no container, as in real
/// manifests, so shrinking has something to remove.
/// </summary>
public static class VolumeGen
{
    /// <summary>Volume names, distinct; never <c>scratch</c>, which the admission extras add.</summary>
    public static IReadOnlyList<string> NamePool { get; } = ["data", "cache", "tmp", "logs", "podinfo"];

    /// <summary>Volumes grow with the size: none at the smallest sizes, up to this many at the largest.</summary>
    public const int MaxVolumes = 4;

    private static Gen<Volume> Named(string name) => Gen.Frequency(
        (3, Gen.Constant(new Volume { Name = name, SourceKind = "emptyDir", EmptyDir = new EmptyDirVolumeSource() })),
        (1, Gen.Elements("64Mi", "1Gi").Select(limit => new Volume { Name = name, SourceKind = "emptyDir", EmptyDir = new EmptyDirVolumeSource { SizeLimit = Quantity.Parse(limit) } })),
        (1, Gen.Constant(new Volume { Name = name, SourceKind = "emptyDir", EmptyDir = new EmptyDirVolumeSource { Medium = "Memory" } })),
        (1, Gen.Elements("metadata.labels", "metadata.name").Select(path => new Volume
        {
            Name = name,
            SourceKind = "downwardAPI",
            DownwardApiItems = [new DownwardApiVolumeFile { Path = path[(path.IndexOf('.', StringComparison.Ordinal) + 1)..], FieldRef = new ObjectFieldSelector { ApiVersion = "v1", FieldPath = path } }],
        })));

    /// <summary>0 to <see cref="MaxVolumes"/> volumes (as the size allows), distinct names.</summary>
    public static Gen<ValueList<Volume>> Volumes { get; } =
        from n in GenSequence.Count(0, MaxVolumes)
        from names in Gen.Shuffle(NamePool.ToArray())
        from volumes in GenSequence.Indexed(n, i => Named(names[i]))
        select volumes.ToValueList();

    /// <summary>Mounts of some of <paramref name="volumes"/> (each with probability 1/2), at <c>/mnt/NAME</c>, so mount paths are distinct.</summary>
    public static Gen<ValueList<VolumeMount>> MountsOf(ValueList<Volume> volumes) =>
        from mounted in GenSequence.Bool.ArrayOf(volumes.Count)
        from readOnly in GenSequence.Chance(20).ArrayOf(volumes.Count)
        select volumes.Where((_, i) => mounted[i])
            .Select((v, i) => new VolumeMount { Name = v.Name, MountPath = "/mnt/" + v.Name, ReadOnly = readOnly[i] })
            .ToValueList();
}
