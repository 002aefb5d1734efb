using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;
using PodConformance.Model.Simulation;

namespace PodConformance.Generators.Tests;

public sealed class EvictionGenTests
{
    [Theory]
    [MemberData(nameof(Support.Profiles), MemberType = typeof(Support))]
    public void Pressure_cases_are_well_formed_under_every_profile(string version)
    {
        var profile = Support.ProfileFor(version);
        Assert.All(Seeds.Sample(EvictionGen.Case, ReplaySeed.Of(7001), 200), c =>
        {
            Assert.InRange(c.Pods.Count, 2, 5);
            Assert.All(c.Pods, p => Assert.True(PodGen.IsAdmitted(p, profile), p.ToString()));
            var names = c.Pods.Select(p => p.Metadata.Name).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(c.Pods.Count, names.Count);
            Assert.All(c.Scenario.Usage.Keys, k => Assert.Contains(k, names));
            Assert.True(NodePressureSimulator.Thresholds(c.Scenario, profile).Ok);
        });
    }

    [Fact]
    public void Pressure_cases_mix_classes_criticality_and_outcomes()
    {
        var profile = Profile.Default;
        var cases = Seeds.Sample(EvictionGen.Case, ReplaySeed.Of(7002), 300);
        var classes = cases.SelectMany(c => c.Pods).Select(p => QosCalculator.ComputePodQos(PodDefaulter.Apply(p, profile).Spec, profile)).ToHashSet();
        Assert.Equal(3, classes.Count);
        Assert.Contains(cases, c => c.Pods.Any(NodePressureSimulator.IsCritical));
        Assert.Contains(cases, c => c.Scenario.Usage.Values.Any(s => s.Any(x => x.NoStats)));
        var runs = cases.Select(c => NodePressureSimulator.Run([.. c.Pods.Select(p => PodDefaulter.Apply(p, profile))], c.Scenario, profile)).ToList();
        Assert.Contains(runs, r => r.Order.Count == 0);
        Assert.Contains(runs, r => r.Order.Count >= 2);
    }

    [Property(Replay = "(7003,39)", MaxTest = 100)]
    public Property Pressure_shrinks_are_smaller_and_keep_usage_on_existing_pods() =>
        Prop.ForAll(EvictionGen.CaseArb, c => EvictionShrinker.Shrink(c).Take(80).All(s =>
            EvictionShrinker.Size(s) < EvictionShrinker.Size(c)
            && s.Scenario.Usage.Keys.All(k => s.Pods.Any(p => p.Metadata.Name == k))
            && s.Pods.All(p => PodGen.IsAdmitted(p, Profile.Default))));

    [Property(Replay = "(7004,41)", MaxTest = 20)]
    public Property Shrinking_anything_ends_on_one_plain_pod() =>
        Prop.ForAll(EvictionGen.CaseArb, c =>
        {
            var smallest = Support.ShrinkToFixpoint(c, EvictionShrinker.Shrink, _ => true);
            return smallest.Pods.Count == 1 && smallest.Pods[0].Spec.Priority is null && smallest.Scenario.EvictionHard is null
                && smallest.Scenario.Usage.Values.All(s => s.Count == 1 && s[0].PodWorkingSetBytes == 0);
        });
}
