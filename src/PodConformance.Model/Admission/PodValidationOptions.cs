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
public static class PodValidationOptions
{
    /// <summary>
    /// <see cref="ForCreate"/>, computed once per profile object: every create reports them, and they are a function of the
    /// (immutable) profile alone.
    /// </summary>
    internal static ValueList<PodValidationOption> ForCreateCached(Profile profile) =>
        Cache.GetValue(profile, static p => new OptionsBox(ForCreate(p))).Options;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Profile, OptionsBox> Cache = new();

    private sealed record OptionsBox(ValueList<PodValidationOption> Options);

    /// <summary>The options of a create under <paramref name="profile"/>, in util.go's order.</summary>
    public static ValueList<PodValidationOption> ForCreate(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var v = profile.Version;
        var list = new List<PodValidationOption>(24)
        {
            new("AllowInvalidPodDeletionCost", !profile.IsEnabled("PodDeletionCost"), "not PodDeletionCost"),
            new("AllowIndivisibleHugePagesValues", false, "old pod only"),
            new("AllowInvalidLabelValueInSelector", false, "old pod only"),
            new("AllowInvalidTopologySpreadConstraintLabelSelector", false, "old pod only"),
            new("AllowNamespacedSysctlsForHostNetAndHostIPC", false, "old pod only"),
            new("AllowNonLocalProjectedTokenPath", false, "old pod only"),
        };

        if (v >= new KubernetesVersion(1, 32))
        {
            list.Add(new("AllowPodLifecycleSleepActionZeroValue", profile.IsEnabled("PodLifecycleSleepActionAllowZero"), "PodLifecycleSleepActionAllowZero"));
            list.Add(new("PodLevelResourcesEnabled", profile.IsEnabled(FeatureGateNames.PodLevelResources), "PodLevelResources"));
        }

        if (v >= new KubernetesVersion(1, 33))
        {
            list.Add(new("AllowInvalidLabelValueInRequiredNodeAffinity", false, "old pod only"));
        }

        // 1.32 sets it only from the old pod, so a create never allows it; 1.33 starts from the gate.
        if (v >= new KubernetesVersion(1, 32))
        {
            bool sidecarResize = v >= new KubernetesVersion(1, 33) && profile.IsEnabled(FeatureGateNames.InPlacePodVerticalScaling);
            list.Add(new("AllowSidecarResizePolicy", sidecarResize, v >= new KubernetesVersion(1, 33) ? "InPlacePodVerticalScaling" : "old pod only (1.32)"));
        }

        if (v >= new KubernetesVersion(1, 34))
        {
            list.Add(new("AllowMatchLabelKeysInPodTopologySpread", profile.IsEnabled("MatchLabelKeysInPodTopologySpread"), "MatchLabelKeysInPodTopologySpread"));
            list.Add(new("AllowMatchLabelKeysInPodTopologySpreadSelectorMerge", profile.IsEnabled("MatchLabelKeysInPodTopologySpreadSelectorMerge"), "MatchLabelKeysInPodTopologySpreadSelectorMerge"));
            list.Add(new("OldPodViolatesMatchLabelKeysValidation", false, "old pod only"));
            list.Add(new("OldPodViolatesLegacyMatchLabelKeysValidation", false, "old pod only"));
            list.Add(new("AllowContainerRestartPolicyRules", profile.IsEnabled(FeatureGateNames.ContainerRestartRules), "ContainerRestartRules"));
            list.Add(new("AllowUserNamespacesWithVolumeDevices", false, "old pod only"));
        }

        list.Add(new("AllowRelaxedEnvironmentVariableValidation", profile.IsEnabled(FeatureGateNames.RelaxedEnvironmentVariableValidation), "RelaxedEnvironmentVariableValidation"));
        if (v >= new KubernetesVersion(1, 32))
        {
            list.Add(new("AllowRelaxedDNSSearchValidation", profile.IsEnabled("RelaxedDNSSearchValidation"), "RelaxedDNSSearchValidation"));
        }

        if (v >= new KubernetesVersion(1, 34))
        {
            list.Add(new("AllowEnvFilesValidation", profile.IsEnabled(FeatureGateNames.EnvFiles), "EnvFiles"));
        }

        if (v >= new KubernetesVersion(1, 32))
        {
            list.Add(new("AllowOnlyRecursiveSELinuxChangePolicy", !profile.IsEnabled("SELinuxMount"), "not SELinuxMount"));
        }

        list.Add(new("ResourceIsPod", true, "pod strategy"));
        return list.ToValueList();
    }
}
