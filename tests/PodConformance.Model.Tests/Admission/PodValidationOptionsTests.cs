using PodConformance.Model.Admission;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Admission;

/// <summary>
/// ADM-097: the PodValidationOptions of a create against kubernetes pkg/api/pod/util.go
/// (GetValidationOptionsFromPodSpecAndMeta) and the PodValidationOptions struct of pkg/apis/core/validation/validation.go.
/// The name lists are data copied from those files (copies and commits in spec/admission.md, source UT).
/// </summary>
public class PodValidationOptionsTests
{
    private static Profile V(int minor) => Profile.For(new KubernetesVersion(1, minor));

    private static string[] Names(Profile profile) => PodValidationOptions.ForCreate(profile).Select(o => o.Name).ToArray();

    private static PodValidationOption Option(Profile profile, string name) => PodValidationOptions.ForCreate(profile).Single(o => o.Name == name);

    /// <summary>
    /// 1.30: util.go of kubeedge's kubernetes fork at v1.30.7 (vendor/k8s.io/kubernetes/pkg/api/pod/util.go in
    /// kubeedge/kubeedge 9b280adfa, blob c81669df93; a fork copy): the literal, then the one assignment after it.
    /// </summary>
    private static readonly string[] Release130 =
    [
        "AllowInvalidPodDeletionCost", "AllowHostIPsField", "AllowIndivisibleHugePagesValues", "AllowInvalidLabelValueInSelector",
        "AllowInvalidTopologySpreadConstraintLabelSelector", "AllowNamespacedSysctlsForHostNetAndHostIPC", "AllowNonLocalProjectedTokenPath",
        "AllowRelaxedEnvironmentVariableValidation", "ResourceIsPod",
    ];

    /// <summary>
    /// 1.31: the same function in kubeedge's fork at v1.31.11 (kubeedge/kubeedge 7e0e20fc2) and OpenShift's at v1.31.13
    /// (openshift/microshift release-4.18, deps/github.com/openshift/kubernetes), one blob, 9d3746f31d: 1.30's literal
    /// with AllowImageVolumeSource (ImageVolume) after AllowNonLocalProjectedTokenPath.
    /// </summary>
    private static readonly string[] Release131 =
    [
        "AllowInvalidPodDeletionCost", "AllowHostIPsField", "AllowIndivisibleHugePagesValues", "AllowInvalidLabelValueInSelector",
        "AllowInvalidTopologySpreadConstraintLabelSelector", "AllowNamespacedSysctlsForHostNetAndHostIPC", "AllowNonLocalProjectedTokenPath",
        "AllowImageVolumeSource", "AllowRelaxedEnvironmentVariableValidation", "ResourceIsPod",
    ];

    /// <summary>
    /// v1.32.1 (util.go vendored in openshift/openshift-apiserver c596b6e88): the literal, the three assignments after it,
    /// then AllowSidecarResizePolicy, which 1.32 sets only inside <c>if oldPodSpec != nil</c>.
    /// </summary>
    private static readonly string[] Release132 =
    [
        "AllowInvalidPodDeletionCost", "AllowIndivisibleHugePagesValues", "AllowInvalidLabelValueInSelector",
        "AllowInvalidTopologySpreadConstraintLabelSelector", "AllowNamespacedSysctlsForHostNetAndHostIPC", "AllowNonLocalProjectedTokenPath",
        "AllowPodLifecycleSleepActionZeroValue", "PodLevelResourcesEnabled",
        "AllowRelaxedEnvironmentVariableValidation", "AllowRelaxedDNSSearchValidation", "AllowOnlyRecursiveSELinuxChangePolicy",
        "AllowSidecarResizePolicy", "ResourceIsPod",
    ];

    /// <summary>v1.29.9 (util.go vendored in rancher/support-bundle-kit c37d268c4): the literal only.</summary>
    private static readonly string[] Release129 =
    [
        "AllowInvalidPodDeletionCost", "AllowHostIPsField", "AllowIndivisibleHugePagesValues", "AllowInvalidLabelValueInSelector",
        "AllowInvalidTopologySpreadConstraintLabelSelector", "AllowMutableNodeSelectorAndNodeAffinity",
        "AllowNamespacedSysctlsForHostNetAndHostIPC", "ResourceIsPod",
    ];

