using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Warnings;

namespace PodConformance.Model.Tests.Defaulting;

/// <summary>
/// The AppArmor annotation/field sync of a 1.30 create under each gate setting (DEF-201, DEF-205, DEF-206, WARN-003), read in
/// session 15: PrepareForCreate runs dropDisabledFields (v1.30.7 util.go, kubeedge/kubeedge 9b280adfa: the annotations go
/// with AppArmor off, the fields with AppArmor or AppArmorFields off) and then applyAppArmorVersionSkew, which returns at
/// once with AppArmorFields off and does not consult AppArmor (1.30-cycle strategy.go, fork ashierj/superdemo c1cf94e9);
/// the skew warns for an annotation it could not turn into a field or did turn into one.
/// </summary>
public class AppArmorSkewAt130Tests
{
    private const string AppKey = "container.apparmor.security.beta.kubernetes.io/app";
    private const string SideKey = "container.apparmor.security.beta.kubernetes.io/side";

    private static readonly AppArmorProfile Unconfined = new() { Type = "Unconfined" };

    /// <summary>
    /// Container <c>app</c> has the annotation <c>localhost/p</c> and no field; container <c>side</c> has the field
    /// Unconfined and no annotation: the two directions of the sync.
    /// </summary>
    private static Pod Mixed() => new()
    {
        Metadata = new ObjectMeta { Name = "web", Annotations = ValueMap.Of((AppKey, "localhost/p")) },
        Spec = new PodSpec
        {
            Containers =
            [
                new Container { Name = "app", Image = "nginx" },
                new Container { Name = "side", Image = "nginx", SecurityContext = new SecurityContext { AppArmorProfile = Unconfined } },
            ],
        },
    };

    private static Profile At130(params (string, bool)[] gates) => new(new KubernetesVersion(1, 30), ValueMap.Of(gates));

    [Fact]
    public void With_both_gates_on_each_side_is_copied_to_the_other_and_the_annotation_warns_DEF_205_206()
    {
        var r = PodCreate.Run(Mixed(), At130());
        Assert.True(r.Accepted, r.Validation.ToAggregateString());
        Assert.Equal(new AppArmorProfile { Type = "Localhost", LocalhostProfile = "p" }, r.Stored.Spec.Containers[0].SecurityContext?.AppArmorProfile);
        Assert.Equal("unconfined", r.Stored.Metadata.Annotations[SideKey]);
        Assert.Equal(Unconfined, r.Stored.Spec.Containers[1].SecurityContext?.AppArmorProfile);
        Assert.Contains(r.Warnings, w => w.Rule == PodWarnings.AppArmorAnnotationDeprecated && w.Text.StartsWith("metadata.annotations[" + AppKey + "]", StringComparison.Ordinal));
    }

    /// <summary>AppArmorFields off (AppArmor on): the fields go, the annotation stays, and the skew does not run, so nothing comes back.</summary>
    [Fact]
    public void With_AppArmorFields_off_the_annotation_stays_alone_and_no_warning_is_given_DEF_201()
    {
        var r = PodCreate.Run(Mixed(), At130(("AppArmorFields", false)));
        Assert.True(r.Accepted, r.Validation.ToAggregateString());
        Assert.Null(r.Stored.Spec.Containers[0].SecurityContext?.AppArmorProfile);
        Assert.Null(r.Stored.Spec.Containers[1].SecurityContext?.AppArmorProfile);
        Assert.Equal("localhost/p", r.Stored.Metadata.Annotations[AppKey]);
        Assert.False(r.Stored.Metadata.Annotations.ContainsKey(SideKey));
        Assert.DoesNotContain(r.Warnings, w => w.Rule == PodWarnings.AppArmorAnnotationDeprecated);
    }

    /// <summary>
    /// AppArmor off (AppArmorFields on): annotations and fields both go; the skew runs, as AppArmorFields is its only gate,
    /// but has nothing left to copy or warn about.
    /// </summary>
    [Fact]
    public void With_AppArmor_off_both_go_and_the_skew_finds_nothing_DEF_201()
    {
        var r = PodCreate.Run(Mixed(), At130(("AppArmor", false)));
        Assert.True(r.Accepted, r.Validation.ToAggregateString());
        Assert.Null(r.Stored.Spec.Containers[0].SecurityContext?.AppArmorProfile);
        Assert.Null(r.Stored.Spec.Containers[1].SecurityContext?.AppArmorProfile);
        Assert.False(r.Stored.Metadata.Annotations.ContainsKey(AppKey));
        Assert.False(r.Stored.Metadata.Annotations.ContainsKey(SideKey));
        Assert.DoesNotContain(r.Warnings, w => w.Rule == PodWarnings.AppArmorAnnotationDeprecated);
    }
}
