using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators;

/// <summary>
/// The feature-gated fields valid admission pods use where the case's profile (release plus gate overrides) turns their
/// gate on: image volumes (DEF-408, VAL-634), <c>lifecycle.stopSignal</c> (VAL-048), <c>workloadRef</c> (VAL-079),
/// <c>schedulingGroup</c> (VAL-705), <c>evictionResponders</c> (VAL-700…702), <c>bindMountOptions</c> (VAL-706),
/// <c>httpGet.protocol</c> (VAL-707, DEF-021), <c>grpc.mode</c> (VAL-708), the volume owner UIDs (VAL-709),
/// <c>emptyDir.mode</c> (VAL-601), resize policies (VAL-044, DEF-026), recursive read-only mounts (VAL-642), trust-bundle
/// projections (VAL-630), volume attributes classes (VAL-633), <c>hostnameOverride</c> (VAL-076), lifecycle sleep
/// (VAL-047), podCertificate projections (VAL-631), the trust bundle's and the pod certificate's owner UIDs (VAL-709), a
/// cross-namespace <c>dataSourceRef</c> in ephemeral claim templates (VAL-633) and container restart rules (VAL-041). Where
/// a gate is off the field is never set here: the API server would drop it before validation, and the pod would test the
/// drop (DEF-409, ADM-094/096) rather than the rule; <see cref="GatedDropGen"/> sets it there on purpose.
/// </summary>
/// <remarks>
/// Which fields are gated is the schema's data (spec/api/*.json <c>featureGates</c>); the Suite's tests check that every
/// gated field of a PodSpec there is either in <see cref="All"/> or named, with a reason, in the list of fields generated
/// elsewhere or not at all. Each entry carries the release range of its field, so a profile that turns on a gate of a
/// release without the field (GenericWorkload at 1.37 has no <c>workloadRef</c>) does not use it.
/// </remarks>
public static class GatedFieldGen
{
    private static readonly KubernetesVersion V128 = new(1, 28);
    private static readonly KubernetesVersion V129 = new(1, 29);
    private static readonly KubernetesVersion V130 = new(1, 30);
    private static readonly KubernetesVersion V131 = new(1, 31);
    private static readonly KubernetesVersion V133 = new(1, 33);
    private static readonly KubernetesVersion V134 = new(1, 34);
    private static readonly KubernetesVersion V135 = new(1, 35);
    private static readonly KubernetesVersion V136 = new(1, 36);
    private static readonly KubernetesVersion V137 = new(1, 37);

    /// <summary>
    /// The gate of <c>dataSourceRef.namespace</c> (alpha and off in every release): known to the catalogue and not wired in
    /// the model, because a Pod create never reads it (spec/profiles.md "Gates with no effect on a Pod create"): the model
    /// keeps the field in a pod's claim template and validates it (VAL-633) whatever the gate. Its one reader is the
    /// PersistentVolumeClaim strategy (pkg/api/persistentvolumeclaim/util.go DropDisabledFields), which removes the claim's
    /// whole dataSourceRef when the ephemeral volume controller creates the claim with the gate off; valid pods set the
    /// field only where the gate is on, as every entry here, so the claim they lead to keeps it.
    /// </summary>
    public const string CrossNamespaceVolumeDataSource = nameof(CrossNamespaceVolumeDataSource);

    /// <summary>Names of the volumes the entries add: in no other generator's pool.</summary>
    public const string ImageVolumeName = "image-data";

    /// <summary>The configMap or secret volume with owner UIDs (AtomicWriteVolumeUserFields).</summary>
    public const string OwnedVolumeName = "owned-files";

    /// <summary>The projected volume with a clusterTrustBundle source.</summary>
    public const string TrustBundleVolumeName = "trust-bundle";

    /// <summary>The projected volume with a podCertificate source.</summary>
    public const string PodCertificateVolumeName = "pod-identity";

