using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Admission;

internal static partial class DisabledFields
{
    private sealed partial class Dropper
    {
        private static readonly KubernetesVersion Release137 = new(1, 37);

        /// <summary>
        /// ADM-096 (unverified: no 1.37 util.go was read): the fields 1.37 adds behind alpha gates are taken to be dropped
        /// like every other gated field when their gate is off: emptyDir.mode (EmptyDirVolumeMode), bindMountOptions
        /// (VolumeBindMountOptions), grpc.mode (GRPCContainerProbeTLS), httpGet.protocol (H2CContainerProbe), and the volume user fields (AtomicWriteVolumeUserFields).
        /// </summary>
        public PodSpec NewIn137(PodSpec spec)
        {
            if (Version < Release137)
            {
                return spec;
            }

            spec = VolumeFields137(spec);
            if (!ContainersHaveGatedFields)
            {
                return spec;
            }

            return EachContainer(spec, (c, path) =>
            {
                var mounts = c.VolumeMounts;
                for (int j = 0; j < mounts.Count; j++)
                {
                    if (!mounts[j].BindMountOptions.IsEmpty && Off("VolumeBindMountOptions"))
                    {
                        Dropped(AdmissionRules.DropNewFields137, Index(path + ".volumeMounts", j) + ".bindMountOptions", "VolumeBindMountOptions");
                        mounts = mounts.SetItem(j, mounts[j] with { BindMountOptions = ValueList<string>.Empty });
                    }
                }

                if (mounts != c.VolumeMounts)
                {
                    c = c with { VolumeMounts = mounts };
                }

                var live = Probe(c.LivenessProbe, path + ".livenessProbe");
                var ready = Probe(c.ReadinessProbe, path + ".readinessProbe");
                var startup = Probe(c.StartupProbe, path + ".startupProbe");
                if (!ReferenceEquals(live, c.LivenessProbe) || !ReferenceEquals(ready, c.ReadinessProbe) || !ReferenceEquals(startup, c.StartupProbe))
                {
                    c = c with { LivenessProbe = live, ReadinessProbe = ready, StartupProbe = startup };
                }

                if (c.Lifecycle is { } lifecycle)
                {
                    var pre = Handler(lifecycle.PreStop, path + ".lifecycle.preStop");
                    var post = Handler(lifecycle.PostStart, path + ".lifecycle.postStart");
                    if (!ReferenceEquals(pre, lifecycle.PreStop) || !ReferenceEquals(post, lifecycle.PostStart))
                    {
                        c = c with { Lifecycle = lifecycle with { PreStop = pre, PostStart = post } };
                    }
                }

                return c;
            });
        }

        private Probe? Probe(Probe? probe, string path)
        {
            if (probe is null)
            {
                return null;
            }

            var handler = Handler(probe.Handler, path)!;
            return ReferenceEquals(handler, probe.Handler) ? probe : probe with { Handler = handler };
        }

        private ProbeHandler? Handler(ProbeHandler? handler, string path)
        {
            if (handler is null)
            {
                return null;
            }

            if (handler.GrpcMode is not null && Off("GRPCContainerProbeTLS"))
            {
                Dropped(AdmissionRules.DropNewFields137, path + ".grpc.mode", "GRPCContainerProbeTLS");
                handler = handler with { GrpcMode = null };
            }

            if (handler.HttpGet?.Protocol is not null && Off("H2CContainerProbe"))
            {
                Dropped(AdmissionRules.DropNewFields137, path + ".httpGet.protocol", "H2CContainerProbe");
                handler = handler with { HttpGet = handler.HttpGet with { Protocol = null } };
            }

            return handler;
        }

