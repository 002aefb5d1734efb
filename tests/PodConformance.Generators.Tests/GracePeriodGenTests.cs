using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Admission;
using PodConformance.Model.Defaulting;

namespace PodConformance.Generators.Tests;

/// <summary>
/// <see cref="GracePeriodGen"/> through <see cref="PodGen.ValidWholeApiFor"/>: accepted by the create path under every
/// release, negative grace periods only where decoding raises them to 1 (and there they are stored as 1).
/// </summary>
public sealed class GracePeriodGenTests
{
    [Theory]
    [MemberData(nameof(SecurityGenTests.EveryRelease), MemberType = typeof(SecurityGenTests))]
    public void Whole_api_pods_of_a_release_are_accepted_by_its_create_path(string version)
    {
        var profile = Support.ProfileFor(version);
        var property = Prop.ForAll(Arb.From(PodGen.ValidWholeApiFor(profile)), pod =>
        {
            var created = PodCreate.Run(pod, profile);
            return created.Accepted.Label((created.Rejection?.ToString() ?? "") + created.Validation.ToAggregateString() + "\n" + pod);
        });
        Check.One(Seeds.QuickThrowOnFailure(ReplaySeed.Of(3141), 100), property);
    }

    [Theory]
    [MemberData(nameof(SecurityGenTests.EveryRelease), MemberType = typeof(SecurityGenTests))]
    public void Negative_grace_periods_only_where_decoding_clamps_them(string version)
    {
        var profile = Support.ProfileFor(version);
        var pods = Seeds.Sample(PodGen.ValidWholeApiFor(profile), ReplaySeed.Of(3142), 300, 50);
        var negative = pods.Where(p => p.Spec.TerminationGracePeriodSeconds is < 0).ToList();
        Assert.Contains(pods, p => p.Spec.TerminationGracePeriodSeconds is >= 0);
        if (!PodDefaulter.ClampsNegativeGracePeriod(profile))
        {
            Assert.Empty(negative);
            return;
        }

        Assert.InRange(negative.Count, 5, 60);
        Assert.All(negative, p => Assert.Equal(1, PodCreate.Run(p, profile).Stored.Spec.TerminationGracePeriodSeconds));
    }
}
