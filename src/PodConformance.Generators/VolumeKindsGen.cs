using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Generators;

/// <summary>
/// More volume kinds for admission cases (VAL-602, 605, 606, 610, 626, 629, 632, 633, 641, 643; DEF-400, 401, 402, 407):
/// hostPath, optional configMap and secret volumes, projected volumes (token, configMap, downwardAPI), persistentVolumeClaim
/// and ephemeral claims, mounted with a mount propagation and used as a raw block device. Valid by construction under
/// every release; the objects they name (a ConfigMap, a PVC, a storage class) are looked up only by the kubelet or the
/// volume binder, never at create. Kinds that need a storage backend (nfs, iscsi, rbd, cloud disks, csi, image) are
/// left to the invalid variants (<see cref="VolumeMutations"/>): adapters are not known to run them.
/// </summary>
/// <remarks>Only admission properties use these pods: a PVC or a host path would not start on a scenario node.</remarks>
public static class VolumeKindsGen
{
    /// <summary>Names of the added volumes: distinct from <see cref="VolumeGen.NamePool"/> and from the admission extras' <c>scratch</c>.</summary>
    public static IReadOnlyList<string> NamePool { get; } = ["host-logs", "app-config", "app-secret", "bundle", "claim", "workspace", "raw"];

    /// <summary>Adds extra volume kinds (mounted by the first container); how many grows with the generator's size.</summary>
    public static Gen<Pod> Decorate(Pod pod) =>
        Gen.Sized(size => Gen.Choose(0, 100).SelectMany(roll =>
            roll < 90 - Math.Min(size, 70) ? Gen.Constant(pod) : Add(pod)));

    private static KeyToPath Item(string key, int? mode = null) => new() { Key = key, Path = key + ".txt", Mode = mode };

    private static Gen<Volume> Kind(string name) => name switch
    {
        "host-logs" => Gen.Elements<string?>(null, "", "Directory", "DirectoryOrCreate").Select(type =>
            new Volume { Name = name, SourceKind = "hostPath", HostPath = new HostPathVolumeSource { Path = "/var/log", Type = type } }),
        "app-config" => Gen.Elements<int?>(null, 420, 256).Select(mode => new Volume
        {
            Name = name,
            SourceKind = "configMap",
            ConfigMap = new ObjectReference { Name = "app-config", Optional = true, DefaultMode = mode, Items = ValueList.Of(Item("mode"), Item("level", 288)) },
        }),
        "app-secret" => Gen.Elements<int?>(null, 288).Select(mode => new Volume
        {
            Name = name,
            SourceKind = "secret",
            Secret = new ObjectReference { Name = "app-secret", Optional = true, DefaultMode = mode },
        }),
        "bundle" => Gen.Elements<long?>(null, 7200).Select(expiration => new Volume
        {
            Name = name,
            SourceKind = "projected",
            Projected = new ProjectedVolumeSource
            {
                Sources = ValueList.Of(
                    new VolumeProjection { ServiceAccountToken = new ServiceAccountTokenProjection { Audience = "vault", ExpirationSeconds = expiration, Path = "token" } },
                    new VolumeProjection { ConfigMap = new ConfigMapProjection { Name = "app-config", Optional = true, Items = ValueList.Of(Item("mode")) } },
                    new VolumeProjection
                    {
                        DownwardAPI = new DownwardAPIProjection
                        {
                            Items = ValueList.Of(new DownwardApiVolumeFile { Path = "labels", FieldRef = new ObjectFieldSelector { ApiVersion = "v1", FieldPath = "metadata.labels" } }),
                        },
                    }),
            },
        }),
        "claim" => GenSequence.Bool.Select(readOnly => new Volume
        {
            Name = name,
            SourceKind = "persistentVolumeClaim",
            PersistentVolumeClaim = new PersistentVolumeClaimVolumeSource { ClaimName = "data-claim", ReadOnly = readOnly },
        }),
        "workspace" => Gen.Elements<string?>(null, "standard").Select(storageClass => Ephemeral(name, storageClass, "Filesystem", setMode: storageClass is not null)),
        _ => Gen.Constant(Ephemeral(name, "standard", "Block", setMode: true)),
    };

    private static Volume Ephemeral(string name, string? storageClass, string mode, bool setMode) => new()
    {
        Name = name,
        SourceKind = "ephemeral",
        Ephemeral = new EphemeralVolumeSource
        {
            VolumeClaimTemplate = new PersistentVolumeClaimTemplate
            {
                Spec = new PersistentVolumeClaimSpec
                {
                    AccessModes = ValueList.Of("ReadWriteOnce"),
                    Resources = new VolumeResourceRequirements { Requests = ValueMap.Of(("storage", Quantity.Parse("1Gi"))) },
                    StorageClassName = storageClass,
                    VolumeMode = setMode ? mode : null,
                },
            },
        },
    };

    private static Gen<Pod> Add(Pod pod) =>
        from picked in Gen.SubListOf(NamePool.ToArray())
        from volumes in GenSequence.Indexed(picked.Count, i => Kind(picked[i]))
        from propagation in Gen.Elements<string?>(null, "None", "HostToContainer")
        select Build(pod, volumes, propagation);

    /// <summary>
    /// The volumes, each mounted by the first container at <c>/ext/NAME</c>, except <c>raw</c>, which it uses as a block device
    /// (mounted instead in a user namespace, where volumeDevices are forbidden).
    /// </summary>
    private static Pod Build(Pod pod, Volume[] volumes, string? propagation)
    {
        if (volumes.Length == 0)
        {
            return pod;
        }

        var first = pod.Spec.Containers[0];
        var mounts = first.VolumeMounts;
        var devices = first.VolumeDevices;
        foreach (var v in volumes)
        {
            if (v.Name == "raw" && pod.Spec.HostUsers != false)
            {
                devices = devices.Add(new VolumeDevice { Name = v.Name, DevicePath = "/dev/xvda" });
            }
            else
            {
                mounts = mounts.Add(new VolumeMount { Name = v.Name, MountPath = "/ext/" + v.Name, MountPropagation = v.Name == "host-logs" ? propagation : null });
            }
        }

        return pod with
        {
            Spec = pod.Spec with
            {
                Volumes = pod.Spec.Volumes.Concat(volumes).ToValueList(),
                Containers = pod.Spec.Containers.SetItem(0, first with { VolumeMounts = mounts, VolumeDevices = devices }),
            },
        };
    }
}
