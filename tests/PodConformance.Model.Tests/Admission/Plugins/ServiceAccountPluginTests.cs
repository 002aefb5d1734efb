using PodConformance.Model.Admission;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using static PodConformance.Model.Tests.Admission.CreatePods;

namespace PodConformance.Model.Tests.Admission.Plugins;

/// <summary>
/// ServiceAccount (ADM-031…036): the default account, the token volume and its mounts, automount, the lookup error,
/// enforced mountable secrets; kubernetes plugin/pkg/admission/serviceaccount (copies and releases in spec/admission.md).
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

    [Fact]
    public void The_token_volume_is_mounted_in_init_and_regular_containers_only_ADM_033()
    {
        var pod = WithSpec(s => s with
        {
            InitContainers = [C("init")],
            Containers = [C("a"), C("b") with { VolumeMounts = [new VolumeMount { Name = "own", MountPath = "/var/run/secrets/kubernetes.io/serviceaccount" }] }],
            Volumes = [new Volume { Name = "own", SourceKind = "emptyDir", EmptyDir = new EmptyDirVolumeSource() }],
            EphemeralContainers = [C("debug")],
        });
        var spec = PodCreate.Run(pod, V(37)).Stored.Spec;
        var token = spec.Volumes[^1];
        Assert.StartsWith("kube-api-access-", token.Name, StringComparison.Ordinal);
        Assert.Equal(21, token.Name.Length);
        Assert.All(token.Name[16..], ch => Assert.Contains(ch, GeneratedNames.Alphabet));
        Assert.Equal(420, token.Projected!.DefaultMode);
        Assert.Equal(3607, token.Projected.Sources[0].ServiceAccountToken!.ExpirationSeconds);
        Assert.Equal("kube-root-ca.crt", token.Projected.Sources[1].ConfigMap!.Name);
        Assert.Equal("metadata.namespace", token.Projected.Sources[2].DownwardAPI!.Items[0].FieldRef!.FieldPath);
        Assert.Equal(token.Name, spec.InitContainers[0].VolumeMounts[0].Name);
        Assert.True(spec.InitContainers[0].VolumeMounts[0].ReadOnly);
        Assert.Equal(token.Name, spec.Containers[0].VolumeMounts[0].Name);
        Assert.Single(spec.Containers[1].VolumeMounts); // already has something at the token path
        Assert.Empty(spec.EphemeralContainers[0].VolumeMounts);
    }

    [Fact]
    public void The_token_name_is_the_same_for_the_same_pod_ADM_003()
    {
        string a = PodCreate.Run(P(), V(37)).Stored.Spec.Volumes[0].Name;
        Assert.Equal(a, PodCreate.Run(P(), V(37)).Stored.Spec.Volumes[0].Name);
        Assert.NotEqual(a, PodCreate.Run(P("q"), V(37)).Stored.Spec.Volumes[0].Name);
    }

    [Fact]
    public void Automount_false_on_the_pod_or_account_mounts_nothing_ADM_032()
    {
        Assert.True(PodCreate.Run(WithSpec(s => s with { AutomountServiceAccountToken = false }), V(37)).Stored.Spec.Volumes.IsEmpty);
        var objects = new AdmissionObjects { ServiceAccounts = [new ServiceAccount { Namespace = "team-a", Name = "default", AutomountServiceAccountToken = false, ImagePullSecrets = ["regcred"] }] };
        var spec = PodCreate.Run(P(), V(37), objects).Stored.Spec;
        Assert.True(spec.Volumes.IsEmpty);
        Assert.Equal("regcred", spec.ImagePullSecrets[0].Name); // ADM-034
        Assert.False(PodCreate.Run(WithSpec(s => s with { AutomountServiceAccountToken = true }), V(37), objects).Stored.Spec.Volumes.IsEmpty);
    }

    [Fact]
    public void A_missing_account_is_refused_with_its_lookup_error_ADM_031()
    {
        var r = PodCreate.Run(WithSpec(s => s with { ServiceAccountName = "builder" }), V(37), AdmissionObjects.None with { Missing = MissingObjects.NotFound });
        Assert.Equal("pods \"p\" is forbidden: error looking up service account team-a/builder: serviceaccount \"builder\" not found", r.Rejection!.Message);
    }

    /// <summary>
    /// Accounts given as all of the namespace's (<see cref="AdmissionObjects.ServiceAccountsComplete"/>, a generated case's,
    /// session 15): one not among them is refused although other missing objects are assumed; <c>default</c> exists anyway,
    /// bare unless given; without the flag the same account is assumed (ADM-098).
    /// </summary>
    [Fact]
    public void Accounts_given_as_complete_refuse_another_but_not_default_ADM_031()
    {
        ValueList<ServiceAccount> accounts = [new ServiceAccount { Namespace = "team-a", Name = "runner", AutomountServiceAccountToken = false }];
        var complete = new AdmissionObjects { ServiceAccounts = accounts, ServiceAccountsComplete = true };
        Assert.Equal(MissingObjects.AssumeExists, complete.Missing);
        var refused = PodCreate.Run(WithSpec(s => s with { ServiceAccountName = "builder" }), V(37), complete);
        Assert.Equal("pods \"p\" is forbidden: error looking up service account team-a/builder: serviceaccount \"builder\" not found", refused.Rejection!.Message);
        Assert.Equal(AdmissionRules.ServiceAccountLookup, refused.Rejection.Rule);

        var assumed = PodCreate.Run(WithSpec(s => s with { ServiceAccountName = "builder" }), V(37), complete with { ServiceAccountsComplete = false });
        Assert.True(assumed.Accepted);
        Assert.Contains(assumed.NotChecked, n => n.Reason.StartsWith("ServiceAccount team-a/builder was not given", StringComparison.Ordinal));

        Assert.True(PodCreate.Run(P(), V(37), complete).Accepted);
        Assert.False(PodCreate.Run(P(), V(37), complete).Stored.Spec.Volumes.IsEmpty); // the bare default mounts the token
        Assert.True(PodCreate.Run(WithSpec(s => s with { ServiceAccountName = "runner" }), V(37), complete).Stored.Spec.Volumes.IsEmpty);
    }

    /// <summary>The annotation is read with strconv.ParseBool: its six true spellings enforce, anything else (false, or an error) does not.</summary>
    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("t", true)]
    [InlineData("T", true)]
    [InlineData("TRUE", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("yes", false)]
    [InlineData("on", false)]
    [InlineData("tRUE", false)]
    [InlineData("", false)]
    public void The_enforce_annotation_is_read_as_parse_bool_ADM_036(string value, bool enforced)
    {
        var objects = new AdmissionObjects
        {
            ServiceAccounts = [new ServiceAccount { Namespace = "team-a", Name = "default", Annotations = ValueMap.Of(("kubernetes.io/enforce-mountable-secrets", value)) }],
        };
        var pod = WithSpec(s => s with { ImagePullSecrets = [new LocalObjectReference { Name = "other" }] });
        var r = PodCreate.Run(pod, V(37), objects);
        Assert.Equal(!enforced, r.Accepted);
        if (enforced)
        {
            Assert.Equal("pods \"p\" is forbidden: imagePullSecrets[0].name=\"other\" is not allowed because service account default does not reference that imagePullSecret", r.Rejection!.Message);
        }
    }

    [Fact]
    public void Enforced_mountable_secrets_limit_secret_volumes_ADM_036()
    {
        var objects = new AdmissionObjects
        {
            ServiceAccounts = [new ServiceAccount { Namespace = "team-a", Name = "default", Annotations = ValueMap.Of(("kubernetes.io/enforce-mountable-secrets", "true")) }],
        };
        var pod = WithSpec(s => s with { Volumes = [new Volume { Name = "s", SourceKind = "secret", Secret = new ObjectReference { Name = "db" } }] });
        Assert.Equal("pods \"p\" is forbidden: volume with secret.secretName=\"db\" is not allowed because service account default does not reference that secret",
            PodCreate.Run(pod, V(37), objects).Rejection!.Message);
    }

    [Fact]
    public void A_mirror_pod_may_not_name_an_account_ADM_035()
    {
        var pod = WithSpec(s => s with { ServiceAccountName = "x" }) with
        {
            Metadata = new ObjectMeta { Name = "p", Namespace = "team-a", Annotations = ValueMap.Of(("kubernetes.io/config.mirror", "hash")) },
        };
        Assert.Equal("pods \"p\" is forbidden: a mirror pod may not reference service accounts", PodCreate.Run(pod, V(37)).Rejection!.Message);
    }
}
