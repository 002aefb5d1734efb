using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Tests.Mapping;

/// <summary>
/// <c>resources.limits: {}</c> / <c>requests: {}</c> are non-nil empty Go maps, which make an ephemeral container's
/// resources "set" (validateFieldAllowList's reflect.DeepEqual, VAL-016); <c>null</c> or no key is nil. The reader keeps an
/// empty given map in <c>LimitsGivenEmpty</c>/<c>RequestsGivenEmpty</c> (only for an empty one, so a pod with limits reads
/// equal to the same pod built in code), and the writers keep it in a request.
/// </summary>
public class EmptyResourceMapsTests
{
    [Theory]
    [InlineData("limits: {}", true, false)]
    [InlineData("requests: {}", false, true)]
    [InlineData("limits: {}, requests: {}", true, true)]
    [InlineData("limits: null, requests: null", false, false)]
    [InlineData("limits: {cpu: 1}, requests: {cpu: 1}", false, false)]
    [InlineData("claims: []", false, false)]
    public void An_empty_given_map_is_recorded_at_pod_and_container_level(string fields, bool limits, bool requests)
    {
        string text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  resources: {" + fields + "}\n  containers: [{name: c, image: i, resources: {" + fields + "}}]\n";
        var result = PodManifestReader.ReadText(text, "p.yaml");
        Assert.Empty(result.Diagnostics);
        var pod = Assert.Single(result.Pods).Pod;
        foreach (var r in new[] { pod.Spec.Resources!, pod.Spec.Containers[0].Resources })
        {
            Assert.Equal(limits, r.LimitsGivenEmpty);
            Assert.Equal(requests, r.RequestsGivenEmpty);
        }
    }

    [Fact]
    public void A_given_empty_map_is_written_and_read_back()
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "p" },
            Spec = new PodSpec { EphemeralContainers = [new Container { Name = "c", Image = "i", Resources = new ResourceRequirements { LimitsGivenEmpty = true, RequestsGivenEmpty = true } }] },
        };
        string yaml = PodManifestWriter.ToYaml(pod);
        string json = PodManifestWriter.ToJson(pod);
        Assert.Contains("limits: {}", yaml, StringComparison.Ordinal);
        Assert.Contains("requests: {}", yaml, StringComparison.Ordinal);
        Assert.Contains("\"limits\": {}", json, StringComparison.Ordinal);
        foreach (var (text, file) in new[] { (yaml, "p.yaml"), (json, "p.json") })
        {
            var read = Assert.Single(PodManifestReader.ReadText(text, file).Pods).Pod.Spec.EphemeralContainers[0].Resources;
            Assert.True(read.LimitsGivenEmpty && read.RequestsGivenEmpty, file);
            Assert.True(read.Limits.IsEmpty && read.Requests.IsEmpty, file);
        }

        var plain = pod with { Spec = pod.Spec with { EphemeralContainers = [new Container { Name = "c", Image = "i" }] } };
        Assert.DoesNotContain("limits", PodManifestWriter.ToJson(plain), StringComparison.Ordinal);
    }
}
