using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Defaulting;

/// <summary>DEF-200/201/205/206: the empty security context, dropped security fields and the AppArmor version skew.</summary>
public class SecurityDefaultingTests
{
    private static Profile V(int minor) => Profile.For(new KubernetesVersion(1, minor));

    private static Pod Manifest(params Container[] containers) => new()
    {
        Metadata = new ObjectMeta { Name = "web" },
        Spec = new PodSpec { Containers = ValueList.Of(containers) },
    };

    private static Container C(string name = "app", SecurityContext? sc = null) => new() { Name = name, Image = "nginx", SecurityContext = sc };

    private static Pod WithAnnotations(Pod pod, params (string, string)[] a) => pod with { Metadata = pod.Metadata with { Annotations = ValueMap.Of(a) } };

    private const string Key = "container.apparmor.security.beta.kubernetes.io/app";

    [Fact]
    public void Missing_security_context_becomes_empty_and_is_logged_DEF_200()
    {
        var changes = new List<DefaultingChange>();
        var pod = PodDefaulter.Apply(Manifest(C()), V(37), changes);
        Assert.Equal(new PodSecurityContext(), pod.Spec.SecurityContext);
        Assert.Contains(new DefaultingChange(DefaultingRules.PodSecurityContext, "spec.securityContext", "{}"), changes);
        int sc = changes.FindIndex(c => c.Rule == DefaultingRules.PodSecurityContext);
        Assert.True(sc > changes.FindIndex(c => c.Field == "spec.restartPolicy") && sc < changes.FindIndex(c => c.Field == "spec.terminationGracePeriodSeconds"));
    }

    [Fact]
    public void Gated_security_fields_are_dropped_or_reset_DEF_201()
    {
        var manifest = Manifest(C(sc: new SecurityContext { ProcMount = "Unmasked" })) with
        {
            Spec = Manifest(C(sc: new SecurityContext { ProcMount = "Unmasked" })).Spec with
            {
                HostUsers = false,
                SecurityContext = new PodSecurityContext { SupplementalGroupsPolicy = "Strict", SELinuxChangePolicy = "Recursive" },
            },
        };
        var old = PodDefaulter.Apply(manifest, V(32));
        Assert.Null(old.Spec.HostUsers);
        Assert.Null(old.Spec.SecurityContext!.SupplementalGroupsPolicy);
        Assert.Equal("Default", old.Spec.Containers[0].SecurityContext!.ProcMount);
        Assert.Null(old.Spec.SecurityContext.SELinuxChangePolicy); // SELinuxChangePolicy is alpha (off) in 1.32

        var current = PodDefaulter.Apply(manifest, V(33));
        Assert.False(current.Spec.HostUsers);
        Assert.Equal("Strict", current.Spec.SecurityContext!.SupplementalGroupsPolicy);
        Assert.Equal("Unmasked", current.Spec.Containers[0].SecurityContext!.ProcMount);
        Assert.Equal("Recursive", current.Spec.SecurityContext.SELinuxChangePolicy);
    }

    [Fact]
    public void SELinux_change_policy_is_dropped_while_its_gate_is_off_DEF_201()
    {
        var manifest = Manifest(C()) with { Spec = Manifest(C()).Spec with { SecurityContext = new PodSecurityContext { SELinuxChangePolicy = "Recursive" } } };
        Assert.Null(PodDefaulter.Apply(manifest, V(32)).Spec.SecurityContext!.SELinuxChangePolicy);
    }

    [Fact]
    public void AppArmor_annotation_becomes_the_container_field_DEF_205()
    {
        var pod = PodDefaulter.Apply(WithAnnotations(Manifest(C()), (Key, "localhost/k8s-nginx")), V(37));
        Assert.Equal(new AppArmorProfile { Type = "Localhost", LocalhostProfile = "k8s-nginx" }, pod.Spec.Containers[0].SecurityContext!.AppArmorProfile);
        Assert.Equal("localhost/k8s-nginx", pod.Metadata.Annotations[Key]);

        // Not copied: equal to the pod's profile, invalid, a Windows pod, or before 1.30.
        var samePod = WithAnnotations(Manifest(C()), (Key, "runtime/default")) with
        {
            Spec = Manifest(C()).Spec with { SecurityContext = new PodSecurityContext { AppArmorProfile = new AppArmorProfile { Type = "RuntimeDefault" } } },
        };
        Assert.Null(PodDefaulter.Apply(samePod, V(37)).Spec.Containers[0].SecurityContext);
        Assert.Null(PodDefaulter.Apply(WithAnnotations(Manifest(C()), (Key, "localhost/ padded")), V(37)).Spec.Containers[0].SecurityContext);
        var windows = WithAnnotations(Manifest(C()), (Key, "unconfined")) with { Spec = Manifest(C()).Spec with { OS = new PodOS { Name = "windows" } } };
        Assert.Null(PodDefaulter.Apply(windows, V(37)).Spec.Containers[0].SecurityContext);
        Assert.Null(PodDefaulter.Apply(WithAnnotations(Manifest(C()), (Key, "unconfined")), V(29)).Spec.Containers[0].SecurityContext);
    }

    [Fact]
    public void Until_1_33_fields_were_also_copied_into_annotations_DEF_206()
    {
        var manifest = Manifest(C(), C("side", new SecurityContext { AppArmorProfile = new AppArmorProfile { Type = "Unconfined" } })) with
        {
            Spec = Manifest(C(), C("side", new SecurityContext { AppArmorProfile = new AppArmorProfile { Type = "Unconfined" } })).Spec with
            {
                SecurityContext = new PodSecurityContext { AppArmorProfile = new AppArmorProfile { Type = "Localhost", LocalhostProfile = "p" } },
            },
        };
        var changes = new List<DefaultingChange>();
        var old = PodDefaulter.Apply(manifest, V(33), changes);
        Assert.Equal("localhost/p", old.Metadata.Annotations[Key]);
        Assert.Equal("unconfined", old.Metadata.Annotations["container.apparmor.security.beta.kubernetes.io/side"]);
        Assert.Contains(changes, c => c.Rule == DefaultingRules.AppArmorFieldToAnnotation);
        Assert.True(PodDefaulter.Apply(manifest, V(34)).Metadata.Annotations.IsEmpty);
    }
}
