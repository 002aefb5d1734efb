using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Admission;

/// <summary>One field of apivalidation.PodValidationOptions as a create computes it, and where its value comes from.</summary>
public sealed record PodValidationOption(string Name, bool Value, string Source);

/// <summary>
/// The PodValidationOptions a Pod create validates with (ADM-097): <c>GetValidationOptionsFromPodSpecAndMeta(spec, nil,
/// meta, nil)</c> plus <c>ResourceIsPod = true</c> (kubernetes pkg/api/pod/util.go, pkg/registry/core/pod/strategy.go).
/// With no old pod every "allow what the stored object already uses" option is false, and the rest follow a feature
/// gate, so on create the options are a function of the profile alone.
/// </summary>
/// <remarks>
/// Order: util.go's. First the fields of the struct literal in the literal's order, then the fields util.go assigns after
/// it (the gate-or-old-pod helpers), then a field util.go sets only inside <c>if oldPodSpec != nil</c> (false on create),
/// then <c>ResourceIsPod</c>, which the pod strategy sets last. Copies read (spec/admission.md, source UT): v1.32.1,
/// v1.33.3, v1.34.1; 1.35 = v1.35.0 as vendored in rancher/support-bundle-kit 1efdd22c (kubernetes 462ee14a, master of
/// 2025-11-11, before v1.35.0-rc.0, read first, lacks InPlacePodLevelResourcesVerticalScalingEnabled); 1.36 = v1.36.3 as
/// carried by openshift/microshift ab25d114 (deps/github.com/openshift/kubernetes, OpenShift's fork; its util.go at v1.35.x
/// is upstream v1.35.0's byte for byte); 1.37 = kubernetes a6694418 (master 2026-07-23, after v1.37.0-beta.0), whose
/// field list is the PodValidationOptions struct of validation.go at 78e971a4 exactly.
/// </remarks>
public static class PodValidationOptions
{
    private static readonly KubernetesVersion V129 = new(1, 29);
    private static readonly KubernetesVersion V130 = new(1, 30);
    private static readonly KubernetesVersion V131 = new(1, 31);
    private static readonly KubernetesVersion V132 = new(1, 32);
    private static readonly KubernetesVersion V133 = new(1, 33);
    private static readonly KubernetesVersion V134 = new(1, 34);
    private static readonly KubernetesVersion V135 = new(1, 35);
    private static readonly KubernetesVersion V136 = new(1, 36);
    private static readonly KubernetesVersion V137 = new(1, 37);

    /// <summary>How an option that only an old pod can set shows its source.</summary>
    private const string OldPodOnly = "old pod only";

    /// <summary>
    /// <see cref="ForCreate"/>, computed once per profile object: every create reports them, and they are a function of the
    /// (immutable) profile alone.
    /// </summary>
    internal static ValueList<PodValidationOption> ForCreateCached(Profile profile) =>
        Cache.GetValue(profile, static p => new OptionsBox(ForCreate(p))).Options;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Profile, OptionsBox> Cache = new();

    private sealed record OptionsBox(ValueList<PodValidationOption> Options);

    /// <summary>The options of a create under <paramref name="profile"/>, in util.go's order (see the remarks).</summary>
    public static ValueList<PodValidationOption> ForCreate(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var v = profile.Version;
        var list = new List<PodValidationOption>(32);
        if (v < V130)
        {
            Literal129(profile, list);
            list.Add(new("ResourceIsPod", true, "pod strategy"));
            return list.ToValueList();
        }

        StructLiteral(profile, list);
        AssignedAfterTheLiteral(profile, list);

        // Fields first set inside `if oldPodSpec != nil`, after everything above: false for a create.
        if (v >= V132 && v < V133)
        {
            list.Add(new("AllowSidecarResizePolicy", false, OldPodOnly));
        }

        // Not in v1.36.3's struct or function (the 1.36-era fork copy that had it was ahead of the release).
        if (v >= V137)
        {
            list.Add(new("AllowEmptyImageVolumeReference", false, OldPodOnly));
        }

        list.Add(new("ResourceIsPod", true, "pod strategy"));
        return list.ToValueList();
    }

