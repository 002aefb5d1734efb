using PodConformance.Model.Admission;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Generators.Tests;

/// <summary>
/// <see cref="HostnameGen"/>'s spec.hostnameOverride (ENV-012 with HostnameOverride on, VAL-076): a third of the cases set
/// one; with a valid one the kubelet's hostname is the override (cut at 63 characters, trailing <c>.</c> removed) and no
/// domain, and the create refuses the invalid one with VAL-076; no case pairs an override with hostNetwork or
/// setHostnameAsFQDN: true.
/// </summary>
public sealed class HostnameGenTests
{
    [Fact]
    public void Hostname_overrides_are_drawn_admitted_when_valid_and_name_the_pod()
    {
        var profile = Profile.Default;
        Assert.True(profile.IsEnabled(FeatureGateNames.HostnameOverride));
        var cases = Seeds.Sample(HostnameGen.Case, ReplaySeed.Of(6101), 300);
        var overridden = cases.Where(c => c.Pod.Spec.HostnameOverride is not null).ToList();
        Assert.InRange(overridden.Count, 60, 140);
        Assert.All(HostnameGen.HostnameOverrides, o => Assert.Contains(overridden, c => c.Pod.Spec.HostnameOverride == o));
        Assert.All(overridden, c => Assert.False(c.Pod.Spec.HostNetwork || c.Pod.Spec.SetHostnameAsFQDN == true));

        foreach (var c in overridden)
        {
            var created = PodCreate.Run(c.Pod, profile);
            string name = c.Pod.Spec.HostnameOverride!;
            if (name == "Bad_Name")
            {
                Assert.True(created.Rejection?.Validation?.Errors.Any(e => e.Rule == ValidationRules.HostnameOverride), created.Rejection?.Message);
                continue;
            }

            Assert.True(created.Accepted, created.Rejection?.Message);
            Assert.True(PodHostname.TryGenerate(created.Stored, PodHostname.DefaultClusterDomain, profile, out string hostname, out string domain, out _));
            Assert.Equal(name.Length <= 63 ? name : name[..63].TrimEnd('.', '-'), hostname);
            Assert.Equal("", domain);
        }

        Assert.Contains(overridden, c => c.Pod.Spec.HostnameOverride!.Length == 64 && c.Pod.Spec.HostnameOverride[62] == '.');
    }

    [Fact]
    public void Shrinking_drops_the_override_first()
    {
        var c = Seeds.Sample(HostnameGen.Case, ReplaySeed.Of(6102), 200).First(c => c.Pod.Spec.HostnameOverride is { Length: 64 });
        var candidates = HostnameShrinker.Shrink(c).ToList();
        Assert.Null(candidates[0].Pod.Spec.HostnameOverride);
        Assert.Contains(candidates, s => s.Pod.Spec.HostnameOverride is { Length: < 64 });
    }
}
