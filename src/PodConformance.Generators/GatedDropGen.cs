using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Resources;
using PodConformance.Model.Validation;

namespace PodConformance.Generators;

/// <summary>
/// Pods that set a feature-gated field whose gate is registered but off, on purpose, so that the API server's create
/// strategy drops it before validation (dropDisabledFields: DEF-201 for the security fields, DEF-300 for the scheduling and
/// claim fields, DEF-409 for the volume fields, ADM-081 for pod-level resources, ADM-087/088/092/094/096 for the container
/// fields) and the stored pod lacks it (procMount alone is rewritten to <c>Default</c>, not removed) — the drop the admission
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
    private static readonly KubernetesVersion V132 = new(1, 32);

    /// <summary>The AppArmor gate (beta and on 1.28–1.30, GA and locked 1.31–1.32, gone from 1.33); FeatureGateNames has no constant for it.</summary>
    private const string AppArmorGate = "AppArmor";

    /// <summary>The AppArmorFields gate (beta and on 1.30, GA and locked 1.31–1.32, gone from 1.33); FeatureGateNames has no constant for it.</summary>
    private const string AppArmorFieldsGate = "AppArmorFields";

    /// <summary>The emptyDir added (mounted by the first container) where a mount field needs a mount and the pod has none.</summary>
    public const string MountVolumeName = "drop-dir";

    /// <summary>The matchLabelKey of the added term or constraint: a label no generated pod carries, so nothing is merged.</summary>
    private const string DropKey = "example.com/drop";

    /// <summary>In a fixed order (determinism); the gated fields of <see cref="GatedFieldGen.All"/> whose drop the model has, and the placement fields.</summary>
    public static IReadOnlyList<GatedDrop> All { get; } =
    [
        new(FeatureGateNames.ImageVolume, "Volume.image", V131, null, ImageVolumeFirst, HasImageVolume) { Rule = DefaultingRules.DropDisabledVolumeFields },
        From("Lifecycle.stopSignal", AdmissionRules.DropStopSignal, p => AnyContainer(p, c => c.Lifecycle?.StopSignal is not null)),
        From("PodSpec.workloadRef", DefaultingRules.DropDisabledFields, p => p.Spec.WorkloadRef is not null),
        From("PodSpec.schedulingGroup", DefaultingRules.DropDisabledFields, p => p.Spec.SchedulingGroup is not null),
        From("PodSpec.evictionResponders", DefaultingRules.DropDisabledFields, p => !p.Spec.EvictionResponders.IsEmpty),
        From("VolumeMount.bindMountOptions", DefaultingRules.DropDisabledVolumeFields, p => AnyMount(p, m => !m.BindMountOptions.IsEmpty), needsMount: true),
        From("HTTPGetAction.protocol", AdmissionRules.DropNewFields137, p => AnyHandler(p, h => h.HttpGet?.Protocol is not null)),
        From("GRPCAction.mode", AdmissionRules.DropNewFields137, p => AnyHandler(p, h => h.GrpcMode is not null)),
        From("ConfigMapVolumeSource.defaultUser", DefaultingRules.DropDisabledVolumeFields, HasOwnerUids),
        From("EmptyDirVolumeSource.mode", DefaultingRules.DropDisabledVolumeFields, p => p.Spec.Volumes.Any(v => v.EmptyDir?.Mode is not null)),
        From("Container.resizePolicy", AdmissionRules.DropResizePolicy, p => AnyContainer(p, c => !c.ResizePolicy.IsEmpty)),
        From("VolumeMount.recursiveReadOnly", DefaultingRules.DropDisabledVolumeFields, p => AnyMount(p, m => m.RecursiveReadOnly is not null), needsMount: true),
        From("VolumeProjection.clusterTrustBundle", DefaultingRules.DropDisabledVolumeFields, p => p.Spec.Volumes.Any(v => v.Projected?.Sources.Any(s => s.ClusterTrustBundle is not null) == true)),
        From("PodSpec.hostnameOverride", DefaultingRules.DropDisabledFields, p => p.Spec.HostnameOverride is not null),

        // 1.29's drop clears only the sleep and leaves the handler empty, which validation refuses (ADM-092): generated from 1.30.
        From("LifecycleHandler.sleep", AdmissionRules.DropSleepAction, p => AnyContainer(p, c => c.Lifecycle?.PreStop?.SleepSeconds is not null || c.Lifecycle?.PostStart?.SleepSeconds is not null)) with { Since = V130 },
        new(FeatureGateNames.DynamicResourceAllocation, "PodSpec.resourceClaims", V128, null, Claims, p => !p.Spec.ResourceClaims.IsEmpty || AnyContainer(p, c => !c.Resources.Claims.IsEmpty)) { Rule = DefaultingRules.DropDisabledFields },
        new(FeatureGateNames.MatchLabelKeysInPodAffinity, "PodAffinityTerm.matchLabelKeys", V129, null, AffinityLabelKeys, HasAffinityLabelKeys) { Rule = DefaultingRules.DropDisabledFields },
        new(FeatureGateNames.MatchLabelKeysInPodTopologySpread, "TopologySpreadConstraint.matchLabelKeys", V128, null, SpreadLabelKeys, p => p.Spec.TopologySpreadConstraints.Any(c => !c.MatchLabelKeys.IsEmpty)) { Rule = DefaultingRules.DropDisabledFields },

        // DEF-201, the security fields (session 13). Not set on Windows pods, which may not use them with the gate on.
        new(FeatureGateNames.UserNamespacesSupport, "PodSpec.hostUsers", V128, null, HostUsers, p => p.Spec.HostUsers is not null) { Rule = DefaultingRules.DropDisabledSecurityFields },
        new(FeatureGateNames.SupplementalGroupsPolicy, "PodSecurityContext.supplementalGroupsPolicy", V131, null, SupplementalGroupsPolicy, p => p.Spec.SecurityContext?.SupplementalGroupsPolicy is not null) { Rule = DefaultingRules.DropDisabledSecurityFields },
        new(FeatureGateNames.ProcMountType, "SecurityContext.procMount", V128, null, ProcMount, p => AnyContainer(p, c => c.SecurityContext?.ProcMount is { } m && m != "Default"))
        {
            Rule = DefaultingRules.DropDisabledSecurityFields,
            Explain = "Default (feature gate " + FeatureGateNames.ProcMountType + " is off)",
        },
        new(FeatureGateNames.SELinuxChangePolicy, "PodSecurityContext.seLinuxChangePolicy", V132, null, SeLinuxChangePolicy, p => p.Spec.SecurityContext?.SELinuxChangePolicy is not null) { Rule = DefaultingRules.DropDisabledSecurityFields },

        // The annotations' drop is read for 1.28 (v1.27.11's util.go), 1.29 (v1.29.9's) and, from session 14, 1.30 (v1.30.7's,
        // kubeedge/kubeedge 9b280adfa), where the case turns AppArmor (beta, on) off; 1.31-1.32's util.go has no AppArmor drop
        // (GA, locked), hence the Until.
        new(AppArmorGate, "ObjectMeta.annotations[container.apparmor.security.beta.kubernetes.io/NAME]", V128, V130, AppArmorAnnotation, HasAppArmorAnnotation) { Rule = DefaultingRules.DropDisabledSecurityFields },

        // The appArmorProfile fields (session 14): 1.30 only, the case turning AppArmorFields (beta, on) off; v1.30.7's
        // dropDisabledFields sets the pod's and every container's field to nil with AppArmor or AppArmorFields off.
        new(AppArmorFieldsGate, "PodSecurityContext.appArmorProfile", V130, V130, AppArmorFields, HasAppArmorFields)
        {
            Rule = DefaultingRules.DropDisabledSecurityFields,
            Explain = "(dropped: feature gate AppArmor or AppArmorFields is off)",
            AlwaysApply = true,
        },

        // ADM-081 and ADM-088.
        new(FeatureGateNames.PodLevelResources, "PodSpec.resources", V132, null, PodLevelResources, p => p.Spec.Resources is not null) { Rule = AdmissionRules.DropPodLevelResources },
        From("Container.restartPolicyRules", AdmissionRules.DropContainerRestartPolicy, HasRestartRules),

        // ADM-088's SidecarContainers part (session 14): alpha and off at 1.28, beta and on (unlocked) 1.29-1.32, so the case
        // turns it off there; GA and locked 1.33-1.36.
        new(FeatureGateNames.SidecarContainers, "Container.restartPolicy", V128, null, PlainSidecar, HasInitRestartPolicy)
        {
            Rule = AdmissionRules.DropContainerRestartPolicy,
            AlwaysApply = true,
        },
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
    /// About one pod in four (<paramref name="percent"/>; one in six until the security, pod-level and restart-rule drops
    /// came) gets two of <see cref="For"/>'s drops: one chosen evenly among the drops, and one chosen evenly among their
    /// rules (<see cref="GatedDrop.Rule"/>), then among the rule's drops. Until session 14 a pod got one drop chosen evenly,
    /// so a rule with one field (ADM-081, ADM-088, ADM-094) got a twelfth of those pods at 1.37 and fell below the coverage
    /// floor (1 to 8 of 300 cases by seed) while DEF-409 had four fields' share; the second drop gives each rule about a sixth
    /// more without adding pods with drops. The two are independent fields; where they are the same drop, or their gate
    /// overrides together would not be accepted (<see cref="GateSwitch.Combine"/>), the pod gets the first alone. Built once
    /// per run (the gate questions are asked here, not per case). A profile without any drop keeps its pods draw for draw.
    /// </summary>
    public static Func<Pod, Gen<GatedPod>> Sometimes(Profile profile, int percent = 25)
    {
        var drops = For(profile);
        if (drops.Count == 0)
        {
            return pod => Gen.Constant(new GatedPod(pod, ValueMap<bool>.Empty));
        }

        var byRule = ByRule(drops);
        bool oldClaims = profile.Version < V131;
        return pod =>
            from add in GenSequence.Chance(percent)
            from first in Gen.Choose(0, drops.Count - 1)
            from rule in Gen.Choose(0, byRule.Length - 1)
            from member in Gen.Choose(0, byRule[rule].Length - 1)
            from dropped in add ? Two(pod, profile, drops[first], drops[byRule[rule][member]], oldClaims) : Gen.Constant(new GatedPod(pod, ValueMap<bool>.Empty))
            select dropped;
    }

    /// <summary>The indexes of <paramref name="drops"/> grouped by rule, rules in order of first appearance (determinism).</summary>
    private static int[][] ByRule(IReadOnlyList<(GatedDrop Drop, ValueMap<bool> Gates)> drops)
    {
        var rules = new List<string>();
        var members = new List<List<int>>();
        for (int i = 0; i < drops.Count; i++)
        {
            int at = rules.IndexOf(drops[i].Drop.Rule);
            if (at < 0)
            {
                rules.Add(drops[i].Drop.Rule);
                members.Add([]);
                at = rules.Count - 1;
            }

            members[at].Add(i);
        }

        return [.. members.Select(m => m.ToArray())];
    }

    /// <summary>Both drops set, with both gate overrides; the first alone where they are one drop or their overrides do not combine.</summary>
    private static Gen<GatedPod> Two(Pod pod, Profile profile, (GatedDrop Drop, ValueMap<bool> Gates) first, (GatedDrop Drop, ValueMap<bool> Gates) second, bool oldClaims)
    {
        if (ReferenceEquals(first.Drop, second.Drop) || GateSwitch.Combine(profile, first.Gates, second.Gates) is not { } gates)
        {
            return Set(pod, first.Drop, oldClaims).Select(p => new GatedPod(p, first.Gates));
        }

        // The image volume goes last: set first, its read-only mount could take a mount field (recursiveReadOnly) set after
        // it, and dropImageVolumes would then remove that field with the mount, leaving nothing to drop.
        var (early, late) = first.Drop.Gate == FeatureGateNames.ImageVolume ? (second.Drop, first.Drop) : (first.Drop, second.Drop);
        return from one in Set(pod, early, oldClaims) from both in Set(one, late, oldClaims) select new GatedPod(both, gates);
    }

    /// <summary>The field set (a pod that already has it, from the gate-on decoration of the run's profile, is kept as it is).</summary>
    private static Gen<Pod> Set(Pod pod, GatedDrop drop, bool oldClaims) =>
        drop.Present(pod) && !drop.AlwaysApply
            ? Gen.Constant(pod)
            : drop.Apply(pod).Select(p => oldClaims && drop.Gate == FeatureGateNames.DynamicResourceAllocation ? GatedFieldGen.InReleaseForm(p) : p);

    private static GatedDrop From(string field, string rule, Func<Pod, bool> present, bool needsMount = false)
    {
        var gated = GatedFieldGen.All.Single(f => f.Field == field);
        var apply = needsMount ? pod => gated.Apply(WithMount(pod)) : gated.Apply;
        return new GatedDrop(gated.Gate, field, gated.Since, gated.Until, apply, present) { Rule = rule };
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

    private static bool Windows(Pod pod) => pod.Spec.OS?.Name == "windows";

    /// <summary>
    /// <c>hostUsers: false</c>, where the pod shares no host namespace and no container uses a block device (VolumeKindsGen's
    /// rule: with the gate on, validation refuses those pairs).
    /// </summary>
    private static Gen<Pod> HostUsers(Pod pod) =>
        Gen.Constant(Windows(pod) || pod.Spec.HostNetwork || pod.Spec.HostPID || pod.Spec.HostIPC || AnyContainer(pod, c => !c.VolumeDevices.IsEmpty)
            ? pod
            : pod with { Spec = pod.Spec with { HostUsers = false } });

    private static Gen<Pod> SupplementalGroupsPolicy(Pod pod) =>
        Windows(pod)
            ? Gen.Constant(pod)
            : Gen.Elements("Merge", "Strict").Select(policy => pod with
            {
                Spec = pod.Spec with { SecurityContext = (pod.Spec.SecurityContext ?? new PodSecurityContext()) with { SupplementalGroupsPolicy = policy } },
            });

    /// <summary>
    /// The first container's procMount <c>Unmasked</c>. With the gate on, 1.30+ would also want <c>hostUsers: false</c> (VAL-212),
    /// so a procMount kept where the gate is off shows there as a validation error, not as a stored field.
    /// </summary>
    private static Gen<Pod> ProcMount(Pod pod) =>
        Gen.Constant(Windows(pod) ? pod : WithFirstContainer(pod, c => c with { SecurityContext = (c.SecurityContext ?? new SecurityContext()) with { ProcMount = "Unmasked" } }));

    /// <summary><c>Recursive</c>, the value SecurityGen gives valid pods (its <c>MountOption</c> rules were not read for this).</summary>
    private static Gen<Pod> SeLinuxChangePolicy(Pod pod) =>
        Gen.Constant(Windows(pod) ? pod : pod with
        {
            Spec = pod.Spec with { SecurityContext = (pod.Spec.SecurityContext ?? new PodSecurityContext()) with { SELinuxChangePolicy = "Recursive" } },
        });

    /// <summary>An AppArmor annotation for the first container, with a profile the annotation rule accepts (VAL-220).</summary>
    private static Gen<Pod> AppArmorAnnotation(Pod pod) =>
        Windows(pod)
            ? Gen.Constant(pod)
            : Gen.Elements("runtime/default", "unconfined", "localhost/k8s-apparmor-example").Select(profile => pod with
            {
                Metadata = pod.Metadata with
                {
                    Annotations = pod.Metadata.Annotations.SetItem(PodValidator.AppArmorContainerAnnotationKeyPrefix + pod.Spec.Containers[0].Name, profile),
                },
            });

    /// <summary>
    /// A pod-level <c>appArmorProfile</c> (RuntimeDefault, or the Localhost profile SecurityGen uses) where no field is set
    /// yet, on a pod without AppArmor annotations: those are removed, so the case is about the drop alone (applyAppArmorVersionSkew,
    /// which would copy an annotation into a missing field, returns at once with AppArmorFields off at 1.30, DEF-205, read in
    /// session 15; AppArmorSkewAt130Tests cover an annotation beside the dropped fields). Windows pods are left alone (they
    /// may not set the field).
    /// </summary>
    private static Gen<Pod> AppArmorFields(Pod pod)
    {
        if (Windows(pod))
        {
            return Gen.Constant(pod);
        }

        var annotations = pod.Metadata.Annotations;
        foreach (var (key, _) in pod.Metadata.Annotations)
        {
            if (key.StartsWith(PodValidator.AppArmorContainerAnnotationKeyPrefix, StringComparison.Ordinal))
            {
                annotations = annotations.Remove(key);
            }
        }

        var stripped = pod with { Metadata = pod.Metadata with { Annotations = annotations } };
        return HasAppArmorFields(stripped)
            ? Gen.Constant(stripped)
            : Gen.Elements(new AppArmorProfile { Type = "RuntimeDefault" }, new AppArmorProfile { Type = "Localhost", LocalhostProfile = "k8s-apparmor-example" })
                .Select(profile => stripped with
                {
                    Spec = stripped.Spec with { SecurityContext = (stripped.Spec.SecurityContext ?? new PodSecurityContext()) with { AppArmorProfile = profile } },
                });
    }

    private static bool HasAppArmorFields(Pod pod) =>
        pod.Spec.SecurityContext?.AppArmorProfile is not null || AnyContainer(pod, c => c.SecurityContext?.AppArmorProfile is not null);

    private static bool HasAppArmorAnnotation(Pod pod) =>
        pod.Metadata.Annotations.Keys.Any(k => k.StartsWith(PodValidator.AppArmorContainerAnnotationKeyPrefix, StringComparison.Ordinal));

    /// <summary>
    /// Pod-level requests and limits of cpu and memory, equal, and at least the containers' aggregate requests and limits
    /// (PodExtras' "both" form), so the pod passes VAL-037 with the gate on.
    /// </summary>
    private static Gen<Pod> PodLevelResources(Pod pod) =>
        Windows(pod)
            ? Gen.Constant(pod)
            : from cpu in Gen.Elements("500m", "1", "2")
              from memory in Gen.Elements("512Mi", "1Gi", "2Gi")
              let values = ValueMap.Of(("cpu", Covering(pod.Spec, "cpu", Quantity.Parse(cpu))), ("memory", Covering(pod.Spec, "memory", Quantity.Parse(memory))))
              select pod with { Spec = pod.Spec with { Resources = new ResourceRequirements { Requests = values, Limits = values } } };

    /// <summary>The larger of <paramref name="chosen"/> and the containers' aggregate request and limit of <paramref name="resource"/>.</summary>
    private static Quantity Covering(PodSpec spec, string resource, Quantity chosen)
    {
        var result = chosen;
        foreach (var aggregate in new[] { PodResources.AggregateContainerRequests(spec), PodResources.AggregateContainerLimits(spec) })
        {
            if (aggregate.TryGetValue(resource, out var q) && q.CompareTo(result) > 0)
            {
                result = q;
            }
        }

        return result;
    }

    /// <summary>What dropContainerRestartRules removes: every restartPolicyRules, and every restartPolicy but an init container's <c>Always</c>.</summary>
    private static bool HasRestartRules(Pod pod) =>
        AnyContainer(pod, c => !c.RestartPolicyRules.IsEmpty)
        || pod.Spec.Containers.Any(c => c.RestartPolicy is not null) || pod.Spec.EphemeralContainers.Any(c => c.RestartPolicy is not null)
        || pod.Spec.InitContainers.Any(c => c.RestartPolicy is not null and not "Always");

    /// <summary>The name of the sidecar added where the pod has no plain init container to make one of.</summary>
    public const string SidecarName = "drop-sidecar";

    /// <summary>
    /// Sidecars that are plain, valid init containers once dropDisabledFields sets every init container's restartPolicy to
    /// nil (SidecarContainers off): validateInitContainers forbids lifecycle, livenessProbe, readinessProbe and startupProbe
    /// on an init container without <c>restartPolicy: Always</c> (<c>may not be set for init containers without
    /// restartPolicy=Always</c>, v1.28.1, v1.29.9, v1.32.1) and resizePolicy on any init container before 1.33, so every
    /// sidecar the pod has loses them. Then the first plain init container becomes a sidecar, or, where there is none, one
    /// without resources is added (it adds nothing to the aggregates pod-level resources must cover).
    /// </summary>
    private static Gen<Pod> PlainSidecar(Pod pod)
    {
        var init = pod.Spec.InitContainers.AsSpan().ToArray();
        int plain = -1;
        for (int i = 0; i < init.Length; i++)
        {
            if (init[i].RestartPolicy is not null)
            {
                init[i] = init[i] with
                {
                    Lifecycle = null, LivenessProbe = null, ReadinessProbe = null, StartupProbe = null,
                    ResizePolicy = ValueList<ContainerResizePolicy>.Empty, ResizePolicyGivenEmpty = false,
                };
            }
            else if (plain < 0)
            {
                plain = i;
            }
        }

        var inits = init.ToValueList();
        if (plain >= 0)
        {
            inits = inits.SetItem(plain, init[plain] with { RestartPolicy = "Always" });
        }
        else if (!AllContainers(pod).Any(c => c.Name == SidecarName))
        {
            inits = inits.Add(new Container { Name = SidecarName, Image = "busybox:1.36", RestartPolicy = "Always" });
        }

        return Gen.Constant(pod with { Spec = pod.Spec with { InitContainers = inits } });
    }

    private static bool HasInitRestartPolicy(Pod pod) => pod.Spec.InitContainers.Any(c => c.RestartPolicy is not null);

    private static Pod WithFirstContainer(Pod pod, Func<Container, Container> map) =>
        pod with { Spec = pod.Spec with { Containers = pod.Spec.Containers.SetItem(0, map(pod.Spec.Containers[0])) } };

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
