using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Tests.Admission.Plugins;

/// <summary>
/// ADM-013: RuntimeClass's Validate (<c>validateOverhead</c> with no RuntimeClass) refuses a pod that sets an overhead;
/// plugin/pkg/admission/runtimeclass/admission.go vendored at v1.27.11, v1.29.9, v1.33.1 and v1.35.0 in
/// rancher/support-bundle-kit (the same text in all four, spec/admission.md).
/// </summary>
public partial class RuntimeClassPluginTests
{
    private static Profile V(int minor) => Profile.For(new KubernetesVersion(1, minor));

    private static Pod P(Func<PodSpec, PodSpec> f) => new()
    {
        Metadata = new ObjectMeta { Name = "p", Namespace = "team-a" },
        Spec = f(new PodSpec { Containers = [new Container { Name = "app", Image = "nginx" }] }),
    };

    [Theory]
    [InlineData(28)]
    [InlineData(33)]
    [InlineData(37)]
    public void An_overhead_without_a_runtime_class_is_forbidden_ADM_013(int minor)
    {
        var r = PodCreate.Run(P(s => s with { Overhead = ValueMap.Of(("cpu", Quantity.Parse("100m"))) }), V(minor));
        Assert.NotNull(r.Rejection);
        Assert.Equal(AdmissionRules.RuntimeClassOverhead, r.Rejection.Rule);
        Assert.Equal("Forbidden", r.Rejection.Reason);
        Assert.Equal("pods \"p\" is forbidden: pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead", r.Rejection.Message);
        Assert.Equal(AdmissionStage.ValidatingAdmission, r.Steps[^1].Stage);
        Assert.Equal("RuntimeClass", r.Steps[^1].Name);
    }

    [Fact]
    public void An_empty_overhead_map_is_forbidden_too_ADM_013()
    {
        // `overhead: {}` decodes to a non-nil empty map, and validateOverhead tests `pod.Spec.Overhead != nil`.
        var r = PodCreate.Run(P(s => s with { OverheadGiven = true }), V(37));
        Assert.NotNull(r.Rejection);
        Assert.Equal(AdmissionRules.RuntimeClassOverhead, r.Rejection.Rule);
    }

    [Fact]
    public void With_a_runtime_class_the_overhead_is_reported_not_checked()
    {
        var r = PodCreate.Run(P(s => s with { RuntimeClassName = "kata", Overhead = ValueMap.Of(("cpu", Quantity.Parse("100m"))) }), V(37));
        Assert.Null(r.Rejection);
        Assert.Single(r.NotChecked, n => n.Field == "spec.runtimeClassName");
    }

    /// <summary>
    /// Storage encodes the pod with <c>omitempty</c>, so an admitted <c>overhead: {}</c> (reachable only with a class, which
    /// the model does not check) is not stored: what the API server returns has no overhead, and the model's stored pod
    /// no longer says it was given (the writers then omit it, as <c>-o json</c> of a real object does).
    /// </summary>
    [Fact]
    public void An_admitted_empty_overhead_is_not_stored()
    {
        var r = PodCreate.Run(P(s => s with { RuntimeClassName = "kata", OverheadGiven = true }), V(37));
        Assert.True(r.Accepted);
        Assert.False(r.Stored.Spec.OverheadGiven);
        Assert.True(r.Stored.Spec.Overhead.IsEmpty);
    }

    [Fact]
    public void A_stage_that_skips_the_validating_plugin_lets_the_overhead_through()
    {
        var pod = P(s => s with { Overhead = ValueMap.Of(("cpu", Quantity.Parse("100m"))) });
        var r = PodCreate.Run(pod, V(37), AdmissionObjects.None, new PodCreateStages { RunsValidatingPlugin = name => name != "RuntimeClass" });
        Assert.True(r.Accepted);
        Assert.Contains(r.Steps, s => s.Name == "RuntimeClass" && s.Stage == AdmissionStage.ValidatingAdmission && s.Note == "skipped (PodCreateStages)");
        Assert.Equal("100m", r.Stored.Spec.Overhead["cpu"].ToString());
    }

    [Fact]
    public void A_pod_without_overhead_passes_the_validating_step()
    {
        var r = PodCreate.Run(P(s => s), V(37));
        Assert.True(r.Accepted);
        Assert.Contains(r.Steps, s => s.Name == "RuntimeClass" && s.Stage == AdmissionStage.ValidatingAdmission && s.Rejection is null);
    }
}