    /// <summary>The projected volume with a clusterTrustBundle source that sets its owner UID.</summary>
    public const string OwnedTrustBundleVolumeName = "owned-bundle";

    /// <summary>The projected volume with a podCertificate source that sets its owner UID.</summary>
    public const string OwnedPodCertificateVolumeName = "owned-identity";

    /// <summary>The emptyDir added for its mode where the pod has none.</summary>
    public const string ModeVolumeName = "mode-dir";

    private static readonly string[] LinuxSignals = ["SIGTERM", "SIGQUIT", "SIGUSR1", "SIGRTMIN+1", "SIGKILL"];
    private static readonly string[] WindowsSignals = ["SIGTERM", "SIGKILL"];

    /// <summary>Every gated field a valid pod may use, in a fixed order (determinism: the decoration walks it in order).</summary>
    public static IReadOnlyList<GatedField> All { get; } =
    [
        new(FeatureGateNames.ImageVolume, "Volume.image", V131, null, ImageVolume),
        new(FeatureGateNames.ContainerStopSignals, "Lifecycle.stopSignal", V133, null, StopSignal),
        new(FeatureGateNames.GenericWorkload, "PodSpec.workloadRef", V135, V135, WorkloadRef),
        new(FeatureGateNames.GenericWorkload, "PodSpec.schedulingGroup", V136, null, SchedulingGroup),
        new(FeatureGateNames.EvictionRequestAPI, "PodSpec.evictionResponders", V137, null, EvictionResponders),
        new(FeatureGateNames.VolumeBindMountOptions, "VolumeMount.bindMountOptions", V137, null, BindMountOptions),
        new(FeatureGateNames.H2CContainerProbe, "HTTPGetAction.protocol", V137, null, HttpProtocol),
        new(FeatureGateNames.GRPCContainerProbeTLS, "GRPCAction.mode", V137, null, GrpcMode),
        new(FeatureGateNames.AtomicWriteVolumeUserFields, "ConfigMapVolumeSource.defaultUser", V137, null, VolumeOwners),
        new(FeatureGateNames.EmptyDirVolumeMode, "EmptyDirVolumeSource.mode", V137, null, EmptyDirMode),
        new(FeatureGateNames.InPlacePodVerticalScaling, "Container.resizePolicy", V128, null, ResizePolicy),
        new(FeatureGateNames.RecursiveReadOnlyMounts, "VolumeMount.recursiveReadOnly", V130, null, RecursiveReadOnly),
        new(FeatureGateNames.ClusterTrustBundleProjection, "VolumeProjection.clusterTrustBundle", V129, null, TrustBundle),
        new(FeatureGateNames.VolumeAttributesClass, "PersistentVolumeClaimSpec.volumeAttributesClassName", V129, null, VolumeAttributesClassName),
        new(FeatureGateNames.HostnameOverride, "PodSpec.hostnameOverride", V134, null, HostnameOverride),
        new(FeatureGateNames.PodLifecycleSleepAction, "LifecycleHandler.sleep", V129, null, SleepAction),
        new(FeatureGateNames.PodCertificateRequest, "VolumeProjection.podCertificate", V134, null, PodCertificate),
        new(FeatureGateNames.AtomicWriteVolumeUserFields, "ClusterTrustBundleProjection.user", V137, null, TrustBundleUser) { AlsoNeeds = FeatureGateNames.ClusterTrustBundleProjection },
        new(FeatureGateNames.AtomicWriteVolumeUserFields, "PodCertificateProjection.user", V137, null, PodCertificateUser) { AlsoNeeds = FeatureGateNames.PodCertificateRequest },
        new(CrossNamespaceVolumeDataSource, "TypedObjectReference.namespace", V128, null, DataSourceNamespace),
        new(FeatureGateNames.ContainerRestartRules, "Container.restartPolicyRules", V134, null, RestartRules),
    ];

