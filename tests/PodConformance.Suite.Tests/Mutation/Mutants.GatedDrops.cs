using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;

namespace PodConformance.Suite.Tests.Mutation;

/// <summary>
/// Mutants of the create strategy's drops (dropDisabledFields): a drop skipped where the gate is off, or made where it is
/// on. Only pods that set a gated field whose gate is off kill the first kind: P-ADM-DEFAULTS' GatedDropGen cases.
/// </summary>
internal static partial class Mutants
{
    /// <summary>A property, not a field: <see cref="All"/> (another part of this class) is initialised first and reads it.</summary>
    private static KubernetesVersion Release134 => new(1, 34);

    /// <summary>1.32: the four DEF-201 security gates are all off by default (UserNamespacesSupport and ProcMountType beta, the others alpha).</summary>
    private static KubernetesVersion Release132 => new(1, 32);

    /// <summary>1.28: SidecarContainers is alpha and off by default (ADM-088's sidecar drop without a gate switch).</summary>
    private static KubernetesVersion Release128 => new(1, 28);

    /// <summary>1.30: the only release whose dropDisabledFields drops the appArmorProfile fields (AppArmorFields beta, on).</summary>
    private static KubernetesVersion Release130 => new(1, 30);

    private static IEnumerable<Mutant> GatedDrops()
    {
        // DEF-409 (dropImageVolumes): the image volumes go but their mounts stay, so the mounts name no volume. ImageVolume is
        // beta and off at 1.34 (GA and locked from 1.36), so the run is 1.34's.
        yield return new Mutant(
            "def-image-volume-mounts-kept", "defaulting", DefaultingRules.DropDisabledVolumeFields,
            "with ImageVolume off the create strategy removes the image volumes but not the mounts of their names (run at 1.34)",
            Injection.Stage,
            ModelPipeline.Real with { CreateStrategy = (pod, profile) => WithImageMountsOf(pod, PodDefaulter.CreateStrategyDefaults(pod, profile)) })
        {
            Release = Release134,
            Target = "P-ADM-DEFAULTS",
        };

        // DEF-409: the three 1.37 alpha volume drops skipped (bindMountOptions, emptyDir.mode, the user fields), as if their
        // gates were on; the default run has them off.
        yield return new Mutant(
            "def-alpha-volume-fields-kept", "defaulting", DefaultingRules.DropDisabledVolumeFields,
            "the create strategy keeps volumeMounts' bindMountOptions, emptyDir.mode and the volume user fields with their gates off",
            Injection.Stage,
            ModelPipeline.Real with { CreateStrategy = (pod, profile) => PodDefaulter.CreateStrategyDefaults(pod, WithGatesOn(profile, AlphaVolumeGates)) })
        {
            Target = "P-ADM-DEFAULTS",
        };

        // ADM-096: httpGet.protocol and grpc.mode kept with H2CContainerProbe and GRPCContainerProbeTLS off (the drop runs
        // before the create-strategy seam, so the mutant takes the fields back from the pod sent).
        yield return new Mutant(
            "adm-probe-fields-kept-with-gates-off", "defaulting", AdmissionRules.DropNewFields137,
            "with H2CContainerProbe and GRPCContainerProbeTLS off a create keeps the probes' httpGet.protocol and grpc.mode",
            Injection.Stage,
            ModelPipeline.Real with { CreateStrategyWithSent = (sent, pod, profile) => WithProbeFieldsOf(sent, PodDefaulter.CreateStrategyDefaults(pod, profile)) })
        {
            Target = "P-ADM-DEFAULTS",
        };

        // ADM-091 (session 14): env[].valueFrom.fileKeyRef kept with EnvFiles off (beta, on at 1.37: FileKeyRefMutations'
        // file-key-ref-without-env-files turns it off itself). Kubernetes drops the source and refuses the emptied valueFrom
        // (VAL-051); the mutant stores the pod with its source. The drop runs before the create-strategy seam, so the mutant
        // takes the sources back from the pod sent.
        yield return new Mutant(
            "adm-file-key-ref-kept-with-env-files-off", "admission", AdmissionRules.DropFileKeyRef,
            "with EnvFiles off a create keeps env[].valueFrom.fileKeyRef, so the pod is accepted instead of refused for its empty valueFrom",
            Injection.Stage,
            ModelPipeline.Real with { CreateStrategyWithSent = (sent, pod, profile) => WithFileKeyRefsOf(sent, PodDefaulter.CreateStrategyDefaults(pod, profile)) })
        {
            Target = "P-ADM-VALIDATION",
        };

        // DEF-201 (session 13): the security drops skipped — hostUsers, supplementalGroupsPolicy and seLinuxChangePolicy kept,
        // procMount not rewritten to Default — as if their gates were on. All four are off at 1.32, so the run is 1.32's.
        yield return new Mutant(
            "def-security-fields-kept-with-gates-off", "defaulting", DefaultingRules.DropDisabledSecurityFields,
            "with UserNamespacesSupport, SupplementalGroupsPolicy, ProcMountType and SELinuxChangePolicy off the create strategy keeps hostUsers, supplementalGroupsPolicy, procMount and seLinuxChangePolicy (run at 1.32)",
            Injection.Stage,
            ModelPipeline.Real with { CreateStrategy = (pod, profile) => PodDefaulter.CreateStrategyDefaults(pod, WithGatesOn(profile, SecurityDropGates)) })
        {
            Release = Release132,
            Target = "P-ADM-DEFAULTS",
        };

        // ADM-088's SidecarContainers part (session 15): every init container keeps its restartPolicy with SidecarContainers
        // off, so the sidecars GatedDropGen makes stay sidecars. Alpha and off at 1.28 (beta and on, unlocked, 1.29-1.32, where
        // the case turns it off), so the run is 1.28's. The drop runs before the create-strategy seam (DisabledFields), so the
        // mutant takes the policies back from the pod sent.
        yield return new Mutant(
            "adm-sidecars-kept-with-gate-off", "admission", AdmissionRules.DropContainerRestartPolicy,
            "with SidecarContainers off a create keeps the init containers' restartPolicy, so sidecars stay sidecars (run at 1.28)",
            Injection.Stage,
            ModelPipeline.Real with { CreateStrategyWithSent = (sent, pod, profile) => WithInitRestartPoliciesOf(sent, PodDefaulter.CreateStrategyDefaults(pod, profile)) })
        {
            Release = Release128,
            Target = "P-ADM-DEFAULTS",
        };

        // DEF-201's 1.30 AppArmor field drop (session 15): the pod's and the containers' appArmorProfile kept with AppArmorFields
        // off (beta and on at 1.30, which GatedDropGen's case turns off; GA and locked 1.31-1.32, where util.go has no such
        // drop). The drop is the create strategy's (PodDefaulter), so the mutant takes the fields back from the pod the seam
        // is given; the version skew stays skipped, as with the gate off.
        yield return new Mutant(
            "def-apparmor-fields-kept-with-gate-off", "defaulting", DefaultingRules.DropDisabledSecurityFields,
            "with AppArmorFields off the create strategy keeps the pod's and the containers' securityContext.appArmorProfile (run at 1.30)",
            Injection.Stage,
            ModelPipeline.Real with { CreateStrategy = (pod, profile) => WithAppArmorFieldsOf(pod, PodDefaulter.CreateStrategyDefaults(pod, profile)) })
        {
            Release = Release130,
            Target = "P-ADM-DEFAULTS",
        };

        // DEF-300 applied with the gate on: spec.hostnameOverride dropped although HostnameOverride is GA (1.37).
        yield return new Mutant(
            "def-hostname-override-dropped-with-gate-on", "defaulting", DefaultingRules.DropDisabledFields,
            "the create strategy drops spec.hostnameOverride although HostnameOverride is on",
            Injection.Stage,
            ModelPipeline.Real with
            {
                CreateStrategy = (pod, profile) => PodDefaulter.CreateStrategyDefaults(pod, profile) is var created && created.Spec.HostnameOverride is not null
                    ? created with { Spec = created.Spec with { HostnameOverride = null } }
                    : created,
            })
        {
            Target = "P-ADM-DEFAULTS",
        };
    }

