using PodConformance.Model.Profiles;
using static PodConformance.Model.Profiles.FeatureGateNames;

namespace PodConformance.Model.Tests.Profiles;

/// <summary>
/// Rows of a sample of gates typed in by hand from the copies of Kubernetes' source named in spec/gates/sources.json
/// (the copy is named per gate), apart from spec/gates/feature-gates.json and its extractor, so the tests compare the
/// catalogue with the source and not with itself. Rows are as written there (the first may predate 1.28; version 0 is
/// component-base's <c>version.MajorMinor(0, 0)</c>). Only gates whose rows are verified for every release are in the
/// sample; 1.37 rows are read from H137 (kubernetes' own kube_features.go of 2026-07-24), G137 (a 1.37-development copy
/// as stored in a fork) or D137.
/// </summary>
internal static class VerifiedGateRows
{
    internal sealed record Row(int Minor, FeatureStage Stage, bool Default, bool Locked = false);

    internal sealed record Gate(Row[] Rows, int? AbsentFromMinor = null);

    private const FeatureStage A = FeatureStage.Alpha;
    private const FeatureStage B = FeatureStage.Beta;
    private const FeatureStage G = FeatureStage.GA;

    internal static readonly IReadOnlyDictionary<string, Gate> Rows = new Dictionary<string, Gate>(StringComparer.Ordinal)
    {
        // C136: {1.28, false, Alpha}, {1.29, true, Beta}, {1.33, true, LockToDefault, GA} // GA in 1.33 remove in 1.36;
        // not in the G137 map (1.37).
        [SidecarContainers] = new([new(28, A, false), new(29, B, true), new(33, G, true, true)], AbsentFromMinor: 37),
        // D137: {1.32, false, Alpha}, {1.34, true, Beta}
        [PodLevelResources] = new([new(32, A, false), new(34, B, true)]),
        // C136: {1.34, false, Alpha}, {1.35, true, Beta}
        [ContainerRestartRules] = new([new(34, A, false), new(35, B, true)]),
        // G137: {1.35, false, Alpha}, {1.36, true, Beta} (C136, older, has only the Alpha row)
        [RestartAllContainersOnContainerExits] = new([new(35, A, false), new(36, B, true)]),
        // H137: {1.28, false, Alpha}, {1.29, true, Beta}, {1.37, true, GA, LockToDefault} // GA in 1.37, remove in 1.40
        [PodReadyToStartContainersCondition] = new([new(28, A, false), new(29, B, true), new(37, G, true, true)]),
        // C136: {1.32, false, Alpha}, {1.35, true, Beta}
        [KubeletCrashLoopBackOffMax] = new([new(32, A, false), new(35, B, true)]),
        // C136: {1.33, false, Alpha}
        [ReduceDefaultCrashLoopBackOffDecay] = new([new(33, A, false)]),
        // C136: {1.30, false, Alpha}, {1.32, true, Beta}, {1.34, true, GA, LockToDefault} // remove in 1.37
        [RelaxedEnvironmentVariableValidation] = new([new(30, A, false), new(32, B, true), new(34, G, true, true)]),
        // D137: {1.27, false, Alpha}, {1.33, true, Beta}, {1.35, true, GA, LockToDefault} // remove in 1.38
        [InPlacePodVerticalScaling] = new([new(27, A, false), new(33, B, true), new(35, G, true, true)]),
        // C136: {1.34, false, Alpha}, {1.35, true, Beta}
        [EnvFiles] = new([new(34, A, false), new(35, B, true)]),

        // D137: {1.26, false, Alpha}, {1.32, false, Beta}, {1.34, true, GA}, {1.35, true, GA, LockToDefault}
        ["DynamicResourceAllocation"] = new([new(26, A, false), new(32, B, false), new(34, G, true), new(35, G, true, true)]),
        // G137: {1.31, false, Alpha}, {1.33, false, Beta}, {1.35, true, Beta}, {1.36, true, GA, LockToDefault}
        ["ImageVolume"] = new([new(31, A, false), new(33, B, false), new(35, B, true), new(36, G, true, true)]),
        // C136: {1.32, false, Alpha}, {1.33, true, Beta}, {1.34, true, GA, LockToDefault} // remove in 1.37; not in G137
        ["RelaxedDNSSearchValidation"] = new([new(32, A, false), new(33, B, true), new(34, G, true, true)], AbsentFromMinor: 37),
        // C136: {1.29, false, Alpha}, {1.30, true, Beta}, {1.34, true, GA, LockToDefault} // GA in 1.34; remove in 1.37;
        // not in G137
        ["PodLifecycleSleepAction"] = new([new(29, A, false), new(30, B, true), new(34, G, true, true)], AbsentFromMinor: 37),
        // C136: {1.32, false, Alpha}, {1.33, true, Beta}, {1.34, true, GA, LockToDefault}; not in G137
        ["PodLifecycleSleepActionAllowZero"] = new([new(32, A, false), new(33, B, true), new(34, G, true, true)], AbsentFromMinor: 37),
        // H137: {1.27, false, Alpha}, {1.33, false, Beta}, {1.37, true, GA} // LockToDefault in 1.38;
        // E128: {Default: false, PreRelease: Alpha}
        ["ClusterTrustBundle"] = new([new(27, A, false), new(33, B, false), new(37, G, true)]),
        // H137: {1.29, false, Alpha}, {1.33, false, Beta}, {1.37, true, GA} // LockToDefault in 1.38
        ["ClusterTrustBundleProjection"] = new([new(29, A, false), new(33, B, false), new(37, G, true)]),
        // D137: {1.35, false, Alpha}, {1.36, true, Beta}, {1.37, true, GA, LockToDefault}
        ["NodeDeclaredFeatures"] = new([new(35, A, false), new(36, B, true), new(37, G, true, true)]),
        // D137: {1.35, false, Alpha}
        ["TaintTolerationComparisonOperators"] = new([new(35, A, false)]),
        // C136: {1.33, false, Alpha}, {1.35, true, Beta}
        ["KubeletEnsureSecretPulledImages"] = new([new(33, A, false), new(35, B, true)]),
        // E128: {Default: false, PreRelease: Alpha}; B132: {1.28, false, Alpha}, {1.29, true, Beta},
        // {1.30, true, GA, LockToDefault} // remove in 1.32; in v1.31.1's map (K131), not in v1.32.1's (K132).
        ["PodHostIPs"] = new([new(28, A, false), new(29, B, true), new(30, G, true, true)], AbsentFromMinor: 32),
        // S: {{Default: false, PreRelease: Alpha, Version: version.MajorMinor(0, 0)}}, same with Beta.
        [FeatureGateCatalog.AllAlpha] = new([new(0, A, false)]),
        [FeatureGateCatalog.AllBeta] = new([new(0, B, false)]),
        // D137: {1.35, false, Alpha}, {1.36, true, Beta}
        ["InPlacePodLevelResourcesVerticalScaling"] = new([new(35, A, false), new(36, B, true)]),
        // L: {1.24, false, Alpha}, {1.30, true, Beta}
        ["ContextualLogging"] = new([new(24, A, false), new(30, B, true)]),
        // G137: {1.36, true, Beta} each; both on by default and depending on NodeDeclaredFeatures (below). H137 (later) adds
        // {1.37, true, GA, LockToDefault} // remove in 1.40 to InPlacePodVerticalScalingInitContainers.
        ["ExtendWebSocketsToKubelet"] = new([new(36, B, true)]),
        ["InPlacePodVerticalScalingInitContainers"] = new([new(36, B, true), new(37, G, true, true)]),
        // H137: {1.37, true, Beta} each, all three depending on PodLevelResources (below).
        [PodLevelResourcesFixDefaulting] = new([new(37, B, true)]),
        ["PodLevelResourcesFixKubeletQOSClass"] = new([new(37, B, true)]),
        // H137: {1.36, false, Alpha}, {1.37, true, Beta}
        ["PodLevelResourceManagers"] = new([new(36, A, false), new(37, B, true)]),
    };

