using PodConformance.Manifests.Mapping;
using PodConformance.Manifests.Nodes;

namespace PodConformance.Manifests.Tests.Schema;

/// <summary>
/// The JSON text a YAML number reaches the decoder as (SCHEMA-006): go-yaml v2's value printed by encoding/json
/// (floatEncoder: 'f' format between 1e-6 and 1e21, else 'e' with "e-07" shortened to "e-7").
/// </summary>
public sealed class JsonNumberTests
{
    [Theory]
    [InlineData("0x10", ScalarKind.Int, "16")]
    [InlineData("1_000", ScalarKind.Int, "1000")]
    [InlineData("010", ScalarKind.Int, "8")]
    [InlineData("+5", ScalarKind.Int, "5")]
    [InlineData("1e3", ScalarKind.Float, "1000")]
    [InlineData("1.5", ScalarKind.Float, "1.5")]
    [InlineData("1.0", ScalarKind.Float, "1")]
    [InlineData("0.0000001", ScalarKind.Float, "1e-7")]
    [InlineData("1e21", ScalarKind.Float, "1e+21")]
    public void Yaml_numbers(string yaml, ScalarKind kind, string json) =>
        Assert.Equal(json, JsonNumber.Text(new ManifestScalar(yaml, kind), fromJson: false));

    [Fact]
    public void Json_numbers_are_kept_as_written() =>
        Assert.Equal("1.0", JsonNumber.Text(new ManifestScalar("1.0", ScalarKind.Float), fromJson: true));
}
