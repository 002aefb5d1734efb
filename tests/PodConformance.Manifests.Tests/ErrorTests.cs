using PodConformance.Manifests.Reading;
using PodConformance.Model.Quantities;

namespace PodConformance.Manifests.Tests;

/// <summary>Syntax and type errors, duplicates and unknown fields, printed as <c>file:line:col: path: message</c>.</summary>
public class ErrorTests
{
    private static readonly string FormatWrong = Quantity.ErrorText(QuantityError.FormatWrong);

    [Fact]
    public void Bad_yaml_names_file_line_and_column()
    {
        const string text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   bad: indent\n";

        var result = PodManifestReader.ReadText(text, "pod.yaml");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("pod.yaml:5:7: invalid YAML: mapping values are not allowed in this context", error.ToString());
        Assert.Empty(result.Pods);
    }

    [Fact]
    public void Bad_quantity_is_an_error_for_its_document_with_the_field_path()
    {
        const string text = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: web
                image: nginx
                resources:
                  requests:
                    cpu: 100m
                  limits:
                    cpu: 1.5.5
            """;

        var result = PodManifestReader.ReadText(text, "pod.yaml");

        Assert.Equal(new[] { $"pod.yaml:13:14: spec.containers[0].resources.limits.cpu: {FormatWrong}" }, Fixtures.Printed(result));
        Assert.Empty(result.Pods);
    }

    [Fact]
    public void Bare_numbers_are_quantities_taken_as_written()
    {
        const string text = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - resources:\n      requests: {cpu: 0.5, memory: 1000}\n";

        var result = PodManifestReader.ReadText(text, "pod.yaml");

        Assert.Empty(Fixtures.Printed(result));
        var requests = result.Pods[0].Pod.Spec.Containers[0].Resources.Requests;
        Assert.Equal(Quantity.Parse("500m"), requests["cpu"]);
        Assert.Equal(Quantity.Parse("1k"), requests["memory"]);
    }

    [Fact]
    public void Wrong_scalar_types_are_errors_and_all_of_a_document_are_collected()
    {
        const string text = """
            apiVersion: v1
            kind: Pod
            spec:
              hostNetwork: "true"
              containers:
              - name: web
                ports:
                - containerPort: "80"
                env:
                - name: PORT
                  value: 8080
            """;

        var result = PodManifestReader.ReadText(text, "pod.yaml");

        Assert.Equal(
            new[]
            {
                "pod.yaml:4:16: spec.hostNetwork: json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool",
                "pod.yaml:8:22: spec.containers[0].ports[0].containerPort: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32",
                "pod.yaml:11:14: spec.containers[0].env[0].value: json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string",
            },
            Fixtures.Printed(result));
    }

    /// <summary>
    /// SCHEMA-008: kubectl reads the file into a map (YAML: sigs.k8s.io/yaml over non-strict go-yaml v2; JSON: an
    /// Unstructured map) and sends it re-encoded, so a repeated key is never seen by the API server's strict decoder:
    /// the later value is kept, nothing is reported (spec/guides/field-validation.md §2).
    /// </summary>
    [Theory]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n", "pod.yaml")]
    [InlineData("{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"a\", \"name\": \"b\"}}", "pod.json")]
    public void A_repeated_key_keeps_its_later_value_and_reports_nothing(string text, string file)
    {
        var result = PodManifestReader.ReadText(text, file);

        Assert.Empty(Fixtures.Printed(result));
        Assert.Equal("b", Assert.Single(result.Pods).Pod.Metadata.Name);
    }

    /// <summary>SCHEMA-008: the later value replaces the earlier whole, also in a list item and for a map (labels).</summary>
    [Fact]
    public void A_repeated_key_is_replaced_whole_at_any_depth()
    {
        const string text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {a: x, a: y}\n  labels: {b: z}\n" +
            "spec:\n  containers:\n  - name: c\n    image: i1\n    image: i2\n" +
            "    resources: {limits: {cpu: 1}}\n    resources: {requests: {cpu: 500m}}\n";

        var result = PodManifestReader.ReadText(text, "pod.yaml");

        Assert.Empty(Fixtures.Printed(result));
        var pod = Assert.Single(result.Pods).Pod;
        Assert.Equal(["b"], pod.Metadata.Labels.Keys);
        var c = Assert.Single(pod.Spec.Containers);
        Assert.Equal("i2", c.Image);
        Assert.True(c.Resources.Limits.IsEmpty);
        Assert.Equal("500m", c.Resources.Requests["cpu"].ToString());
    }

    [Fact]
    public void Unknown_fields_are_warnings_in_the_api_servers_words_and_the_pod_still_loads()
    {
        const string text = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              lables: {app: web}
            spec:
              containers:
              - name: web
                foo: bar
                resources:
                  limit: {cpu: 1}
            """;

        var result = PodManifestReader.ReadText(text, "pod.yaml");

        Assert.Equal(
            new[]
            {
                "pod.yaml:5:3: unknown field \"metadata.lables\"",
                "pod.yaml:9:5: unknown field \"spec.containers[0].foo\"",
                "pod.yaml:11:7: unknown field \"spec.containers[0].resources.limit\"",
            },
            Fixtures.Printed(result));
        Assert.False(result.HasErrors);
        Assert.Equal("web", Assert.Single(result.Pods).Pod.Metadata.Name);
    }

