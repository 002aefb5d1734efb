using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Defaulting;

/// <summary>
/// The volume fields of pkg/api/pod/util.go <c>dropDisabledFields</c> for a create (DEF-409), part of
/// <see cref="DropDisabledFields"/>: image volumes and the mounts of their names (dropImageVolumes), projected
/// clusterTrustBundle and podCertificate sources, volumeMounts' recursiveReadOnly, and the 1.37 alpha fields: bindMountOptions
/// (read in a 1.37 fork copy of util.go, spec DEF-409), emptyDir.mode and the volume user fields (**unverified**, by analogy:
/// no util.go with their drop code was found stored). A field whose gate is off, or not yet in
/// the release (the field does not decode there), is removed before validation, so the validator never sees it.
/// </summary>
/// <remarks>Pods without these fields pay a scan of their volumes and mounts: the profile is asked only when one is present.</remarks>
public static partial class PodDefaulter
{
    private const string ImageVolumeGate = FeatureGateNames.ImageVolume;
    private const string RecursiveReadOnlyGate = FeatureGateNames.RecursiveReadOnlyMounts;
    private const string AtomicWriteUser = FeatureGateNames.AtomicWriteVolumeUserFields;

    /// <summary>The field stays only with its gate on (a gate the release does not have yet counts as off).</summary>
    private static bool VolumeGateOff(Profile profile, string gate) => !profile.IsEnabled(gate);

    /// <summary>How <c>explain</c> shows a volume field dropped (the text of <see cref="Dropped"/>, as every other drop).</summary>
    private static string VolumeDropped(string gate) => Dropped(gate);

    private static PodSpec DropDisabledVolumeFields(PodSpec spec, Profile profile, ChangeLog log)
    {
        bool images = false, projections = false, emptyDirModes = false, users = false;
        foreach (var v in spec.Volumes)
        {
            images |= v.Image is not null;
            projections |= v.Projected is not null;
            emptyDirModes |= v.EmptyDir?.Mode is not null;
            users |= HasUserFields(v);
        }

        if (images && VolumeGateOff(profile, ImageVolumeGate))
        {
            spec = DropImageVolumes(spec, log);
        }

        if (projections || emptyDirModes || users)
        {
            spec = DropVolumeSourceFields(spec, profile, log);
        }

        return DropMountFields(spec, profile, log);
    }

    /// <summary>dropImageVolumes: image volumes go, and so does every mount of their names (later indexes shift).</summary>
    private static PodSpec DropImageVolumes(PodSpec spec, ChangeLog log)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<Volume>(spec.Volumes.Count);
        for (int i = 0; i < spec.Volumes.Count; i++)
        {
            var v = spec.Volumes[i];
            if (v.Image is null)
            {
                kept.Add(v);
                continue;
            }

            names.Add(v.Name);
            log.Add(DefaultingRules.DropDisabledVolumeFields, Indexed("spec.volumes", i), VolumeDropped(ImageVolumeGate));
        }

