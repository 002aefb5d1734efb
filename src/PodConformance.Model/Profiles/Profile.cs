using PodConformance.Model.Collections;

namespace PodConformance.Model.Profiles;

/// <summary>
/// The semantics in force: a Kubernetes minor release plus feature-gate overrides. Every rule that differs
/// between releases asks the profile, never a version number directly.
/// </summary>
public sealed record Profile(KubernetesVersion Version, ValueMap<bool> Overrides)
{
    public static Profile Default { get; } = new(KubernetesVersion.Newest, ValueMap<bool>.Empty);

    public static Profile For(KubernetesVersion version) => new(version, ValueMap<bool>.Empty);

    /// <summary>
    /// A gate absent from this release is off, except one removed while locked on, which stays on (its checks went,
    /// its locked path stayed: <see cref="FeatureGate.RemovedLockedOn"/>); an explicit override wins; otherwise <c>AllAlpha</c> / <c>AllBeta</c>, when
    /// given, decide every gate of that stage in this release (component-base <c>setUnsetAlphaGates</c> /
    /// <c>setUnsetBetaGates</c> only fill gates not set explicitly); otherwise the release default (PROF-002).
    /// </summary>
    public bool IsEnabled(string gate)
    {
        if (Overrides.TryGetValue(gate, out bool value))
        {
            return value;
        }

        var known = FeatureGateCatalog.Find(gate);
        var stage = known?.StageAt(Version);
        if (stage is null)
        {
            return known is not null && known.RemovedLockedOn(Version);
        }

        if (!Overrides.IsEmpty)
        {
            if (stage.Stage == FeatureStage.Alpha && Overrides.TryGetValue(FeatureGateCatalog.AllAlpha, out bool allAlpha))
            {
                return allAlpha;
            }

            if (stage.Stage == FeatureStage.Beta && Overrides.TryGetValue(FeatureGateCatalog.AllBeta, out bool allBeta))
            {
                return allBeta;
            }
        }

        return stage.Default;
    }

    public override string ToString()
    {
        if (Overrides.IsEmpty)
        {
            return Version.ToString();
        }

        var parts = new List<string>(Overrides.Count);
        foreach (var (name, on) in Overrides)
        {
            parts.Add(name + "=" + (on ? "true" : "false"));
        }

        return Version + " (" + string.Join(",", parts) + ")";
    }
}
