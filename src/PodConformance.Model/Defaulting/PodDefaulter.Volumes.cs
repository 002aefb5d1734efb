using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Defaulting;

/// <summary>
/// Volume defaulting, per volume in the order <c>SetObjectDefaults_Pod</c> runs it: SetDefaults_Volume, then each source's
/// defaults in VolumeSource's field order (spec/defaulting.md DEF-011, DEF-016, DEF-400…DEF-408). The ISCSI, RBD,
/// AzureDisk and ScaleIO defaults became declarative <c>+default</c> tags in 1.31 with the same effect.
/// </summary>
public static partial class PodDefaulter
{
    /// <summary>The mode of secret, configMap, downwardAPI and projected volumes when unset: 0644.</summary>
    private const int DefaultFileMode = 420;

    private static ValueList<Volume> DefaultVolumes(ValueList<Volume> volumes, Profile profile, ChangeLog log)
    {
        if (volumes.IsEmpty)
        {
            return volumes;
        }

        Volume[]? result = null;
        for (int i = 0; i < volumes.Count; i++)
        {
            var v = DefaultVolume(volumes[i], $"spec.volumes[{i}]", profile, log);
            if (!ReferenceEquals(v, volumes[i]))
            {
                result ??= [.. volumes];
                result[i] = v;
            }
        }

        return result is null ? volumes : new ValueList<Volume>(result);
    }

    private static Volume DefaultVolume(Volume v, string path, Profile profile, ChangeLog log)
    {
        // SetDefaults_Volume
        if (v.HasNoSource)
        {
            v = v with { SourceKind = "emptyDir", EmptyDir = new EmptyDirVolumeSource() };
            log.Add(DefaultingRules.VolumeEmptyDir, path + ".emptyDir", "{}");
        }

        if (v.Image is { PullPolicy.Length: 0 } image && profile.IsEnabled(FeatureGateNames.ImageVolume))
        {
            string policy = ImageReference.ParseTag(image.Reference) == "latest" ? "Always" : "IfNotPresent";
            v = v with { Image = image with { PullPolicy = policy } };
            log.Add(DefaultingRules.ImageVolumePullPolicy, path + ".image.pullPolicy", policy);
        }

        if (v.HostPath is { Type: null } hostPath)
        {
            v = v with { HostPath = hostPath with { Type = "" } };
            log.Add(DefaultingRules.HostPathType, path + ".hostPath.type", "\"\"");
        }

        if (v.Secret is { DefaultMode: null } secret)
        {
            v = v with { Secret = secret with { DefaultMode = DefaultFileMode } };
            log.Add(DefaultingRules.VolumeDefaultMode, path + ".secret.defaultMode", "420");
        }

        if (v.ISCSI is { ISCSIInterface.Length: 0 } iscsi)
        {
            v = v with { ISCSI = iscsi with { ISCSIInterface = "default" } };
            log.Add(DefaultingRules.IscsiInterface, path + ".iscsi.iscsiInterface", "default");
        }

        if (v.RBD is { } rbd)
        {
            v = v with { RBD = DefaultRbd(rbd, path + ".rbd", log) };
        }

        if (v.HasDownwardApi)
        {
            if (v.DownwardApiDefaultMode is null)
            {
                v = v with { DownwardApiDefaultMode = DefaultFileMode };
                log.Add(DefaultingRules.VolumeDefaultMode, path + ".downwardAPI.defaultMode", "420");
            }

            v = v with { DownwardApiItems = DefaultDownwardApiFiles(v.DownwardApiItems, path + ".downwardAPI.items", log) };
        }

        if (v.ConfigMap is { DefaultMode: null } configMap)
        {
            v = v with { ConfigMap = configMap with { DefaultMode = DefaultFileMode } };
            log.Add(DefaultingRules.VolumeDefaultMode, path + ".configMap.defaultMode", "420");
        }

        if (v.AzureDisk is { } azureDisk)
        {
            v = v with { AzureDisk = DefaultAzureDisk(azureDisk, path + ".azureDisk", profile, log) };
        }

        if (v.Projected is { } projected)
        {
            v = v with { Projected = DefaultProjected(projected, path + ".projected", log) };
        }

        if (v.ScaleIO is { } scaleIO)
        {
            if (scaleIO.StorageMode.Length == 0)
            {
                scaleIO = scaleIO with { StorageMode = "ThinProvisioned" };
                log.Add(DefaultingRules.ScaleIoDefaults, path + ".scaleIO.storageMode", "ThinProvisioned");
            }

            if (scaleIO.FSType.Length == 0)
            {
                scaleIO = scaleIO with { FSType = "xfs" };
                log.Add(DefaultingRules.ScaleIoDefaults, path + ".scaleIO.fsType", "xfs");
            }

            v = v with { ScaleIO = scaleIO };
        }

        if (v.Ephemeral is { VolumeClaimTemplate: { } template } ephemeral)
        {
            string specPath = path + ".ephemeral.volumeClaimTemplate.spec";
            var spec = template.Spec;
            if (spec.VolumeMode is null)
            {
                spec = spec with { VolumeMode = "Filesystem" };
                log.Add(DefaultingRules.PvcTemplateVolumeMode, specPath + ".volumeMode", "Filesystem");
            }

            spec = spec with
            {
                Resources = spec.Resources with
                {
                    Limits = RoundUpList(spec.Resources.Limits, specPath + ".resources.limits", log),
                    Requests = RoundUpList(spec.Resources.Requests, specPath + ".resources.requests", log),
                },
            };
            v = v with { Ephemeral = ephemeral with { VolumeClaimTemplate = template with { Spec = spec } } };
        }

        return v;
    }

