using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators;

/// <summary>A generated pod and the gate overrides its case adds to the run's profile (empty: none).</summary>
public sealed record GatedDropCase(Pod Pod, ValueMap<bool> Gates);

/// <summary>
/// Pods that set a feature-gated field whose gate is registered but off, on purpose, so that the API server's create
/// strategy drops it before validation (dropDisabledFields: DEF-300 for the scheduling and claim fields, DEF-409 for the
/// volume fields, ADM-087/092/094/096 for the container fields) and the stored pod lacks it — the drop the admission
/// properties compare adapters on. The field is one the release's schema has, so it decodes; where the run's profile
/// has its gate on but not locked, the case turns it off itself (<see cref="GatedDrop.SwitchOff"/>: only the model and
/// process adapters perform such a case). <see cref="GatedFieldGen"/> is the other half: the same fields with the gate on.
/// </summary>
/// <remarks>
/// The values are those a valid pod uses with the gate on (<see cref="GatedFieldGen"/>'s), so a drop skipped shows as a
/// stored field, not as a validation error of a made-up value. A drop is added to an otherwise ordinary pod, which keeps
/// its own fields, so the other rules' coverage does not shrink.
/// </remarks>
public static class GatedDropGen
{
    private static readonly KubernetesVersion V128 = new(1, 28);
    private static readonly KubernetesVersion V129 = new(1, 29);
    private static readonly KubernetesVersion V130 = new(1, 30);
    private static readonly KubernetesVersion V131 = new(1, 31);

    /// <summary>The emptyDir added (mounted by the first container) where a mount field needs a mount and the pod has none.</summary>
    public const string MountVolumeName = "drop-dir";

    /// <summary>The matchLabelKey of the added term or constraint: a label no generated pod carries, so nothing is merged.</summary>
    private const string DropKey = "example.com/drop";

    /// <summary>In a fixed order (determinism); the gated fields of <see cref="GatedFieldGen.All"/> whose drop the model has, and the placement fields.</summary>
    public static IReadOnlyList<GatedDrop> All { get; } =
    [
        new(FeatureGateNames.ImageVolume, "Volume.image", V131, null, ImageVolumeFirst, HasImageVolume),
        From("Lifecycle.stopSignal", p => AnyContainer(p, c => c.Lifecycle?.StopSignal is not null)),
        From("PodSpec.workloadRef", p => p.Spec.WorkloadRef is not null),
        From("PodSpec.schedulingGroup", p => p.Spec.SchedulingGroup is not null),
        From("PodSpec.evictionResponders", p => !p.Spec.EvictionResponders.IsEmpty),
        From("VolumeMount.bindMountOptions", p => AnyMount(p, m => !m.BindMountOptions.IsEmpty), needsMount: true),
        From("HTTPGetAction.protocol", p => AnyHandler(p, h => h.HttpGet?.Protocol is not null)),
        From("GRPCAction.mode", p => AnyHandler(p, h => h.GrpcMode is not null)),
        From("ConfigMapVolumeSource.defaultUser", HasOwnerUids),
        From("EmptyDirVolumeSource.mode", p => p.Spec.Volumes.Any(v => v.EmptyDir?.Mode is not null)),
        From("Container.resizePolicy", p => AnyContainer(p, c => !c.ResizePolicy.IsEmpty)),
        From("VolumeMount.recursiveReadOnly", p => AnyMount(p, m => m.RecursiveReadOnly is not null), needsMount: true),
        From("VolumeProjection.clusterTrustBundle", p => p.Spec.Volumes.Any(v => v.Projected?.Sources.Any(s => s.ClusterTrustBundle is not null) == true)),
        From("PodSpec.hostnameOverride", p => p.Spec.HostnameOverride is not null),

        // 1.29's drop clears only the sleep and leaves the handler empty, which validation refuses (ADM-092): generated from 1.30.
        From("LifecycleHandler.sleep", p => AnyContainer(p, c => c.Lifecycle?.PreStop?.SleepSeconds is not null || c.Lifecycle?.PostStart?.SleepSeconds is not null)) with { Since = V130 },
        new(FeatureGateNames.DynamicResourceAllocation, "PodSpec.resourceClaims", V128, null, Claims, p => !p.Spec.ResourceClaims.IsEmpty || AnyContainer(p, c => !c.Resources.Claims.IsEmpty)),
        new(FeatureGateNames.MatchLabelKeysInPodAffinity, "PodAffinityTerm.matchLabelKeys", V129, null, AffinityLabelKeys, HasAffinityLabelKeys),
        new(FeatureGateNames.MatchLabelKeysInPodTopologySpread, "TopologySpreadConstraint.matchLabelKeys", V128, null, SpreadLabelKeys, p => p.Spec.TopologySpreadConstraints.Any(c => !c.MatchLabelKeys.IsEmpty)),
    ];

