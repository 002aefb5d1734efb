using PodConformance.Manifests.Reading;
using PodConformance.Model.Profiles;

namespace PodConformance.Manifests.Tests.Reading;

/// <summary>
/// MANI-012: from 1.33, kubectl's YAMLOrJSONDecoder (apimachinery pkg/util/yaml decoder.go, v0.33.0 against v0.32.0)
/// reads text that fails as JSON before a second value as YAML, and reports the JSON error only when the YAML fails
/// before its first document; before 1.33 the JSON error stands.
/// </summary>
public class JsonThenYamlTests
{
    /// <summary>JSON with a trailing comma and a comment: not JSON, but a YAML flow mapping.</summary>
    private const string Relaxed = "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"metadata\": {\"name\": \"relaxed\",},\n  # a comment\n  \"spec\": {\"containers\": [{\"name\": \"a\", \"image\": \"b\", \"ports\": [{\"containerPort\": 1.5}]},]},\n}\n";

    [Fact]
    public void Json_that_is_yaml_loads_from_1_33_at_its_own_places()
    {
        var result = PodManifestReader.ReadText(Relaxed, "p.json", new KubernetesVersion(1, 33));

        // The document is read as YAML, so its number is YAML's (and the error at its line and column).
        Assert.Equal(
            ["p.json:6:83: spec.containers[0].ports[0].containerPort: json: cannot unmarshal number 1.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32"],
            Fixtures.Printed(result));
        var fixedPort = PodManifestReader.ReadText(Relaxed.Replace("1.5", "80", StringComparison.Ordinal), "p.json");
        Assert.Equal("relaxed", Assert.Single(fixedPort.Pods).Pod.Metadata.Name);
        Assert.Empty(fixedPort.Diagnostics);
    }

    [Fact]
    public void Before_1_33_the_json_error_stands()
    {
        var result = PodManifestReader.ReadText(Relaxed, "p.json", new KubernetesVersion(1, 32));

        Assert.Empty(result.Pods);
        Assert.Equal(["p.json:4:34: invalid JSON: invalid character '}' looking for beginning of object key string"], Fixtures.Printed(result));
    }

    [Fact]
    public void When_the_yaml_fails_too_the_json_error_is_reported()
    {
        var result = PodManifestReader.ReadText("{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"x\"", "p.json");

        Assert.Equal(["p.json:1:61: invalid JSON: unexpected EOF"], Fixtures.Printed(result));
    }

    [Fact]
    public void After_one_good_value_the_rest_is_yaml_after_two_the_json_error_stands()
    {
        const string pod = "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"NAME\"}, \"spec\": {\"containers\": [{\"name\": \"a\", \"image\": \"b\"}]}}\n";
        string one = pod.Replace("NAME", "one", StringComparison.Ordinal);
        string relaxed = pod.Replace("NAME", "two", StringComparison.Ordinal).Replace("}]}}", "},]}}", StringComparison.Ordinal);

        var afterOne = PodManifestReader.ReadText(one + relaxed, "p.json");
        Assert.Equal(["one", "two"], afterOne.Pods.Select(p => p.Pod.Metadata.Name));
        Assert.Empty(afterOne.Diagnostics);

        var afterTwo = PodManifestReader.ReadText(one + one + relaxed, "p.json");
        Assert.Equal(["one", "one"], afterTwo.Pods.Select(p => p.Pod.Metadata.Name));
        Assert.Equal(["p.json:3:118: invalid JSON: invalid character ']' looking for beginning of value"], Fixtures.Printed(afterTwo));
    }
}