    /// <summary>The entries whose gate <paramref name="profile"/> turns on in a release that has the field.</summary>
    public static IReadOnlyList<GatedField> For(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return [.. All.Where(f => f.AppliesTo(profile))];
    }

    /// <summary>
    /// Uses, in about half the pods, each applicable field with even odds. Call only with a non-empty list: a profile with
    /// no applicable field keeps its generator unchanged (<see cref="PodGen.ValidWholeApiFor"/>), draw for draw.
    /// </summary>
    public static Gen<Pod> Decorate(Pod pod, IReadOnlyList<GatedField> applicable)
    {
        ArgumentNullException.ThrowIfNull(applicable);
        return GenSequence.Bool.SelectMany(use => use ? Each(pod, applicable, 0) : Gen.Constant(pod));
    }

    /// <summary>
    /// Fields whose valid form depends on the release where their gate is on: before 1.31 a pod's resource claim names its
    /// template or claim inside <c>source</c> (VAL-341), so <see cref="PlacementGen"/>'s 1.31+ claims are rewritten there when
    /// DynamicResourceAllocation is on (where it is off the create strategy drops them, DEF-300).
    /// </summary>
    public static bool NeedsReleaseForm(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Version < V131 && profile.IsEnabled(FeatureGateNames.DynamicResourceAllocation);
    }

    /// <summary>The pod with <see cref="NeedsReleaseForm"/>'s rewrites (call only where it holds).</summary>
    public static Pod InReleaseForm(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (pod.Spec.ResourceClaims.IsEmpty)
        {
            return pod;
        }

        var claims = pod.Spec.ResourceClaims.Select(c => c with
        {
            Source = new ClaimSource { ResourceClaimName = c.ResourceClaimName, ResourceClaimTemplateName = c.ResourceClaimTemplateName },
            ResourceClaimName = null,
            ResourceClaimTemplateName = null,
        });
        return pod with { Spec = pod.Spec with { ResourceClaims = claims.ToValueList() } };
    }

    private static Gen<Pod> Each(Pod pod, IReadOnlyList<GatedField> fields, int index) =>
        index == fields.Count
            ? Gen.Constant(pod)
            : GenSequence.Bool.SelectMany(use => (use ? fields[index].Apply(pod) : Gen.Constant(pod)).SelectMany(p => Each(p, fields, index + 1)));

    private static Pod WithFirst(Pod pod, Func<Container, Container> change) =>
        pod with { Spec = pod.Spec with { Containers = pod.Spec.Containers.SetItem(0, change(pod.Spec.Containers[0])) } };

    /// <summary>Adds <paramref name="volume"/>, mounted by the first container at <c>/NAME</c>.</summary>
    private static Pod WithMountedVolume(Pod pod, Volume volume, bool readOnly = false) =>
        WithFirst(pod with { Spec = pod.Spec with { Volumes = pod.Spec.Volumes.Add(volume) } }, c => c with
        {
            VolumeMounts = c.VolumeMounts.Add(new VolumeMount { Name = volume.Name, MountPath = "/" + volume.Name, ReadOnly = readOnly }),
        });

    /// <summary>VAL-634: a reference and a pull policy (unset: DEF-408 defaults it from the tag); no subPath (VAL-640, 1.31–1.32).</summary>
    private static Gen<Pod> ImageVolume(Pod pod) =>
        from reference in Gen.Elements("busybox:1.36", "registry.k8s.io/pause:3.9", "quay.io/crio/artifact:latest", "example.com/tools")
        from policy in Gen.Elements("", "", "IfNotPresent", "Always", "Never")
        from readOnly in GenSequence.Bool
        select WithMountedVolume(pod, new Volume { Name = ImageVolumeName, SourceKind = "image", Image = new ImageVolumeSource { Reference = reference, PullPolicy = policy } }, readOnly);