    /// <summary>
    /// The v1.29.9 function (rancher/support-bundle-kit c37d268c4): its literal, nothing assigned after it outside the
    /// old-pod branches. 1.28's literal (util.go ebc0a6b3d9, one blob in kubeedge's v1.28.6 fork and OpenShift's 1.28 fork,
    /// session 16) is the same less AllowNamespacedSysctlsForHostNetAndHostIPC, which 1.29 added (1.28's struct, ceph-csi
    /// v1.28.0, has no such field). 1.30 and 1.31 go through <see cref="StructLiteral"/> (read in fork copies, see there).
    /// </summary>
    private static void Literal129(Profile profile, List<PodValidationOption> list)
    {
        list.Add(new("AllowInvalidPodDeletionCost", !profile.IsEnabled(FeatureGateNames.PodDeletionCost), "not PodDeletionCost"));
        list.Add(Gate(profile, "AllowHostIPsField", "PodHostIPs"));
        list.Add(new("AllowIndivisibleHugePagesValues", false, OldPodOnly));
        list.Add(new("AllowInvalidLabelValueInSelector", false, OldPodOnly));
        list.Add(new("AllowInvalidTopologySpreadConstraintLabelSelector", false, OldPodOnly));
        list.Add(Gate(profile, "AllowMutableNodeSelectorAndNodeAffinity", FeatureGateNames.PodSchedulingReadiness));
        if (profile.Version >= V129)
        {
            list.Add(new("AllowNamespacedSysctlsForHostNetAndHostIPC", false, OldPodOnly));
        }
    }

    /// <summary>
    /// The <c>apivalidation.PodValidationOptions{…}</c> literal that opens GetValidationOptionsFromPodSpecAndMeta. 1.30
    /// and 1.31 (session 15) are read in fork copies: the v1.30.7 and v1.31.11 util.go of kubeedge's kubernetes fork
    /// (vendored by kubeedge/kubeedge 9b280adfa, 7e0e20fc2) and, for 1.31, OpenShift's fork at v1.31.13
    /// (openshift/microshift release-4.18, the same blob 9d3746f31d as kubeedge's): PodHostIPs' AllowHostIPsField is still
    /// in the literal (gone in 1.32 with the gate) and 1.31 has ImageVolume's AllowImageVolumeSource (gone in 1.32).
    /// </summary>
    private static void StructLiteral(Profile profile, List<PodValidationOption> list)
    {
        var v = profile.Version;
        list.Add(new("AllowInvalidPodDeletionCost", !profile.IsEnabled(FeatureGateNames.PodDeletionCost), "not PodDeletionCost"));
        if (v < V132)
        {
            list.Add(Gate(profile, "AllowHostIPsField", "PodHostIPs"));
        }

        list.Add(new("AllowIndivisibleHugePagesValues", false, OldPodOnly));
        list.Add(new("AllowInvalidLabelValueInSelector", false, OldPodOnly));
        list.Add(new("AllowInvalidTopologySpreadConstraintLabelSelector", false, OldPodOnly));
        list.Add(new("AllowNamespacedSysctlsForHostNetAndHostIPC", false, OldPodOnly));
        list.Add(new("AllowNonLocalProjectedTokenPath", false, OldPodOnly));
        if (v == V131)
        {
            list.Add(Gate(profile, "AllowImageVolumeSource", FeatureGateNames.ImageVolume));
        }

        // Gone in 1.37 with its gate (GA in 1.34, removed from the 1.37 struct and literal).
        if (v >= V132 && v < V137)
        {
            list.Add(Gate(profile, "AllowPodLifecycleSleepActionZeroValue", FeatureGateNames.PodLifecycleSleepActionAllowZero));
        }

        if (v >= V132)
        {
            list.Add(Gate(profile, "PodLevelResourcesEnabled", FeatureGateNames.PodLevelResources));
        }

        if (v >= V133)
        {
            list.Add(new("AllowInvalidLabelValueInRequiredNodeAffinity", false, OldPodOnly));
        }

        // 1.33 starts it from the gate here; 1.32 sets it only in the old-pod branch (ForCreate).
        if (v >= V133)
        {
            list.Add(Gate(profile, "AllowSidecarResizePolicy", FeatureGateNames.InPlacePodVerticalScaling));
        }

        if (v >= V134)
        {
            list.Add(Gate(profile, "AllowMatchLabelKeysInPodTopologySpread", FeatureGateNames.MatchLabelKeysInPodTopologySpread));
            list.Add(Gate(profile, "AllowMatchLabelKeysInPodTopologySpreadSelectorMerge", FeatureGateNames.MatchLabelKeysInPodTopologySpreadSelectorMerge));
        }

        // Already in v1.35.0's literal (support-bundle-kit's vendored copy); the 462ee14a master copy predates it.
        if (v >= V135)
        {
            list.Add(Gate(profile, "InPlacePodLevelResourcesVerticalScalingEnabled", "InPlacePodLevelResourcesVerticalScaling"));
        }

        if (v >= V137)
        {
            list.Add(Gate(profile, "InPlacePodVerticalScalingMemoryBackedVolumesEnabled", "InPlacePodVerticalScalingMemoryBackedVolumes"));
        }

        if (v >= V134)
        {
            list.Add(new("OldPodViolatesMatchLabelKeysValidation", false, OldPodOnly));
            list.Add(new("OldPodViolatesLegacyMatchLabelKeysValidation", false, OldPodOnly));
            list.Add(Gate(profile, "AllowContainerRestartPolicyRules", FeatureGateNames.ContainerRestartRules));
            list.Add(new("AllowUserNamespacesWithVolumeDevices", false, OldPodOnly));
        }

        if (v >= V135)
        {
            list.Add(Gate(profile, "AllowRestartAllContainers", FeatureGateNames.RestartAllContainersOnContainerExits));
        }

        if (v >= V136)
        {
            list.Add(Gate(profile, "AllowImageVolumeWithDigest", "ImageVolumeWithDigest"));

            // hasRestartContainerForNonSidecarInitContainer(oldPodSpec): false for the nil old spec of a create.
            list.Add(new("AllowExistingRestartContainerForNonSidecarInitContainer", false, OldPodOnly));
        }

        if (v >= V137)
        {
            list.Add(new("AllowSysAdminWhenPrivilegeEscalationFalse", false, OldPodOnly));
        }
    }

