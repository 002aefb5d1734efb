using System.Globalization;
using System.Text;
using PodConformance.Manifests.Mapping;
using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Objects;
using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Tests.Schema;

namespace PodConformance.Manifests.Tests.Mapping;

/// <summary>
/// ADM-019: a <c>[]byte</c> value of an <c>--objects</c> object (a Secret's <c>data</c>, a ConfigMap's <c>binaryData</c>)
/// given as a JSON array of byte numbers, against what sigs.k8s.io/json answers for it (Schema/ByteSliceOracle: its
/// <c>decodeState.array</c> into a slice, <c>literalStore</c> of each element into a <c>uint8</c>).
/// </summary>
public class GoByteSliceTests
{
    public static TheoryData<int> Vectors() => [.. Enumerable.Range(0, ByteSliceOracleVectors.All.Count)];

    private static string Field(string kind) => kind == "Secret" ? "data" : "binaryData";

    private static EnvObjects Map(string text, string file) => EnvObjectMapper.Map(PodManifestReader.ReadText(text, file).OtherObjects);

    /// <summary>
    /// Each vector as a JSON object: decoded values give the Secret those bytes; refused ones give Go's error, word for
    /// word, as the first error (Go keeps only the first; the model reports every bad element at its own place).
    /// </summary>
    [Theory]
    [MemberData(nameof(Vectors))]
    public void A_json_value_decodes_as_the_API_servers_decoder_decodes_it(int index)
    {
        var v = ByteSliceOracleVectors.All[index];
        string json = "{\"apiVersion\": \"v1\", \"kind\": \"" + v.Kind + "\", \"metadata\": {\"name\": \"o\"}, \"" + Field(v.Kind) + "\": {\"k\": " + v.Json + "}}";
        var objects = Map(json, "o.json");
        var errors = objects.Diagnostics.Where(d => d.IsError).ToList();

        if (v.Error is { } expected)
        {
            Assert.NotEmpty(errors);
            Assert.Equal(expected, errors[0].Message);
            Assert.Empty(objects.Secrets);
            return;
        }

        Assert.Empty(errors);
        if (v.Kind == "Secret")
        {
            var secret = Assert.Single(objects.Secrets);
            Assert.Equal(Encoding.UTF8.GetString(v.Bytes ?? []), secret.Data["k"]);
        }
        else
        {
            Assert.Single(objects.ConfigMaps);
        }
    }

    /// <summary>The element reader itself, on each vector's array elements: the byte values, or the failing element's name.</summary>
    [Theory]
    [MemberData(nameof(Vectors))]
    public void TryElement_gives_the_oracles_bytes_and_its_first_refusal(int index)
    {
        var v = ByteSliceOracleVectors.All[index];
        var value = PodManifestReader.ReadText("{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"metadata\": {\"name\": \"o\"}, \"data\": {\"k\": " + v.Json + "}}", "o.json")
            .OtherObjects[0].Raw.Get("data") is ManifestMapping data ? data.Get("k") : null;
        if (value is not ManifestSequence array)
        {
            return; // not an array: the base64 string, null and the wrong kinds are the other test's
        }

        var bytes = new List<byte>();
        string? refused = null;
        foreach (var item in array.Items)
        {
            if (GoByteSlice.TryElement(item, fromJson: true, out byte b, out string goValue))
            {
                bytes.Add(b);
            }
            else
            {
                refused ??= goValue;
            }
        }

        if (v.Error is { } expected)
        {
            Assert.NotNull(refused);
            Assert.Equal(expected, "json: cannot unmarshal " + refused + " into Go struct field " + v.Kind + "." + Field(v.Kind) + " of type uint8");
        }
        else
        {
            Assert.Null(refused);
            Assert.Equal(v.Bytes, bytes);
        }
    }

    /// <summary>Every bad element is its own error at its own line and column; the object is left out.</summary>
    [Fact]
    public void Each_bad_element_is_located()
    {
        var objects = Map("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  k:\n  - 104\n  - 300\n  - x\n", "o.yaml");

        Assert.Equal(
            ["o.yaml:7:5: data.k[1]: json: cannot unmarshal number 300 into Go struct field Secret.data of type uint8",
             "o.yaml:8:5: data.k[2]: json: cannot unmarshal string into Go struct field Secret.data of type uint8"],
            objects.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
        Assert.Empty(objects.Secrets);
    }

    /// <summary>
    /// YAML elements arrive as the JSON text kubectl sends (SCHEMA-006, Schema/YamlNumberOracle): <c>0x10</c> is 16 and
    /// <c>1.0</c> is 1, both bytes; <c>1.5</c> and <c>1e21</c> are refused as that text; a quoted number is a string.
    /// </summary>
    [Fact]
    public void Yaml_elements_are_read_as_the_json_text_kubectl_sends()
    {
        foreach (var n in YamlNumberOracleVectors.All.Where(r => r.Yaml is not null))
        {
            var objects = Map("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  k: [" + n.Yaml + "]\n", "o.yaml");
            var errors = objects.Diagnostics.Where(d => d.IsError).Select(d => d.Message).ToList();
            if (n.GoType == "string")
            {
                Assert.Equal(["json: cannot unmarshal string into Go struct field Secret.data of type uint8"], errors);
            }
            else if (ulong.TryParse(n.Json, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value) && value <= 255)
            {
                Assert.Empty(errors);
                Assert.Equal(Encoding.UTF8.GetString([(byte)value]), Assert.Single(objects.Secrets).Data["k"]);
            }
            else
            {
                Assert.Equal(["json: cannot unmarshal number " + n.Json + " into Go struct field Secret.data of type uint8"], errors);
            }
        }
    }
}
