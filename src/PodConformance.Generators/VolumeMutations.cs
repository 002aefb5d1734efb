using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Generators;

/// <summary>
/// One invalid variant per volume rule (VAL-600…643), joined to <see cref="PodMutations.All"/>: the exotic kinds (nfs,
/// iscsi, cloud disks, csi, image…) appear only here, broken, so no adapter is asked to run one. VAL-630 (clusterTrustBundle)
/// and VAL-631 (podCertificate) have one each that applies only with ClusterTrustBundleProjection / PodCertificateRequest
/// on, which are off by default in every release (the create strategy drops the projection otherwise): a run with
/// <c>--feature-gates</c> uses them.
/// </summary>
public static class VolumeMutations
{
    private static readonly Func<Profile, bool> Always = _ => true;

    /// <summary>The added volume's name: in neither <see cref="VolumeGen.NamePool"/> nor <see cref="VolumeKindsGen.NamePool"/>.</summary>
    public const string Name = "broken";

    private static Gen<Pod> Pick<T>(Pod pod, T[] choices, Func<Pod, T, Pod> apply) => Gen.Elements(choices).Select(c => apply(pod, c));

    private static Pod WithVolume(Pod pod, Volume v) => pod with { Spec = pod.Spec with { Volumes = pod.Spec.Volumes.Add(v with { Name = Name }) } };

    private static Gen<Pod> Broken<T>(Pod pod, string kind, T[] choices, Func<T, Volume> make) =>
        Pick(pod, choices, (p, c) => WithVolume(p, make(c) with { SourceKind = kind }));

    private static Pod WithMount(Pod pod, VolumeMount mount, bool privileged = false)
    {
        var withVolume = WithVolume(pod, new Volume { SourceKind = "emptyDir", EmptyDir = new EmptyDirVolumeSource() });
        var first = withVolume.Spec.Containers[0];
        first = first with
        {
            VolumeMounts = first.VolumeMounts.Add(mount with { Name = Name, MountPath = "/broken" }),
            SecurityContext = privileged ? new SecurityContext { Privileged = true } : first.SecurityContext,
        };
        return withVolume with { Spec = withVolume.Spec with { Containers = withVolume.Spec.Containers.SetItem(0, first) } };
    }

    private static LocalObjectReference Secret => new() { Name = "storage-secret" };

    /// <summary>Release that added the clusterTrustBundle projection (behind ClusterTrustBundleProjection).</summary>
    private static readonly KubernetesVersion ClusterTrustBundleSince = new(1, 29);

    /// <summary>Release that added the podCertificate projection (behind PodCertificateRequest).</summary>
    private static readonly KubernetesVersion PodCertificateSince = new(1, 34);

    private static Volume ProjectingCertificate(PodCertificateProjection certificate) =>
        new() { Projected = new ProjectedVolumeSource { Sources = ValueList.Of(new VolumeProjection { PodCertificate = certificate }) } };

    private static Volume Projecting(ClusterTrustBundleProjection bundle) =>
        new() { Projected = new ProjectedVolumeSource { Sources = ValueList.Of(new VolumeProjection { ClusterTrustBundle = bundle }) } };

