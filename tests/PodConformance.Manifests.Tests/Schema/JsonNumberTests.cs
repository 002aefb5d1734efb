using PodConformance.Manifests.Mapping;
using PodConformance.Manifests.Nodes;

namespace PodConformance.Manifests.Tests.Schema;

/// <summary>
/// The JSON text a YAML number reaches the decoder as (SCHEMA-006): go-yaml v2's value printed by encoding/json
/// (floatEncoder: 'f' format between 1e-6 and 1e21, else 'e' with "e-07" shortened to "e-7"). Expected texts are
/// sigs.k8s.io/yaml's YAMLToJSON output, Schema/YamlNumberOracle/vectors.json (see <see cref="YamlNumberOracleVectors"/>).
/// </summary>
public sealed class JsonNumberTests
{
    /// <summary>The YAML inputs that go-yaml v2 decodes to a number, with the kind its Go type stands for.</summary>
    public static TheoryData<string, ScalarKind, string> YamlNumbers()
    {
        var data = new TheoryData<string, ScalarKind, string>();
        foreach (var r in YamlNumberOracleVectors.All)
        {
            ScalarKind? kind = r.GoType switch
            {
                "int" or "int64" or "uint64" => ScalarKind.Int,
                "float64" => ScalarKind.Float,
                _ => null,
            };
            if (r.Yaml is not null && kind is { } k)
            {
                data.Add(r.Yaml, k, r.Json);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(YamlNumbers))]
    public void Yaml_numbers(string yaml, ScalarKind kind, string json) =>
        Assert.Equal(json, JsonNumber.Text(new ManifestScalar(yaml, kind), fromJson: false));

    [Fact]
    public void Json_numbers_are_kept_as_written() =>
        Assert.Equal("1.0", JsonNumber.Text(new ManifestScalar("1.0", ScalarKind.Float), fromJson: true));
}