    [Fact]
    public void Json_with_tabs_loads_and_json_errors_have_character_columns()
    {
        const string good = "{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"Pod\",\n\t\"metadata\": {\"name\": \"ünï\"},\n\t\"spec\": {\"containers\": [{\"name\": \"c\", \"resources\": {\"limits\": {\"cpu\": 0.5}}}]}\n}\n";
        var ok = PodManifestReader.ReadText(good, "pod.json");
        Assert.Empty(Fixtures.Printed(ok));
        Assert.Equal(Quantity.Parse("500m"), ok.Pods[0].Pod.Spec.Containers[0].Resources.Limits["cpu"]);

        const string typed = "{\"apiVersion\": \"v1\", \"kind\": \"Pod\",\n\t\"metadata\": {\"name\": \"ü\", \"namespace\": 7}}";
        Assert.Equal(new[] { "pod.json:2:41: metadata.namespace: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.namespace of type string" }, Fixtures.Printed(PodManifestReader.ReadText(typed, "pod.json")));

        const string broken = "{\"apiVersion\": \"v1\",\n\t\"kind\": \"Pod\" \"x\"}";
        var error = Assert.Single(PodManifestReader.ReadText(broken, "pod.json").Diagnostics);
        Assert.Equal("pod.json:2:16: invalid JSON: invalid character '\"' after object key:value pair", error.ToString());
    }

    [Fact]
    public void One_bad_document_does_not_stop_the_others()
    {
        const string text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: first}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: second}
            spec:
              containers:
              - name: c
                resources: {limits: {memory: lots}}
            ---
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: s}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: third}
            """;

        var result = PodManifestReader.ReadText(text, "multi.yaml");

        Assert.Equal(new[] { $"multi.yaml:11:34: spec.containers[0].resources.limits.memory: {FormatWrong}" }, Fixtures.Printed(result));
        Assert.Equal(new[] { "first", "third" }, result.Pods.Select(p => p.Pod.Metadata.Name));
        Assert.Equal(new[] { 0, 4 }, result.Pods.Select(p => p.Document));
        Assert.Equal("Secret", Assert.Single(result.OtherObjects).Kind);
    }

    [Fact]
    public void A_syntax_error_late_in_a_stream_keeps_earlier_documents()
    {
        const string text = "kind: Pod\napiVersion: v1\nmetadata: {name: a}\n---\nkind: Pod\nmetadata: {name: [b\n";

        var result = PodManifestReader.ReadText(text, "s.yaml");

        Assert.Equal("a", Assert.Single(result.Pods).Pod.Metadata.Name);
        Assert.StartsWith("s.yaml:7:1: invalid YAML: ", Assert.Single(result.Diagnostics).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_and_missing_kind_are_diagnostics_not_exceptions()
    {
        var missing = PodManifestReader.ReadFile("/nonexistent/pod.yaml");
        Assert.StartsWith("/nonexistent/pod.yaml: cannot read file: ", Assert.Single(missing.Diagnostics).ToString(), StringComparison.Ordinal);

        var noKind = PodManifestReader.ReadText("metadata: {name: x}\n", "-");
        Assert.Equal(new[] { "-:1:1: Object 'Kind' is missing" }, Fixtures.Printed(noKind));
    }
}
