using PodConformance.Manifests.Reading;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Model.Tests.Validation.Upstream;

/// <summary>The kubernetes/website volume example issue 9 names: valid once defaulting fills the fieldRef apiVersion.</summary>
public class WebsiteVolumeExampleTests
{
    [Theory]
    [InlineData(28)]
    [InlineData(33)]
    [InlineData(37)]
    public void Dapi_volume_example_is_valid_after_defaulting(int minor)
    {
        var profile = Profile.For(new KubernetesVersion(1, minor));
        string file = Path.Combine(AppContext.BaseDirectory, "Validation", "Upstream", "website", "dapi-volume.yaml");
        var read = PodManifestReader.ReadFile(file, profile.Version);
        Assert.False(read.HasErrors);
        Assert.Empty(read.Warnings);
        var pod = Assert.Single(read.Pods).Pod;

        // Undefaulted, the items lack apiVersion: what `podconf validate` reported before DEF-016 reached volumes.
        Assert.Contains(PodValidator.Validate(pod, profile).Errors, e => e.Field == "spec.volumes[0].downwardAPI.fieldRef.apiVersion");

        var changes = new List<DefaultingChange>();
        var defaulted = PodDefaulter.Apply(pod, profile, changes);
        Assert.Equal(ValidationResult.Valid, PodValidator.Validate(defaulted, profile));
        Assert.Contains(new DefaultingChange(DefaultingRules.FieldRefApiVersion, "spec.volumes[0].downwardAPI.items[0].fieldRef.apiVersion", "v1"), changes);
        Assert.Contains(new DefaultingChange(DefaultingRules.VolumeDefaultMode, "spec.volumes[0].downwardAPI.defaultMode", "420"), changes);
        Assert.Equal(420, defaulted.Spec.Volumes[0].DownwardApiDefaultMode);
    }
}
