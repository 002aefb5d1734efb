using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Tests.Schema;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Manifests.Tests.Mapping;

/// <summary>
/// A quantity written as a YAML number reaches the API server as kubectl's sigs.k8s.io/yaml prints it (SCHEMA-006), and
/// ParseQuantity sees that text, which decides the cached text and Go's internal form (QTY-020, VAL-031): YAML
/// <c>0.50</c> is sent as <c>0.5</c> (<c>int64Amount{5, -1}</c>), JSON <c>0.50</c> is decoded as written and stays
/// <c>{50, -2}</c>. Expected texts are Go's, Schema/YamlNumberOracle/vectors.json (YAMLToJSON, then apimachinery's
/// UnmarshalJSON, String() and the %#v that VAL-031 prints up to 1.33; see <see cref="YamlNumberOracleVectors"/>).
/// </summary>
public class QuantityNumberTests
{
    /// <summary>Every input ParseQuantity accepts: (written as YAML?, the text written).</summary>
    public static TheoryData<bool, string> Quantities()
    {
        var data = new TheoryData<bool, string>();
        foreach (var r in YamlNumberOracleVectors.All)
        {
            if (r.Quantity is not null)
            {
                data.Add(r.Yaml is not null, r.Yaml ?? r.Json);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Quantities))]
    public void A_quantity_is_parsed_from_the_JSON_text_the_API_server_receives(bool yaml, string written)
    {
        var go = YamlNumberOracleVectors.All.Single(r => yaml ? r.Yaml == written : r.Yaml is null && r.Json == written);
        var pod = yaml
            ? Read("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: i, resources: {limits: {cpu: " + written + "}}}]\n", "p.yaml")
            : Read("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\",\"resources\":{\"limits\":{\"cpu\":" + written + "}}}]}}", "p.json");
        var q = pod.Spec.Containers[0].Resources.Limits["cpu"];
        Assert.Equal(go.Quantity, q.ToString());
        Assert.Equal(go.Parsed, GoValueText.Quantity(q, new KubernetesVersion(1, 33)).ToString());
    }

    private static Model.Api.Pod Read(string text, string file)
    {
        var result = PodManifestReader.ReadText(text, file);
        Assert.Empty(result.Diagnostics);
        return Assert.Single(result.Pods).Pod;
    }
}
