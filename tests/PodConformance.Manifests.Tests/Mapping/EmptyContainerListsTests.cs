using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Tests.Mapping;

/// <summary>
/// A container's <c>ports: []</c>, <c>resizePolicy: []</c>, <c>restartPolicyRules: []</c> are non-nil empty Go slices
/// (encoding/json makes an empty slice for <c>[]</c>; the v1→internal conversion keeps it, zz_generated.conversion.go
/// v1.35.4), which make an ephemeral container's field "set" (validateFieldAllowList's reflect.DeepEqual, VAL-016);
/// <c>null</c> or no key is nil. The reader keeps an empty given list in the container's *GivenEmpty marks (only for an
/// empty one, so a container with ports reads equal to the same container built in code), and the writers keep it.
/// </summary>
public class EmptyContainerListsTests
{
    [Theory]
    [InlineData("ports: []", true, false, false)]
    [InlineData("resizePolicy: []", false, true, false)]
    [InlineData("restartPolicyRules: []", false, false, true)]
    [InlineData("ports: [], resizePolicy: [], restartPolicyRules: []", true, true, true)]
    [InlineData("ports: null, resizePolicy: null, restartPolicyRules: null", false, false, false)]
    [InlineData("ports: [{containerPort: 80}], resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]", false, false, false)]
    [InlineData("command: [], env: []", false, false, false)]
    public void An_empty_given_list_is_recorded_in_every_container_list(string fields, bool ports, bool resizePolicy, bool rules)
    {
        string c = "{name: X, image: i, " + fields + "}";
        string text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [" + c.Replace("X", "c", StringComparison.Ordinal)
            + "]\n  initContainers: [" + c.Replace("X", "i", StringComparison.Ordinal) + "]\n  ephemeralContainers: [" + c.Replace("X", "e", StringComparison.Ordinal) + "]\n";
        var result = PodManifestReader.ReadText(text, "p.yaml");
        Assert.False(result.HasErrors, string.Join("; ", result.Errors.Select(e => e.Path + ": " + e.Message)));
        var spec = Assert.Single(result.Pods).Pod.Spec;
        foreach (var read in new[] { spec.Containers[0], spec.InitContainers[0], spec.EphemeralContainers[0] })
        {
            Assert.Equal(ports, read.PortsGivenEmpty);
            Assert.Equal(resizePolicy, read.ResizePolicyGivenEmpty);
            Assert.Equal(rules, read.RestartPolicyRulesGivenEmpty);
        }
    }

    [Fact]
    public void Given_empty_lists_are_written_and_read_back()
    {
        var marked = new Container { Name = "e", Image = "i", PortsGivenEmpty = true, ResizePolicyGivenEmpty = true, RestartPolicyRulesGivenEmpty = true };
        var pod = new Pod { Metadata = new ObjectMeta { Name = "p" }, Spec = new PodSpec { EphemeralContainers = [marked] } };
        string yaml = PodManifestWriter.ToYaml(pod);
        string json = PodManifestWriter.ToJson(pod);
        foreach (string key in new[] { "ports", "resizePolicy", "restartPolicyRules" })
        {
            Assert.Contains(key + ": []", yaml, StringComparison.Ordinal);
            Assert.Contains("\"" + key + "\": []", json, StringComparison.Ordinal);
        }

        foreach (var (text, file) in new[] { (yaml, "p.yaml"), (json, "p.json") })
        {
            var read = Assert.Single(PodManifestReader.ReadText(text, file).Pods).Pod;
            Assert.Equal(pod.Spec.EphemeralContainers[0], read.Spec.EphemeralContainers[0]);
        }

        var plain = pod with { Spec = pod.Spec with { EphemeralContainers = [new Container { Name = "e", Image = "i" }] } };
        string plainJson = PodManifestWriter.ToJson(plain);
        Assert.DoesNotContain("ports", plainJson, StringComparison.Ordinal);
        Assert.DoesNotContain("resizePolicy", plainJson, StringComparison.Ordinal);
        Assert.DoesNotContain("restartPolicyRules", plainJson, StringComparison.Ordinal);
    }
}
