using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;
using PodConformance.Model.Validation;

namespace PodConformance.Suite.Tests.Mutation;

internal static partial class Mutants
{
    private static IEnumerable<Mutant> Admission()
    {
        yield return new Mutant(
            "qos-ignores-init", "qos", QosRules.Containers, "QoS ignores init containers (sidecars included)",
            Injection.Stage,
            ModelPipeline.Real with { Qos = (spec, profile) => QosCalculator.ComputePodQos(spec with { InitContainers = [] }, profile) });

        yield return new Mutant(
            "qos-counts-ephemeral-storage", "qos", QosRules.PerResource, "QoS counts ephemeral-storage beside cpu and memory",
            Injection.Stage,
            ModelPipeline.Real with { Qos = QosCountingEphemeralStorage });

        yield return new Mutant(
            "def-no-requests-from-limits", "defaulting", DefaultingRules.RequestsFromLimits, "defaulting does not copy limits to missing requests",
            Injection.Stage,
            ModelPipeline.Real with { Default = (pod, profile) => KeepRequests(pod, PodDefaulter.Decode(pod, profile)) });

        yield return new Mutant(
            "val-drops-requests-within-limits", "validation", ValidationRules.RequestsWithinLimits, "validation drops \"requests must be ≤ limits\"",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Validate = (pod, profile) => new ValidationResult(PodValidator.Validate(pod, profile).Errors.Where(e => e.Rule != ValidationRules.RequestsWithinLimits).ToValueList()),
            });

