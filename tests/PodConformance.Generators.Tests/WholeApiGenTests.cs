using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Admission;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators.Tests;

/// <summary>
/// <see cref="PodGen.ValidWholeApi"/> (<see cref="PlacementGen"/>, <see cref="VolumeKindsGen"/>): accepted by the whole
/// create path under every release, and it does use the scheduling, DNS, claim and volume fields, more with size.
/// </summary>
public sealed class WholeApiGenTests
{
    [Theory]
    [MemberData(nameof(SecurityGenTests.EveryRelease), MemberType = typeof(SecurityGenTests))]
    public void Whole_api_pods_are_accepted_by_the_create_path(string version)
    {
        var profile = Support.ProfileFor(version);
        var property = Prop.ForAll(Arb.From(PodGen.ValidWholeApi), pod =>
        {
            var created = PodCreate.Run(pod, profile);
            return (created.Accepted && PodGen.IsAdmitted(pod, profile))
                .Label((created.Rejection?.ToString() ?? "") + created.Validation.ToAggregateString() + "\n" + PodGen.Admit(pod, profile).ToAggregateString() + "\n" + pod);
        });
        Check.One(Seeds.QuickThrowOnFailure(ReplaySeed.Of(3111), 200), property);
    }

    [Fact]
    public void Larger_sizes_use_more_of_the_api()
    {
        int Placed(int size) => Seeds.Sample(PodGen.ValidWholeApi, ReplaySeed.Of(3112), 200, size)
            .Count(p => p.Spec.Affinity is not null || !p.Spec.Tolerations.IsEmpty || !p.Spec.TopologySpreadConstraints.IsEmpty || p.Spec.DNSConfig is not null
                || !p.Spec.HostAliases.IsEmpty || !p.Spec.NodeSelector.IsEmpty || !p.Spec.ResourceClaims.IsEmpty);
        int Extra(int size) => Seeds.Sample(PodGen.ValidWholeApi, ReplaySeed.Of(3113), 200, size)
            .Count(p => p.Spec.Volumes.Any(v => VolumeKindsGen.NamePool.Contains(v.Name)));
        Assert.True(Placed(60) > Placed(1) && Placed(60) > 80, $"placement: size 1 {Placed(1)}, size 60 {Placed(60)}");
        Assert.True(Extra(60) > Extra(1) && Extra(60) > 80, $"volume kinds: size 1 {Extra(1)}, size 60 {Extra(60)}");
    }

    [Fact]
    public void Every_kind_and_field_appears()
    {
        var pods = Seeds.Sample(PodGen.ValidWholeApi, ReplaySeed.Of(3114), 400, 80);
        foreach (string name in VolumeKindsGen.NamePool)
        {
            Assert.Contains(pods, p => p.Spec.Volumes.Any(v => v.Name == name));
        }

        Assert.Contains(pods, p => p.Spec.Affinity?.NodeAffinity is not null);
        Assert.Contains(pods, p => p.Spec.Affinity?.PodAffinity is not null);
        Assert.Contains(pods, p => p.Spec.Affinity?.PodAntiAffinity is not null);
        Assert.Contains(pods, p => p.Spec.DnsPolicy == "None");
        Assert.Contains(pods, p => !p.Spec.SchedulingGates.IsEmpty);
        Assert.Contains(pods, p => !p.Spec.ReadinessGates.IsEmpty);
        Assert.Contains(pods, p => p.Spec.Hostname.Length != 0);
        Assert.Contains(pods, p => p.Spec.Containers.Any(c => !c.VolumeDevices.IsEmpty));
    }

    [Fact]
    public void Every_placement_and_volume_mutation_is_in_the_catalogue()
    {
        foreach (var m in PlacementMutations.All.Concat(VolumeMutations.All))
        {
            Assert.Contains(m, PodMutations.All);
        }

        Assert.Equal(PodMutations.All.Count, PodMutations.All.Select(m => m.Name).Distinct().Count());
    }

    /// <summary>Shrinking removes the placement fields and unused volumes, each step smaller, and keeps the pod valid.</summary>
    [Fact]
    public void Shrinks_remove_placement_fields_and_stay_valid()
    {
        var profile = Profile.Default;
        var pods = Seeds.Sample(PodGen.ValidWholeApi, ReplaySeed.Of(3115), 60, 90).Where(p => p.Spec.Affinity is not null || !p.Spec.Tolerations.IsEmpty).ToList();
        Assert.NotEmpty(pods);
        foreach (var pod in pods)
        {
            var shrinks = PodShrinker.Shrink(pod, profile).ToList();
            Assert.All(shrinks, s => Assert.True(PodSize.Of(s) < PodSize.Of(pod) && PodGen.IsAdmitted(s, profile)));
            if (pod.Spec.Affinity is not null)
            {
                Assert.Contains(shrinks, s => s.Spec.Affinity is null);
            }
        }
    }
}
