using FsCheck;
using PodConformance.Model.Api;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators;

/// <summary>
/// One feature-gated field of the Pod API and how a valid pod uses it: <see cref="Apply"/> sets the field (on a pod that
/// is valid without it) to a value the release accepts, so the pod stays valid where <see cref="AppliesTo"/> holds.
/// </summary>
/// <param name="Gate">The gate that guards the field (the schema's <c>+featureGate=</c> marker, or the drop in pkg/api/pod/util.go).</param>
/// <param name="Field">The field's path in the API, as spec/api/*.json names it (<c>VolumeMount.bindMountOptions</c>).</param>
/// <param name="Since">The first release whose schema has the field.</param>
/// <param name="Until">The last release whose schema has it (null: still there at the newest).</param>
/// <param name="Apply">Uses the field in a valid pod; may return the pod unchanged when the pod has no place for it.</param>
public sealed record GatedField(string Gate, string Field, KubernetesVersion Since, KubernetesVersion? Until, Func<Pod, Gen<Pod>> Apply)
{
    /// <summary>
    /// A second gate the field's container needs (null: none): a field inside a gated field — the clusterTrustBundle
    /// projection's <c>user</c> (AtomicWriteVolumeUserFields) inside the projection (ClusterTrustBundleProjection) — is
    /// dropped with either gate off, so the entry applies only where both are on.
    /// </summary>
    public string? AlsoNeeds { get; init; }

    /// <summary>
    /// The field decodes at the release and its gate (and <see cref="AlsoNeeds"/>) is on: the create strategy keeps it, so a
    /// valid pod may use it. Where the gate is off the API server would drop the field (dropDisabledFields), and a valid
    /// generated pod never sets it.
    /// </summary>
    public bool AppliesTo(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Version >= Since && (Until is not { } until || profile.Version <= until) && profile.IsEnabled(Gate)
            && (AlsoNeeds is null || profile.IsEnabled(AlsoNeeds));
    }

    public override string ToString() => Field + " (" + Gate + ")";
}
