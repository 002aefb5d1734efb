using FsCheck.Fluent;
using PodConformance.Model.Admission;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators.Tests;

/// <summary>
/// <see cref="OverheadMutations"/>: the texts a real API server answers for a generated overhead (VAL-035's check with
/// VAL-031's message, pkg/apis/core/validation <c>validateOverhead</c>; ADM-013's refusal,
/// plugin/pkg/admission/runtimeclass/admission.go <c>validateOverhead</c>, read at kubernetes 04791b4906602ffda5ccf9bc4c84d3329f1d7080).
/// </summary>
public sealed class OverheadMutationsTests
{
    [Fact]
    public void Both_are_in_the_catalogue()
    {
        Assert.All(OverheadMutations.All, m => Assert.Contains(m, PodMutations.All));
        Assert.Contains(AdmissionRules.RuntimeClassOverhead, PodMutations.Rules);
    }

    [Fact]
    public void A_negative_overhead_fails_validation_at_its_key()
    {
        var pods = Seeds.Sample(from p in PodGen.Valid from bad in OverheadMutations.NegativeOverhead.Apply(p) select bad, ReplaySeed.Of(3121), 40);
        Assert.All(pods, pod =>
        {
            var created = PodCreate.Run(pod, Profile.Default);
            Assert.True(created.Rejection is { IsInvalid: true }, created.Rejection?.Message);
            Assert.Contains(created.Validation.Errors, e => e.Field.StartsWith("spec.overhead.limits[", StringComparison.Ordinal) && e.ToString().EndsWith(": must be greater than or equal to 0", StringComparison.Ordinal));
        });
        Assert.Contains(pods, p => p.Spec.Overhead.ContainsKey("memory"));
    }

    [Fact]
    public void An_overhead_without_a_runtime_class_is_forbidden_after_validation_even_empty()
    {
        var pods = Seeds.Sample(from p in PodGen.Valid from bad in OverheadMutations.OverheadWithoutRuntimeClass.Apply(p) select bad, ReplaySeed.Of(3122), 40);
        Assert.All(pods, pod =>
        {
            var created = PodCreate.Run(pod, Profile.Default);
            Assert.True(created.Validated && created.Validation.IsValid);
            Assert.Equal(
                "pods \"" + pod.Metadata.Name + "\" is forbidden: pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead",
                created.Rejection?.Message);
        });
        Assert.Contains(pods, p => p.Spec.Overhead.IsEmpty && p.Spec.OverheadGiven);
        Assert.Contains(pods, p => !p.Spec.Overhead.IsEmpty);
    }
}
