using PodConformance.Model.Admission;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators.Tests;

/// <summary><see cref="ServiceAccountGen"/> through <see cref="PodGen.ValidWholeApi"/>: every form of name and alias, and the account in effect is always <c>default</c>.</summary>
public sealed class ServiceAccountGenTests
{
    [Fact]
    public void Every_form_of_name_and_alias_appears()
    {
        var specs = Seeds.Sample(PodGen.ValidWholeApi, ReplaySeed.Of(3131), 300, 50).Select(p => p.Spec).ToList();
        Assert.Contains(specs, s => s.ServiceAccountName.Length == 0 && s.DeprecatedServiceAccount.Length == 0);
        Assert.Contains(specs, s => s.ServiceAccountName == ServiceAccountGen.Default && s.DeprecatedServiceAccount.Length == 0);
        Assert.Contains(specs, s => s.ServiceAccountName.Length == 0 && s.DeprecatedServiceAccount == ServiceAccountGen.Default);
        Assert.Contains(specs, s => s.ServiceAccountName == ServiceAccountGen.Default && s.DeprecatedServiceAccount == ServiceAccountGen.Default);
        foreach (string alias in ServiceAccountGen.OtherAliases)
        {
            Assert.Contains(specs, s => s.ServiceAccountName == ServiceAccountGen.Default && s.DeprecatedServiceAccount == alias);
        }
    }

    /// <summary>Why only <c>default</c> takes effect: every release stores it in both fields, whatever alias came with it (DEF-025, ADM-030).</summary>
    [Theory]
    [MemberData(nameof(Support.Profiles), MemberType = typeof(Support))]
    public void The_stored_pod_names_default_in_both_fields(string version)
    {
        var profile = Support.ProfileFor(version);
        foreach (var pod in Seeds.Sample(PodGen.ValidWholeApi, ReplaySeed.Of(3132), 120, 50))
        {
            var created = PodCreate.Run(pod, profile);
            Assert.True(created.Accepted, created.Validation.ToAggregateString() + "\n" + pod);
            Assert.Equal(ServiceAccountGen.Default, created.Stored.Spec.ServiceAccountName);
            Assert.Equal(ServiceAccountGen.Default, created.Stored.Spec.DeprecatedServiceAccount);
        }
    }
}
