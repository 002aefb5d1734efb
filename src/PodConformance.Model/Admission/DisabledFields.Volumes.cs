using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Admission;

internal static partial class DisabledFields
{
    private sealed partial class Dropper
    {
        /// <summary>ADM-085: projected clusterTrustBundle without ClusterTrustBundleProjection, podCertificate without PodCertificateRequest.</summary>
        public PodSpec Projections(PodSpec spec)
        {
            var volumes = spec.Volumes;
            for (int i = 0; i < volumes.Count; i++)
            {
                if (volumes[i].Projected is not { } projected)
                {
                    continue;
                }

                var sources = projected.Sources;
                for (int j = 0; j < sources.Count; j++)
                {
                    var s = sources[j];
                    string path = Index(Index("spec.volumes", i) + ".projected.sources", j);
                    if (s.ClusterTrustBundle is not null && Off("ClusterTrustBundleProjection"))
                    {
                        Dropped(AdmissionRules.DropProjections, path + ".clusterTrustBundle", "ClusterTrustBundleProjection");
                        s = s with { ClusterTrustBundle = null };
                    }

                    if (s.PodCertificate is not null && Off("PodCertificateRequest"))
                    {
                        Dropped(AdmissionRules.DropProjections, path + ".podCertificate", "PodCertificateRequest");
                        s = s with { PodCertificate = null };
                    }

                    if (!ReferenceEquals(s, sources[j]))
                    {
                        sources = sources.SetItem(j, s);
                    }
                }

                if (sources != projected.Sources)
                {
                    volumes = volumes.SetItem(i, volumes[i] with { Projected = projected with { Sources = sources } });
                }
            }

            return volumes == spec.Volumes ? spec : spec with { Volumes = volumes };
        }

        /// <summary>ADM-093: dropImageVolumes: without ImageVolume, image volumes go, and so do the mounts of their names.</summary>
        public PodSpec ImageVolumes(PodSpec spec)
        {
            bool any = false;
            foreach (var v in spec.Volumes)
            {
                any |= v.Image is not null;
            }

            if (!any || !Off("ImageVolume"))
            {
                return spec;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            var kept = new List<Volume>(spec.Volumes.Count);
            for (int i = 0; i < spec.Volumes.Count; i++)
            {
                var v = spec.Volumes[i];
                if (v.Image is not null)
                {
                    names.Add(v.Name);
                    Dropped(AdmissionRules.DropImageVolumes, Index("spec.volumes", i), "ImageVolume");
                    continue;
                }

                kept.Add(v);
            }

            spec = spec with { Volumes = kept.ToValueList() };
            return EachContainer(spec, (c, path) =>
            {
                List<VolumeMount>? mounts = null;
                for (int j = 0; j < c.VolumeMounts.Count; j++)
                {
                    if (names.Contains(c.VolumeMounts[j].Name))
                    {
                        mounts ??= [.. c.VolumeMounts.AsSpan()[..j]];
                        Dropped(AdmissionRules.DropImageVolumes, Index(path + ".volumeMounts", j), "ImageVolume");
                    }
                    else
                    {
                        mounts?.Add(c.VolumeMounts[j]);
                    }
                }

                return mounts is null ? c : c with { VolumeMounts = mounts.ToValueList() };
            });
        }
    }
}
