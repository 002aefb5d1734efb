using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators.Tests;

/// <summary><see cref="PodGen.ValidWithSecurity"/>: valid under every release, and it does use the security fields, more with size.</summary>
public sealed class SecurityGenTests
{
    public static IEnumerable<object[]> EveryRelease() =>
        Enumerable.Range(KubernetesVersion.Oldest.Minor, KubernetesVersion.Newest.Minor - KubernetesVersion.Oldest.Minor + 1).Select(m => new object[] { "1." + m });

    [Theory]
    [MemberData(nameof(EveryRelease))]
    public void Secured_pods_are_admitted_after_defaulting(string version)
    {
        var profile = Support.ProfileFor(version);
        var property = Prop.ForAll(Arb.From(PodGen.ValidWithSecurity), pod => PodGen.IsAdmitted(pod, profile).Label(PodGen.Admit(pod, profile).ToAggregateString() + "\n" + pod));
        Check.One(Seeds.QuickThrowOnFailure(ReplaySeed.Of(3101), 200), property);
    }

    [Fact]
    public void Larger_sizes_use_more_security_settings()
    {
        int Secured(int size) => Seeds.Sample(PodGen.ValidWithSecurity, ReplaySeed.Of(3102), 200, size)
            .Count(p => p.Spec.SecurityContext is not null || p.Spec.OS is not null || p.Spec.Containers.Any(c => c.SecurityContext is not null));
        int small = Secured(1);
        int large = Secured(60);
        Assert.True(large > small, $"size 1: {small}, size 60: {large}");
        Assert.True(large > 100, "size 60 secured only " + large + " of 200");
    }

    [Fact]
    public void Every_security_rule_has_an_invalid_variant()
    {
        foreach (var m in SecurityMutations.All)
        {
            Assert.Contains(m, PodMutations.All);
        }

        Assert.Equal(22, SecurityMutations.All.Select(m => m.Rule).Distinct().Count());
    }
}
