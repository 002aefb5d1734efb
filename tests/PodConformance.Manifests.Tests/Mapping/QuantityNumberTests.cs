using PodConformance.Manifests.Reading;
using PodConformance.Model.Quantities;

namespace PodConformance.Manifests.Tests.Mapping;

/// <summary>
/// A quantity written as a YAML number reaches the API server as kubectl's sigs.k8s.io/yaml prints it (SCHEMA-006), and
/// ParseQuantity sees that text, which decides the cached text and Go's internal form (QTY-020, VAL-031). Expected JSON
/// texts from running sigs.k8s.io/yaml v1.3.0's YAMLToJSON (Debian golang-k8s-sigs-yaml-dev 1.3.0, Go 1.19) on
/// <c>a: 1e3, b: 0.50, c: 1.250, d: 010, e: 0x10, f: 1.5000, j: 0.0000001</c>:
/// <c>{"a":1000,"b":0.5,"c":1.25,"d":8,"e":16,"f":1.5,"j":1e-7}</c>; the printed texts from ParseQuantity(…).String() of
/// apimachinery v0.28.0 on those (<c>1000</c> → <c>1k</c>, <c>1e-7</c> → <c>100e-9</c>). JSON input is decoded as written.
/// </summary>
public class QuantityNumberTests
{
    [Theory]
    [InlineData("1e3", "1k")] // sent as 1000: not cached (ends in 000), printed canonically
    [InlineData("0.50", "500m")]
    [InlineData("1.250", "1250m")]
    [InlineData("010", "8")]
    [InlineData("0x10", "16")]
    [InlineData("0.0000001", "100e-9")] // sent as 1e-7
    [InlineData("\"1e3\"", "1e3")]
    [InlineData("\"1.250\"", "1.250")]
    public void A_YAML_number_is_parsed_from_the_JSON_text_kubectl_sends(string written, string text)
    {
        var pod = Read("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: i, resources: {limits: {cpu: " + written + "}}}]\n", "p.yaml");
        var q = pod.Spec.Containers[0].Resources.Limits["cpu"];
        Assert.Equal(text, q.ToString());
    }

    [Fact]
    public void A_JSON_number_is_parsed_as_written()
    {
        var pod = Read("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\",\"resources\":{\"limits\":{\"cpu\":1.250}}}]}}", "p.json");
        Assert.Equal("1.250", pod.Spec.Containers[0].Resources.Limits["cpu"].ToString());
    }

    /// <summary>The same value, but Go's form differs: YAML <c>0.50</c> is sent as <c>0.5</c> (int64Amount{5, -1}), JSON <c>0.50</c> stays {50, -2}.</summary>
    [Fact]
    public void YAML_and_JSON_spellings_of_one_value_keep_Go_forms_apart()
    {
        var yaml = Read("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: i, resources: {limits: {example.com/gpu: 0.50}}}]\n", "p.yaml");
        var json = Read("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\",\"resources\":{\"limits\":{\"example.com/gpu\":0.50}}}]}}", "p.json");
        var v133 = new Model.Profiles.KubernetesVersion(1, 33);
        Assert.Contains("value:5, scale:-1", Model.Validation.GoValueText.Quantity(yaml.Spec.Containers[0].Resources.Limits["example.com/gpu"], v133).ToString(), StringComparison.Ordinal);
        Assert.Contains("value:50, scale:-2", Model.Validation.GoValueText.Quantity(json.Spec.Containers[0].Resources.Limits["example.com/gpu"], v133).ToString(), StringComparison.Ordinal);
    }

    private static Model.Api.Pod Read(string text, string file)
    {
        var result = PodManifestReader.ReadText(text, file);
        Assert.Empty(result.Diagnostics);
        return Assert.Single(result.Pods).Pod;
    }
}