    [Fact]
    public void Release_1_29_lists_the_v1_29_9_literal()
    {
        Assert.Equal(Release129, Names(V(29)));
        Assert.True(Option(V(29), "AllowHostIPsField").Value); // PodHostIPs beta, on
        Assert.False(Option(V(28), "AllowHostIPsField").Value); // alpha, off
        Assert.True(Option(V(29), "AllowMutableNodeSelectorAndNodeAffinity").Value);
    }

    /// <summary>
    /// 1.28: util.go ebc0a6b3d9, one blob in kubeedge's kubernetes fork at v1.28.6 (kubeedge/kubeedge 5dd0aee16) and in
    /// OpenShift's 1.28 fork (openshift/microshift release-4.15, vendor/): v1.29.9's literal less
    /// AllowNamespacedSysctlsForHostNetAndHostIPC, a 1.29 field (ceph-csi's v1.28.0 PodValidationOptions has none).
    /// </summary>
    [Fact]
    public void Release_1_28_lists_its_literal_without_the_1_29_sysctl_option()
    {
        Assert.Equal(Release129.Where(n => n != "AllowNamespacedSysctlsForHostNetAndHostIPC"), Names(V(28)));
    }

    /// <summary>v1.34.1 (util.go vendored in openshift/openshift-apiserver 71b7016d0).</summary>
    private static readonly string[] Release134 =
    [
        "AllowInvalidPodDeletionCost", "AllowIndivisibleHugePagesValues", "AllowInvalidLabelValueInSelector",
        "AllowInvalidTopologySpreadConstraintLabelSelector", "AllowNamespacedSysctlsForHostNetAndHostIPC", "AllowNonLocalProjectedTokenPath",
        "AllowPodLifecycleSleepActionZeroValue", "PodLevelResourcesEnabled", "AllowInvalidLabelValueInRequiredNodeAffinity",
        "AllowSidecarResizePolicy", "AllowMatchLabelKeysInPodTopologySpread", "AllowMatchLabelKeysInPodTopologySpreadSelectorMerge",
        "OldPodViolatesMatchLabelKeysValidation", "OldPodViolatesLegacyMatchLabelKeysValidation", "AllowContainerRestartPolicyRules",
        "AllowUserNamespacesWithVolumeDevices",
        "AllowRelaxedEnvironmentVariableValidation", "AllowRelaxedDNSSearchValidation", "AllowEnvFilesValidation",
        "AllowOnlyRecursiveSELinuxChangePolicy", "ResourceIsPod",
    ];

    /// <summary>
    /// v1.35.0: util.go vendored in rancher/support-bundle-kit 1efdd22c2 (go.mod k8s.io/kubernetes v1.35.0), lines 411–495.
    /// Kubernetes 462ee14a36f7f3f11b03bf7cb072351740271443 (master 2025-11-11, before v1.35.0-rc.0), read first, lacks
    /// InPlacePodLevelResourcesVerticalScalingEnabled, which the release has after the MatchLabelKeys pair.
    /// </summary>
    private static readonly string[] Release135 =
    [
        "AllowInvalidPodDeletionCost", "AllowIndivisibleHugePagesValues", "AllowInvalidLabelValueInSelector",
        "AllowInvalidTopologySpreadConstraintLabelSelector", "AllowNamespacedSysctlsForHostNetAndHostIPC", "AllowNonLocalProjectedTokenPath",
        "AllowPodLifecycleSleepActionZeroValue", "PodLevelResourcesEnabled", "AllowInvalidLabelValueInRequiredNodeAffinity",
        "AllowSidecarResizePolicy", "AllowMatchLabelKeysInPodTopologySpread", "AllowMatchLabelKeysInPodTopologySpreadSelectorMerge",
        "InPlacePodLevelResourcesVerticalScalingEnabled", "OldPodViolatesMatchLabelKeysValidation", "OldPodViolatesLegacyMatchLabelKeysValidation", "AllowContainerRestartPolicyRules",
        "AllowUserNamespacesWithVolumeDevices", "AllowRestartAllContainers",
        "AllowRelaxedEnvironmentVariableValidation", "AllowRelaxedDNSSearchValidation", "AllowEnvFilesValidation",
        "AllowUserNamespacesHostNetworkSupport", "AllowOnlyRecursiveSELinuxChangePolicy", "AllowTaintTolerationComparisonOperators",
        "ResourceIsPod",
    ];

