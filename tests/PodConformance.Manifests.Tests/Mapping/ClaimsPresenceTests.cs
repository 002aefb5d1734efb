using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Tests.Mapping;

/// <summary>
/// <c>resources.claims</c> given as a list, even <c>[]</c>, is a non-nil Go slice: validatePodResources refuses it at pod
/// level (<c>Claims != nil</c>, VAL-342) and an ephemeral container's resources count as set (VAL-016); <c>null</c> or no
/// key is nil. The reader keeps that in <c>ResourceRequirements.ClaimsGiven</c>, as it keeps <c>overhead: {}</c>.
/// </summary>
public class ClaimsPresenceTests
{
    [Theory]
    [InlineData("claims: []", true)]
    [InlineData("claims: [{name: c}]", true)]
    [InlineData("claims: null", false)]
    [InlineData("limits: {cpu: 1}", false)]
    public void A_given_claims_list_is_recorded_at_pod_and_container_level(string field, bool given)
    {
        string text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  resources: {" + field + "}\n  containers: [{name: c, image: i, resources: {" + field + "}}]\n";
        var result = PodManifestReader.ReadText(text, "p.yaml");
        Assert.Empty(result.Diagnostics);
        var pod = Assert.Single(result.Pods).Pod;
        Assert.Equal(given, pod.Spec.Resources!.ClaimsGiven);
        Assert.Equal(given, pod.Spec.Containers[0].Resources.ClaimsGiven);
    }

    /// <summary>The writers keep what the user wrote, so a request (the cluster adapter's body, a golden) still carries <c>claims: []</c>.</summary>
    [Fact]
    public void A_given_empty_claims_list_is_written_and_read_back()
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "p" },
            Spec = new PodSpec { Containers = [new Container { Name = "c", Image = "i" }], Resources = new ResourceRequirements { ClaimsGiven = true } },
        };
        string yaml = PodManifestWriter.ToYaml(pod);
        string json = PodManifestWriter.ToJson(pod);
        Assert.Contains("claims: []", yaml, StringComparison.Ordinal);
        Assert.Contains("\"claims\": []", json, StringComparison.Ordinal);
        foreach (var (text, file) in new[] { (yaml, "p.yaml"), (json, "p.json") })
        {
            var read = Assert.Single(PodManifestReader.ReadText(text, file).Pods).Pod;
            Assert.True(read.Spec.Resources!.ClaimsGiven, file);
            Assert.True(read.Spec.Resources.Claims.IsEmpty, file);
        }

        Assert.DoesNotContain("claims", PodManifestWriter.ToJson(pod with { Spec = pod.Spec with { Resources = new ResourceRequirements() } }), StringComparison.Ordinal);
    }
}