    /// <summary>
    /// VAL-048: needs <c>spec.os.name</c>; a pod without one becomes a Linux pod unless a Windows option forbids it. Windows
    /// pods take SIGTERM or SIGKILL, Linux pods any <c>core.Signal</c>. On the first regular container's lifecycle.
    /// </summary>
    private static Gen<Pod> StopSignal(Pod pod)
    {
        string os = pod.Spec.OS?.Name ?? "";
        if (os.Length == 0 && HasWindowsOptions(pod.Spec))
        {
            return Gen.Constant(pod);
        }

        var withOs = os.Length == 0 ? pod with { Spec = pod.Spec with { OS = new PodOS { Name = "linux" } } } : pod;
        return Gen.Elements(os == "windows" ? WindowsSignals : LinuxSignals)
            .Select(signal => WithFirst(withOs, c => c with { Lifecycle = (c.Lifecycle ?? new Lifecycle()) with { StopSignal = signal } }));
    }

    private static bool HasWindowsOptions(PodSpec spec)
    {
        if (spec.SecurityContext?.WindowsOptions is not null)
        {
            return true;
        }

        foreach (var c in spec.InitContainers.Concat(spec.Containers))
        {
            if (c.SecurityContext?.WindowsOptions is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>VAL-079 (1.35): a DNS-subdomain name, a DNS-label pod group, an optional DNS-label replica key.</summary>
    private static Gen<Pod> WorkloadRef(Pod pod) =>
        from name in Gen.Elements("training", "batch.jobs")
        from podGroup in Gen.Elements("workers", "ps")
        from key in Gen.Elements("", "replica-0")
        select pod with { Spec = pod.Spec with { WorkloadRef = new WorkloadReference { Name = name, PodGroup = podGroup, PodGroupReplicaKey = key } } };

    /// <summary>VAL-705: a DNS-subdomain group name; never with evictionResponders (VAL-703 forbids both).</summary>
    private static Gen<Pod> SchedulingGroup(Pod pod) =>
        !pod.Spec.EvictionResponders.IsEmpty
            ? Gen.Constant(pod)
            : Gen.Elements("workers", "training.workers").Select(name => pod with { Spec = pod.Spec with { SchedulingGroup = new PodSchedulingGroup { PodGroupName = name } } });

    private static readonly EvictionResponder[] Responders =
    [
        new() { Name = "example.com/drainer", Priority = 1000 },
        new() { Name = "backup.example.com/snapshot", Priority = 50000 },
        new() { Name = "example.com/last-word", Priority = 100000 },
    ];

    /// <summary>VAL-700…702: one to three distinct prefixed names, none under k8s.io, priorities 1000…100000; not in a pod group (VAL-703).</summary>
    private static Gen<Pod> EvictionResponders(Pod pod) =>
        pod.Spec.SchedulingGroup is not null
            ? Gen.Constant(pod)
            : Gen.Choose(1, Responders.Length).Select(n => pod with { Spec = pod.Spec with { EvictionResponders = ValueList.Of(Responders.Take(n).ToArray()) } });

    private static readonly string[][] MountOptions = [["noexec"], ["nosuid", "nodev"], ["noexec", "nosuid", "nodev"]];

    /// <summary>VAL-706: supported, distinct options on the first container's first mount of a volume that is not an image volume.</summary>
    private static Gen<Pod> BindMountOptions(Pod pod)
    {
        var first = pod.Spec.Containers[0];
        int at = -1;
        for (int i = 0; i < first.VolumeMounts.Count && at < 0; i++)
        {
            string name = first.VolumeMounts[i].Name;
            if (!pod.Spec.Volumes.Any(v => v.Name == name && v.Image is not null))
            {
                at = i;
            }
        }

        return at < 0
            ? Gen.Constant(pod)
            : Gen.Elements(MountOptions).Select(options => WithFirst(pod, c => c with
            {
                VolumeMounts = c.VolumeMounts.SetItem(at, c.VolumeMounts[at] with { BindMountOptions = ValueList.Of(options) }),
            }));
    }

    /// <summary>
    /// VAL-707: HTTP1 on any httpGet probe, HTTP2 only with scheme HTTP (or unset) and no host. The regular containers'
    /// httpGet probes get it; a pod without one gets a readiness probe on the first container where it has none.
    /// </summary>
    private static Gen<Pod> HttpProtocol(Pod pod) =>
        Gen.Elements("HTTP1", "HTTP2").Select(protocol =>
        {
            var withProbe = AnyProbe(pod, h => h.HttpGet is not null) || pod.Spec.Containers[0].ReadinessProbe is not null
                ? pod
                : WithFirst(pod, c => c with { ReadinessProbe = new Probe { Handler = new ProbeHandler { HttpGet = new HttpGetAction { Path = "/ready", Port = IntOrString.FromInt(8080) } } } });
            return EachProbe(withProbe, h => h.HttpGet is { } get
                ? h with { HttpGet = get with { Protocol = protocol == "HTTP2" && get.Scheme is "" or "HTTP" && get.Host.Length == 0 ? "HTTP2" : "HTTP1" } }
                : h);
        });

    /// <summary>VAL-708: Plaintext or TLS on every grpc probe of the regular containers; a pod without one gets a liveness probe where the first container has none.</summary>
    private static Gen<Pod> GrpcMode(Pod pod) =>
        Gen.Elements("Plaintext", "TLS").Select(mode =>
        {
            var withProbe = AnyProbe(pod, h => h.GrpcPort is not null) || pod.Spec.Containers[0].LivenessProbe is not null
                ? pod
                : WithFirst(pod, c => c with { LivenessProbe = new Probe { Handler = new ProbeHandler { GrpcPort = 9090 } } });
            return EachProbe(withProbe, h => h.GrpcPort is not null ? h with { GrpcMode = mode } : h);
        });

    private static bool AnyProbe(Pod pod, Func<ProbeHandler, bool> test) =>
        pod.Spec.Containers.Any(c => Probes(c).Any(p => p is not null && test(p.Handler)));

    private static Probe?[] Probes(Container c) => [c.LivenessProbe, c.ReadinessProbe, c.StartupProbe];

    private static Pod EachProbe(Pod pod, Func<ProbeHandler, ProbeHandler> change)
    {
        Probe? Map(Probe? p) => p is null ? null : p with { Handler = change(p.Handler) };
        var containers = pod.Spec.Containers.Select(c => c with { LivenessProbe = Map(c.LivenessProbe), ReadinessProbe = Map(c.ReadinessProbe), StartupProbe = Map(c.StartupProbe) });
        return pod with { Spec = pod.Spec with { Containers = containers.ToValueList() } };
    }

    /// <summary>
    /// VAL-709: owner UIDs within 0…2147483647 on an added volume of one of the four kinds that have them: configMap
    /// (default and per item), secret, downwardAPI (default and per file) or projected (default and the token's).
    /// </summary>
    private static Gen<Pod> VolumeOwners(Pod pod) =>
        from user in Gen.Elements(0L, 1000L, 65534L, 2147483647L)
        from itemUser in Gen.Elements<long?>(null, 0L, 3000L)
        from kind in Gen.Choose(0, 3)
        select WithMountedVolume(pod, Owned(kind, user, itemUser), readOnly: true);

    private static Volume Owned(int kind, long user, long? itemUser) => kind switch
    {
        0 => new Volume
        {
            Name = OwnedVolumeName,
            SourceKind = "configMap",
            ConfigMap = new ObjectReference { Name = "owned", Optional = true, DefaultUser = user, Items = ValueList.Of(new KeyToPath { Key = "config", Path = "config.yaml", User = itemUser }) },
        },
        1 => new Volume { Name = OwnedVolumeName, SourceKind = "secret", Secret = new ObjectReference { Name = "owned", Optional = true, DefaultUser = user } },
        2 => new Volume
        {
            Name = OwnedVolumeName,
            SourceKind = "downwardAPI",
            DownwardApiDefaultUser = user,
            DownwardApiItems = ValueList.Of(new DownwardApiVolumeFile { Path = "labels", FieldRef = new ObjectFieldSelector { ApiVersion = "v1", FieldPath = "metadata.labels" }, User = itemUser }),
        },
        _ => new Volume
        {
            Name = OwnedVolumeName,
            SourceKind = "projected",
            Projected = new ProjectedVolumeSource
            {
                DefaultUser = user,
                Sources = ValueList.Of(new VolumeProjection { ServiceAccountToken = new ServiceAccountTokenProjection { Audience = "vault", Path = "token", User = itemUser } }),
            },
        },
    };

    /// <summary>VAL-601's mode (0…01777 octal) on the pod's first emptyDir, or on an added one.</summary>
    private static Gen<Pod> EmptyDirMode(Pod pod) =>
        Gen.Elements(0, 448, 493, 511, 1023).Select(mode =>
        {
            int at = -1;
            for (int i = 0; i < pod.Spec.Volumes.Count && at < 0; i++)
            {
                at = pod.Spec.Volumes[i].EmptyDir is not null ? i : -1;
            }

            return at < 0
                ? WithMountedVolume(pod, new Volume { Name = ModeVolumeName, SourceKind = "emptyDir", EmptyDir = new EmptyDirVolumeSource { Mode = mode } })
                : pod with { Spec = pod.Spec with { Volumes = pod.Spec.Volumes.SetItem(at, pod.Spec.Volumes[at] with { EmptyDir = pod.Spec.Volumes[at].EmptyDir! with { Mode = mode } }) } };
        });

    /// <summary>
    /// VAL-044: cpu and memory policies on the first regular container (never an init container: refused there up to 1.32);
    /// a policy restarts the container only where the pod's restartPolicy is not Never. 1.28–1.32 with the gate on: DEF-026
    /// appends the policies a container with requests does not list.
    /// </summary>
    private static Gen<Pod> ResizePolicy(Pod pod) =>
        from cpu in Gen.Elements("NotRequired", "RestartContainer")
        from memory in Gen.Elements<string?>(null, "NotRequired", "RestartContainer")
        select WithFirst(pod, c => c with
        {
            ResizePolicy = memory is null
                ? ValueList.Of(new ContainerResizePolicy("cpu", Restartable(pod, cpu)))
                : ValueList.Of(new ContainerResizePolicy("cpu", Restartable(pod, cpu)), new ContainerResizePolicy("memory", Restartable(pod, memory))),
        });

    private static string Restartable(Pod pod, string policy) => pod.Spec.RestartPolicy == "Never" ? "NotRequired" : policy;

    /// <summary>
    /// VAL-642: Disabled on any mount; Enabled or IfPossible make the mount read-only and need no propagation but None. On the
    /// first container's first mount.
    /// </summary>
    private static Gen<Pod> RecursiveReadOnly(Pod pod) =>
        pod.Spec.Containers[0].VolumeMounts.IsEmpty
            ? Gen.Constant(pod)
            : Gen.Elements("Disabled", "Enabled", "IfPossible").Select(mode => WithFirst(pod, c =>
            {
                var m = c.VolumeMounts[0];
                var mount = mode == "Disabled" || m.MountPropagation is not (null or "None")
                    ? m with { RecursiveReadOnly = "Disabled" }
                    : m with { RecursiveReadOnly = mode, ReadOnly = true };
                return c with { VolumeMounts = c.VolumeMounts.SetItem(0, mount) };
            }));

    /// <summary>VAL-630: a projected source naming a bundle (or, optionally, a signer and a selector) and a path.</summary>
    private static Gen<Pod> TrustBundle(Pod pod) =>
        from bySigner in GenSequence.Bool
        from optional in Gen.Elements<bool?>(null, true)
        select WithMountedVolume(pod, new Volume
        {
            Name = TrustBundleVolumeName,
            SourceKind = "projected",
            Projected = new ProjectedVolumeSource
            {
                Sources = ValueList.Of(new VolumeProjection
                {
                    ClusterTrustBundle = bySigner
                        ? new ClusterTrustBundleProjection { SignerName = "example.com/signer", LabelSelector = new LabelSelector(), Optional = optional, Path = "ca.pem" }
                        : new ClusterTrustBundleProjection { Name = "example-bundle", Optional = optional, Path = "ca.pem" },
                }),
            },
        }, readOnly: true);

    /// <summary>VAL-633: a DNS-subdomain class name on the pod's ephemeral volume templates (none: unchanged).</summary>
    private static Gen<Pod> VolumeAttributesClassName(Pod pod) =>
        !pod.Spec.Volumes.Any(v => v.Ephemeral?.VolumeClaimTemplate is not null)
            ? Gen.Constant(pod)
            : Gen.Elements("gold", "fast.example.com").Select(name => pod with
            {
                Spec = pod.Spec with
                {
                    Volumes = pod.Spec.Volumes.Select(v => v.Ephemeral?.VolumeClaimTemplate is { } t
                        ? v with { Ephemeral = v.Ephemeral with { VolumeClaimTemplate = t with { Spec = t.Spec with { VolumeAttributesClassName = name } } } }
                        : v).ToValueList(),
                },
            });

    /// <summary>VAL-076: a DNS subdomain of at most 64 bytes, never with hostNetwork or setHostnameAsFQDN.</summary>
    private static Gen<Pod> HostnameOverride(Pod pod) =>
        pod.Spec.HostNetwork || pod.Spec.SetHostnameAsFQDN == true
            ? Gen.Constant(pod)
            : Gen.Elements("web-override", "node-a.example.com").Select(name => pod with { Spec = pod.Spec with { HostnameOverride = name } });

    /// <summary>
    /// VAL-047: a preStop sleep of 1…5 seconds on the first container, where it has no preStop and the grace period is
    /// unset (defaulted to 30) or at least that long (a sleep of 0 needs PodLifecycleSleepActionAllowZero).
    /// </summary>
    private static Gen<Pod> SleepAction(Pod pod) =>
        pod.Spec.Containers[0].Lifecycle?.PreStop is not null || pod.Spec.TerminationGracePeriodSeconds is < 5
            ? Gen.Constant(pod)
            : Gen.Choose(1, 5).Select(seconds => WithFirst(pod, c => c with { Lifecycle = (c.Lifecycle ?? new Lifecycle()) with { PreStop = new ProbeHandler { SleepSeconds = seconds } } }));

    private static readonly string[] CertificateKeyTypes = ["RSA3072", "RSA4096", "ECDSAP256", "ECDSAP384", "ECDSAP521", "ED25519"];

    /// <summary>
    /// VAL-631: a signer (domain-prefixed path), one of the six key types, an optional expiry within 3600…86400 (the bound
    /// for a Kubernetes signer, so it holds for any), and either a credential bundle or a key with its chain, under paths of
    /// their own. No <c>userAnnotations</c> (1.35+ only, and the entry does not know the release).
    /// </summary>
    private static Gen<Pod> PodCertificate(Pod pod) =>
        from projection in CertificateProjection(null)
        select WithMountedVolume(pod, Projecting(PodCertificateVolumeName, new VolumeProjection { PodCertificate = projection }), readOnly: true);

    private static Gen<PodCertificateProjection> CertificateProjection(long? user) =>
        from signer in Gen.Elements("example.com/pod-identity", "issuer.example.com/workload")
        from keyType in Gen.Elements(CertificateKeyTypes)
        from expiry in Gen.Elements<int?>(null, 3600, 86400)
        from bundle in GenSequence.Bool
        select bundle
            ? new PodCertificateProjection { SignerName = signer, KeyType = keyType, MaxExpirationSeconds = expiry, CredentialBundlePath = "credentials.pem", User = user }
            : new PodCertificateProjection { SignerName = signer, KeyType = keyType, MaxExpirationSeconds = expiry, KeyPath = "key.pem", CertificateChainPath = "chain.pem", User = user };

    private static Volume Projecting(string name, VolumeProjection source) =>
        new() { Name = name, SourceKind = "projected", Projected = new ProjectedVolumeSource { Sources = ValueList.Of(source) } };

    private static readonly long[] OwnerUids = [0L, 1000L, 65534L, 2147483647L];

    /// <summary>VAL-709: a trust-bundle projection (named bundle) whose files belong to an owner UID in 0…2147483647.</summary>
    private static Gen<Pod> TrustBundleUser(Pod pod) =>
        Gen.Elements(OwnerUids).Select(user => WithMountedVolume(
            pod,
            Projecting(OwnedTrustBundleVolumeName, new VolumeProjection { ClusterTrustBundle = new ClusterTrustBundleProjection { Name = "example-bundle", Path = "ca.pem", User = user } }),
            readOnly: true));

    /// <summary>VAL-709: a podCertificate projection (VAL-631's valid form) whose files belong to an owner UID in 0…2147483647.</summary>
    private static Gen<Pod> PodCertificateUser(Pod pod) =>
        from user in Gen.Elements(OwnerUids)
        from projection in CertificateProjection(user)
        select WithMountedVolume(pod, Projecting(OwnedPodCertificateVolumeName, new VolumeProjection { PodCertificate = projection }), readOnly: true);

    private static readonly TypedObjectReference[] CrossNamespaceSources =
    [
        new() { Kind = "PersistentVolumeClaim", Name = "golden-image", Namespace = "shared-data" },
        new() { APIGroup = "snapshot.storage.k8s.io", Kind = "VolumeSnapshot", Name = "nightly", Namespace = "backups" },
    ];

    /// <summary>
    /// VAL-633: a <c>dataSourceRef</c> in another namespace (a DNS label) on the pod's ephemeral claim templates, with no
    /// <c>dataSource</c> (which may not be set with it); a pod without a template is unchanged.
    /// </summary>
    private static Gen<Pod> DataSourceNamespace(Pod pod) =>
        !pod.Spec.Volumes.Any(v => v.Ephemeral?.VolumeClaimTemplate is not null)
            ? Gen.Constant(pod)
            : Gen.Elements(CrossNamespaceSources).Select(source => pod with
            {
                Spec = pod.Spec with
                {
                    Volumes = pod.Spec.Volumes.Select(v => v.Ephemeral?.VolumeClaimTemplate is { } t && t.Spec.DataSource is null
                        ? v with { Ephemeral = v.Ephemeral with { VolumeClaimTemplate = t with { Spec = t.Spec with { DataSourceRef = source } } } }
                        : v).ToValueList(),
                },
            });

    private static readonly int[][] ExitCodeSets = [[42], [1, 2, 3], [0], [137, 143]];

    /// <summary>
    /// VAL-041: the first regular container gets its own restartPolicy (needed with rules) and one or two rules with the
    /// action Restart (RestartAllContainers needs another gate: RestartAllGen's cases) on an In or NotIn set of exit codes.
    /// </summary>
    private static Gen<Pod> RestartRules(Pod pod) =>
        from policy in Gen.Elements("Always", "OnFailure", "Never")
        from count in Gen.Choose(1, 2)
        from rules in GenSequence.Indexed(count, _ =>
            from notIn in GenSequence.Bool
            from codes in Gen.Elements(ExitCodeSets)
            select new ContainerRestartRule
            {
                Action = "Restart",
                ExitCodes = new ContainerRestartRuleOnExitCodes { Operator = notIn ? "NotIn" : "In", Values = ValueList.Of(codes) },
            })
        select WithFirst(pod, c => c with { RestartPolicy = policy, RestartPolicyRules = rules.ToValueList() });
}