        // VAL-035: spec.overhead is not validated; OverheadMutations' negative overhead then reaches the RuntimeClass plugin's
        // refusal (ADM-013) instead of validation's Invalid error.
        yield return new Mutant(
            "val-skips-overhead", "validation", ValidationRules.Overhead, "validation does not check spec.overhead's quantities",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Validate = (pod, profile) => new ValidationResult(PodValidator.Validate(pod, profile).Errors.Where(e => !e.Field.StartsWith("spec.overhead", StringComparison.Ordinal)).ToValueList()),
            });

        // VAL-056: the fileKeyRef source's own checks are skipped; FileKeyRefMutations' bad references are then accepted.
        yield return new Mutant(
            "val-skips-file-key-ref", "validation", ValidationRules.EnvFileKeyRef, "validation does not check env[].valueFrom.fileKeyRef",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Validate = (pod, profile) => new ValidationResult(PodValidator.Validate(pod, profile).Errors.Where(e => e.Rule != ValidationRules.EnvFileKeyRef).ToValueList()),
            });

        // ADM-013: the RuntimeClass plugin's Validate is skipped, so a pod with an overhead and no runtimeClassName is stored.
        yield return new Mutant(
            "adm-overhead-without-runtime-class-admitted", "admission", Model.Admission.AdmissionRules.RuntimeClassOverhead,
            "the RuntimeClass plugin's Validate does not run: an overhead without a RuntimeClass is accepted",
            Injection.Stage,
            ModelPipeline.Real with { RunsValidatingPlugin = name => !string.Equals(name, "RuntimeClass", StringComparison.Ordinal) });

        // ADM-014…017 (session 12): the RuntimeClass plugin reads the case's RuntimeClasses (PodCase.RuntimeClasses) through a
        // bent copy of the cluster objects. Served over the protocol too (session 13): the mutant's hello declares
        // runtime-classes, as the model's does, so the classes travel in objects.runtimeClasses (PROTO-015).
        yield return new Mutant(
            "adm-unknown-runtime-class-assumed", "admission", Model.Admission.AdmissionRules.RuntimeClassNotFound,
            "a RuntimeClass that is not among those given is assumed to exist (not checked) instead of refused",
            Injection.Stage,
            ModelPipeline.Real with { Objects = o => o with { RuntimeClasses = default } });

        yield return new Mutant(
            "adm-runtime-class-overhead-ignored", "admission", Model.Admission.AdmissionRules.RuntimeClassSetOverhead,
            "the RuntimeClass plugin ignores the class's overhead (neither sets nor compares it)",
            Injection.Stage,
            ModelPipeline.Real with { Objects = o => o with { RuntimeClasses = [.. o.RuntimeClasses.Select(r => r with { HasOverhead = false, PodFixed = default })] } });

        yield return new Mutant(
            "adm-runtime-class-node-selector-ignored", "admission", Model.Admission.AdmissionRules.RuntimeClassNodeSelector,
            "the RuntimeClass plugin ignores the class's nodeSelector (no merge, no conflict)",
            Injection.Stage,
            ModelPipeline.Real with { Objects = o => o with { RuntimeClasses = [.. o.RuntimeClasses.Select(r => r with { NodeSelector = default })] } });

        yield return new Mutant(
            "adm-runtime-class-tolerations-ignored", "admission", Model.Admission.AdmissionRules.RuntimeClassTolerations,
            "the RuntimeClass plugin does not merge the class's tolerations into the pod's",
            Injection.Stage,
            ModelPipeline.Real with { Objects = o => o with { RuntimeClasses = [.. o.RuntimeClasses.Select(r => r with { Tolerations = default })] } });

        // ADM-040…044 (session 14): the Priority plugin reads the case's PriorityClasses (PodCase.PriorityClasses) through a bent
        // copy of the cluster objects, or meets a pod whose spec.priority / preemptionPolicy the decoder lost. Served over the
        // protocol too: the mutant's hello declares priority-classes, so the classes travel in objects.priorityClasses (PROTO-015).
        yield return new Mutant(
            "adm-global-default-priority-ignored", "admission", Model.Admission.AdmissionRules.PriorityDefault,
            "a pod without a priorityClassName gets priority 0 although a globalDefault PriorityClass exists",
            Injection.Stage,
            ModelPipeline.Real with { Objects = o => o with { PriorityClasses = [.. o.PriorityClasses.Select(c => c with { GlobalDefault = false })] } });

        yield return new Mutant(
            "adm-highest-global-default-wins", "admission", Model.Admission.AdmissionRules.PriorityDefault,
            "of two globalDefault PriorityClasses the one with the highest value is taken (getDefaultPriorityClass takes the lowest)",
            Injection.Stage,
            ModelPipeline.Real with { Objects = o => o with { PriorityClasses = [.. o.PriorityClasses.Select(c => c with { GlobalDefault = c.GlobalDefault && !o.PriorityClasses.Any(d => d.GlobalDefault && d.Value > c.Value) })] } });

        yield return new Mutant(
            "adm-priority-class-value-ignored", "admission", Model.Admission.AdmissionRules.PriorityClassResolution,
            "a PriorityClass the pod names resolves to priority 0 instead of the class's value",
            Injection.Stage,
            ModelPipeline.Real with { Objects = o => o with { PriorityClasses = [.. o.PriorityClasses.Select(c => c with { Value = 0 })] } });

        yield return new Mutant(
            "adm-unknown-priority-class-assumed", "admission", Model.Admission.AdmissionRules.PriorityClassNotFound,
            "a PriorityClass that is neither given nor a system class is assumed to exist (not checked) instead of refused",
            Injection.Stage,
            ModelPipeline.Real with { Objects = o => o with { PriorityClassesComplete = false } });

        yield return new Mutant(
            "adm-priority-mismatch-accepted", "admission", Model.Admission.AdmissionRules.PriorityValueMismatch,
            "a spec.priority that differs from the class's value is overwritten instead of refused",
            Injection.Stage,
            ModelPipeline.Real with { Default = (pod, profile) => PodDefaulter.Decode(pod with { Spec = pod.Spec with { Priority = null } }, profile) });

        yield return new Mutant(
            "adm-preemption-policy-not-copied", "admission", Model.Admission.AdmissionRules.PreemptionPolicy,
            "the PriorityClass's preemptionPolicy is not read: every pod gets PreemptLowerPriority",
            Injection.Stage,
            ModelPipeline.Real with { Objects = o => o with { PriorityClasses = [.. o.PriorityClasses.Select(c => c with { PreemptionPolicy = "PreemptLowerPriority" })] } });

        yield return new Mutant(
            "adm-preemption-mismatch-accepted", "admission", Model.Admission.AdmissionRules.PreemptionPolicy,
            "a spec.preemptionPolicy that differs from the class's is overwritten instead of refused",
            Injection.Stage,
            ModelPipeline.Real with { Default = (pod, profile) => PodDefaulter.Decode(pod with { Spec = pod.Spec with { PreemptionPolicy = null } }, profile) });

        // ADM-031…036 (session 15): the ServiceAccount plugin reads the case's accounts (PodCase.ServiceAccounts) through a bent
        // copy of the cluster objects. Served over the protocol too: the mutant's hello declares service-accounts, so the accounts
        // travel in objects.serviceAccounts (PROTO-015).
        yield return new Mutant(
            "adm-unknown-service-account-assumed", "admission", Model.Admission.AdmissionRules.ServiceAccountLookup,
            "a ServiceAccount that is neither given nor default is assumed to exist (not checked) instead of refused",
            Injection.Stage,
            ModelPipeline.Real with { Objects = o => o with { ServiceAccountsComplete = false } });

        yield return new Mutant(
            "adm-account-automount-ignored", "admission", Model.Admission.AdmissionRules.ServiceAccountAutomount,
            "the account's automountServiceAccountToken is not read: the token is mounted unless the pod says false",
            Injection.Stage,
            ModelPipeline.Real with { Objects = o => o with { ServiceAccounts = [.. o.ServiceAccounts.Select(a => a with { AutomountServiceAccountToken = null })] } });

        yield return new Mutant(
            "adm-account-pull-secrets-not-copied", "admission", Model.Admission.AdmissionRules.ServiceAccountPullSecrets,
            "the account's imagePullSecrets are not read: a pod that has none gets none (and, under enforcement, none of its own is allowed)",
            Injection.Stage,
            ModelPipeline.Real with { Objects = o => o with { ServiceAccounts = [.. o.ServiceAccounts.Select(a => a with { ImagePullSecrets = default })] } });

        yield return new Mutant(
            "adm-mountable-secrets-not-enforced", "admission", Model.Admission.AdmissionRules.ServiceAccountMountableSecrets,
            "an account annotated kubernetes.io/enforce-mountable-secrets does not limit the Secrets a pod references",
            Injection.Stage,
            ModelPipeline.Real with { Objects = o => o with { ServiceAccounts = [.. o.ServiceAccounts.Select(a => a with { Annotations = default })] } });

        // DEF-023: the decoder keeps the legacy init-container annotations the input carried (PodExtras adds one to some pods).
        yield return new Mutant(
            "def-keeps-init-container-annotations", "defaulting", DefaultingRules.InitContainerAnnotations,
            "decoding keeps pod.beta.kubernetes.io/init-containers and its siblings (Kubernetes removes them)",
            Injection.Stage,
            ModelPipeline.Real with { Default = (pod, profile) => KeepLegacyInitAnnotations(pod, PodDefaulter.Decode(pod, profile)) });

        // DEF-022 (1.37): pod-level resource defaulting stays where it was before PodLevelResourcesFixDefaulting — in
        // decoding, before the admission plugins and rounding, with defaults.go's guard (limits set) and no DEF-004 — while
        // the gate is on. Both stages run for real with the gate read as off; nothing else in them reads it.
        yield return new Mutant(
            "def-pod-level-defaults-in-decoding", "defaulting", DefaultingRules.PodLevelFixDefaulting,
            "with PodLevelResourcesFixDefaulting on, pod-level resources are still defaulted when decoding (the 1.36 placement)",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Default = (pod, profile) => PodDefaulter.Decode(pod, WithoutFixDefaulting(profile)),
                CreateStrategy = (pod, profile) => PodDefaulter.CreateStrategyDefaults(pod, WithoutFixDefaulting(profile)),
            });

        // VAL-706 (1.37): bindMountOptions reaches validation only with VolumeBindMountOptions on, so the run turns it on.
        yield return new Mutant(
            "val-drops-bind-mount-options", "validation", ValidationRules.BindMountOptions, "validation drops the bindMountOptions checks (run with VolumeBindMountOptions on)",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Validate = (pod, profile) => new ValidationResult(PodValidator.Validate(pod, profile).Errors.Where(e => e.Rule != ValidationRules.BindMountOptions).ToValueList()),
            })
        {
            Gates = ValueMap.Of((FeatureGateNames.VolumeBindMountOptions, true)),
        };
    }

    /// <summary>The profile with PodLevelResourcesFixDefaulting off where the release has it on (1.37), else the same.</summary>
    private static Profile WithoutFixDefaulting(Profile profile) =>
        profile.IsEnabled(FeatureGateNames.PodLevelResourcesFixDefaulting)
            ? new Profile(profile.Version, profile.Overrides.SetItem(FeatureGateNames.PodLevelResourcesFixDefaulting, false))
            : profile;

    private static readonly string[] CpuMemoryStorage = [ResourceNames.Cpu, ResourceNames.Memory, ResourceNames.EphemeralStorage];

    /// <summary>ComputePodQOS folded the same way, but with ephemeral-storage as a third QoS resource.</summary>
    private static QosClass QosCountingEphemeralStorage(PodSpec spec, Profile profile)
    {
        if (profile.IsEnabled(FeatureGateNames.PodLevelResources) && spec.Resources is { } podLevel)
        {
            return ResourceQos(podLevel);
        }

        QosClass? pod = null;
        foreach (var c in spec.InitContainers.Concat(spec.Containers))
        {
            var cls = ResourceQos(c.Resources);
            if (cls == QosClass.Burstable || (pod is { } p && p != cls))
            {
                return QosClass.Burstable;
            }

            pod = cls;
        }

        return pod ?? QosClass.BestEffort;
    }

    private static QosClass ResourceQos(ResourceRequirements r)
    {
        if (r.Requests.IsEmpty && r.Limits.IsEmpty)
        {
            return QosClass.BestEffort;
        }

        QosClass? qos = null;
        foreach (string res in CpuMemoryStorage)
        {
            var req = r.Requests.TryGetValue(res, out var rq) ? rq : Model.Quantities.Quantity.Zero;
            var lim = r.Limits.TryGetValue(res, out var lq) ? lq : Model.Quantities.Quantity.Zero;
            if (!req.Equals(lim))
            {
                return QosClass.Burstable;
            }

            var cls = req.IsZero ? QosClass.BestEffort : QosClass.Guaranteed;
            if (qos is { } q && q != cls)
            {
                return QosClass.Burstable;
            }

            qos = cls;
        }

        return qos!.Value;
    }

    private static readonly string[] LegacyInitAnnotations =
    [
        "pod.beta.kubernetes.io/init-containers", "pod.alpha.kubernetes.io/init-containers",
        "pod.beta.kubernetes.io/init-container-statuses", "pod.alpha.kubernetes.io/init-container-statuses",
    ];

    /// <summary>The decoded pod with the input's legacy init-container annotations put back (DEF-023 undone).</summary>
    private static Pod KeepLegacyInitAnnotations(Pod original, Pod decoded)
    {
        var annotations = decoded.Metadata.Annotations;
        foreach (string key in LegacyInitAnnotations)
        {
            if (original.Metadata.Annotations.TryGetValue(key, out string? value))
            {
                annotations = annotations.SetItem(key, value);
            }
        }

        return decoded with { Metadata = decoded.Metadata with { Annotations = annotations } };
    }

    /// <summary>The defaulted pod with every container's requests as the user wrote them (DEF-001 undone).</summary>
    private static Pod KeepRequests(Pod original, Pod defaulted)
    {
        static ValueList<Container> Restore(ValueList<Container> before, ValueList<Container> after) =>
            after.Select((c, i) => i < before.Count ? c with { Resources = c.Resources with { Requests = before[i].Resources.Requests } } : c).ToValueList();

        return defaulted with
        {
            Spec = defaulted.Spec with
            {
                Containers = Restore(original.Spec.Containers, defaulted.Spec.Containers),
                InitContainers = Restore(original.Spec.InitContainers, defaulted.Spec.InitContainers),
            },
        };
    }
}