    /// <summary>Read only when a mutant runs, after every static field of the class is set.</summary>
    private static readonly string[] AlphaVolumeGates =
        [FeatureGateNames.VolumeBindMountOptions, FeatureGateNames.EmptyDirVolumeMode, FeatureGateNames.AtomicWriteVolumeUserFields];

    /// <summary>Read only when a mutant runs, after every static field of the class is set.</summary>
    private static readonly string[] SecurityDropGates =
        [FeatureGateNames.UserNamespacesSupport, FeatureGateNames.SupplementalGroupsPolicy, FeatureGateNames.ProcMountType, FeatureGateNames.SELinuxChangePolicy];

    private static Profile WithGatesOn(Profile profile, string[] gates)
    {
        var overrides = new List<(string, bool)>();
        foreach (var (name, on) in profile.Overrides)
        {
            if (!gates.Contains(name, StringComparer.Ordinal))
            {
                overrides.Add((name, on));
            }
        }

        overrides.AddRange(gates.Select(g => (g, true)));
        return profile with { Overrides = ValueMap.Of([.. overrides]) };
    }

    /// <summary><paramref name="created"/> with each container's mounts of <paramref name="before"/>'s image volumes put back where they were.</summary>
    private static Pod WithImageMountsOf(Pod before, Pod created)
    {
        var names = before.Spec.Volumes.Where(v => v.Image is not null).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        if (names.Count == 0)
        {
            return created;
        }

        ValueList<Container> Restore(ValueList<Container> was, ValueList<Container> now)
        {
            var result = now.AsSpan().ToArray();
            for (int i = 0; i < result.Length && i < was.Count; i++)
            {
                var mounts = result[i].VolumeMounts.AsSpan().ToArray().ToList();
                for (int j = 0; j < was[i].VolumeMounts.Count; j++)
                {
                    if (names.Contains(was[i].VolumeMounts[j].Name))
                    {
                        mounts.Insert(Math.Min(j, mounts.Count), was[i].VolumeMounts[j]);
                    }
                }

                result[i] = result[i] with { VolumeMounts = mounts.ToValueList() };
            }

            return result.ToValueList();
        }

        return created with
        {
            Spec = created.Spec with
            {
                InitContainers = Restore(before.Spec.InitContainers, created.Spec.InitContainers),
                Containers = Restore(before.Spec.Containers, created.Spec.Containers),
            },
        };
    }