    /// <summary>C136's defaultKubernetesFeatureGateDependencies (G137's for the gates C136 predates), for the sample's gates;
    /// enforced from 1.35.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> Dependencies = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [RestartAllContainersOnContainerExits] = [ContainerRestartRules, "NodeDeclaredFeatures"],
        ["ClusterTrustBundleProjection"] = ["ClusterTrustBundle"],
        ["PodLifecycleSleepActionAllowZero"] = ["PodLifecycleSleepAction"],
        // C136: {InPlacePodVerticalScaling, PodLevelResources, NodeDeclaredFeatures}, sorted as AddDependencies sorts.
        ["InPlacePodLevelResourcesVerticalScaling"] = [InPlacePodVerticalScaling, "NodeDeclaredFeatures", PodLevelResources],
        // G137: ExtendWebSocketsToKubelet: {NodeDeclaredFeatures}; InPlacePodVerticalScalingInitContainers:
        // {InPlacePodVerticalScaling, NodeDeclaredFeatures}.
        ["ExtendWebSocketsToKubelet"] = ["NodeDeclaredFeatures"],
        ["InPlacePodVerticalScalingInitContainers"] = [InPlacePodVerticalScaling, "NodeDeclaredFeatures"],
        // H137: PodLevelResourceManagers, PodLevelResourcesFixDefaulting, PodLevelResourcesFixKubeletQOSClass: {PodLevelResources}.
        ["PodLevelResourceManagers"] = [PodLevelResources],
        [PodLevelResourcesFixDefaulting] = [PodLevelResources],
        ["PodLevelResourcesFixKubeletQOSClass"] = [PodLevelResources],
    };

    /// <summary>The row in force at a release: the latest with Version ≤ release (featureSpecAtEmulationVersion), or none.</summary>
    internal static Row? At(string gate, KubernetesVersion release)
    {
        var g = Rows[gate];
        if (g.AbsentFromMinor is { } gone && release.Minor >= gone)
        {
            return null;
        }

        return g.Rows.Where(r => new KubernetesVersion(1, r.Minor) <= release).MaxBy(r => r.Minor);
    }

    internal static IEnumerable<KubernetesVersion> Releases =>
        Enumerable.Range(KubernetesVersion.Oldest.Minor, KubernetesVersion.Newest.Minor - KubernetesVersion.Oldest.Minor + 1)
            .Select(m => new KubernetesVersion(1, m));
}