    /// <summary>The drops the run's profile makes as it is, and those a case can make by turning a gate off (with those gates).</summary>
    public static IReadOnlyList<(GatedDrop Drop, ValueMap<bool> Gates)> For(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var result = new List<(GatedDrop, ValueMap<bool>)>();
        foreach (var drop in All)
        {
            if (drop.DroppedUnder(profile))
            {
                result.Add((drop, ValueMap<bool>.Empty));
            }
            else if (drop.SwitchOff(profile) is { } gates)
            {
                result.Add((drop, gates));
            }
        }

        return result;
    }

    /// <summary>
    /// About one pod in six (<paramref name="percent"/>) gets one of <see cref="For"/>'s drops, chosen evenly. Built once per
    /// run (the gate questions are asked here, not per case). A profile without any drop keeps its pods draw for draw.
    /// </summary>
    public static Func<Pod, Gen<GatedDropCase>> Sometimes(Profile profile, int percent = 17)
    {
        var drops = For(profile);
        if (drops.Count == 0)
        {
            return pod => Gen.Constant(new GatedDropCase(pod, ValueMap<bool>.Empty));
        }

        bool oldClaims = profile.Version < V131;
        return pod =>
            from add in GenSequence.Chance(percent)
            from index in Gen.Choose(0, drops.Count - 1)
            from dropped in add ? Set(pod, drops[index].Drop, oldClaims) : Gen.Constant(pod)
            select new GatedDropCase(dropped, add ? drops[index].Gates : ValueMap<bool>.Empty);
    }

    /// <summary>The field set (a pod that already has it, from the gate-on decoration of the run's profile, is kept as it is).</summary>
    private static Gen<Pod> Set(Pod pod, GatedDrop drop, bool oldClaims) =>
        drop.Present(pod)
            ? Gen.Constant(pod)
            : drop.Apply(pod).Select(p => oldClaims && drop.Gate == FeatureGateNames.DynamicResourceAllocation ? GatedFieldGen.InReleaseForm(p) : p);

    private static GatedDrop From(string field, Func<Pod, bool> present, bool needsMount = false)
    {
        var gated = GatedFieldGen.All.Single(f => f.Field == field);
        var apply = needsMount ? pod => gated.Apply(WithMount(pod)) : gated.Apply;
        return new GatedDrop(gated.Gate, field, gated.Since, gated.Until, apply, present);
    }

    /// <summary>The pod, or where its first container mounts nothing, with an emptyDir it mounts.</summary>
    private static Pod WithMount(Pod pod)
    {
        var first = pod.Spec.Containers[0];
        if (!first.VolumeMounts.IsEmpty)
        {
            return pod;
        }

        return pod with
        {
            Spec = pod.Spec with
            {
                Volumes = pod.Spec.Volumes.Add(new Volume { Name = MountVolumeName, SourceKind = "emptyDir", EmptyDir = new EmptyDirVolumeSource() }),
                Containers = pod.Spec.Containers.SetItem(0, first with { VolumeMounts = ValueList.Of(new VolumeMount { Name = MountVolumeName, MountPath = "/" + MountVolumeName }) }),
            },
        };
    }

    /// <summary>
    /// An image volume first in the list, mounted first by the first container and the first init container: dropImageVolumes
    /// removes the volume and every mount of its name, so the other volumes' and mounts' indexes shift (DEF-409).
    /// </summary>
    private static Gen<Pod> ImageVolumeFirst(Pod pod) =>
        from reference in Gen.Elements("busybox:1.36", "quay.io/crio/artifact:latest", "example.com/tools")
        from policy in Gen.Elements("", "IfNotPresent", "Always")
        let volume = new Volume { Name = GatedFieldGen.ImageVolumeName, SourceKind = "image", Image = new ImageVolumeSource { Reference = reference, PullPolicy = policy } }
        let mount = new VolumeMount { Name = GatedFieldGen.ImageVolumeName, MountPath = "/" + GatedFieldGen.ImageVolumeName, ReadOnly = true }
        select pod with
        {
            Spec = pod.Spec with
            {
                Volumes = pod.Spec.Volumes.Insert(0, volume),
                Containers = pod.Spec.Containers.SetItem(0, pod.Spec.Containers[0] with { VolumeMounts = pod.Spec.Containers[0].VolumeMounts.Insert(0, mount) }),
                InitContainers = pod.Spec.InitContainers.IsEmpty
                    ? pod.Spec.InitContainers
                    : pod.Spec.InitContainers.SetItem(0, pod.Spec.InitContainers[0] with { VolumeMounts = pod.Spec.InitContainers[0].VolumeMounts.Insert(0, mount) }),
            },
        };

    private static bool HasImageVolume(Pod pod) =>
        pod.Spec.Volumes.Any(v => v.Image is not null) || AnyMount(pod, m => m.Name == GatedFieldGen.ImageVolumeName);

