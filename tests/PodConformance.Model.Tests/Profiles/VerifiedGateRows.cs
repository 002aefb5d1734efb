using PodConformance.Model.Profiles;
using static PodConformance.Model.Profiles.FeatureGateNames;

namespace PodConformance.Model.Tests.Profiles;

/// <summary>
/// The versioned rows of kubernetes <c>pkg/features/kube_features.go</c> (<c>defaultVersionedKubernetesFeatureGates</c>)
/// for the gates the model knows, typed in by hand from the stored copy read for spec/profiles.md (search index
/// file id 378079260, a post-1.35 copy: it has 1.35 GA rows and one 1.36 row, VolumeAttributesClass). Kept apart from
/// <see cref="FeatureGateCatalog"/> so the tests compare the catalog against the source, not against itself.
/// No 1.36/1.37 rows were seen for these gates (see spec/profiles.md).
/// </summary>
internal static class VerifiedGateRows
{
    internal sealed record Row(int Minor, FeatureStage Stage, bool Default, bool Locked = false);

    internal static readonly IReadOnlyDictionary<string, Row[]> Rows = new Dictionary<string, Row[]>(StringComparer.Ordinal)
    {
        // {1.28, false, Alpha}, {1.29, true, Beta}, {1.33, true, LockToDefault, GA} // GA in 1.33 remove in 1.36
        [SidecarContainers] = [new(28, FeatureStage.Alpha, false), new(29, FeatureStage.Beta, true), new(33, FeatureStage.GA, true, true)],
        // {1.32, false, Alpha}, {1.34, true, Beta}
        [PodLevelResources] = [new(32, FeatureStage.Alpha, false), new(34, FeatureStage.Beta, true)],
        // {1.34, false, Alpha}, {1.35, true, Beta}
        [ContainerRestartRules] = [new(34, FeatureStage.Alpha, false), new(35, FeatureStage.Beta, true)],
        // {1.35, false, Alpha}
        [RestartAllContainersOnContainerExits] = [new(35, FeatureStage.Alpha, false)],
        // {1.28, false, Alpha}, {1.29, true, Beta}
        [PodReadyToStartContainersCondition] = [new(28, FeatureStage.Alpha, false), new(29, FeatureStage.Beta, true)],
        // {1.32, false, Alpha}, {1.35, true, Beta}
        [KubeletCrashLoopBackOffMax] = [new(32, FeatureStage.Alpha, false), new(35, FeatureStage.Beta, true)],
        // {1.33, false, Alpha}
        [ReduceDefaultCrashLoopBackOffDecay] = [new(33, FeatureStage.Alpha, false)],
        // {1.30, false, Alpha}, {1.32, true, Beta}, {1.34, true, GA, LockToDefault} // remove in 1.37
        [RelaxedEnvironmentVariableValidation] = [new(30, FeatureStage.Alpha, false), new(32, FeatureStage.Beta, true), new(34, FeatureStage.GA, true, true)],
        // {1.27, false, Alpha}, {1.33, true, Beta}, {1.35, true, GA, LockToDefault} // remove in 1.38
        [InPlacePodVerticalScaling] = [new(27, FeatureStage.Alpha, false), new(33, FeatureStage.Beta, true), new(35, FeatureStage.GA, true, true)],
        // {1.34, false, Alpha}, {1.35, true, Beta}
        [EnvFiles] = [new(34, FeatureStage.Alpha, false), new(35, FeatureStage.Beta, true)],
    };

    /// <summary>The row in force at a release: the latest with Version ≤ release (featureSpecAtEmulationVersion), or none.</summary>
    internal static Row? At(string gate, KubernetesVersion release) =>
        Rows[gate].Where(r => new KubernetesVersion(1, r.Minor) <= release).MaxBy(r => r.Minor);

    internal static IEnumerable<KubernetesVersion> Releases =>
        Enumerable.Range(KubernetesVersion.Oldest.Minor, KubernetesVersion.Newest.Minor - KubernetesVersion.Oldest.Minor + 1)
            .Select(m => new KubernetesVersion(1, m));
}
