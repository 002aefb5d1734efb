using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

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

    private static Pod WithOverhead(bool given, ValueMap<Quantity> overhead = default) => new()
    {
        Metadata = new ObjectMeta { Name = "p" },
        Spec = new PodSpec { Containers = [new Container { Name = "c", Image = "i" }], Overhead = overhead, OverheadGiven = given },
    };

    /// <summary>
    /// The writers keep what the user wrote: a pod read from <c>overhead: {}</c> is written with it (YAML and JSON), so
    /// the cases the suite writes (goldens, reports, the cluster adapter's request body) still carry the map ADM-013 refuses.
    /// </summary>
    [Fact]
    public void A_given_empty_overhead_is_written_and_read_back()
    {
        var pod = WithOverhead(given: true);
        string yaml = PodManifestWriter.ToYaml(pod);
        string json = PodManifestWriter.ToJson(pod);
        Assert.Contains("\n  overhead: {}\n", yaml, StringComparison.Ordinal);
        Assert.Contains("\"overhead\": {}", json, StringComparison.Ordinal);
        foreach (var (text, file) in new[] { (yaml, "p.yaml"), (json, "p.json") })
        {
            var read = Assert.Single(PodManifestReader.ReadText(text, file).Pods).Pod;
            Assert.True(read.Spec.OverheadGiven, file);
            Assert.True(read.Spec.Overhead.IsEmpty, file);
        }
    }

    /// <summary>Go's omitempty: a pod that does not say it was given an overhead (absent, null, or a stored pod) writes none.</summary>
    [Fact]
    public void An_empty_overhead_not_given_is_omitted_and_a_set_one_is_written()
    {
        Assert.DoesNotContain("overhead", PodManifestWriter.ToJson(WithOverhead(given: false)), StringComparison.Ordinal);
        Assert.Contains("\"overhead\": {\n            \"cpu\": \"250m\"\n        }", PodManifestWriter.ToJson(WithOverhead(given: true, ValueMap.Of(("cpu", Quantity.Parse("250m"))))), StringComparison.Ordinal);
    }
}
