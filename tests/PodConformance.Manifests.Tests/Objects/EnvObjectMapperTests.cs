using PodConformance.Manifests.Objects;
using PodConformance.Manifests.Reading;
using PodConformance.Model.ContainerEnv;

namespace PodConformance.Manifests.Tests.Objects;

/// <summary>ConfigMaps, Secrets and Services from manifests to env inputs, and the positioned errors of bad ones.</summary>
public class EnvObjectMapperTests
{
    private static EnvObjects Map(string yaml) => EnvObjectMapper.Map(PodManifestReader.ReadText(yaml, "o.yaml").OtherObjects);

    [Fact]
    public void ConfigMap_Secret_and_Service_are_mapped_per_namespace()
    {
        var objects = Map("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: cm}
            data: {a: "1", empty: null}
            binaryData: {bin: AAE=}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: s, namespace: other}
            data: {password: aHVudGVyMg==, both: b2xk}
            stringData: {both: new, plain: text}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: db, namespace: other}
            spec:
              clusterIP: 10.0.0.9
              ports: [{name: pg, port: 5432}, {port: 53, protocol: UDP}]
            """);
        Assert.False(objects.HasErrors, string.Join("\n", objects.Diagnostics));
        var inDefault = objects.InputsFor("", EnvInputs.Empty);
        Assert.Equal("1", inDefault.ConfigMaps["cm"]["a"]);
        Assert.Equal("", inDefault.ConfigMaps["cm"]["empty"]);
        Assert.False(inDefault.ConfigMaps["cm"].ContainsKey("bin"));
        Assert.False(inDefault.Secrets.ContainsKey("s"));

        var inOther = objects.InputsFor("other", EnvInputs.Empty);
        Assert.Equal("hunter2", inOther.Secrets["s"]["password"]);
        Assert.Equal("new", inOther.Secrets["s"]["both"]);
        Assert.Equal("text", inOther.Secrets["s"]["plain"]);
        var db = Assert.Single(inOther.Services!.Value);
        Assert.Equal(("db", "other", "10.0.0.9"), (db.Name, db.Namespace, db.ClusterIP));
        Assert.Equal([("pg", 5432, ""), ("", 53, "UDP")], db.Ports.Select(p => (p.Name, p.Port, p.Protocol)).ToArray());
    }

    [Theory]
    [InlineData("kind: Secret\napiVersion: v1\nmetadata: {name: s}\ndata:\n  k: abc\n", "o.yaml:5:6: data[k]: Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte 0")]
    [InlineData("kind: Secret\napiVersion: v1\nmetadata: {name: s}\ndata:\n  k: ab!c\n", "o.yaml:5:6: data[k]: Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte 2")]
    [InlineData("kind: ConfigMap\napiVersion: v1\nmetadata: {name: c}\nbinaryData:\n  k: \"a=bc\"\n", "o.yaml:5:6: binaryData[k]: ConfigMap in version \"v1\" cannot be handled as a ConfigMap: illegal base64 data at input byte 0")]
    [InlineData("kind: ConfigMap\napiVersion: v1\nmetadata: {name: c}\ndata:\n  k: true\n", "o.yaml:5:6: data.k: json: cannot unmarshal bool into Go struct field ConfigMap.data of type string")]
    [InlineData("kind: ConfigMap\napiVersion: v1\nmetadata: {name: c}\ndata:\n  \"a b\": x\n", "o.yaml:5:3: data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters")]
    [InlineData("kind: ConfigMap\napiVersion: v1\nmetadata: {name: c}\ndata: {k: x}\nbinaryData: {k: eA==}\n", "binaryData[k]: Invalid value: \"k\": duplicate of key present in data")]
    [InlineData("kind: Service\napiVersion: v1\nmetadata: {name: s}\nspec:\n  ports: [{port: 70000}]\n", "o.yaml:5:18: spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive")]
    [InlineData("kind: Service\napiVersion: v1\nmetadata: {name: s}\nspec:\n  clusterIP: 1\n", "o.yaml:5:14: spec.clusterIP: json: cannot unmarshal number into Go struct field ServiceSpec.spec.clusterIP of type string")]
    public void Bad_objects_are_positioned_errors(string yaml, string expected)
    {
        var objects = Map(yaml);
        Assert.True(objects.HasErrors);
        Assert.True(objects.Diagnostics.Any(d => d.IsError && d.ToString().Contains(expected, StringComparison.Ordinal)), string.Join("\n", objects.Diagnostics));
    }

    [Theory]
    [InlineData("", true, "")]
    [InlineData("aGk=", true, "hi")]
    [InlineData("aG\nk=", true, "hi")]
    [InlineData("aGk", false, "")]
    [InlineData("a=Gk", false, "")]
    public void Base64_is_Go_standard_encoding(string text, bool ok, string decoded)
    {
        Assert.Equal(ok, EnvObjectMapper.TryDecodeBase64(text, out var bytes, out _));
        Assert.Equal(decoded, System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Other_kinds_are_ignored_with_a_warning()
    {
        var objects = Map("apiVersion: v1\nkind: Node\nmetadata: {name: n}\n");
        Assert.False(objects.HasErrors);
        Assert.Contains(objects.Diagnostics, d => !d.IsError && d.Message.Contains("kind Node is not used by env", StringComparison.Ordinal));
    }
}