    public static IReadOnlyList<PodMutation> All { get; } =
    [
        new("two-volume-sources", ValidationRules.VolumeSourceOneOf,
            pod => Broken(pod, "hostPath", [0, 1], which => new Volume
            {
                EmptyDir = new EmptyDirVolumeSource(),
                HostPath = which == 0 ? new HostPathVolumeSource { Path = "/data" } : null,
                PersistentVolumeClaim = which == 1 ? new PersistentVolumeClaimVolumeSource { ClaimName = "c" } : null,
            }), Always),
        new("bad-host-path", ValidationRules.HostPathSource,
            pod => Broken(pod, "hostPath", [("", null), ("/data", "Folder"), ("/a/../b", "")], x => new Volume { HostPath = new HostPathVolumeSource { Path = x.Item1, Type = x.Item2 } }), Always),
        new("bad-git-repo", ValidationRules.GitRepoSource,
            pod => Broken(pod, "gitRepo", [("", ""), ("https://example.com/r.git", "../up"), ("https://example.com/r.git", "/abs")],
                x => new Volume { GitRepo = new GitRepoVolumeSource { Repository = x.Item1, Directory = x.Item2 } }), Always),
        new("bad-gce-disk", ValidationRules.DiskPartitionSources,
            pod => Broken(pod, "gcePersistentDisk", [("", 0), ("disk-1", 256), ("disk-1", -1)], x => new Volume { GCEPersistentDisk = new GCEPersistentDiskVolumeSource { PDName = x.Item1, Partition = x.Item2 } }), Always),
        new("bad-config-map-volume", ValidationRules.SecretConfigMapSources,
            pod => Broken(pod, "configMap", [("", (int?)null), ("cm", 512), ("cm", -1)], x => new Volume { ConfigMap = new ObjectReference { Name = x.Item1, DefaultMode = x.Item2 } }), Always),
        new("bad-nfs", ValidationRules.NfsSource,
            pod => Broken(pod, "nfs", [("", "/exports"), ("nfs.example.com", ""), ("nfs.example.com", "exports")], x => new Volume { NFS = new NFSVolumeSource { Server = x.Item1, Path = x.Item2 } }), Always),
        new("bad-iscsi", ValidationRules.IscsiSource,
            pod => Broken(pod, "iscsi", [("", "iqn.2015-02.example.com:test"), ("10.0.0.1:3260", ""), ("10.0.0.1:3260", "bad-iqn")],
                x => new Volume { ISCSI = new ISCSIVolumeSource { TargetPortal = x.Item1, IQN = x.Item2, Lun = 1, ISCSIInterface = "default" } }), Always),
        new("bad-glusterfs", ValidationRules.GlusterfsSource,
            pod => Broken(pod, "glusterfs", [("", "vol"), ("endpoints", "")], x => new Volume { Glusterfs = new GlusterfsVolumeSource { EndpointsName = x.Item1, Path = x.Item2 } }), Always),
        new("glusterfs-without-endpoints-and-path", ValidationRules.GlusterfsSource,
            pod => Broken(pod, "glusterfs", [false, true], ro => new Volume { Glusterfs = new GlusterfsVolumeSource { ReadOnly = ro } }), Always),
        new("bad-cluster-trust-bundle", ValidationRules.ClusterTrustBundleProjection,
            pod => Broken(pod, "projected", [
                    new ClusterTrustBundleProjection { Name = "bundle", SignerName = "example.com/signer", Path = "ca.pem" },
                    new ClusterTrustBundleProjection { Path = "ca.pem" },
                    new ClusterTrustBundleProjection { SignerName = "example.com/signer", Path = "" },
                    new ClusterTrustBundleProjection { Name = "example.com:signer:Bad_Name", Path = "ca.pem" },
                ], Projecting),
            profile => profile.Version >= ClusterTrustBundleSince && profile.IsEnabled(FeatureGateNames.ClusterTrustBundleProjection)),
        new("bad-pod-certificate", ValidationRules.PodCertificateProjection,
            pod => Broken(pod, "projected", [
                    new PodCertificateProjection { SignerName = "", KeyType = "ED25519", CredentialBundlePath = "credentials.pem" },
                    new PodCertificateProjection { SignerName = "example.com/signer", KeyType = "RSA2048", CredentialBundlePath = "credentials.pem" },
                    new PodCertificateProjection { SignerName = "example.com/signer", KeyType = "ECDSAP256" },
                    new PodCertificateProjection { SignerName = "kubernetes.io/kube-apiserver-client-pod", KeyType = "ED25519", MaxExpirationSeconds = 172800, KeyPath = "key.pem" },
                    new PodCertificateProjection { SignerName = "example.com/signer", KeyType = "RSA4096", KeyPath = "../key.pem" },
                ], ProjectingCertificate),
            profile => profile.Version >= PodCertificateSince && profile.IsEnabled(FeatureGateNames.PodCertificateRequest)),
        new("pvc-without-claim-name", ValidationRules.PvcSource,
            pod => Broken(pod, "persistentVolumeClaim", [false, true], ro => new Volume { PersistentVolumeClaim = new PersistentVolumeClaimVolumeSource { ReadOnly = ro } }), Always),
        new("bad-rbd", ValidationRules.RbdSource,
            pod => Broken(pod, "rbd", [(false, "img"), (true, "")],
                x => new Volume { RBD = new RBDVolumeSource { CephMonitors = x.Item1 ? ValueList.Of("10.0.0.1:6789") : ValueList<string>.Empty, RBDImage = x.Item2, RBDPool = "rbd", RadosUser = "admin", Keyring = "/etc/ceph/keyring" } }), Always),
        new("bad-flex-volume", ValidationRules.FlexVolumeSource,
            pod => Broken(pod, "flexVolume", [("", ""), ("example.com/lvm", "kubernetes.io/fsGroup")],
                x => new Volume { FlexVolume = new FlexVolumeSource { Driver = x.Item1, Options = x.Item2.Length == 0 ? ValueMap<string>.Empty : ValueMap.Of((x.Item2, "1")) } }), Always),
        new("bad-cinder", ValidationRules.CinderSource,
            pod => Broken(pod, "cinder", [0], _ => new Volume { Cinder = new CinderVolumeSource() }), Always),
        new("bad-cephfs", ValidationRules.CephFsSource,
            pod => Broken(pod, "cephfs", [0], _ => new Volume { CephFS = new CephFSVolumeSource { Path = "/" } }), Always),
        new("bad-flocker", ValidationRules.FlockerSource,
            pod => Broken(pod, "flocker", [("", ""), ("ds", "uuid")], x => new Volume { Flocker = new FlockerVolumeSource { DatasetName = x.Item1, DatasetUUID = x.Item2 } }), Always),
        new("bad-fc", ValidationRules.FcSource,
            pod => Broken(pod, "fc", [0, 1], which => new Volume
            {
                FC = which == 0 ? new FCVolumeSource() : new FCVolumeSource { TargetWWNs = ValueList.Of("500a0981891b8dc5") },
            }), Always),
        new("bad-azure-file", ValidationRules.AzureFileSource,
            pod => Broken(pod, "azureFile", [("", "share"), ("secret", "")], x => new Volume { AzureFile = new AzureFileVolumeSource { SecretName = x.Item1, ShareName = x.Item2 } }), Always),
        new("bad-vsphere-volume", ValidationRules.VsphereSource,
            pod => Broken(pod, "vsphereVolume", [0], _ => new Volume { VsphereVolume = new VsphereVirtualDiskVolumeSource() }), Always),
        new("bad-quobyte", ValidationRules.QuobyteSource,
            pod => Broken(pod, "quobyte", [("", "vol"), ("registry:7861", "")], x => new Volume { Quobyte = new QuobyteVolumeSource { Registry = x.Item1, Volume = x.Item2 } }), Always),
        new("bad-azure-disk", ValidationRules.AzureDiskSource,
            pod => Broken(pod, "azureDisk", [("", "https://example.blob/d.vhd"), ("disk", "")], x => new Volume { AzureDisk = new AzureDiskVolumeSource { DiskName = x.Item1, DataDiskURI = x.Item2 } }), Always),
        new("bad-photon-disk", ValidationRules.PhotonSource,
            pod => Broken(pod, "photonPersistentDisk", [0], _ => new Volume { PhotonPersistentDisk = new PhotonPersistentDiskVolumeSource() }), Always),
        new("bad-portworx", ValidationRules.PortworxSource,
            pod => Broken(pod, "portworxVolume", [0], _ => new Volume { PortworxVolume = new PortworxVolumeSource() }), Always),
        new("bad-scale-io", ValidationRules.ScaleIoSource,
            pod => Broken(pod, "scaleIO", [("", "sys"), ("gw", "")], x => new Volume { ScaleIO = new ScaleIOVolumeSource { Gateway = x.Item1, System = x.Item2, VolumeName = "vol", SecretRef = Secret } }), Always),
        new("bad-storage-os", ValidationRules.StorageOsSource,
            pod => Broken(pod, "storageos", ["", "Bad_Vol"], n => new Volume { StorageOS = new StorageOSVolumeSource { VolumeName = n, SecretRef = Secret } }), Always),
        new("bad-csi", ValidationRules.CsiSource,
            pod => Broken(pod, "csi", ["", "-bad.example.com"], d => new Volume { CSI = new CSIVolumeSource { Driver = d } }), Always),
        new("projected-config-map-without-name", ValidationRules.ProjectedKeyToPathSources,
            pod => Broken(pod, "projected", [0], _ => new Volume
            {
                Projected = new ProjectedVolumeSource { Sources = ValueList.Of(new VolumeProjection { ConfigMap = new ConfigMapProjection { Optional = true } }) },
            }), Always),
        new("ephemeral-without-template", ValidationRules.EphemeralSource,
            pod => Broken(pod, "ephemeral", [0], _ => new Volume { Ephemeral = new EphemeralVolumeSource() }), Always),
        new("bad-claim-template-spec", ValidationRules.PvcTemplateSpec,
            pod => Broken(pod, "ephemeral", [0, 1, 2], which => new Volume
            {
                Ephemeral = new EphemeralVolumeSource
                {
                    VolumeClaimTemplate = new PersistentVolumeClaimTemplate
                    {
                        Spec = new PersistentVolumeClaimSpec
                        {
                            AccessModes = which == 0 ? ValueList<string>.Empty : ValueList.Of(which == 1 ? "ReadWriteSometimes" : "ReadWriteOnce"),
                            Resources = new VolumeResourceRequirements { Requests = which == 2 ? ValueMap<Model.Quantities.Quantity>.Empty : ValueMap.Of(("storage", Model.Quantities.Quantity.Parse("1Gi"))) },
                        },
                    },
                },
            }), Always),
        new("bad-image-volume", ValidationRules.ImageSource,
            pod => Broken(pod, "image", [("", "IfNotPresent"), ("busybox", "Sometimes")], x => new Volume { Image = new ImageVolumeSource { Reference = x.Item1, PullPolicy = x.Item2 } }),
            profile => profile.IsEnabled(FeatureGateNames.ImageVolume)),
        new("bad-mount-propagation", ValidationRules.MountPropagation,
            pod => Pick(pod, ["Sideways", "Bidirectional"], (p, mp) => WithMount(p, new VolumeMount { MountPropagation = mp })), Always),
        new("bad-recursive-read-only", ValidationRules.RecursiveReadOnly,
            pod => Pick(pod, [("Enabled", false), ("IfPossible", false), ("Always", true)], (p, x) => WithMount(p, new VolumeMount { RecursiveReadOnly = x.Item1, ReadOnly = x.Item2 })),
            profile => profile.IsEnabled(FeatureGateNames.RecursiveReadOnlyMounts)),
        new("block-device-on-empty-dir", ValidationRules.VolumeDevices,
            pod => Pick(pod, ["/dev/xvdb", ""], (p, path) =>
            {
                var withVolume = WithVolume(p, new Volume { SourceKind = "emptyDir", EmptyDir = new EmptyDirVolumeSource() });
                var first = withVolume.Spec.Containers[0];
                first = first with { VolumeDevices = first.VolumeDevices.Add(new VolumeDevice { Name = Name, DevicePath = path }) };
                return withVolume with { Spec = withVolume.Spec with { Containers = withVolume.Spec.Containers.SetItem(0, first) } };
            }), Always),
    ];
}
