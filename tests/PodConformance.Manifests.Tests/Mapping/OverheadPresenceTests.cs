using PodConformance.Manifests.Reading;

namespace PodConformance.Manifests.Tests.Mapping;

/// <summary>
/// <c>spec.overhead</c> given as a map, even <c>{}</c>, is a non-nil Go map that the RuntimeClass plugin refuses without a
/// RuntimeClass (ADM-013); <c>null</c> or no key is nil. The reader keeps that in <c>PodSpec.OverheadGiven</c>.
/// </summary>
public class OverheadPresenceTests
{
    [Theory]
    [InlineData("overhead: {}", true)]
    [InlineData("overhead: {cpu: 100m}", true)]
    [InlineData("overhead: null", false)]
    [InlineData("hostNetwork: false", false)]
    public void A_given_overhead_map_is_recorded(string field, bool given)
    {
        string text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  " + field + "\n  containers: [{name: c, image: i}]\n";
        var result = PodManifestReader.ReadText(text, "p.yaml");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(given, Assert.Single(result.Pods).Pod.Spec.OverheadGiven);
    }
}