    /// <summary>kubernetes a669441811304e23805e74690a8630f798688ef7 (master 2026-07-23, after v1.37.0-beta.0), read at 12,000–20,000.</summary>
    private static readonly string[] Release137 =
    [
        "AllowInvalidPodDeletionCost", "AllowIndivisibleHugePagesValues", "AllowInvalidLabelValueInSelector",
        "AllowInvalidTopologySpreadConstraintLabelSelector", "AllowNamespacedSysctlsForHostNetAndHostIPC", "AllowNonLocalProjectedTokenPath",
        "PodLevelResourcesEnabled", "AllowInvalidLabelValueInRequiredNodeAffinity", "AllowSidecarResizePolicy",
        "AllowMatchLabelKeysInPodTopologySpread", "AllowMatchLabelKeysInPodTopologySpreadSelectorMerge",
        "InPlacePodLevelResourcesVerticalScalingEnabled", "InPlacePodVerticalScalingMemoryBackedVolumesEnabled",
        "OldPodViolatesMatchLabelKeysValidation", "OldPodViolatesLegacyMatchLabelKeysValidation", "AllowContainerRestartPolicyRules",
        "AllowUserNamespacesWithVolumeDevices", "AllowRestartAllContainers", "AllowImageVolumeWithDigest",
        "AllowExistingRestartContainerForNonSidecarInitContainer", "AllowSysAdminWhenPrivilegeEscalationFalse",
        "AllowRelaxedEnvironmentVariableValidation", "AllowEnvFilesValidation", "AllowUserNamespacesHostNetworkSupport",
        "AllowOnlyRecursiveSELinuxChangePolicy", "AllowTaintTolerationComparisonOperators",
        "AllowEmptyImageVolumeReference", "ResourceIsPod",
    ];

    /// <summary>The PodValidationOptions struct, in its declaration order: kubernetes validation.go at 78e971a4 (1.37, read at 182,000–198,000).</summary>
    private static readonly string[] Struct137 =
    [
        "AllowInvalidPodDeletionCost", "AllowInvalidLabelValueInSelector", "AllowIndivisibleHugePagesValues",
        "AllowInvalidTopologySpreadConstraintLabelSelector", "AllowNonLocalProjectedTokenPath", "AllowNamespacedSysctlsForHostNetAndHostIPC",
        "ResourceIsPod", "AllowRelaxedEnvironmentVariableValidation", "AllowOnlyRecursiveSELinuxChangePolicy", "PodLevelResourcesEnabled",
        "InPlacePodLevelResourcesVerticalScalingEnabled", "InPlacePodVerticalScalingMemoryBackedVolumesEnabled", "AllowSidecarResizePolicy",
        "AllowInvalidLabelValueInRequiredNodeAffinity", "AllowMatchLabelKeysInPodTopologySpread",
        "AllowMatchLabelKeysInPodTopologySpreadSelectorMerge", "OldPodViolatesMatchLabelKeysValidation",
        "OldPodViolatesLegacyMatchLabelKeysValidation", "AllowEnvFilesValidation", "AllowContainerRestartPolicyRules",
        "AllowExistingRestartContainerForNonSidecarInitContainer", "AllowUserNamespacesWithVolumeDevices",
        "AllowTaintTolerationComparisonOperators", "AllowUserNamespacesHostNetworkSupport", "AllowRestartAllContainers",
        "AllowImageVolumeWithDigest", "AllowEmptyImageVolumeReference", "AllowSysAdminWhenPrivilegeEscalationFalse",
    ];

