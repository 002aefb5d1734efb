using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Warnings;

using static PodConformance.Model.Tests.Admission.CreatePods;

namespace PodConformance.Model.Tests.Admission;

/// <summary>
/// The create pipeline (ADM-001): the steps in order, the refusal's name (ADM-011), warnings, PrepareForCreate's drops.
/// Each admission plugin's own tests are in Plugins/ (PriorityPluginTests, ServiceAccountPluginTests, …).
/// </summary>
public class PodCreateTests
{
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
    public void The_forbidden_name_is_the_generate_name_before_a_name_exists_ADM_011()
    {
        var pod = WithSpec(s => s with { Priority = 5 }) with { Metadata = new ObjectMeta { GenerateName = "job-", Namespace = "ns" } };
        Assert.StartsWith("pods \"job-\" is forbidden: ", PodCreate.Run(pod, V(37)).Rejection!.Message, StringComparison.Ordinal);
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
