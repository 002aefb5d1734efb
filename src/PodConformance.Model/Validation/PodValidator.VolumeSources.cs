using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Validation;

/// <summary>The checks of the single volume sources, one method each, in validation.go's words (VAL-601…VAL-625, VAL-634).</summary>
public static partial class PodValidator
{
    /// <summary>validation.go's fileModeErrorMsg, shared by every defaultMode/mode check.</summary>
    private const string FileModeErrorMessage = "must be a number between 0 and 0777 (octal), both inclusive";

    /// <summary>
    /// emptyDir.mode (1.37, EmptyDirVolumeMode): emptyDirModeErrorMsg, read in a 1.37 fork copy of validation.go
    /// (spec/validation.md VAL-601).
    /// </summary>
    private const string EmptyDirModeErrorMessage = "must be a number between 0 and 01777 (octal), both inclusive";

    /// <summary>HostPathType values, sorted as <c>sets.List</c> prints them (the unset type is "").</summary>
    private static readonly string[] HostPathTypes = ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"];

    private static readonly string[] AzureCachingModes = ["None", "ReadOnly", "ReadWrite"];

    private static readonly string[] AzureDiskKinds = ["Dedicated", "Managed", "Shared"];

    private static readonly string[] PullPolicies = ["Always", "IfNotPresent", "Never"];

    private static bool IsFileMode(int mode) => mode is >= 0 and <= 511;

    /// <summary>VAL-601: a negative sizeLimit is Forbidden (the medium is not validated); mode only with EmptyDirVolumeMode.</summary>
    private static void ValidateEmptyDir(Context ctx, EmptyDirVolumeSource e, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.EmptyDirSource);
        if (e.SizeLimit is { } size && size.Sign < 0)
        {
            ctx.Add(FieldError.Forbidden(path.Child("sizeLimit"), "SizeLimit field must be a valid resource quantity"));
        }