        return spec with
        {
            Volumes = kept.ToValueList(),
            InitContainers = EachMountList(spec.InitContainers, "spec.initContainers", (c, path) => WithoutMountsOf(c, names, path, log)),
            Containers = EachMountList(spec.Containers, "spec.containers", (c, path) => WithoutMountsOf(c, names, path, log)),
            EphemeralContainers = EachMountList(spec.EphemeralContainers, "spec.ephemeralContainers", (c, path) => WithoutMountsOf(c, names, path, log)),
        };
    }

    private static Container WithoutMountsOf(Container c, HashSet<string> names, string path, ChangeLog log)
    {
        List<VolumeMount>? mounts = null;
        for (int j = 0; j < c.VolumeMounts.Count; j++)
        {
            if (names.Contains(c.VolumeMounts[j].Name))
            {
                mounts ??= [.. c.VolumeMounts.AsSpan()[..j]];
                log.Add(DefaultingRules.DropDisabledVolumeFields, Indexed(path + ".volumeMounts", j), VolumeDropped(ImageVolumeGate));
            }
            else
            {
                mounts?.Add(c.VolumeMounts[j]);
            }
        }

        return mounts is null ? c : c with { VolumeMounts = mounts.ToValueList() };
    }

    /// <summary>Projected clusterTrustBundle/podCertificate sources, emptyDir.mode and the user fields, per volume.</summary>
    private static PodSpec DropVolumeSourceFields(PodSpec spec, Profile profile, ChangeLog log)
    {
        var volumes = spec.Volumes;
        for (int i = 0; i < volumes.Count; i++)
        {
            var v = volumes[i];
            string path = Indexed("spec.volumes", i);
            if (v.Projected is { } projected)
            {
                var sources = projected.Sources;
                for (int j = 0; j < sources.Count; j++)
                {
                    var s = sources[j];
                    string at = Indexed(path + ".projected.sources", j);
                    if (s.ClusterTrustBundle is not null && VolumeGateOff(profile, FeatureGateNames.ClusterTrustBundleProjection))
                    {
                        log.Add(DefaultingRules.DropDisabledVolumeFields, at + ".clusterTrustBundle", VolumeDropped(FeatureGateNames.ClusterTrustBundleProjection));
                        s = s with { ClusterTrustBundle = null };
                    }

                    if (s.PodCertificate is not null && VolumeGateOff(profile, FeatureGateNames.PodCertificateRequest))
                    {
                        log.Add(DefaultingRules.DropDisabledVolumeFields, at + ".podCertificate", VolumeDropped(FeatureGateNames.PodCertificateRequest));
                        s = s with { PodCertificate = null };
                    }

                    if (!ReferenceEquals(s, sources[j]))
                    {
                        sources = sources.SetItem(j, s);
                    }
                }

                if (sources != projected.Sources)
                {
                    v = v with { Projected = projected with { Sources = sources } };
                }
            }

            if (v.EmptyDir?.Mode is not null && VolumeGateOff(profile, FeatureGateNames.EmptyDirVolumeMode))
            {
                log.Add(DefaultingRules.DropDisabledVolumeFields, path + ".emptyDir.mode", VolumeDropped(FeatureGateNames.EmptyDirVolumeMode));
                v = v with { EmptyDir = v.EmptyDir with { Mode = null } };
            }

            if (HasUserFields(v) && VolumeGateOff(profile, AtomicWriteUser))
            {
                v = WithoutUserFields(v, path, log);
            }

            if (!ReferenceEquals(v, volumes[i]))
            {
                volumes = volumes.SetItem(i, v);
            }
        }

        return volumes == spec.Volumes ? spec : spec with { Volumes = volumes };
    }

    /// <summary>volumeMounts' recursiveReadOnly (RecursiveReadOnlyMounts) and bindMountOptions (VolumeBindMountOptions, 1.37).</summary>
    private static PodSpec DropMountFields(PodSpec spec, Profile profile, ChangeLog log)
    {
        return !AnyGatedMount(spec.InitContainers) && !AnyGatedMount(spec.Containers) && !AnyGatedMount(spec.EphemeralContainers)
            ? spec
            : DropGatedMountFields(spec, profile, log);
    }

    /// <summary>Apart from <see cref="DropMountFields"/>, so its closure is allocated only for a pod with such mounts.</summary>
    private static PodSpec DropGatedMountFields(PodSpec spec, Profile profile, ChangeLog log)
    {
        bool rroOff = VolumeGateOff(profile, RecursiveReadOnlyGate);
        bool bindOff = VolumeGateOff(profile, FeatureGateNames.VolumeBindMountOptions);
        Container Drop(Container c, string path)
        {
            var mounts = c.VolumeMounts;
            for (int j = 0; j < mounts.Count; j++)
            {
                var m = mounts[j];
                if (m.RecursiveReadOnly is not null && rroOff)
                {
                    log.Add(DefaultingRules.DropDisabledVolumeFields, Indexed(path + ".volumeMounts", j) + ".recursiveReadOnly", VolumeDropped(RecursiveReadOnlyGate));
                    m = m with { RecursiveReadOnly = null };
                }

                if (!m.BindMountOptions.IsEmpty && bindOff)
                {
                    log.Add(DefaultingRules.DropDisabledVolumeFields, Indexed(path + ".volumeMounts", j) + ".bindMountOptions", VolumeDropped(FeatureGateNames.VolumeBindMountOptions));
                    m = m with { BindMountOptions = ValueList<string>.Empty };
                }

                if (!ReferenceEquals(m, mounts[j]))
                {
                    mounts = mounts.SetItem(j, m);
                }
            }

            return mounts == c.VolumeMounts ? c : c with { VolumeMounts = mounts };
        }

        return spec with
        {
            InitContainers = EachMountList(spec.InitContainers, "spec.initContainers", Drop),
            Containers = EachMountList(spec.Containers, "spec.containers", Drop),
            EphemeralContainers = EachMountList(spec.EphemeralContainers, "spec.ephemeralContainers", Drop),
        };
    }

    private static bool AnyGatedMount(ValueList<Container> list)
    {
        foreach (var c in list)
        {
            foreach (var m in c.VolumeMounts)
            {
                if (m.RecursiveReadOnly is not null || !m.BindMountOptions.IsEmpty)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Applies <paramref name="map"/> to each container, copying the list only when one changes.</summary>
    private static ValueList<Container> EachMountList(ValueList<Container> list, string path, Func<Container, string, Container> map)
    {
        Container[]? result = null;
        for (int i = 0; i < list.Count; i++)
        {
            var c = map(list[i], Indexed(path, i));
            if (!ReferenceEquals(c, list[i]))
            {
                result ??= list.AsSpan().ToArray();
                result[i] = c;
            }
        }

        return result is null ? list : new ValueList<Container>(result);
    }

    private static string Indexed(string path, int i) => path + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

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
    private static Volume WithoutUserFields(Volume v, string path, ChangeLog log)
    {
        log.Add(DefaultingRules.DropDisabledVolumeFields, path + " (defaultUser, user)", VolumeDropped(AtomicWriteUser));
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
