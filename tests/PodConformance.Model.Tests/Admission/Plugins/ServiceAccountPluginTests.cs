using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Admission.Plugins;

/// <summary>
/// ADM-035, a mirror pod's secret references: the ServiceAccount plugin asks pkg/api/pod's <c>VisitPodSecretNames</c>
/// (AllContainers, names wrapped by <c>skipEmptyNames</c>; the same function in the copies vendored at v1.27.11, v1.29.9,
/// v1.33.1 and v1.35.0 by rancher/support-bundle-kit and at v1.29.2 … v1.34.1 by openshift/openshift-apiserver,
/// spec/admission.md), whose volume switch visits the first source a volume sets.
/// </summary>
public class ServiceAccountPluginTests
{
    private static Profile V(int minor) => Profile.For(new KubernetesVersion(1, minor));

    private static Pod Mirror(Func<PodSpec, PodSpec> f) => new()
    {
        Metadata = new ObjectMeta { Name = "p", Namespace = "team-a", Annotations = ValueMap.Of(("kubernetes.io/config.mirror", "hash")) },
        Spec = f(new PodSpec { NodeName = "node-1", Containers = [new Container { Name = "app", Image = "nginx" }] }),
    };

    private static readonly LocalObjectReference Creds = new() { Name = "creds" };

    public static TheoryData<string, Volume> VolumesWithSecrets => new()
    {
        { "azureFile", new Volume { Name = "v", SourceKind = "azureFile", AzureFile = new AzureFileVolumeSource { SecretName = "creds", ShareName = "s" } } },
        { "cephfs", new Volume { Name = "v", SourceKind = "cephfs", CephFS = new CephFSVolumeSource { Monitors = ["m"], SecretRef = Creds } } },
        { "cinder", new Volume { Name = "v", SourceKind = "cinder", Cinder = new CinderVolumeSource { VolumeID = "id", SecretRef = Creds } } },
        { "flexVolume", new Volume { Name = "v", SourceKind = "flexVolume", FlexVolume = new FlexVolumeSource { Driver = "d", SecretRef = Creds } } },
        { "rbd", new Volume { Name = "v", SourceKind = "rbd", RBD = new RBDVolumeSource { CephMonitors = ["m"], RBDImage = "i", SecretRef = Creds } } },
        { "scaleIO", new Volume { Name = "v", SourceKind = "scaleIO", ScaleIO = new ScaleIOVolumeSource { Gateway = "g", System = "s", SecretRef = Creds } } },
        { "iscsi", new Volume { Name = "v", SourceKind = "iscsi", ISCSI = new ISCSIVolumeSource { TargetPortal = "t:3260", IQN = "iqn.2001-04.com.example:storage", SecretRef = Creds } } },
        { "storageos", new Volume { Name = "v", SourceKind = "storageos", StorageOS = new StorageOSVolumeSource { VolumeName = "v", SecretRef = Creds } } },
        { "csi", new Volume { Name = "v", SourceKind = "csi", CSI = new CSIVolumeSource { Driver = "d", NodePublishSecretRef = Creds } } },
    };

    [Theory]
    [MemberData(nameof(VolumesWithSecrets))]
    public void A_mirror_pod_may_not_reference_a_secret_through_any_volume_kind_ADM_035(string kind, Volume volume)
    {
        var r = PodCreate.Run(Mirror(s => s with { Volumes = [volume] }), V(35));
        Assert.True(r.Rejection is not null, kind);
        Assert.Equal(AdmissionRules.ServiceAccountMirrorPods, r.Rejection.Rule);
        Assert.Equal("pods \"p\" is forbidden: a mirror pod may not reference secrets", r.Rejection.Message);
        Assert.Equal("ServiceAccount", r.Steps[^1].Name);
    }

    [Fact]
    public void An_empty_name_is_no_reference_ADM_035()
    {
        // skipEmptyNames: a pull secret named "" is not visited, so the mirror pod passes the plugin (and validation).
        var r = PodCreate.Run(Mirror(s => s with { ImagePullSecrets = [new LocalObjectReference { Name = "" }] }), V(35));
        Assert.Null(r.Rejection);
        Assert.Contains(r.Steps, s => s.Name == "ServiceAccount" && s.Stage == AdmissionStage.ValidatingAdmission);
    }

    [Fact]
    public void Only_the_first_source_of_a_volume_is_visited_ADM_035()
    {
        // azureFile comes before secret in the switch: its empty secretName is visited (and skipped), the secret source is
        // not, so the plugin lets the pod through and validation refuses the two sources.
        var volume = new Volume
        {
            Name = "v",
            SourceKind = "secret",
            AzureFile = new AzureFileVolumeSource { SecretName = "", ShareName = "s" },
            Secret = new ObjectReference { Name = "creds" },
        };
        var r = PodCreate.Run(Mirror(s => s with { Volumes = [volume] }), V(35));
        Assert.NotNull(r.Rejection);
        Assert.Equal("Invalid", r.Rejection.Reason);
        Assert.Equal("ValidatePodCreate", r.Steps[^1].Name);
    }
}