        // Without the gate the create strategy has dropped the field (DEF-409; 1.37 only, the field does not decode before).
        if (e.Mode is int mode && mode is < 0 or > 1023)
        {
            ctx.Add(FieldError.Invalid(path.Child("mode"), mode, EmptyDirModeErrorMessage));
        }
    }

    /// <summary>VAL-602: path Required (and nothing else checked), no '..' element, type one of the HostPathTypes.</summary>
    private static void ValidateHostPath(Context ctx, HostPathVolumeSource h, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.HostPathSource);
        if (h.Path.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("path")));
            return;
        }

        ValidatePathNoBacksteps(ctx, h.Path, path.Child("path"));
        if (h.Type is { } type && Array.IndexOf(HostPathTypes, type) < 0)
        {
            ctx.Add(FieldError.NotSupported(path.Child("type"), GoValues.NamedString(type, ctx.Version), HostPathTypes));
        }
    }

    /// <summary>VAL-603: repository Required; directory relative and without '..' elements (empty is fine).</summary>
    private static void ValidateGitRepo(Context ctx, GitRepoVolumeSource g, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.GitRepoSource);
        if (g.Repository.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("repository")));
        }

        ValidateLocalDescendingPath(ctx, g.Directory, path.Child("directory"));
    }

    /// <summary>
    /// VAL-604: pdName Required; partition outside 0..255 is Invalid with upstream's pdPartitionErrorMsg, which says
    /// "between 1 and 255" although 0 passes.
    /// </summary>
    private static void ValidateGcePersistentDisk(Context ctx, GCEPersistentDiskVolumeSource pd, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.DiskPartitionSources);
        if (pd.PDName.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("pdName")));
        }

        if (pd.Partition is < 0 or > 255)
        {
            ctx.Add(FieldError.Invalid(path.Child("partition"), pd.Partition, NameRules.InclusiveRangeError(1, 255)));
        }
    }

    private static void ValidateAwsElasticBlockStore(Context ctx, AWSElasticBlockStoreVolumeSource pd, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.DiskPartitionSources);
        if (pd.VolumeID.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("volumeID")));
        }

        if (pd.Partition is < 0 or > 255)
        {
            ctx.Add(FieldError.Invalid(path.Child("partition"), pd.Partition, NameRules.InclusiveRangeError(1, 255)));
        }
    }

    /// <summary>VAL-605: validateSecretVolumeSource / validateConfigMapVolumeSource: name Required, defaultMode, items.</summary>
    private static void ValidateSecretOrConfigMapVolume(Context ctx, ObjectReference source, FieldPath path, string nameField)
    {
        using (ctx.Rule(ValidationRules.SecretConfigMapSources))
        {
            if (source.Name.Length == 0)
            {
                ctx.Add(FieldError.Required(path.Child(nameField)));
            }

            if (source.DefaultMode is int mode && !IsFileMode(mode))
            {
                ctx.Add(FieldError.Invalid(path.Child("defaultMode"), mode, FileModeErrorMessage));
            }
        }

        ValidateUserField(ctx, source.DefaultUser, path.Child("defaultUser"));
        var itemsPath = path.Child("items");
        for (int i = 0; i < source.Items.Count; i++)
        {
            ValidateKeyToPath(ctx, source.Items[i], itemsPath.Index(i));
        }
    }

    /// <summary>VAL-606: key Required, path Required and a local non-reserved path, mode 0..0777.</summary>
    private static void ValidateKeyToPath(Context ctx, KeyToPath kp, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.KeyToPath);
        if (kp.Key.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("key")));
        }

        var pathPath = path.Child("path");
        if (kp.Path.Length == 0)
        {
            ctx.Add(FieldError.Required(pathPath));
        }

        ValidateLocalNonReservedPath(ctx, kp.Path, pathPath);
        if (kp.Mode is int mode && !IsFileMode(mode))
        {
            ctx.Add(FieldError.Invalid(path.Child("mode"), mode, FileModeErrorMessage));
        }

        ValidateUserField(ctx, kp.User, path.Child("user"));
    }

    /// <summary>VAL-607: server and path Required; the path must be absolute (an empty one gets both errors).</summary>
    private static void ValidateNfs(Context ctx, NFSVolumeSource nfs, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.NfsSource);
        if (nfs.Server.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("server")));
        }

        if (nfs.Path.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("path")));
        }

        if (!nfs.Path.StartsWith('/'))
        {
            ctx.Add(FieldError.Invalid(path.Child("path"), nfs.Path, "must be an absolute path"));
        }
    }

    /// <summary>
    /// VAL-608: targetPortal and iqn Required; iqn and initiatorName in iqn/eui/naa form; lun 0..255; CHAP needs a
    /// secretRef. Portals are not validated upstream.
    /// </summary>
    private static void ValidateIscsi(Context ctx, ISCSIVolumeSource iscsi, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.IscsiSource);
        if (iscsi.TargetPortal.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("targetPortal")));
        }

        var iqnPath = path.Child("iqn");
        if (iscsi.IQN.Length == 0)
        {
            ctx.Add(FieldError.Required(iqnPath));
        }
        else if (!IscsiNames.HasKnownPrefix(iscsi.IQN))
        {
            ctx.Add(FieldError.Invalid(iqnPath, iscsi.IQN, "must be valid format starting with iqn, eui, or naa"));
        }
        else if (!IscsiNames.MatchesItsFormat(iscsi.IQN))
        {
            ctx.Add(FieldError.Invalid(iqnPath, iscsi.IQN, "must be valid format"));
        }

        if (iscsi.Lun is < 0 or > 255)
        {
            ctx.Add(FieldError.Invalid(path.Child("lun"), iscsi.Lun, NameRules.InclusiveRangeError(0, 255)));
        }

        if ((iscsi.DiscoveryCHAPAuth || iscsi.SessionCHAPAuth) && iscsi.SecretRef is null)
        {
            ctx.Add(FieldError.Required(path.Child("secretRef")));
        }

        if (iscsi.InitiatorName is { } initiator)
        {
            // Upstream's path is lower-case "initiatorname"; a name without a known prefix gets only the first error.
            var initiatorPath = path.Child("initiatorname");
            if (!IscsiNames.HasKnownPrefix(initiator))
            {
                ctx.Add(FieldError.Invalid(initiatorPath, initiator, "must be valid format starting with iqn, eui, or naa"));
            }
            else if (!IscsiNames.MatchesItsFormat(initiator))
            {
                ctx.Add(FieldError.Invalid(initiatorPath, initiator, "must be valid format"));
            }
        }
    }

    private static void ValidateGlusterfs(Context ctx, GlusterfsVolumeSource g, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.GlusterfsSource);
        if (g.EndpointsName.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("endpoints")));
        }

        if (g.Path.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("path")));
        }
    }

    /// <summary>VAL-615: exactly one of datasetName and datasetUUID (errors at the source path); no '/' in the name.</summary>
    private static void ValidateFlocker(Context ctx, FlockerVolumeSource f, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.FlockerSource);
        if (f.DatasetName.Length == 0 && f.DatasetUUID.Length == 0)
        {
            ctx.Add(FieldError.Required(path, "one of datasetName and datasetUUID is required"));
        }

        if (f.DatasetName.Length != 0 && f.DatasetUUID.Length != 0)
        {
            ctx.Add(FieldError.Invalid(path, "resource", "datasetName and datasetUUID can not be specified simultaneously"));
        }

        if (f.DatasetName.Contains('/', StringComparison.Ordinal))
        {
            ctx.Add(FieldError.Invalid(path.Child("datasetName"), f.DatasetName, "must not contain '/'"));
        }
    }

    private static void ValidateRbd(Context ctx, RBDVolumeSource rbd, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.RbdSource);
        if (rbd.CephMonitors.IsEmpty)
        {
            ctx.Add(FieldError.Required(path.Child("monitors")));
        }

        if (rbd.RBDImage.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("image")));
        }
    }

    private static void ValidateCinder(Context ctx, CinderVolumeSource cd, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.CinderSource);
        if (cd.VolumeID.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("volumeID")));
        }

        if (cd.SecretRef is { Name.Length: 0 })
        {
            ctx.Add(FieldError.Required(path.Child("secretRef", "name")));
        }
    }

    /// <summary>
    /// VAL-612: driver Required; option keys may not be in the kubernetes.io or k8s.io namespaces (upstream iterates
    /// the map in random order; the model in ordinal key order).
    /// </summary>
    private static void ValidateFlexVolume(Context ctx, FlexVolumeSource fv, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.FlexVolumeSource);
        if (fv.Driver.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("driver")));
        }

        foreach (var (key, _) in fv.Options)
        {
            int slash = key.IndexOf('/', StringComparison.Ordinal);
            string ns = slash >= 0 ? key[..slash] : key;
            string normalized = "." + ns.ToLowerInvariant();
            if (normalized.EndsWith(".kubernetes.io", StringComparison.Ordinal) || normalized.EndsWith(".k8s.io", StringComparison.Ordinal))
            {
                ctx.Add(FieldError.Invalid(path.Child("options").Key(key), key, "kubernetes.io and k8s.io namespaces are reserved"));
            }
        }
    }

    /// <summary>VAL-616: targetWWNs or wwids (not both, not neither); lun required with targetWWNs and 0..255.</summary>
    private static void ValidateFc(Context ctx, FCVolumeSource fc, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.FcSource);
        var wwnsPath = path.Child("targetWWNs");
        if (fc.TargetWWNs.IsEmpty && fc.WWIDs.IsEmpty)
        {
            ctx.Add(FieldError.Required(wwnsPath, "must specify either targetWWNs or wwids, but not both"));
        }

        if (!fc.TargetWWNs.IsEmpty && !fc.WWIDs.IsEmpty)
        {
            ctx.Add(FieldError.Invalid(wwnsPath, GoValues.StringSlice(fc.TargetWWNs, ctx.Version), "targetWWNs and wwids can not be specified simultaneously"));
        }

        if (!fc.TargetWWNs.IsEmpty)
        {
            if (fc.Lun is not int lun)
            {
                ctx.Add(FieldError.Required(path.Child("lun"), "lun is required if targetWWNs is specified"));
            }
            else if (lun is < 0 or > 255)
            {
                ctx.Add(FieldError.Invalid(path.Child("lun"), lun, NameRules.InclusiveRangeError(0, 255)));
            }
        }
    }

    private static void ValidateAzureFile(Context ctx, AzureFileVolumeSource azure, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.AzureFileSource);
        if (azure.SecretName.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("secretName")));
        }

        if (azure.ShareName.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("shareName")));
        }
    }

    /// <summary>
    /// VAL-619: registry Required; else a tenant of 65+ bytes is "Required" (sic) and the registry is not parsed; else
    /// each comma-separated registry must split as Go's net.SplitHostPort does (one error per bad pair); volume Required.
    /// </summary>
    private static void ValidateQuobyte(Context ctx, QuobyteVolumeSource q, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.QuobyteSource);
        const string registryDetail = "must be a host:port pair or multiple pairs separated by commas";
        var registryPath = path.Child("registry");
        if (q.Registry.Length == 0)
        {
            ctx.Add(FieldError.Required(registryPath, registryDetail));
        }
        else if (System.Text.Encoding.UTF8.GetByteCount(q.Tenant) >= 65)
        {
            ctx.Add(FieldError.Required(path.Child("tenant"), "must be a UUID and may not exceed a length of 64 characters"));
        }
        else
        {
            foreach (string pair in q.Registry.Split(','))
            {
                if (!GoNet.SplitsAsHostPort(pair))
                {
                    ctx.Add(FieldError.Invalid(registryPath, q.Registry, registryDetail));
                }
            }
        }

        if (q.Volume.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("volume")));
        }
    }

    /// <summary>
    /// VAL-620: diskName and diskURI Required; cachingMode and kind from their sets; a Managed disk's URI must start
    /// with "/subscriptions/", any other kind's with "https://" (kind is defaulted to Shared, so an empty URI gets both
    /// the Required and the NotSupported error on a defaulted pod).
    /// </summary>
    private static void ValidateAzureDisk(Context ctx, AzureDiskVolumeSource azure, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.AzureDiskSource);
        if (azure.DiskName.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("diskName")));
        }

        var uriPath = path.Child("diskURI");
        if (azure.DataDiskURI.Length == 0)
        {
            ctx.Add(FieldError.Required(uriPath));
        }

        if (azure.CachingMode is { } caching && Array.IndexOf(AzureCachingModes, caching) < 0)
        {
            ctx.Add(FieldError.NotSupported(path.Child("cachingMode"), GoValues.NamedString(caching, ctx.Version), AzureCachingModes));
        }

        if (azure.Kind is { } kind)
        {
            if (Array.IndexOf(AzureDiskKinds, kind) < 0)
            {
                ctx.Add(FieldError.NotSupported(path.Child("kind"), GoValues.NamedString(kind, ctx.Version), AzureDiskKinds));
            }

            if (kind == "Managed" && !azure.DataDiskURI.StartsWith("/subscriptions/", StringComparison.Ordinal))
            {
                ctx.Add(FieldError.NotSupported(uriPath, azure.DataDiskURI, "/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}"));
            }

            if (kind != "Managed" && !azure.DataDiskURI.StartsWith("https://", StringComparison.Ordinal))
            {
                ctx.Add(FieldError.NotSupported(uriPath, azure.DataDiskURI, "https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd"));
            }
        }
    }

    private static void ValidateScaleIo(Context ctx, ScaleIOVolumeSource sio, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.ScaleIoSource);
        if (sio.Gateway.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("gateway")));
        }

        if (sio.System.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("system")));
        }

        if (sio.VolumeName.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("volumeName")));
        }
    }

    /// <summary>VAL-624: volumeName Required else a DNS label; volumeNamespace a DNS label when set; secretRef.name Required.</summary>
    private static void ValidateStorageOs(Context ctx, StorageOSVolumeSource s, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.StorageOsSource);
        var namePath = path.Child("volumeName");
        if (s.VolumeName.Length == 0)
        {
            ctx.Add(FieldError.Required(namePath));
        }
        else
        {
            foreach (string msg in NameRules.Dns1123Label(s.VolumeName, ctx.Version))
            {
                ctx.Add(FieldError.Invalid(namePath, s.VolumeName, msg));
            }
        }

        if (s.VolumeNamespace.Length != 0)
        {
            foreach (string msg in NameRules.Dns1123Label(s.VolumeNamespace, ctx.Version))
            {
                ctx.Add(FieldError.Invalid(path.Child("volumeNamespace"), s.VolumeNamespace, msg));
            }
        }

        if (s.SecretRef is { Name.Length: 0 })
        {
            ctx.Add(FieldError.Required(path.Child("secretRef", "name")));
        }
    }

    /// <summary>
    /// VAL-625: ValidateCSIDriverName (Required, at most 63 bytes, the lower-cased name a DNS subdomain); nodePublishSecretRef.name
    /// Required, else a DNS subdomain reported at the odd upstream path <c>csi.name</c>. An empty driver: up to 1.34 Required and
    /// the subdomain error (no early return, v1.34.1); from 1.35 Required alone, as ValidateCSIDriverName returns right after it
    /// (v1.35.0, v1.35.4 and U37, rewritten for declarative validation).
    /// </summary>
    private static void ValidateCsi(Context ctx, CSIVolumeSource csi, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.CsiSource);
        var driverPath = path.Child("driver");
        if (csi.Driver.Length == 0)
        {
            ctx.Add(FieldError.Required(driverPath));
        }

        if (csi.Driver.Length > 0 || ctx.Version < CsiEmptyDriverRequiredOnlySince)
        {
            ValidateCsiDriverNameForm(ctx, csi.Driver, driverPath);
        }

        if (csi.NodePublishSecretRef is { } secretRef)
        {
            if (secretRef.Name.Length == 0)
            {
                ctx.Add(FieldError.Required(path.Child("nodePublishSecretRef", "name")));
            }
            else
            {
                foreach (string msg in NameRules.NameIsDnsSubdomain(secretRef.Name, prefix: false))
                {
                    ctx.Add(FieldError.Invalid(path.Child("name"), secretRef.Name, msg));
                }
            }
        }
    }

    /// <summary>The release from which ValidateCSIDriverName returns after Required for an empty driver (VAL-625).</summary>
    private static readonly KubernetesVersion CsiEmptyDriverRequiredOnlySince = new(1, 35);

    /// <summary>ValidateCSIDriverName's length and subdomain checks, in that order.</summary>
    private static void ValidateCsiDriverNameForm(Context ctx, string driver, FieldPath driverPath)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(driver) > 63)
        {
            ctx.Add(FieldError.TooLong(driverPath, 63, ctx.Version));
        }

        foreach (string msg in NameRules.Dns1123Subdomain(driver.ToLowerInvariant()))
        {
            ctx.Add(FieldError.Invalid(driverPath, driver, msg));
        }
    }

    /// <summary>
    /// VAL-634 (ImageVolume, 1.31+): on a Pod the reference is Required; pullPolicy Required / Always, IfNotPresent,
    /// Never (defaulting fills it on a Pod).
    /// </summary>
    private static void ValidateImageVolume(Context ctx, ImageVolumeSource image, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.ImageSource);
        if (image.Reference.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("reference")));
        }

        var policyPath = path.Child("pullPolicy");
        switch (image.PullPolicy)
        {
            case "Always":
            case "IfNotPresent":
            case "Never":
                break;
            case "":
                ctx.Add(FieldError.Required(policyPath));
                break;
            default:
                ctx.Add(FieldError.NotSupported(policyPath, GoValues.NamedString(image.PullPolicy, ctx.Version), PullPolicies));
                break;
        }
    }

    /// <summary>validateLocalDescendingPath: not absolute (Go's path.IsAbs: a leading '/'), then no '..' element.</summary>
    private static void ValidateLocalDescendingPath(Context ctx, string target, FieldPath path)
    {
        if (target.StartsWith('/'))
        {
            ctx.Add(FieldError.Invalid(path, target, "must be a relative path"));
        }

        ValidatePathNoBacksteps(ctx, target, path);
    }

    /// <summary>validatePathNoBacksteps: one error however many '..' elements the '/'-separated path has.</summary>
    private static void ValidatePathNoBacksteps(Context ctx, string target, FieldPath path)
    {
        int start = 0;
        while (start <= target.Length)
        {
            int end = target.IndexOf('/', start);
            if (end < 0)
            {
                end = target.Length;
            }

            if (end - start == 2 && target[start] == '.' && target[start + 1] == '.')
            {
                ctx.Add(FieldError.Invalid(path, target, "must not contain '..'"));
                return;
            }

            start = end + 1;
        }
    }

    /// <summary>ValidateLocalNonReservedPath: a local descending path that also does not start with ".." (unless "../", already reported).</summary>
    private static void ValidateLocalNonReservedPath(Context ctx, string target, FieldPath path)
    {
        ValidateLocalDescendingPath(ctx, target, path);
        if (target.StartsWith("..", StringComparison.Ordinal) && !target.StartsWith("../", StringComparison.Ordinal))
        {
            ctx.Add(FieldError.Invalid(path, target, "must not start with '..'"));
        }
    }

    /// <summary>
    /// validateUserField (VAL-709): an AtomicWriteVolumeUserFields owner UID (1.37 alpha: the volume <c>defaultUser</c>s and
    /// the item and projection <c>user</c>s), when set, per IsValidUserID: 0..2147483647. Without the gate the create
    /// strategy has dropped them (DEF-409).
    /// </summary>
    private static void ValidateUserField(Context ctx, long? user, FieldPath path)
    {
        if (user is long uid)
        {
            using var _ = ctx.Rule(ValidationRules.VolumeUserFields);
            if (!IsValidId(uid))
            {
                ctx.Add(FieldError.Invalid(path, uid, RangeMessage));
            }
        }
    }
}