    /// <summary>A claim from a template, used by the first container (PlacementGen's claim, in the 1.31+ form).</summary>
    private static Gen<Pod> Claims(Pod pod) =>
        Gen.Constant(pod with
        {
            Spec = pod.Spec with
            {
                ResourceClaims = ValueList.Of(new PodResourceClaim { Name = "gpu", ResourceClaimTemplateName = "gpu-template" }),
                Containers = pod.Spec.Containers.SetItem(0, pod.Spec.Containers[0] with
                {
                    Resources = pod.Spec.Containers[0].Resources with { Claims = ValueList.Of(new ResourceClaim { Name = "gpu" }) },
                }),
            },
        });

    /// <summary>A preferred pod-affinity term with a label selector and matchLabelKeys (and, sometimes, mismatchLabelKeys).</summary>
    private static Gen<Pod> AffinityLabelKeys(Pod pod) =>
        GenSequence.Bool.Select(mismatch =>
        {
            var term = new WeightedPodAffinityTerm
            {
                Weight = 10,
                PodAffinityTerm = new PodAffinityTerm
                {
                    LabelSelector = new LabelSelector { MatchLabels = ValueMap.Of(("app", "cache")) },
                    TopologyKey = "kubernetes.io/hostname",
                    MatchLabelKeys = ValueList.Of(DropKey),
                    MismatchLabelKeys = mismatch ? ValueList.Of("example.com/other") : ValueList<string>.Empty,
                },
            };
            var affinity = pod.Spec.Affinity ?? new Affinity();
            var podAffinity = affinity.PodAffinity ?? new PodAffinity();
            podAffinity = podAffinity with { PreferredDuringSchedulingIgnoredDuringExecution = podAffinity.PreferredDuringSchedulingIgnoredDuringExecution.Add(term) };
            return pod with { Spec = pod.Spec with { Affinity = affinity with { PodAffinity = podAffinity } } };
        });

    private static bool HasAffinityLabelKeys(Pod pod)
    {
        static bool Keys(PodAffinityTerm t) => !t.MatchLabelKeys.IsEmpty || !t.MismatchLabelKeys.IsEmpty;
        var a = pod.Spec.Affinity;
        return a?.PodAffinity is { } pa && (pa.RequiredDuringSchedulingIgnoredDuringExecution.Any(Keys) || pa.PreferredDuringSchedulingIgnoredDuringExecution.Any(w => Keys(w.PodAffinityTerm)))
            || a?.PodAntiAffinity is { } anti && (anti.RequiredDuringSchedulingIgnoredDuringExecution.Any(Keys) || anti.PreferredDuringSchedulingIgnoredDuringExecution.Any(w => Keys(w.PodAffinityTerm)));
    }

    /// <summary>A spread constraint on a topology key no other generated constraint uses, with matchLabelKeys.</summary>
    private static Gen<Pod> SpreadLabelKeys(Pod pod) =>
        Gen.Constant(pod with
        {
            Spec = pod.Spec with
            {
                TopologySpreadConstraints = pod.Spec.TopologySpreadConstraints.Add(new TopologySpreadConstraint
                {
                    MaxSkew = 1,
                    TopologyKey = "example.com/row",
                    WhenUnsatisfiable = "ScheduleAnyway",
                    LabelSelector = new LabelSelector { MatchLabels = ValueMap.Of(("example.com/spread", "yes")) },
                    MatchLabelKeys = ValueList.Of(DropKey),
                }),
            },
        });

    private static bool HasOwnerUids(Pod pod) =>
        pod.Spec.Volumes.Any(v => v.ConfigMap?.DefaultUser is not null || v.ConfigMap?.Items.Any(k => k.User is not null) == true
            || v.Secret?.DefaultUser is not null || v.DownwardApiDefaultUser is not null || v.DownwardApiItems.Any(f => f.User is not null)
            || v.Projected?.DefaultUser is not null || v.Projected?.Sources.Any(s => s.ServiceAccountToken?.User is not null) == true);

    private static IEnumerable<Container> AllContainers(Pod pod) => pod.Spec.InitContainers.Concat(pod.Spec.Containers).Concat(pod.Spec.EphemeralContainers);

    private static bool AnyContainer(Pod pod, Func<Container, bool> test) => AllContainers(pod).Any(test);

    private static bool AnyMount(Pod pod, Func<VolumeMount, bool> test) => AllContainers(pod).Any(c => c.VolumeMounts.Any(test));

    private static bool AnyHandler(Pod pod, Func<ProbeHandler, bool> test) =>
        AllContainers(pod).Any(c => new[] { c.LivenessProbe?.Handler, c.ReadinessProbe?.Handler, c.StartupProbe?.Handler, c.Lifecycle?.PreStop, c.Lifecycle?.PostStart }
            .Any(h => h is not null && test(h)));
}
