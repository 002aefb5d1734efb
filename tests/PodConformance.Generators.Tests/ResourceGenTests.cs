using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Generators.Tests;

public sealed class ResourceGenTests
{
    public static IEnumerable<object[]> Shapes() => Enum.GetValues<ResourceShape>().Select(s => new object[] { s });

    private static Pod InPod(ResourceRequirements r) => new()
    {
        Metadata = new ObjectMeta { Name = "p" },
        Spec = new PodSpec { Containers = [new Container { Name = "c0", Image = "nginx", Resources = r }] },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_shape_is_valid_with_requests_within_limits(ResourceShape shape)
    {
        foreach (var r in Seeds.Sample(ResourceGen.Of(shape), ReplaySeed.Of(31 + (ulong)shape), 100))
        {
            foreach (var profile in new[] { Profile.Default, Profile.For(KubernetesVersion.Oldest) })
            {
                var result = PodGen.Admit(InPod(r), profile);
                Assert.True(result.IsValid, shape + " " + r + ": " + result.ToAggregateString());
            }

            foreach (var (name, request) in r.Requests)
            {
                Assert.True(!r.Limits.TryGetValue(name, out var limit) || request <= limit, r.ToString());
            }
        }
    }

    [Fact]
    public void Shapes_hit_their_boundaries()
    {
        Assert.All(Seeds.Sample(ResourceGen.Of(ResourceShape.Equal), ReplaySeed.Of(41), 50), r => Assert.Equal(r.Limits, r.Requests));
        Assert.All(Seeds.Sample(ResourceGen.Of(ResourceShape.LimitsOnly), ReplaySeed.Of(42), 50), r => Assert.True(r.Requests.IsEmpty && !r.Limits.IsEmpty));
        Assert.All(Seeds.Sample(ResourceGen.Of(ResourceShape.RequestsOnly), ReplaySeed.Of(43), 50), r => Assert.True(!r.Requests.IsEmpty && r.Limits.IsEmpty));
        Assert.All(Seeds.Sample(ResourceGen.Of(ResourceShape.CpuOnly), ReplaySeed.Of(44), 50), r => Assert.DoesNotContain("memory", r.Requests.Keys.Concat(r.Limits.Keys)));
        var extras = Seeds.Sample(ResourceGen.Of(ResourceShape.WithExtras), ReplaySeed.Of(45), 200);
        Assert.Contains(extras, r => r.Limits.Keys.Any(k => k.StartsWith("hugepages-", StringComparison.Ordinal)));
        Assert.Contains(extras, r => r.Limits.ContainsKey("ephemeral-storage"));
        Assert.Contains(extras, r => r.Limits.Keys.Any(k => k.Contains('/', StringComparison.Ordinal)));
    }

    [FsCheck.Xunit.Property(Replay = "(2001,17)", MaxTest = 200)]
    public Property Request_above_limit_is_rejected_with_VAL_032() =>
        Prop.ForAll(ResourceGen.RequestAboveLimit.ToArbitrary(), r =>
            PodGen.Admit(InPod(r), Profile.Default).Errors.Any(e => e.Rule == ValidationRules.RequestsWithinLimits));
}