    /// <summary><paramref name="created"/> with each env entry's fileKeyRef of the pod <paramref name="sent"/> put back where the create left its valueFrom.</summary>
    private static Pod WithFileKeyRefsOf(Pod sent, Pod created)
    {
        static ValueList<Container> Restore(ValueList<Container> was, ValueList<Container> now)
        {
            var result = now.AsSpan().ToArray();
            for (int i = 0; i < result.Length && i < was.Count; i++)
            {
                var env = result[i].Env.AsSpan().ToArray();
                for (int j = 0; j < env.Length && j < was[i].Env.Count; j++)
                {
                    if (was[i].Env[j].ValueFrom?.FileKeyRef is { } source && env[j].ValueFrom is { FileKeyRef: null } emptied)
                    {
                        env[j] = env[j] with { ValueFrom = emptied with { FileKeyRef = source } };
                    }
                }

                result[i] = result[i] with { Env = env.ToValueList() };
            }

            return result.ToValueList();
        }

        return created with
        {
            Spec = created.Spec with
            {
                InitContainers = Restore(sent.Spec.InitContainers, created.Spec.InitContainers),
                Containers = Restore(sent.Spec.Containers, created.Spec.Containers),
            },
        };
    }

    /// <summary><paramref name="created"/> with each init container's restartPolicy of the pod <paramref name="sent"/> put back where the create removed it.</summary>
    private static Pod WithInitRestartPoliciesOf(Pod sent, Pod created)
    {
        Container[]? init = null;
        for (int i = 0; i < created.Spec.InitContainers.Count && i < sent.Spec.InitContainers.Count; i++)
        {
            if (sent.Spec.InitContainers[i].RestartPolicy is { } policy && created.Spec.InitContainers[i].RestartPolicy is null)
            {
                init ??= created.Spec.InitContainers.AsSpan().ToArray();
                init[i] = init[i] with { RestartPolicy = policy };
            }
        }

        return init is null ? created : created with { Spec = created.Spec with { InitContainers = init.ToValueList() } };
    }

