using System.Text;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Validation;

/// <summary>
/// <c>ValidateVolumes</c> and <c>validateVolumeSource</c> (kubernetes <c>pkg/apis/core/validation/validation.go</c>):
/// each volume's source first, then its name; a volume with any error is not registered, so mounts and devices that
/// name it report Not found, as upstream. spec/validation.md VAL-060, VAL-600…VAL-634.
/// </summary>
public static partial class PodValidator
{
    private const string MoreThanOneVolumeType = "may not specify more than 1 volume type";

    /// <summary>The volume names of a pod without volumes: shared, so it is only ever read (never add to it).</summary>
    private static readonly HashSet<string> NoVolumes = new(StringComparer.Ordinal);

    /// <summary>
    /// ValidateVolumes (VAL-060): returns the names of the volumes registered (no error) and records them, with their
    /// sources, in <see cref="Context.VolumeSources"/> for the mount and device checks.
    /// </summary>
    private static HashSet<string> ValidateVolumes(Context ctx, ValueList<Volume> volumes, FieldPath path)
    {
        if (volumes.IsEmpty)
        {
            return NoVolumes;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);

        using var _ = ctx.Rule(ValidationRules.VolumesAndMounts);
        var registered = new Dictionary<string, Volume>(StringComparer.Ordinal);
        ctx.VolumeSources = registered;

        // The PVCs this pod's ephemeral volumes create: <pod name>-<volume name> (only when the name is known).
        HashSet<string>? createdPvcs = null;
        if (ctx.PodName.Length != 0)
        {
            foreach (var v in volumes)
            {
                if (v.Ephemeral is not null)
                {
                    (createdPvcs ??= new HashSet<string>(StringComparer.Ordinal)).Add(ctx.PodName + "-" + v.Name);
                }
            }
        }

        for (int i = 0; i < volumes.Count; i++)
        {
            var v = volumes[i];
            var idx = path.Index(i);
            var namePath = idx.Child("name");
            int before = ctx.Count;
            ValidateVolumeSource(ctx, v, idx);

            if (v.Name.Length == 0)
            {
                ctx.Add(FieldError.Required(namePath));
            }
            else
            {
                foreach (string msg in NameRules.Dns1123Label(v.Name, ctx.Version))
                {
                    ctx.Add(FieldError.Invalid(namePath, v.Name, msg));
                }
            }

            if (names.Contains(v.Name))
            {
                ctx.Add(FieldError.Duplicate(namePath, v.Name));
            }

            if (ctx.Count == before)
            {
                names.Add(v.Name);
                registered[v.Name] = v;
            }

            if (v.PersistentVolumeClaim is { } claim && createdPvcs is not null && createdPvcs.Contains(claim.ClaimName))
            {
                ctx.Add(
                    FieldError.Invalid(idx.Child("persistentVolumeClaim", "claimName"), claim.ClaimName, "must not reference a PVC that gets created for an ephemeral volume"),
                    ValidationRules.PvcSource);
            }
        }

        return names;
    }