    private static RBDVolumeSource DefaultRbd(RBDVolumeSource rbd, string path, ChangeLog log)
    {
        if (rbd.RBDPool.Length == 0)
        {
            rbd = rbd with { RBDPool = "rbd" };
            log.Add(DefaultingRules.RbdDefaults, path + ".pool", "rbd");
        }

        if (rbd.RadosUser.Length == 0)
        {
            rbd = rbd with { RadosUser = "admin" };
            log.Add(DefaultingRules.RbdDefaults, path + ".user", "admin");
        }

        if (rbd.Keyring.Length == 0)
        {
            rbd = rbd with { Keyring = "/etc/ceph/keyring" };
            log.Add(DefaultingRules.RbdDefaults, path + ".keyring", "/etc/ceph/keyring");
        }

        return rbd;
    }

    /// <summary>
    /// The first release whose azureDisk defaults are the generated <c>+default</c> tags, in field order (cachingMode,
    /// fsType, readOnly, kind); 1.28–1.30's <c>SetDefaults_AzureDiskVolumeSource</c> sets kind second (DEF-405).
    /// </summary>
    private static readonly KubernetesVersion AzureDiskFieldOrderSince = new(1, 31);

    private static AzureDiskVolumeSource DefaultAzureDisk(AzureDiskVolumeSource disk, string path, Profile profile, ChangeLog log)
    {
        if (disk.CachingMode is null)
        {
            disk = disk with { CachingMode = "ReadWrite" };
            log.Add(DefaultingRules.AzureDiskDefaults, path + ".cachingMode", "ReadWrite");
        }

        bool kindSecond = profile.Version < AzureDiskFieldOrderSince;
        if (kindSecond)
        {
            disk = DefaultAzureDiskKind(disk, path, log);
        }

        if (disk.FSType is null)
        {
            disk = disk with { FSType = "ext4" };
            log.Add(DefaultingRules.AzureDiskDefaults, path + ".fsType", "ext4");
        }

        if (disk.ReadOnly is null)
        {
            disk = disk with { ReadOnly = false };
            log.Add(DefaultingRules.AzureDiskDefaults, path + ".readOnly", "false");
        }

        return kindSecond ? disk : DefaultAzureDiskKind(disk, path, log);
    }

    private static AzureDiskVolumeSource DefaultAzureDiskKind(AzureDiskVolumeSource disk, string path, ChangeLog log)
    {
        if (disk.Kind is not null)
        {
            return disk;
        }

        log.Add(DefaultingRules.AzureDiskDefaults, path + ".kind", "Shared");
        return disk with { Kind = "Shared" };
    }

    private static ProjectedVolumeSource DefaultProjected(ProjectedVolumeSource projected, string path, ChangeLog log)
    {
        if (projected.DefaultMode is null)
        {
            projected = projected with { DefaultMode = DefaultFileMode };
            log.Add(DefaultingRules.VolumeDefaultMode, path + ".defaultMode", "420");
        }

        var sources = projected.Sources;
        for (int j = 0; j < sources.Count; j++)
        {
            var source = sources[j];
            string sourcePath = $"{path}.sources[{j}]";
            if (source.DownwardAPI is { } downward)
            {
                source = source with { DownwardAPI = downward with { Items = DefaultDownwardApiFiles(downward.Items, sourcePath + ".downwardAPI.items", log) } };
            }

            if (source.ServiceAccountToken is { ExpirationSeconds: null } token)
            {
                source = source with { ServiceAccountToken = token with { ExpirationSeconds = 3600 } };
                log.Add(DefaultingRules.ServiceAccountTokenExpiration, sourcePath + ".serviceAccountToken.expirationSeconds", "3600");
            }

            if (!ReferenceEquals(source, sources[j]))
            {
                sources = sources.SetItem(j, source);
            }
        }

        return projected with { Sources = sources };
    }

    /// <summary>DEF-016 in downward API volume files: a fieldRef without apiVersion gets "v1".</summary>
    private static ValueList<DownwardApiVolumeFile> DefaultDownwardApiFiles(ValueList<DownwardApiVolumeFile> items, string path, ChangeLog log)
    {
        for (int k = 0; k < items.Count; k++)
        {
            if (items[k].FieldRef is { ApiVersion.Length: 0 } fieldRef)
            {
                items = items.SetItem(k, items[k] with { FieldRef = fieldRef with { ApiVersion = "v1" } });
                log.Add(DefaultingRules.FieldRefApiVersion, $"{path}[{k}].fieldRef.apiVersion", "v1");
            }
        }

        return items;
    }
}