    /// <summary>
    /// The <c>opts.X = …</c> assignments after the literal: each helper answers true when its gate is on, else only for
    /// an old pod that already uses the relaxed form (never on create).
    /// </summary>
    private static void AssignedAfterTheLiteral(Profile profile, List<PodValidationOption> list)
    {
        var v = profile.Version;
        list.Add(Gate(profile, "AllowRelaxedEnvironmentVariableValidation", FeatureGateNames.RelaxedEnvironmentVariableValidation));

        // Gone in 1.37 with its gate (GA in 1.34).
        if (v >= V132 && v < V137)
        {
            list.Add(Gate(profile, "AllowRelaxedDNSSearchValidation", FeatureGateNames.RelaxedDNSSearchValidation));
        }

        if (v >= V134)
        {
            list.Add(Gate(profile, "AllowEnvFilesValidation", FeatureGateNames.EnvFiles));
        }

        if (v >= V135)
        {
            list.Add(Gate(profile, "AllowUserNamespacesHostNetworkSupport", FeatureGateNames.UserNamespacesHostNetworkSupport));
        }

        // useOnlyRecursiveSELinuxChangePolicy: false with SELinuxMount on; else true unless the old pod has a policy.
        if (v >= V132)
        {
            list.Add(new("AllowOnlyRecursiveSELinuxChangePolicy", !profile.IsEnabled(FeatureGateNames.SELinuxMount), "not SELinuxMount"));
        }

        if (v >= V135)
        {
            list.Add(Gate(profile, "AllowTaintTolerationComparisonOperators", FeatureGateNames.TaintTolerationComparisonOperators));
        }
    }

    private static PodValidationOption Gate(Profile profile, string name, string gate) => new(name, profile.IsEnabled(gate), gate);
}