    /// <summary>
    /// v1.36.3 util.go (GetValidationOptionsFromPodSpecAndMeta) as carried by openshift/microshift
    /// ab25d11482f8984db7b860ed44c6955f231cf18f, deps/github.com/openshift/kubernetes/pkg/api/pod/util.go (OpenShift's
    /// fork; the fork's v1.35.x util.go is upstream v1.35.0's byte for byte): the literal, the six assignments after it,
    /// nothing first set inside <c>if oldPodSpec != nil</c>, then ResourceIsPod.
    /// </summary>
    private static readonly string[] Release136 =
    [
        "AllowInvalidPodDeletionCost", "AllowIndivisibleHugePagesValues", "AllowInvalidLabelValueInSelector",
        "AllowInvalidTopologySpreadConstraintLabelSelector", "AllowNamespacedSysctlsForHostNetAndHostIPC", "AllowNonLocalProjectedTokenPath",
        "AllowPodLifecycleSleepActionZeroValue", "PodLevelResourcesEnabled", "AllowInvalidLabelValueInRequiredNodeAffinity",
        "AllowSidecarResizePolicy", "AllowMatchLabelKeysInPodTopologySpread", "AllowMatchLabelKeysInPodTopologySpreadSelectorMerge",
        "InPlacePodLevelResourcesVerticalScalingEnabled", "OldPodViolatesMatchLabelKeysValidation",
        "OldPodViolatesLegacyMatchLabelKeysValidation", "AllowContainerRestartPolicyRules", "AllowUserNamespacesWithVolumeDevices",
        "AllowRestartAllContainers", "AllowImageVolumeWithDigest", "AllowExistingRestartContainerForNonSidecarInitContainer",
        "AllowRelaxedEnvironmentVariableValidation", "AllowRelaxedDNSSearchValidation", "AllowEnvFilesValidation",
        "AllowUserNamespacesHostNetworkSupport", "AllowOnlyRecursiveSELinuxChangePolicy", "AllowTaintTolerationComparisonOperators",
        "ResourceIsPod",
    ];

    /// <summary>The PodValidationOptions struct of v1.36.3's validation.go (same copy), in its declaration order.</summary>
    private static readonly string[] Struct136 =
    [
        "AllowInvalidPodDeletionCost", "AllowInvalidLabelValueInSelector", "AllowIndivisibleHugePagesValues",
        "AllowInvalidTopologySpreadConstraintLabelSelector", "AllowNonLocalProjectedTokenPath", "AllowNamespacedSysctlsForHostNetAndHostIPC",
        "ResourceIsPod", "AllowRelaxedEnvironmentVariableValidation", "AllowRelaxedDNSSearchValidation",
        "AllowPodLifecycleSleepActionZeroValue", "AllowOnlyRecursiveSELinuxChangePolicy", "PodLevelResourcesEnabled",
        "InPlacePodLevelResourcesVerticalScalingEnabled", "AllowSidecarResizePolicy", "AllowInvalidLabelValueInRequiredNodeAffinity",
        "AllowMatchLabelKeysInPodTopologySpread", "AllowMatchLabelKeysInPodTopologySpreadSelectorMerge",
        "OldPodViolatesMatchLabelKeysValidation", "OldPodViolatesLegacyMatchLabelKeysValidation", "AllowEnvFilesValidation",
        "AllowContainerRestartPolicyRules", "AllowExistingRestartContainerForNonSidecarInitContainer",
        "AllowUserNamespacesWithVolumeDevices", "AllowTaintTolerationComparisonOperators", "AllowUserNamespacesHostNetworkSupport",
        "AllowRestartAllContainers", "AllowImageVolumeWithDigest",
    ];

    [Fact]
    public void A_create_lists_the_options_in_util_go_order_at_1_30_and_1_31()
    {
        // Before session 15 the model gave both the 1.32 list less 1.32's additions: no AllowHostIPsField, no AllowImageVolumeSource.
        Assert.Equal(Release130, Names(V(30)));
        Assert.Equal(Release131, Names(V(31)));
        Assert.True(Option(V(30), "AllowHostIPsField").Value); // PodHostIPs GA in 1.30
        Assert.False(Option(V(31), "AllowImageVolumeSource").Value); // ImageVolume alpha, off, in 1.31
        Assert.True(Option(new Profile(new KubernetesVersion(1, 31), ValueMap.Of((FeatureGateNames.ImageVolume, true))), "AllowImageVolumeSource").Value);
    }

    [Fact]
    public void A_create_lists_the_options_in_util_go_order_at_1_32()
    {
        Assert.Equal(Release132, Names(V(32)));
    }

