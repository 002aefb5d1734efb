using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators.Tests;

/// <summary>Shared test helpers: profiles to check against and a greedy shrink-to-fixpoint loop like FsCheck's.</summary>
internal static class Support
{
    /// <summary>Oldest, a middle release (gates flip at 1.29, 1.33, 1.34, 1.35) and the newest.</summary>
    public static IEnumerable<object[]> Profiles() =>
    [
        [KubernetesVersion.Oldest.ToString()],
        ["1.33"],
        [KubernetesVersion.Newest.ToString()],
    ];

    /// <summary>
    /// Releases with one gate on that is off there by default, for the mutations that apply only then (VAL-079, VAL-341,
    /// VAL-630, VAL-048, VAL-631, VAL-700…709, VAL-044 before 1.33, VAL-041 at 1.34, VAL-633's cross-namespace
    /// dataSourceRef): written <c>release+Gate</c>.
    /// </summary>
    public static IEnumerable<object[]> GatedProfiles() =>
    [
        ["1.35+" + FeatureGateNames.GenericWorkload],
        ["1.30+" + FeatureGateNames.DynamicResourceAllocation],
        ["1.30+" + FeatureGateNames.InPlacePodVerticalScaling],
        [KubernetesVersion.Newest + "+" + FeatureGateNames.ClusterTrustBundleProjection],
        ["1.33+" + FeatureGateNames.ContainerStopSignals],
        ["1.34+" + FeatureGateNames.PodCertificateRequest],
        ["1.37+" + FeatureGateNames.EvictionRequestAPI + "+" + FeatureGateNames.GenericWorkload],
        ["1.36+" + FeatureGateNames.GenericWorkload],
        ["1.37+" + FeatureGateNames.VolumeBindMountOptions + "+" + FeatureGateNames.H2CContainerProbe + "+" + FeatureGateNames.GRPCContainerProbeTLS + "+" + FeatureGateNames.AtomicWriteVolumeUserFields + "+" + FeatureGateNames.EmptyDirVolumeMode],
        ["1.34+" + FeatureGateNames.ContainerRestartRules],
        ["1.28+" + GatedFieldGen.CrossNamespaceVolumeDataSource],
        [KubernetesVersion.Newest + "+" + GatedFieldGen.CrossNamespaceVolumeDataSource],
    ];

    /// <summary>The profile of <c>1.33</c>, or of <c>1.35+Gate</c> (that release with the gate on).</summary>
    public static Profile ProfileFor(string version)
    {
        string[] release = version.Split('+');
        string[] parts = release[0].TrimStart('v').Split('.');
        var profile = Profile.For(new KubernetesVersion(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)));
        return release.Length == 1 ? profile : profile with { Overrides = ValueMap.Of([.. release.Skip(1).Select(g => (g, true))]) };
    }

    /// <summary>Repeatedly takes the first shrink that still fails <paramref name="stillFails"/>, as FsCheck does, up to a bound.</summary>
    public static T ShrinkToFixpoint<T>(T value, Func<T, IEnumerable<T>> shrink, Func<T, bool> stillFails, int maxSteps = 10_000)
    {
        for (int step = 0; step < maxSteps; step++)
        {
            var next = shrink(value).FirstOrDefault(stillFails);
            if (next is null)
            {
                return value;
            }

            value = next;
        }

        throw new InvalidOperationException("shrinking did not terminate");
    }
}
