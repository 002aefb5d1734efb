using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Describe;

/// <summary>
/// describe.go <c>describeVolumes</c> (DESC-031…036): each volume's name, then its source as the first set member in
/// describe's switch order prints it. Where kubectl would dereference an unset pointer, the gap is named in
/// <see cref="DescribeWriter.NotRendered"/> instead (DESC-003).
/// </summary>
internal static class DescribeVolumes
{
    public static void Write(DescribeWriter w, ValueList<Volume> volumes, Profile kubectl)
    {
        if (volumes.IsEmpty)
        {
            w.Write(DescribeWriter.Level0, "Volumes:\t<none>\n");
            return;
        }

        w.Write(DescribeWriter.Level0, "Volumes:\n");
        foreach (var v in volumes)
        {
            w.Write(DescribeWriter.Level1, v.Name + ":\n");
            WriteSource(w, v, kubectl);
        }
    }

    private static void WriteSource(DescribeWriter w, Volume v, Profile kubectl)
    {
        const int L2 = DescribeWriter.Level2;
        if (v.HostPath is { } hostPath)
        {
            w.Write(L2, "Type:\tHostPath (bare host directory volume)\n    Path:\t" + hostPath.Path + "\n    HostPathType:\t" + (hostPath.Type ?? "<none>") + "\n");
        }
        else if (v.EmptyDir is { } emptyDir)
        {
            string sizeLimit = emptyDir.SizeLimit is { Sign: > 0 } size ? size.ToCanonicalString() : "<unset>";
            w.Write(L2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t" + emptyDir.Medium + "\n    SizeLimit:\t" + sizeLimit + "\n");
        }
        else if (v.GCEPersistentDisk is { } gce)
        {
            w.Write(L2, "Type:\tGCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)\n    PDName:\t" + gce.PDName + "\n    FSType:\t" + gce.FSType
                + "\n    Partition:\t" + GoText.Int(gce.Partition) + "\n    ReadOnly:\t" + GoText.Bool(gce.ReadOnly) + "\n");
        }
        else if (v.AWSElasticBlockStore is { } aws)
        {
            w.Write(L2, "Type:\tAWSElasticBlockStore (a Persistent Disk resource in AWS)\n    VolumeID:\t" + aws.VolumeID + "\n    FSType:\t" + aws.FSType
                + "\n    Partition:\t" + GoText.Int(aws.Partition) + "\n    ReadOnly:\t" + GoText.Bool(aws.ReadOnly) + "\n");
        }
        else if (v.GitRepo is { } git)
        {
            w.Write(L2, "Type:\tGitRepo (a volume that is pulled from git when the pod is created)\n    Repository:\t" + git.Repository + "\n    Revision:\t" + git.Revision + "\n");
        }
        else if (v.Secret is { } secret)
        {
            w.Write(L2, "Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t" + secret.Name + "\n    Optional:\t" + GoText.Bool(secret.Optional == true) + "\n");
        }
        else if (v.ConfigMap is { } configMap)
        {
            w.Write(L2, "Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t" + configMap.Name + "\n    Optional:\t" + GoText.Bool(configMap.Optional == true) + "\n");
        }
        else if (v.NFS is { } nfs)
        {
            w.Write(L2, "Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t" + nfs.Server + "\n    Path:\t" + nfs.Path + "\n    ReadOnly:\t" + GoText.Bool(nfs.ReadOnly) + "\n");
        }
        else if (v.ISCSI is { } iscsi)
        {
            // "ISCSIInterface" has no colon in describe.go.
            w.Write(L2, "Type:\tISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)\n    TargetPortal:\t"
                + iscsi.TargetPortal + "\n    IQN:\t" + iscsi.IQN + "\n    Lun:\t" + GoText.Int(iscsi.Lun) + "\n    ISCSIInterface\t" + iscsi.ISCSIInterface
                + "\n    FSType:\t" + iscsi.FSType + "\n    ReadOnly:\t" + GoText.Bool(iscsi.ReadOnly) + "\n    Portals:\t" + GoText.Slice(iscsi.Portals)
                + "\n    DiscoveryCHAPAuth:\t" + GoText.Bool(iscsi.DiscoveryCHAPAuth) + "\n    SessionCHAPAuth:\t" + GoText.Bool(iscsi.SessionCHAPAuth)
                + "\n    SecretRef:\t" + SecretRef(iscsi.SecretRef) + "\n    InitiatorName:\t" + (iscsi.InitiatorName ?? "<none>") + "\n");
        }
        else if (v.Glusterfs is { } gluster)
        {
            w.Write(L2, "Type:\tGlusterfs (a Glusterfs mount on the host that shares a pod's lifetime)\n    EndpointsName:\t" + gluster.EndpointsName + "\n    Path:\t" + gluster.Path
                + "\n    ReadOnly:\t" + GoText.Bool(gluster.ReadOnly) + "\n");
        }
        else if (v.PersistentVolumeClaim is { } claim)
        {
            w.Write(L2, "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t" + claim.ClaimName
                + "\n    ReadOnly:\t" + GoText.Bool(claim.ReadOnly) + "\n");
        }
        else if (v.Ephemeral is { } ephemeral)
        {
            w.Write(L2, "Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n");
            if (ephemeral.VolumeClaimTemplate is { } template)
            {
                DescribeClaimTemplate.Write(w, template);
            }
        }
        else if (v.RBD is { } rbd)
        {
            w.Write(L2, "Type:\tRBD (a Rados Block Device mount on the host that shares a pod's lifetime)\n    CephMonitors:\t" + GoText.Slice(rbd.CephMonitors)
                + "\n    RBDImage:\t" + rbd.RBDImage + "\n    FSType:\t" + rbd.FSType + "\n    RBDPool:\t" + rbd.RBDPool + "\n    RadosUser:\t" + rbd.RadosUser
                + "\n    Keyring:\t" + rbd.Keyring + "\n    SecretRef:\t" + SecretRef(rbd.SecretRef) + "\n    ReadOnly:\t" + GoText.Bool(rbd.ReadOnly) + "\n");
        }
        else if (v.Quobyte is { } quobyte)
        {
            w.Write(L2, "Type:\tQuobyte (a Quobyte mount on the host that shares a pod's lifetime)\n    Registry:\t" + quobyte.Registry + "\n    Volume:\t" + quobyte.Volume
                + "\n    ReadOnly:\t" + GoText.Bool(quobyte.ReadOnly) + "\n");
        }
        else if (v.HasDownwardApi)
        {
            w.Write(L2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
            WriteDownwardItems(w, v.DownwardApiItems);
        }
        else if (v.AzureDisk is { } azure)
        {
            if (azure is { Kind: { } kind, FSType: { } fsType, CachingMode: { } caching, ReadOnly: { } readOnly })
            {
                // "Kind: " keeps describe.go's space before the tab.
                w.Write(L2, "Type:\tAzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)\n    DiskName:\t" + azure.DiskName + "\n    DiskURI:\t"
                    + azure.DataDiskURI + "\n    Kind: \t" + kind + "\n    FSType:\t" + fsType + "\n    CachingMode:\t" + caching + "\n    ReadOnly:\t" + GoText.Bool(readOnly) + "\n");
            }
            else
            {
                w.NotRendered.Add("volume " + v.Name + ": azureDisk kind, fsType, cachingMode or readOnly unset (not defaulted), where kubectl dereferences a nil pointer");
            }
        }
        else if (v.VsphereVolume is { } vsphere)
        {
            w.Write(L2, "Type:\tvSphereVolume (a Persistent Disk resource in vSphere)\n    VolumePath:\t" + vsphere.VolumePath + "\n    FSType:\t" + vsphere.FSType
                + "\n    StoragePolicyName:\t" + vsphere.StoragePolicyName + "\n");
        }
        else if (v.Cinder is { } cinder)
        {
            w.Write(L2, "Type:\tCinder (a Persistent Disk resource in OpenStack)\n    VolumeID:\t" + cinder.VolumeID + "\n    FSType:\t" + cinder.FSType
                + "\n    ReadOnly:\t" + GoText.Bool(cinder.ReadOnly) + "\n    SecretRef:\t" + SecretRef(cinder.SecretRef) + "\n");
        }
        else if (v.PhotonPersistentDisk is { } photon)
        {
            w.Write(L2, "Type:\tPhotonPersistentDisk (a Persistent Disk resource in photon platform)\n    PdID:\t" + photon.PdID + "\n    FSType:\t" + photon.FSType + "\n");
        }
        else if (v.PortworxVolume is { } portworx)
        {
            w.Write(L2, "Type:\tPortworxVolume (a Portworx Volume resource)\n    VolumeID:\t" + portworx.VolumeID + "\n");
        }
        else if (v.ScaleIO is { } sio)
        {
            w.Write(L2, "Type:\tScaleIO (a persistent volume backed by a block device in ScaleIO)\n    Gateway:\t" + sio.Gateway + "\n    System:\t" + sio.System
                + "\n    Protection Domain:\t" + sio.ProtectionDomain + "\n    Storage Pool:\t" + sio.StoragePool + "\n    Storage Mode:\t" + sio.StorageMode
                + "\n    VolumeName:\t" + sio.VolumeName + "\n    FSType:\t" + sio.FSType + "\n    ReadOnly:\t" + GoText.Bool(sio.ReadOnly) + "\n");
        }
        else if (v.CephFS is { } ceph)
        {
            w.Write(L2, "Type:\tCephFS (a CephFS mount on the host that shares a pod's lifetime)\n    Monitors:\t" + GoText.Slice(ceph.Monitors) + "\n    Path:\t" + ceph.Path
                + "\n    User:\t" + ceph.User + "\n    SecretFile:\t" + ceph.SecretFile + "\n    SecretRef:\t" + SecretRef(ceph.SecretRef)
                + "\n    ReadOnly:\t" + GoText.Bool(ceph.ReadOnly) + "\n");
        }
        else if (v.StorageOS is { } storageos)
        {
            w.Write(L2, "Type:\tStorageOS (a StorageOS Persistent Disk resource)\n    VolumeName:\t" + storageos.VolumeName + "\n    VolumeNamespace:\t" + storageos.VolumeNamespace
                + "\n    FSType:\t" + storageos.FSType + "\n    ReadOnly:\t" + GoText.Bool(storageos.ReadOnly) + "\n");
        }
        else if (v.FC is { } fc)
        {
            w.Write(L2, "Type:\tFC (a Fibre Channel disk)\n    TargetWWNs:\t" + string.Join(", ", fc.TargetWWNs) + "\n    LUN:\t" + (fc.Lun is { } lun ? GoText.Int(lun) : "<none>")
                + "\n    FSType:\t" + fc.FSType + "\n    ReadOnly:\t" + GoText.Bool(fc.ReadOnly) + "\n");
        }
        else if (v.AzureFile is { } azureFile)
        {
            w.Write(L2, "Type:\tAzureFile (an Azure File Service mount on the host and bind mount to the pod)\n    SecretName:\t" + azureFile.SecretName
                + "\n    ShareName:\t" + azureFile.ShareName + "\n    ReadOnly:\t" + GoText.Bool(azureFile.ReadOnly) + "\n");
        }
        else if (v.FlexVolume is { } flex)
        {
            w.Write(L2, "Type:\tFlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)\n    Driver:\t" + flex.Driver
                + "\n    FSType:\t" + flex.FSType + "\n    SecretRef:\t" + SecretRef(flex.SecretRef) + "\n    ReadOnly:\t" + GoText.Bool(flex.ReadOnly)
                + "\n    Options:\t" + GoText.Map(flex.Options) + "\n");
        }
        else if (v.Flocker is { } flocker)
        {
            w.Write(L2, "Type:\tFlocker (a Flocker volume mounted by the Flocker agent)\n    DatasetName:\t" + flocker.DatasetName + "\n    DatasetUUID:\t" + flocker.DatasetUUID + "\n");
        }
        else if (v.Projected is { } projected)
        {
            WriteProjected(w, projected, kubectl);
        }
        else if (v.CSI is { } csi)
        {
            WriteCsi(w, csi);
        }
        else if (v.Image is { } image && kubectl.Version >= new KubernetesVersion(1, 32))
        {
            w.Write(L2, "Type:\tImage (a container image or OCI artifact)\n    Reference:\t" + image.Reference + "\n    PullPolicy:\t" + image.PullPolicy + "\n");
        }
        else
        {
            // No source (or an image volume before kubectl 1.32 knew the kind): describe's default case.
            w.Write(DescribeWriter.Level1, "<unknown>\n");
        }
    }

    /// <summary><c>%v</c> of a <c>*LocalObjectReference</c>: <c>&lt;nil&gt;</c>, or the struct behind it, <c>&amp;{NAME}</c>.</summary>
    private static string SecretRef(LocalObjectReference? reference) => reference is null ? "<nil>" : "&{" + reference.Name + "}";

    private static void WriteDownwardItems(DescribeWriter w, ValueList<DownwardApiVolumeFile> items)
    {
        foreach (var item in items)
        {
            if (item.FieldRef is { } field)
            {
                w.Write(DescribeWriter.Level3, field.FieldPath + " -> " + item.Path + "\n");
            }

            if (item.ResourceFieldRef is { } resource)
            {
                w.Write(DescribeWriter.Level3, resource.Resource + " -> " + item.Path + "\n");
            }
        }
    }

    /// <summary>
    /// DESC-033 <c>printProjectedVolumeSource</c>: per source, secret, else downward API, else config map, else token (a
    /// cluster trust bundle or pod certificate source prints nothing). kubectl 1.33 printed Optional as <c>true/false</c>;
    /// before, <c>SecretOptionalName</c>/<c>ConfigMapOptional</c> with the <c>*bool</c> itself (<c>&lt;nil&gt;</c> when unset).
    /// </summary>
    private static void WriteProjected(DescribeWriter w, ProjectedVolumeSource projected, Profile kubectl)
    {
        const int L2 = DescribeWriter.Level2;
        bool plainOptional = kubectl.Version >= new KubernetesVersion(1, 33);
        w.Write(L2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
        foreach (var source in projected.Sources)
        {
            if (source.Secret is { } secret)
            {
                w.Write(L2, "SecretName:\t" + secret.Name + "\n"
                    + (plainOptional ? "    Optional:\t" + GoText.Bool(secret.Optional == true) : "    SecretOptionalName:\t" + GoText.BoolPointer(secret.Optional)) + "\n");
            }
            else if (source.DownwardAPI is not null)
            {
                w.Write(L2, "DownwardAPI:\ttrue\n");
            }
            else if (source.ConfigMap is { } configMap)
            {
                w.Write(L2, "ConfigMapName:\t" + configMap.Name + "\n"
                    + (plainOptional ? "    Optional:\t" + GoText.Bool(configMap.Optional == true) : "    ConfigMapOptional:\t" + GoText.BoolPointer(configMap.Optional)) + "\n");
            }
            else if (source.ServiceAccountToken is { } token)
            {
                if (token.ExpirationSeconds is { } seconds)
                {
                    w.Write(L2, "TokenExpirationSeconds:\t" + GoText.Int(seconds) + "\n");
                }
                else
                {
                    w.NotRendered.Add("TokenExpirationSeconds: unset (not defaulted), where kubectl dereferences a nil pointer");
                }
            }
        }
    }

    /// <summary>DESC-034 <c>printCSIVolumeSource</c> with its attributes (continuation lines carry describe's doubled indent).</summary>
    private static void WriteCsi(DescribeWriter w, CSIVolumeSource csi)
    {
        const int L2 = DescribeWriter.Level2;
        w.Write(L2, "Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t" + csi.Driver + "\n    FSType:\t" + (csi.FSType ?? "")
            + "\n    ReadOnly:\t" + GoText.Bool(csi.ReadOnly == true) + "\n");
        w.Write(L2, "VolumeAttributes:\t");
        if (csi.VolumeAttributes.IsEmpty)
        {
            w.WriteLine("<none>");
            return;
        }

        bool first = true;
        foreach (var (key, value) in csi.VolumeAttributes)
        {
            if (!first)
            {
                w.Write(L2, "");
                w.Write(L2, "\t");
            }

            first = false;
            string line = key + "=" + value;
            w.Write(L2, GoText.ByteLength(line) > DescribeMultiline.MaxAnnotationLength ? GoText.ByteSlice(line, DescribeMultiline.MaxAnnotationLength) + "...\n" : line + "\n");
        }
    }
}
