using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Warnings;

namespace PodConformance.Model.Tests.Warnings;

/// <summary>WARN-001…003: the security warnings of a create, in the API server's order.</summary>
public class PodWarningsTests
{
    private static Pod Manifest(ValueMap<string> annotations, params Container[] containers) => new()
    {
        Metadata = new ObjectMeta { Name = "web", Annotations = annotations },
        Spec = new PodSpec { Containers = ValueList.Of(containers) },
    };

    [Fact]
    public void A_pod_without_annotations_has_no_warnings() =>
        Assert.True(PodWarnings.ForCreate(Manifest(default, new Container { Name = "app", Image = "nginx" }), Profile.Default).IsEmpty);

    [Fact]
    public void Strategy_warnings_come_first_then_deprecated_then_seccomp()
    {
        var annotations = ValueMap.Of(
            ("container.apparmor.security.beta.kubernetes.io/app", "runtime/default"),
            ("security.alpha.kubernetes.io/sysctls", "kernel.shm_rmid_forced=1"),
            ("seccomp.security.alpha.kubernetes.io/pod", "runtime/default"),
            ("container.seccomp.security.alpha.kubernetes.io/app", "unconfined"));
        var warnings = PodWarnings.ForCreate(Manifest(annotations, new Container { Name = "app", Image = "nginx" }), Profile.Default);
        Assert.Equal(
            [
                "metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]: deprecated since v1.30; use the \"appArmorProfile\" field instead",
                "metadata.annotations[security.alpha.kubernetes.io/sysctls]: non-functional in v1.11+; use the \"sysctls\" field instead",
                "metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: non-functional in v1.27+; use the \"seccompProfile\" field instead",
                "metadata.annotations[container.seccomp.security.alpha.kubernetes.io/app]: non-functional in v1.27+; use the \"seccompProfile\" field instead",
            ],
            warnings.Select(w => w.Text));
        Assert.Equal([PodWarnings.AppArmorAnnotationDeprecated, PodWarnings.DeprecatedAnnotation, PodWarnings.SeccompAnnotationWithoutField, PodWarnings.SeccompAnnotationWithoutField], warnings.Select(w => w.Rule));
    }

    [Fact]
    public void No_warning_when_the_field_is_set_or_the_annotation_equals_the_pod_profile()
    {
        var annotations = ValueMap.Of(("container.apparmor.security.beta.kubernetes.io/app", "unconfined"), ("container.seccomp.security.alpha.kubernetes.io/app", "unconfined"));
        var pod = Manifest(annotations, new Container { Name = "app", Image = "nginx", SecurityContext = new SecurityContext { SeccompProfile = new SeccompProfile { Type = "Unconfined" } } }) with { };
        pod = pod with { Spec = pod.Spec with { SecurityContext = new PodSecurityContext { AppArmorProfile = new AppArmorProfile { Type = "Unconfined" } } } };
        Assert.True(PodWarnings.ForCreate(pod, Profile.Default).IsEmpty);
    }
}
