using FsCheck.Fluent;
using PodConformance.Model.Admission;

namespace PodConformance.Generators.Tests;

/// <summary>
/// <see cref="PodLevelResourceMutations"/>: the errors spec/validation.md gives for VAL-036 (1.34+ windows:
/// <c>spec.resources: Forbidden: may not be set for a windows pod</c>, validatePodResources in v1.34.1 and U37) and VAL-037
/// (<c>spec.resources.requests[cpu]: … must be greater than or equal to aggregate container requests of …</c>,
/// validatePodResourceConsistency), and where the variants are offered (PodLevelResources: alpha 1.32, on from 1.34).
/// </summary>
public sealed class PodLevelResourceMutationsTests
{
    [Fact]
    public void Both_are_in_the_catalogue()
    {
        Assert.All(PodLevelResourceMutations.All, m => Assert.Contains(m, PodMutations.All));
        Assert.Contains(PodLevelResourceMutations.OnWindows.Rule, PodMutations.Rules);
        Assert.Contains(PodLevelResourceMutations.RequestsBelowContainers.Rule, PodMutations.Rules);
    }

    [Theory]
    [InlineData("1.34")]
    [InlineData("1.37")]
    public void A_windows_pod_gets_exactly_the_forbidden(string version)
    {
        var m = PodLevelResourceMutations.OnWindows;
        var profile = Support.ProfileFor(version);
        Assert.True(m.AppliesTo(profile));
        var pods = Seeds.Sample(from p in PodGen.Valid from bad in m.ApplyIn(p, profile) select bad, ReplaySeed.Of(3191), 40, 30);
        Assert.All(pods, pod =>
        {
            var created = PodCreate.Run(pod, profile);
            Assert.True(created.Rejection is { IsInvalid: true }, created.Rejection?.Message);
            var ruleErrors = created.Validation.Errors.Where(e => e.Rule == m.Rule).Select(e => e.ToString());
            Assert.Equal(["spec.resources: Forbidden: may not be set for a windows pod"], ruleErrors);
            Assert.True(m.IsDetectedIn(pod, profile));
        });
        Assert.Contains(pods, p => p.Spec.Resources!.Limits.ContainsKey("memory"));
        Assert.Contains(pods, p => p.Spec.Resources!.Requests.ContainsKey("cpu"));
    }

    [Theory]
    [InlineData("1.34")]
    [InlineData("1.37")]
    public void Pod_requests_below_the_containers_get_the_aggregate_error(string version)
    {
        var m = PodLevelResourceMutations.RequestsBelowContainers;
        var profile = Support.ProfileFor(version);
        Assert.True(m.AppliesTo(profile));
        var pods = Seeds.Sample(from p in PodGen.Valid from bad in m.ApplyIn(p, profile) select bad, ReplaySeed.Of(3192), 40, 30);
        Assert.All(pods, pod =>
        {
            var created = PodCreate.Run(pod, profile);
            Assert.True(created.Rejection is { IsInvalid: true }, created.Rejection?.Message);

            // From 1.34 a resource without a pod-level request is skipped, so cpu is the only VAL-037 error.
            var ruleError = Assert.Single(created.Validation.Errors, e => e.Rule == m.Rule);
            Assert.StartsWith("spec.resources.requests[cpu]: Invalid value: \"100m\": must be greater than or equal to aggregate container requests of ",
                ruleError.ToString(), StringComparison.Ordinal);
            Assert.True(m.IsDetectedIn(pod, profile));
        });
    }

    [Theory]
    [InlineData("1.28")]
    [InlineData("1.33")]
    public void Neither_is_offered_where_the_gate_is_off(string version)
    {
        var profile = Support.ProfileFor(version);
        Assert.All(PodLevelResourceMutations.All, m => Assert.False(m.AppliesTo(profile)));
    }

    /// <summary>With the gate on before 1.34 the windows check does not exist yet (v1.33.3 lacks it); the consistency check does.</summary>
    [Fact]
    public void Before_1_34_with_the_gate_only_the_consistency_variant_is_offered()
    {
        var profile = Support.ProfileFor("1.33+PodLevelResources");
        Assert.False(PodLevelResourceMutations.OnWindows.AppliesTo(profile));
        Assert.True(PodLevelResourceMutations.RequestsBelowContainers.AppliesTo(profile));
        var pods = Seeds.Sample(from p in PodGen.Valid from bad in PodLevelResourceMutations.RequestsBelowContainers.ApplyIn(p, profile) select bad, ReplaySeed.Of(3193), 20, 30);
        Assert.All(pods, pod => Assert.True(PodLevelResourceMutations.RequestsBelowContainers.IsDetectedIn(pod, profile)));
    }
}