    [Fact]
    public void A_create_lists_the_options_in_util_go_order_at_1_34()
    {
        Assert.Equal(Release134, Names(V(34)));
    }

    [Fact]
    public void A_create_lists_the_options_in_util_go_order_at_1_35()
    {
        Assert.Equal(Release135, Names(V(35)));
    }

    [Fact]
    public void A_create_lists_the_options_in_util_go_order_at_1_37()
    {
        Assert.Equal(Release137, Names(V(37)));
    }

    [Fact]
    public void Every_field_of_the_struct_is_listed_once_at_1_36_and_1_37()
    {
        Assert.Equal(Struct137.Order(StringComparer.Ordinal), Names(V(37)).Order(StringComparer.Ordinal));
        Assert.Equal(Struct136.Order(StringComparer.Ordinal), Names(V(36)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_create_lists_the_options_in_util_go_order_at_1_36()
    {
        // v1.36.3 has no AllowEmptyImageVolumeReference (the model listed it at 1.36 before session 15, from a fork copy
        // that was ahead of the release); it comes in 1.37.
        Assert.Equal(Release136, Names(V(36)));
        Assert.DoesNotContain("AllowEmptyImageVolumeReference", Names(V(36)));
    }

    [Fact]
    public void With_no_old_pod_every_in_use_option_is_false()
    {
        foreach (int minor in new[] { 28, 32, 33, 34, 35, 36, 37 })
        {
            foreach (var o in PodValidationOptions.ForCreate(V(minor)).Where(o => o.Source.StartsWith("old pod only", StringComparison.Ordinal)))
            {
                Assert.False(o.Value, $"1.{minor} {o.Name}");
            }
        }
    }

    [Fact]
    public void Gate_options_follow_the_release_defaults_at_1_37()
    {
        // Defaults at 1.37 (spec/gates): RestartAllContainersOnContainerExits and InPlacePodLevelResourcesVerticalScaling
        // beta/on, SELinuxMount GA; ImageVolumeWithDigest, InPlacePodVerticalScalingMemoryBackedVolumes,
        // TaintTolerationComparisonOperators and UserNamespacesHostNetworkSupport alpha/off.
        var p = V(37);
        Assert.True(Option(p, "AllowRestartAllContainers").Value);
        Assert.True(Option(p, "InPlacePodLevelResourcesVerticalScalingEnabled").Value);
        Assert.False(Option(p, "AllowOnlyRecursiveSELinuxChangePolicy").Value);
        Assert.False(Option(p, "AllowImageVolumeWithDigest").Value);
        Assert.False(Option(p, "InPlacePodVerticalScalingMemoryBackedVolumesEnabled").Value);
        Assert.False(Option(p, "AllowTaintTolerationComparisonOperators").Value);
        Assert.False(Option(p, "AllowUserNamespacesHostNetworkSupport").Value);
        Assert.False(Option(p, "AllowInvalidPodDeletionCost").Value);
        Assert.True(Option(p, "ResourceIsPod").Value);
    }

    [Fact]
    public void Gate_options_follow_an_override()
    {
        var on = new Profile(new KubernetesVersion(1, 37), ValueMap.Of(
            (FeatureGateNames.TaintTolerationComparisonOperators, true), ("ImageVolumeWithDigest", true), ("InPlacePodVerticalScalingMemoryBackedVolumes", true)));
        Assert.True(Option(on, "AllowTaintTolerationComparisonOperators").Value);
        Assert.True(Option(on, "AllowImageVolumeWithDigest").Value);
        Assert.True(Option(on, "InPlacePodVerticalScalingMemoryBackedVolumesEnabled").Value);

        // 1.36: SELinuxMount is beta and off, so a create allows only the Recursive policy; off at 1.35 the restart-all rule.
        Assert.True(Option(V(36), "AllowOnlyRecursiveSELinuxChangePolicy").Value);
        Assert.False(Option(V(35), "AllowRestartAllContainers").Value);
        Assert.False(Option(V(35), "InPlacePodLevelResourcesVerticalScalingEnabled").Value);
        Assert.True(Option(new Profile(new KubernetesVersion(1, 35), ValueMap.Of((FeatureGateNames.RestartAllContainersOnContainerExits, true))), "AllowRestartAllContainers").Value);
    }
}