    /// <summary>
    /// validateVolumeSource (VAL-600): the sources in VolumeSource's declaration order as upstream tests them; the first
    /// one set is validated, every later one is Forbidden at its own path (upstream spells two of those paths
    /// <c>cephFS</c> and <c>downwarAPI</c>); none at all is Required.
    /// </summary>
    private static void ValidateVolumeSource(Context ctx, Volume v, FieldPath path)
    {
        int numVolumes = 0;

        // emptyDir is tested first, so it can never be the extra source.
        if (v.EmptyDir is { } emptyDir)
        {
            numVolumes++;
            ValidateEmptyDir(ctx, emptyDir, path.Child("emptyDir"));
        }

        if (v.HostPath is { } hostPath && OneSource(ctx, ref numVolumes, path, "hostPath"))
        {
            ValidateHostPath(ctx, hostPath, path.Child("hostPath"));
        }

        if (v.GitRepo is { } gitRepo && OneSource(ctx, ref numVolumes, path, "gitRepo"))
        {
            ValidateGitRepo(ctx, gitRepo, path.Child("gitRepo"));
        }

        if (v.GCEPersistentDisk is { } gce && OneSource(ctx, ref numVolumes, path, "gcePersistentDisk"))
        {
            // Upstream validates it under the path "persistentDisk", not the field's name.
            ValidateGcePersistentDisk(ctx, gce, path.Child("persistentDisk"));
        }

        if (v.AWSElasticBlockStore is { } ebs && OneSource(ctx, ref numVolumes, path, "awsElasticBlockStore"))
        {
            ValidateAwsElasticBlockStore(ctx, ebs, path.Child("awsElasticBlockStore"));
        }

        if (v.Secret is { } secret && OneSource(ctx, ref numVolumes, path, "secret"))
        {
            ValidateSecretOrConfigMapVolume(ctx, secret, path.Child("secret"), "secretName");
        }

        if (v.NFS is { } nfs && OneSource(ctx, ref numVolumes, path, "nfs"))
        {
            ValidateNfs(ctx, nfs, path.Child("nfs"));
        }

        if (v.ISCSI is { } iscsi)
        {
            if (OneSource(ctx, ref numVolumes, path, "iscsi"))
            {
                ValidateIscsi(ctx, iscsi, path.Child("iscsi"));
            }

            // Checked whether or not iscsi was the first source.
            if (iscsi.InitiatorName is not null && Encoding.UTF8.GetByteCount(v.Name) + 1 + Encoding.UTF8.GetByteCount(iscsi.TargetPortal) > 64)
            {
                ctx.Add(
                    FieldError.Invalid(path.Child("name"), v.Name, "Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified."),
                    ValidationRules.IscsiSource);
            }
        }

        if (v.Glusterfs is { } glusterfs && OneSource(ctx, ref numVolumes, path, "glusterfs"))
        {
            ValidateGlusterfs(ctx, glusterfs, path.Child("glusterfs"));
        }

        if (v.Flocker is { } flocker && OneSource(ctx, ref numVolumes, path, "flocker"))
        {
            ValidateFlocker(ctx, flocker, path.Child("flocker"));
        }

        if (v.PersistentVolumeClaim is { } pvc && OneSource(ctx, ref numVolumes, path, "persistentVolumeClaim"))
        {
            if (pvc.ClaimName.Length == 0)
            {
                ctx.Add(FieldError.Required(path.Child("persistentVolumeClaim", "claimName")), ValidationRules.PvcSource);
            }
        }

        if (v.RBD is { } rbd && OneSource(ctx, ref numVolumes, path, "rbd"))
        {
            ValidateRbd(ctx, rbd, path.Child("rbd"));
        }

        if (v.Cinder is { } cinder && OneSource(ctx, ref numVolumes, path, "cinder"))
        {
            ValidateCinder(ctx, cinder, path.Child("cinder"));
        }

        if (v.CephFS is { } cephfs && OneSource(ctx, ref numVolumes, path, "cephFS"))
        {
            if (cephfs.Monitors.IsEmpty)
            {
                ctx.Add(FieldError.Required(path.Child("cephfs", "monitors")), ValidationRules.CephFsSource);
            }
        }

        if (v.Quobyte is { } quobyte && OneSource(ctx, ref numVolumes, path, "quobyte"))
        {
            ValidateQuobyte(ctx, quobyte, path.Child("quobyte"));
        }

        if (v.HasDownwardApi && OneSource(ctx, ref numVolumes, path, "downwarAPI"))
        {
            ValidateDownwardApiVolume(ctx, v, path.Child("downwardAPI"));
        }

        if (v.FC is { } fc && OneSource(ctx, ref numVolumes, path, "fc"))
        {
            ValidateFc(ctx, fc, path.Child("fc"));
        }

        if (v.FlexVolume is { } flex && OneSource(ctx, ref numVolumes, path, "flexVolume"))
        {
            ValidateFlexVolume(ctx, flex, path.Child("flexVolume"));
        }

        if (v.ConfigMap is { } configMap && OneSource(ctx, ref numVolumes, path, "configMap"))
        {
            ValidateSecretOrConfigMapVolume(ctx, configMap, path.Child("configMap"), "name");
        }

        if (v.AzureFile is { } azureFile && OneSource(ctx, ref numVolumes, path, "azureFile"))
        {
            ValidateAzureFile(ctx, azureFile, path.Child("azureFile"));
        }

        if (v.VsphereVolume is { } vsphere && OneSource(ctx, ref numVolumes, path, "vsphereVolume"))
        {
            if (vsphere.VolumePath.Length == 0)
            {
                ctx.Add(FieldError.Required(path.Child("vsphereVolume", "volumePath")), ValidationRules.VsphereSource);
            }
        }

        if (v.PhotonPersistentDisk is { } photon && OneSource(ctx, ref numVolumes, path, "photonPersistentDisk"))
        {
            if (photon.PdID.Length == 0)
            {
                ctx.Add(FieldError.Required(path.Child("photonPersistentDisk", "pdID")), ValidationRules.PhotonSource);
            }
        }

        if (v.PortworxVolume is { } portworx && OneSource(ctx, ref numVolumes, path, "portworxVolume"))
        {
            if (portworx.VolumeID.Length == 0)
            {
                ctx.Add(FieldError.Required(path.Child("portworxVolume", "volumeID")), ValidationRules.PortworxSource);
            }
        }

        if (v.AzureDisk is { } azureDisk && OneSource(ctx, ref numVolumes, path, "azureDisk"))
        {
            ValidateAzureDisk(ctx, azureDisk, path.Child("azureDisk"));
        }

        if (v.StorageOS is { } storageos && OneSource(ctx, ref numVolumes, path, "storageos"))
        {
            ValidateStorageOs(ctx, storageos, path.Child("storageos"));
        }

        if (v.Projected is { } projected && OneSource(ctx, ref numVolumes, path, "projected"))
        {
            ValidateProjected(ctx, projected, path.Child("projected"));
        }

        if (v.ScaleIO is { } scaleIO && OneSource(ctx, ref numVolumes, path, "scaleIO"))
        {
            ValidateScaleIo(ctx, scaleIO, path.Child("scaleIO"));
        }

        if (v.CSI is { } csi && OneSource(ctx, ref numVolumes, path, "csi"))
        {
            ValidateCsi(ctx, csi, path.Child("csi"));
        }

        if (v.Ephemeral is { } ephemeral && OneSource(ctx, ref numVolumes, path, "ephemeral"))
        {
            ValidateEphemeral(ctx, ephemeral, v.Name, path);
        }

        // Only reached with the ImageVolume gate on (otherwise the create strategy dropped the volume, DEF-409); 1.31+.
        if (v.Image is { } image && OneSource(ctx, ref numVolumes, path, "image"))
        {
            ValidateImageVolume(ctx, image, path.Child("image"));
        }

        if (numVolumes == 0)
        {
            ctx.Add(FieldError.Required(path, "must specify a volume type"), ValidationRules.VolumeSourceOneOf);
        }
    }

    /// <summary>The first source set counts; each later one is Forbidden at <paramref name="field"/> and not validated.</summary>
    private static bool OneSource(Context ctx, ref int numVolumes, FieldPath path, string field)
    {
        if (numVolumes > 0)
        {
            ctx.Add(FieldError.Forbidden(path.Child(field), MoreThanOneVolumeType), ValidationRules.VolumeSourceOneOf);
            return false;
        }

        numVolumes++;
        return true;
    }
}
