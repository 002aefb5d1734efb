namespace PodConformance.Model.Api;

/// <summary>Which <c>VolumeSource</c> members a volume sets: Go's pointers, so presence is what the API server sees.</summary>
public sealed partial record Volume
{
    /// <summary>
    /// No source member is set (<c>ptr.AllPtrFieldsNil(&amp;obj.VolumeSource)</c>), the case <c>SetDefaults_Volume</c> turns
    /// into <c>emptyDir: {}</c>.
    /// </summary>
    public bool HasNoSource =>
        HostPath is null && EmptyDir is null && GCEPersistentDisk is null && AWSElasticBlockStore is null && GitRepo is null
        && Secret is null && NFS is null && ISCSI is null && Glusterfs is null && PersistentVolumeClaim is null && RBD is null
        && FlexVolume is null && Cinder is null && CephFS is null && Flocker is null && !HasDownwardApi && FC is null
        && AzureFile is null && ConfigMap is null && VsphereVolume is null && Quobyte is null && AzureDisk is null
        && PhotonPersistentDisk is null && Projected is null && PortworxVolume is null && ScaleIO is null && StorageOS is null
        && CSI is null && Ephemeral is null && Image is null;
}
