using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Generators;

/// <summary>
/// One invalid variant per 1.36/1.37 rule read from kubernetes forks (VAL-705…709, and VAL-601's emptyDir mode), joined to <see cref="PodMutations.All"/>.
/// Each field exists only behind an alpha (or, for GenericWorkload in 1.37, beta-off) gate that no default profile turns
/// on — the create strategy drops the field otherwise — so each applies only where its gate is on: a run with
/// <c>--feature-gates</c> uses them.
/// </summary>
public static class NewFieldMutations
{
    private static readonly KubernetesVersion SchedulingGroupSince = new(1, 36);
    private static readonly KubernetesVersion Release137 = new(1, 37);

    private static Gen<Pod> Pick<T>(Pod pod, T[] choices, Func<Pod, T, Pod> apply) => Gen.Elements(choices).Select(c => apply(pod, c));

    private static Pod WithFirst(Pod pod, Func<Container, Container> change) =>
        pod with { Spec = pod.Spec with { Containers = pod.Spec.Containers.SetItem(0, change(pod.Spec.Containers[0])) } };

    private static Func<Profile, bool> Gated137(string gate) => profile => profile.Version >= Release137 && profile.IsEnabled(gate);

    /// <summary>The added volume's name, as <see cref="VolumeMutations.Name"/>: in no generator's name pool.</summary>
    private const string Name = VolumeMutations.Name;

    private static Pod WithVolume(Pod pod, Volume v) => pod with { Spec = pod.Spec with { Volumes = pod.Spec.Volumes.Add(v with { Name = Name }) } };

    private static Pod WithBindMount(Pod pod, string[] options)
    {
        var withVolume = WithVolume(pod, new Volume { SourceKind = "emptyDir", EmptyDir = new EmptyDirVolumeSource() });
        return WithFirst(withVolume, c => c with { VolumeMounts = c.VolumeMounts.Add(new VolumeMount { Name = Name, MountPath = "/broken", BindMountOptions = ValueList.Of(options) }) });
    }

    private static Pod WithLiveness(Pod pod, ProbeHandler handler) =>
        WithFirst(pod, c => c with { LivenessProbe = new Probe { Handler = handler } });

    public static IReadOnlyList<PodMutation> All { get; } =
    [
        new("bad-scheduling-group", ValidationRules.SchedulingGroup,
            pod => Pick(pod, [null, "Workers", "workers_1", ""], (p, name) => p with { Spec = p.Spec with { SchedulingGroup = new PodSchedulingGroup { PodGroupName = name } } }),
            profile => profile.Version >= SchedulingGroupSince && profile.IsEnabled(FeatureGateNames.GenericWorkload)),
        new("bad-bind-mount-options", ValidationRules.BindMountOptions,
            pod => Pick<string[]>(pod, [["ro"], ["noexec", "noexec"], ["nosuid", "NODEV"]], WithBindMount),
            Gated137(FeatureGateNames.VolumeBindMountOptions)),
        new("bad-http-probe-protocol", ValidationRules.HttpGetProtocol,
            pod => Pick(pod, [("HTTP3", "HTTP", ""), ("HTTP2", "HTTPS", ""), ("HTTP2", "HTTP", "example.com"), ("h2c", "HTTP", "")],
                (p, x) => WithLiveness(p, new ProbeHandler { HttpGet = new HttpGetAction { Path = "/healthz", Port = IntOrString.FromInt(8080), Scheme = x.Item2, Host = x.Item3, Protocol = x.Item1 } })),
            Gated137(FeatureGateNames.H2CContainerProbe)),
        new("bad-grpc-probe-mode", ValidationRules.GrpcMode,
            pod => Pick(pod, ["mTLS", "tls", "Insecure"], (p, mode) => WithLiveness(p, new ProbeHandler { GrpcPort = 9090, GrpcMode = mode })),
            Gated137(FeatureGateNames.GRPCContainerProbeTLS)),
        new("bad-volume-owner-uid", ValidationRules.VolumeUserFields,
            pod => Pick(pod, [-1L, 1L << 31, long.MinValue], (p, uid) => WithVolume(p, new Volume
            {
                SourceKind = "configMap",
                ConfigMap = new ObjectReference { Name = "settings", DefaultUser = uid },
            })),
            Gated137(FeatureGateNames.AtomicWriteVolumeUserFields)),
        new("bad-empty-dir-mode", ValidationRules.EmptyDirSource,
            pod => Pick(pod, [-1, 1024, 4095], (p, mode) => WithVolume(p, new Volume { SourceKind = "emptyDir", EmptyDir = new EmptyDirVolumeSource { Mode = mode } })),
            Gated137(FeatureGateNames.EmptyDirVolumeMode)),
    ];
}
