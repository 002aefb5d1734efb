using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Api;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators.Tests;

public sealed class PodGenTests
{
    [Theory]
    [MemberData(nameof(Support.Profiles), MemberType = typeof(Support))]
    public void Generated_pods_are_admitted_after_defaulting(string version)
    {
        var profile = Support.ProfileFor(version);
        var property = Prop.ForAll(PodGen.ValidArbFor(profile), pod => PodGen.IsAdmitted(pod, profile).Label(PodGen.Admit(pod, profile).ToAggregateString()));
        Check.One(Seeds.QuickThrowOnFailure(ReplaySeed.Of(3001), 300), property);
    }

    [Property(Replay = "(3002,19)", MaxTest = 200)]
    public Property Pods_have_containers_within_the_caps_with_unique_names() =>
        Prop.ForAll(PodGen.ValidArb, pod =>
        {
            var names = pod.Spec.InitContainers.Concat(pod.Spec.Containers).Select(c => c.Name).ToList();
            return pod.Spec.Containers.Count is >= 1 and <= PodGen.MaxContainers && pod.Spec.InitContainers.Count <= PodGen.MaxInitContainers
                && names.Distinct(StringComparer.Ordinal).Count() == names.Count;
        });

    [Fact]
    public void Sidecars_and_init_containers_are_generated()
    {
        var pods = Seeds.Sample(PodGen.Valid, ReplaySeed.Of(3003), 300);
        Assert.Contains(pods, p => p.Spec.InitContainers.Any(c => c.IsSidecarPolicy));
        Assert.Contains(pods, p => p.Spec.InitContainers.Any(c => !c.IsSidecarPolicy));
        Assert.Contains(pods, p => p.Spec.Containers.Any(c => !c.Ports.IsEmpty));
        Assert.Contains(pods, p => p.Spec.Containers.Any(c => !c.Env.IsEmpty));
        Assert.Contains(pods, p => p.Spec.Containers.Any(c => c.Name.Length == 63));
    }

    /// <summary>Each mutation under each release it applies to, and the gated ones under a release with their gate on.</summary>
    public static IEnumerable<object[]> MutationsByProfile() =>
        (from m in PodMutations.All
         from p in Support.Profiles()
         where m.AppliesTo(Support.ProfileFor((string)p[0]))
         select new object[] { m.Name, p[0] })
        .Concat(
            from m in PodMutations.All
            from p in Support.GatedProfiles()
            let gated = Support.ProfileFor((string)p[0])
            where m.AppliesTo(gated) && !m.AppliesTo(Profile.For(gated.Version))
            select new object[] { m.Name, p[0] });

    [Theory]
    [MemberData(nameof(MutationsByProfile))]
    public void Every_mutation_yields_its_rule(string mutation, string version)
    {
        var m = PodMutations.Named(mutation);
        var profile = Support.ProfileFor(version);
        var cases = from pod in PodGen.Valid from bad in m.ApplyIn(pod, profile) select bad;
        var property = Prop.ForAll(cases.ToArbitrary(), bad =>
            m.IsDetectedIn(bad, profile).Label(PodGen.Admit(bad, profile).ToAggregateString()));
        Check.One(Seeds.QuickThrowOnFailure(ReplaySeed.Of(3004), 60), property);
    }

    [Fact]
    public void Every_mutation_applies_to_some_profile_checked_here()
    {
        var profiles = Support.Profiles().Concat(Support.GatedProfiles()).Select(p => Support.ProfileFor((string)p[0])).ToList();
        Assert.Empty(PodMutations.All.Where(m => !profiles.Any(m.AppliesTo)).Select(m => m.Name));
    }

    public static IEnumerable<object[]> Rules() => PodMutations.Rules.Select(r => new object[] { r });

    [Theory]
    [MemberData(nameof(Rules))]
    public void InvalidFor_yields_the_rule(string rule)
    {
        Profile[] candidates = [Profile.Default, Profile.For(KubernetesVersion.Oldest), .. Support.GatedProfiles().Select(p => Support.ProfileFor((string)p[0]))];
        var profile = candidates.First(p => PodMutations.All.Any(m => m.Rule == rule && m.AppliesTo(p)));
        foreach (var c in Seeds.Sample(PodGen.InvalidCasesFor(rule, profile), ReplaySeed.Of(3005), 30))
        {
            // Under the case's own gates (a drop's mutation turns its gate off, ADM-091).
            var under = GateSwitch.Apply(profile, c.Gates);
            Assert.True(PodMutation.Refuses(c.Pod, under, rule), rule + ": " + PodGen.Admit(c.Pod, under).ToAggregateString());
        }
    }

    [Fact]
    public void InvalidFor_an_unknown_rule_says_which_rules_exist()
    {
        var ex = Assert.Throws<ArgumentException>(() => PodGen.InvalidFor("VAL-999"));
        Assert.Contains("VAL-032", ex.Message, StringComparison.Ordinal);
    }

    [Property(Replay = "(3006,21)", MaxTest = 100)]
    public Property Invalid_cases_shrink_keeping_their_rule() =>
        Prop.ForAll(PodGen.InvalidArbFor(Profile.Default), c =>
            PodGen.InvalidArbFor(Profile.Default).Shrinker(c).Take(20).All(s => s.Mutation.IsDetectedIn(s.Pod, Profile.Default) && PodSize.Of(s.Pod) < PodSize.Of(c.Pod)));
}