        private PodSpec VolumeFields137(PodSpec spec)
        {
            var volumes = spec.Volumes;
            for (int i = 0; i < volumes.Count; i++)
            {
                var v = volumes[i];
                string path = Index("spec.volumes", i);
                if (v.EmptyDir?.Mode is not null && Off("EmptyDirVolumeMode"))
                {
                    Dropped(AdmissionRules.DropNewFields137, path + ".emptyDir.mode", "EmptyDirVolumeMode");
                    v = v with { EmptyDir = v.EmptyDir with { Mode = null } };
                }

                if (HasUserFields(v) && Off("AtomicWriteVolumeUserFields"))
                {
                    v = WithoutUserFields(v, path);
                }

                if (!ReferenceEquals(v, volumes[i]))
                {
                    volumes = volumes.SetItem(i, v);
                }
            }

            return volumes == spec.Volumes ? spec : spec with { Volumes = volumes };
        }

        private static bool HasUserFields(Volume v)
        {
            if (v.ConfigMap is { } cm && (cm.DefaultUser is not null || AnyUser(cm.Items)))
            {
                return true;
            }

            if (v.Secret is { } s && (s.DefaultUser is not null || AnyUser(s.Items)))
            {
                return true;
            }

            if (v.DownwardApiDefaultUser is not null)
            {
                return true;
            }

            foreach (var f in v.DownwardApiItems)
            {
                if (f.User is not null)
                {
                    return true;
                }
            }

            if (v.Projected is { } p)
            {
                if (p.DefaultUser is not null)
                {
                    return true;
                }

                foreach (var src in p.Sources)
                {
                    if ((src.ConfigMap is { } pc && AnyUser(pc.Items)) || (src.Secret is { } ps && AnyUser(ps.Items))
                        || src.ServiceAccountToken?.User is not null || src.ClusterTrustBundle?.User is not null || src.PodCertificate?.User is not null)
                    {
                        return true;
                    }

                    foreach (var f in src.DownwardAPI?.Items ?? ValueList<DownwardApiVolumeFile>.Empty)
                    {
                        if (f.User is not null)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static bool AnyUser(ValueList<KeyToPath> items)
        {
            foreach (var k in items)
            {
                if (k.User is not null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Clears every user field of the volume, logged once per volume.</summary>
        private Volume WithoutUserFields(Volume v, string path)
        {
            Dropped(AdmissionRules.DropNewFields137, path + " (defaultUser, user)", "AtomicWriteVolumeUserFields");
            var result = v with { DownwardApiDefaultUser = null, DownwardApiItems = ClearFiles(v.DownwardApiItems) };
            if (v.ConfigMap is { } cm)
            {
                result = result with { ConfigMap = cm with { DefaultUser = null, Items = ClearKeys(cm.Items) } };
            }

            if (v.Secret is { } s)
            {
                result = result with { Secret = s with { DefaultUser = null, Items = ClearKeys(s.Items) } };
            }

            if (v.Projected is { } p)
            {
                var sources = new VolumeProjection[p.Sources.Count];
                for (int j = 0; j < sources.Length; j++)
                {
                    var src = p.Sources[j];
                    sources[j] = src with
                    {
                        ConfigMap = src.ConfigMap is { } pc ? pc with { Items = ClearKeys(pc.Items) } : null,
                        Secret = src.Secret is { } ps ? ps with { Items = ClearKeys(ps.Items) } : null,
                        DownwardAPI = src.DownwardAPI is { } pd ? pd with { Items = ClearFiles(pd.Items) } : null,
                        ServiceAccountToken = src.ServiceAccountToken is { } t ? t with { User = null } : null,
                        ClusterTrustBundle = src.ClusterTrustBundle is { } b ? b with { User = null } : null,
                        PodCertificate = src.PodCertificate is { } pcert ? pcert with { User = null } : null,
                    };
                }

                result = result with { Projected = p with { DefaultUser = null, Sources = sources } };
            }

            return result;

            static ValueList<KeyToPath> ClearKeys(ValueList<KeyToPath> items) =>
                AnyUser(items) ? items.Select(k => k with { User = null }).ToValueList() : items;

            static ValueList<DownwardApiVolumeFile> ClearFiles(ValueList<DownwardApiVolumeFile> items)
            {
                foreach (var f in items)
                {
                    if (f.User is not null)
                    {
                        return items.Select(x => x with { User = null }).ToValueList();
                    }
                }

                return items;
            }
        }
    }
}