    /// <summary><paramref name="created"/> with the pod's and each container's appArmorProfile of <paramref name="before"/> put back where the create removed it.</summary>
    private static Pod WithAppArmorFieldsOf(Pod before, Pod created)
    {
        static ValueList<Container> Restore(ValueList<Container> was, ValueList<Container> now)
        {
            Container[]? result = null;
            for (int i = 0; i < now.Count && i < was.Count; i++)
            {
                if (was[i].SecurityContext?.AppArmorProfile is { } field && now[i].SecurityContext?.AppArmorProfile is null)
                {
                    result ??= now.AsSpan().ToArray();
                    result[i] = result[i] with { SecurityContext = (result[i].SecurityContext ?? new SecurityContext()) with { AppArmorProfile = field } };
                }
            }

            return result is null ? now : result.ToValueList();
        }

        var spec = created.Spec with
        {
            InitContainers = Restore(before.Spec.InitContainers, created.Spec.InitContainers),
            Containers = Restore(before.Spec.Containers, created.Spec.Containers),
            EphemeralContainers = Restore(before.Spec.EphemeralContainers, created.Spec.EphemeralContainers),
        };
        if (before.Spec.SecurityContext?.AppArmorProfile is { } podField && spec.SecurityContext?.AppArmorProfile is null)
        {
            spec = spec with { SecurityContext = (spec.SecurityContext ?? new PodSecurityContext()) with { AppArmorProfile = podField } };
        }

        return created with { Spec = spec };
    }

    /// <summary><paramref name="created"/> with the probes' httpGet.protocol and grpc.mode of the pod <paramref name="sent"/>.</summary>
    private static Pod WithProbeFieldsOf(Pod sent, Pod created)
    {
        static ProbeHandler Back(ProbeHandler was, ProbeHandler now) => now with
        {
            GrpcMode = now.GrpcMode ?? was.GrpcMode,
            HttpGet = now.HttpGet is { } get && was.HttpGet?.Protocol is { } protocol && get.Protocol is null ? get with { Protocol = protocol } : now.HttpGet,
        };

        static Probe? BackProbe(Probe? was, Probe? now) => was is null || now is null ? now : now with { Handler = Back(was.Handler, now.Handler) };

        ValueList<Container> Restore(ValueList<Container> was, ValueList<Container> now)
        {
            var result = now.AsSpan().ToArray();
            for (int i = 0; i < result.Length && i < was.Count; i++)
            {
                result[i] = result[i] with
                {
                    LivenessProbe = BackProbe(was[i].LivenessProbe, result[i].LivenessProbe),
                    ReadinessProbe = BackProbe(was[i].ReadinessProbe, result[i].ReadinessProbe),
                    StartupProbe = BackProbe(was[i].StartupProbe, result[i].StartupProbe),
                };
            }

            return result.ToValueList();
        }

        return created with { Spec = created.Spec with { InitContainers = Restore(sent.Spec.InitContainers, created.Spec.InitContainers), Containers = Restore(sent.Spec.Containers, created.Spec.Containers) } };
    }
}
