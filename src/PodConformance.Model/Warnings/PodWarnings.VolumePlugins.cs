using PodConformance.Model.Api;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Warnings;

/// <summary>
/// Deprecated and removed volume plugins (WARN-015) and, in the same volume loop, fractional storage in an ephemeral
/// volume's claim template (WARN-016, pkg/api/persistentvolumeclaim <c>GetWarningsForPersistentVolumeClaimSpec</c>).
/// </summary>
public static partial class PodWarnings
{
    /// <summary>From 1.33 the gitRepo text depends on the GitRepoVolumeDriver gate (off by default).</summary>
    private static readonly KubernetesVersion GitRepoGateSince = new(1, 33);

    /// <summary>Per volume, in warnings.go's order: photon, gitRepo, scaleIO, flocker, storageOS, quobyte, glusterfs, the claim template, cephfs, rbd.</summary>
    private static void DeprecatedVolumePlugins(PodSpec spec, Profile profile, ref List<PodWarning>? warnings)
    {
        var volumes = spec.Volumes.AsSpan();
        for (int i = 0; i < volumes.Length; i++)
        {
            var v = volumes[i];
            if (v.PhotonPersistentDisk is not null)
            {
                Plugin(i, "photonPersistentDisk", "deprecated in v1.11, non-functional in v1.16+", ref warnings);
            }

            if (v.GitRepo is not null)
            {
                bool disabled = profile.Version >= GitRepoGateSince && !profile.IsEnabled("GitRepoVolumeDriver");
                Plugin(i, "gitRepo", disabled ? "deprecated in v1.11, and disabled by default in v1.33+" : "deprecated in v1.11", ref warnings);
            }

            if (v.ScaleIO is not null)
            {
                Plugin(i, "scaleIO", "deprecated in v1.16, non-functional in v1.22+", ref warnings);
            }

            if (v.Flocker is not null)
            {
                Plugin(i, "flocker", "deprecated in v1.22, non-functional in v1.25+", ref warnings);
            }

            if (v.StorageOS is not null)
            {
                Plugin(i, "storageOS", "deprecated in v1.22, non-functional in v1.25+", ref warnings);
            }

            if (v.Quobyte is not null)
            {
                Plugin(i, "quobyte", "deprecated in v1.22, non-functional in v1.25+", ref warnings);
            }

            if (v.Glusterfs is not null)
            {
                Plugin(i, "glusterfs", "deprecated in v1.25, non-functional in v1.26+", ref warnings);
            }

            if (v.Ephemeral?.VolumeClaimTemplate is { } template)
            {
                // A missing entry is a zero Quantity upstream (a map lookup), which is whole.
                var resources = template.Spec.Resources;
                if (resources.Requests.TryGetValue(ResourceNames.Storage, out var request) && !WholeBytes(request))
                {
                    Add(ref warnings, FractionalEphemeralClaimStorage, FractionalText("spec.volumes[" + Invariant(i) + "].ephemeral.volumeClaimTemplate.spec.resources.requests[storage]", request));
                }

                if (resources.Limits.TryGetValue(ResourceNames.Storage, out var limit) && !WholeBytes(limit))
                {
                    Add(ref warnings, FractionalEphemeralClaimStorage, FractionalText("spec.volumes[" + Invariant(i) + "].ephemeral.volumeClaimTemplate.spec.resources.limits[storage]", limit));
                }
            }

            if (v.CephFS is not null)
            {
                Plugin(i, "cephfs", "deprecated in v1.28, non-functional in v1.31+", ref warnings);
            }

            if (v.RBD is not null)
            {
                Plugin(i, "rbd", "deprecated in v1.28, non-functional in v1.31+", ref warnings);
            }
        }
    }

    private static void Plugin(int index, string field, string message, ref List<PodWarning>? warnings) =>
        Add(ref warnings, DeprecatedVolumePlugin, "spec.volumes[" + Invariant(index) + "]." + field + ": " + message);
}
