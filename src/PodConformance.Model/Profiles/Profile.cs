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

    /// <summary>A gate absent from this release is off; an override wins over the release default.</summary>
    public bool IsEnabled(string gate)
    {
        if (Overrides.TryGetValue(gate, out bool value))
        {
            return value;
        }

        return FeatureGateCatalog.Find(gate)?.StageAt(Version)?.Default ?? false;
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
