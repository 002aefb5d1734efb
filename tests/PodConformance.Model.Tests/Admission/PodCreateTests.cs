using PodConformance.Model.Admission;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Warnings;

namespace PodConformance.Model.Tests.Admission;

/// <summary>
/// The create pipeline (ADM-001) and the plugins of a default API server, against the texts and behaviour of
/// kubernetes plugin/pkg/admission/{priority,serviceaccount,defaulttolerationseconds,limitranger} and the resourcequota
/// evaluator (copies and releases in spec/admission.md).
/// </summary>
public class PodCreateTests
{
    private static Profile V(int minor) => Profile.For(new KubernetesVersion(1, minor));

    private static Container C(string name = "app") => new() { Name = name, Image = "nginx" };

    private static Pod P(string name = "p", PodSpec? spec = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "team-a" },
        Spec = spec ?? new PodSpec { Containers = [C()] },
    };

    private static Pod WithSpec(Func<PodSpec, PodSpec> f) { var p = P(); return p with { Spec = f(p.Spec) }; }

    [Fact]
    public void A_plain_pod_is_accepted_with_the_plugins_changes_in_order()
    {
        var r = PodCreate.Run(P(), V(37));
        Assert.True(r.Accepted);
        Assert.Equal(["SetObjectDefaults_Pod", "LimitRanger", "ServiceAccount", "Priority", "DefaultTolerationSeconds", "RuntimeClass", "PrepareForCreate", "ValidatePodCreate", "LimitRanger", "ServiceAccount", "RuntimeClass", "ResourceQuota"],
            r.Steps.Select(s => s.Name));
        var spec = r.Stored.Spec;
        Assert.Equal("default", spec.ServiceAccountName);
        Assert.Equal(0, spec.Priority);
        Assert.Equal("PreemptLowerPriority", spec.PreemptionPolicy);
        Assert.Equal("", spec.PriorityClassName);
        Assert.Equal("Pending", r.Stored.Status!.Phase);
        Assert.Equal("BestEffort", r.Stored.Status.QosClass);
        Assert.Equal(1, r.Stored.Metadata.Generation);
        Assert.True(r.NotChecked.IsEmpty);
    }

    [Fact]
    public void Priority_without_a_class_is_forbidden_ADM_043()
    {
        var r = PodCreate.Run(WithSpec(s => s with { Priority = 1000 }), V(37));
        Assert.False(r.Accepted);
        Assert.False(r.Validated);
        Assert.Equal("Forbidden", r.Rejection!.Reason);
        Assert.Equal(AdmissionRules.PriorityValueMismatch, r.Rejection.Rule);
        Assert.Equal("pods \"p\" is forbidden: the integer value of priority (1000) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name",
            r.Rejection.Message);
        Assert.Equal("Priority", r.Steps[^1].Name);
    }

    [Fact]
    public void Priority_equal_to_the_computed_one_is_accepted()
    {
        Assert.True(PodCreate.Run(WithSpec(s => s with { Priority = 0 }), V(37)).Accepted);
        Assert.True(PodCreate.Run(WithSpec(s => s with { PriorityClassName = "system-node-critical", Priority = 2000001000 }), V(37)).Accepted);
    }

    [Fact]
    public void System_classes_resolve_ADM_041()
    {
        var r = PodCreate.Run(WithSpec(s => s with { PriorityClassName = "system-cluster-critical" }), V(30));
        Assert.Equal(2000000000, r.Stored.Spec.Priority);
        Assert.Equal("PreemptLowerPriority", r.Stored.Spec.PreemptionPolicy);
    }

    [Fact]
    public void The_global_default_with_the_lowest_value_is_written_ADM_040()
    {
        var objects = new AdmissionObjects
        {
            PriorityClasses =
            [
                new PriorityClass { Name = "high", Value = 100, GlobalDefault = true },
                new PriorityClass { Name = "low", Value = 10, GlobalDefault = true, PreemptionPolicy = "Never" },
                new PriorityClass { Name = "lowest", Value = 1 },
            ],
        };
        var r = PodCreate.Run(P(), V(37), objects);
        Assert.Equal("low", r.Stored.Spec.PriorityClassName);
        Assert.Equal(10, r.Stored.Spec.Priority);
        Assert.Equal("Never", r.Stored.Spec.PreemptionPolicy);
    }

    [Fact]
    public void An_unknown_class_is_refused_on_a_complete_cluster_and_not_checked_otherwise_ADM_042_ADM_098()
    {
        var pod = WithSpec(s => s with { PriorityClassName = "gold" });
        var complete = PodCreate.Run(pod, V(37), AdmissionObjects.None with { Missing = MissingObjects.NotFound });
        Assert.Equal("pods \"p\" is forbidden: no PriorityClass with name gold was found", complete.Rejection!.Message);

        var assumed = PodCreate.Run(pod, V(37));
        Assert.True(assumed.Accepted);
        Assert.Null(assumed.Stored.Spec.Priority);
        Assert.Contains(assumed.NotChecked, n => n.Field == "spec.priorityClassName");
    }

    [Fact]
    public void A_preemption_policy_different_from_the_class_is_forbidden_ADM_044()
    {
        var r = PodCreate.Run(WithSpec(s => s with { PreemptionPolicy = "Never" }), V(37));
        Assert.Equal("pods \"p\" is forbidden: the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name",
            r.Rejection!.Message);
    }

    [Fact]
    public void The_forbidden_name_is_the_generate_name_before_a_name_exists_ADM_011()
    {
        var pod = WithSpec(s => s with { Priority = 5 }) with { Metadata = new ObjectMeta { GenerateName = "job-", Namespace = "ns" } };
        Assert.StartsWith("pods \"job-\" is forbidden: ", PodCreate.Run(pod, V(37)).Rejection!.Message, StringComparison.Ordinal);
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

    [Fact]
    public void Default_tolerations_are_added_unless_tolerated_ADM_050()
    {
        var tolerations = PodCreate.Run(P(), V(37)).Stored.Spec.Tolerations;
        Assert.Equal(2, tolerations.Count);
        Assert.Equal(("node.kubernetes.io/not-ready", "Exists", "NoExecute", 300L), (tolerations[0].Key, tolerations[0].Operator, tolerations[0].Effect, tolerations[0].TolerationSeconds!.Value));
        Assert.Equal("node.kubernetes.io/unreachable", tolerations[1].Key);

        var all = PodCreate.Run(WithSpec(s => s with { Tolerations = [new Toleration { Operator = "Exists" }] }), V(37)).Stored.Spec.Tolerations;
        Assert.Single(all);

        var noSchedule = PodCreate.Run(WithSpec(s => s with { Tolerations = [new Toleration { Key = "node.kubernetes.io/not-ready", Operator = "Exists", Effect = "NoSchedule" }] }), V(37)).Stored.Spec.Tolerations;
        Assert.Equal(3, noSchedule.Count);
    }

    [Fact]
    public void LimitRanger_fills_defaults_and_annotates_ADM_020()
    {
        var objects = new AdmissionObjects
        {
            LimitRanges =
            [
                new LimitRange
                {
                    Namespace = "team-a",
                    Name = "lr",
                    Limits = [new LimitRangeItem { Type = "Container", Default = ValueMap.Of(("cpu", Quantity.Parse("500m"))), DefaultRequest = ValueMap.Of(("cpu", Quantity.Parse("100m"))) }],
                },
            ],
        };
        var r = PodCreate.Run(P(), V(34), objects);
        var c = r.Stored.Spec.Containers[0];
        Assert.Equal("100m", c.Resources.Requests["cpu"].ToString());
        Assert.Equal("500m", c.Resources.Limits["cpu"].ToString());
        Assert.Equal("LimitRanger plugin set: cpu request for container app; cpu limit for container app", r.Stored.Metadata.Annotations["kubernetes.io/limit-ranger"]);
        Assert.Equal("Burstable", r.Stored.Status!.QosClass);
    }

    [Fact]
    public void LimitRanger_refuses_a_request_under_the_minimum_ADM_021()
    {
        var objects = new AdmissionObjects
        {
            LimitRanges = [new LimitRange { Namespace = "team-a", Name = "lr", Limits = [new LimitRangeItem { Type = "Container", Min = ValueMap.Of(("cpu", Quantity.Parse("100m"))) }] }],
        };
        var pod = WithSpec(s => s with { Containers = [C() with { Resources = new ResourceRequirements { Requests = ValueMap.Of(("cpu", Quantity.Parse("50m"))) } }] });
        var r = PodCreate.Run(pod, V(34), objects);
        Assert.Equal("pods \"p\" is forbidden: minimum cpu usage per Container is 100m, but request is 50m", r.Rejection!.Message);
    }

    [Fact]
    public void ResourceQuota_refuses_a_pod_over_the_hard_limit_ADM_063()
    {
        var objects = new AdmissionObjects
        {
            ResourceQuotas = [new ResourceQuota { Namespace = "team-a", Name = "q", Hard = ValueMap.Of(("pods", Quantity.Parse("0"))) }],
        };
        var r = PodCreate.Run(P(), V(34), objects);
        Assert.Equal("pods \"p\" is forbidden: exceeded quota: q, requested: pods=1, used: pods=0, limited: pods=0", r.Rejection!.Message);
        Assert.True(r.Validated);
        Assert.Equal("ResourceQuota", r.Steps[^1].Name);
    }

    /// <summary>
    /// BeforeCreate returns on a validation error before WarningsOnCreate (apiserver rest/create.go at 3e4a7900d755), but
    /// the AppArmor deprecation warning is added inside PrepareForCreate (applyAppArmorVersionSkew), so it comes with the error.
    /// </summary>
    [Fact]
    public void A_refused_create_keeps_PrepareForCreate_warnings_but_not_WarningsOnCreate()
    {
        var pod = P("web.v1") with
        {
            Metadata = P("web.v1").Metadata with { Annotations = ValueMap.Of(("container.apparmor.security.beta.kubernetes.io/app", "runtime/default"), ("security.alpha.kubernetes.io/sysctls", "kernel.shm_rmid_forced=1")) },
            Spec = new PodSpec { Containers = [C(), C("other") with { Image = "" }] },
        };
        var r = PodCreate.Run(pod, V(37));
        Assert.False(r.Accepted);
        Assert.False(r.Validation.IsValid);
        Assert.Equal(["metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]: deprecated since v1.30; use the \"appArmorProfile\" field instead"], r.Warnings.Select(w => w.Text));

        // Two containers sharing the name (refused) warn once: the recorder drops a text it already sent.
        var twice = PodCreate.Run(pod with { Spec = new PodSpec { Containers = [C(), C()] } }, V(37));
        Assert.False(twice.Accepted);
        Assert.Single(twice.Warnings);

        var valid = PodCreate.Run(pod with { Spec = new PodSpec { Containers = [C()] } }, V(37));
        Assert.True(valid.Accepted);
        Assert.Equal([PodWarnings.AppArmorAnnotationDeprecated, AdmissionRules.NameWarning, PodWarnings.DeprecatedAnnotation], valid.Warnings.Select(w => w.Rule));
    }

    [Fact]
    public void A_dotted_name_gets_the_hostname_warning_ADM_075()
    {
        var r = PodCreate.Run(P("web.v1"), V(37));
        Assert.True(r.Accepted);
        Assert.Equal(AdmissionRules.NameWarning, r.Warnings[0].Rule);
        Assert.StartsWith("metadata.name: this is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: [", r.Warnings[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_whose_gate_is_off_is_dropped_and_the_drop_is_a_step_ADM_080()
    {
        // InPlacePodVerticalScaling is alpha (off) in 1.30: resizePolicy is dropped before validation (ADM-087).
        var pod = WithSpec(s => s with { Containers = [C() with { ResizePolicy = [new ContainerResizePolicy("cpu", "NotRequired")] }] });
        var r = PodCreate.Run(pod, V(30));
        Assert.True(r.Accepted);
        Assert.True(r.Stored.Spec.Containers[0].ResizePolicy.IsEmpty);
        var prepare = r.Steps.Single(s => s.Stage == AdmissionStage.PrepareForCreate);
        Assert.Contains(prepare.Changes, c => c.Rule == AdmissionRules.DropResizePolicy && c.Field == "spec.containers[0].resizePolicy" && c.Value == "(dropped: feature gate InPlacePodVerticalScaling is off)");

        // With the gate on it stays.
        var on = new Profile(new KubernetesVersion(1, 30), ValueMap.Of(("InPlacePodVerticalScaling", true)));
        Assert.False(PodCreate.Run(pod, on).Stored.Spec.Containers[0].ResizePolicy.IsEmpty);
    }

    [Fact]
    public void Image_volumes_and_their_mounts_are_dropped_without_ImageVolume_ADM_093()
    {
        var pod = WithSpec(s => s with
        {
            Volumes = [new Volume { Name = "img", SourceKind = "image", Image = new ImageVolumeSource { Reference = "busybox" } }],
            Containers = [C() with { VolumeMounts = [new VolumeMount { Name = "img", MountPath = "/img" }] }],
        });
        var off = new Profile(new KubernetesVersion(1, 33), ValueMap.Of(("ImageVolume", false)));
        var spec = PodCreate.Run(pod, off).Stored.Spec;
        Assert.DoesNotContain(spec.Volumes, v => v.Name == "img");
        Assert.DoesNotContain(spec.Containers[0].VolumeMounts, m => m.Name == "img");
    }
}
