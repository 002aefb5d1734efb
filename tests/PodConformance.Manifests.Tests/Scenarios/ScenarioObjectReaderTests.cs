using PodConformance.Manifests.Scenarios;
using PodConformance.Model.Simulation;

namespace PodConformance.Manifests.Tests.Scenarios;

/// <summary>The scenario's <c>objects</c> and the <c>create</c> step (spec/scenario.md): Kubernetes' form, checked as the API server would.</summary>
public class ScenarioObjectReaderTests
{
    [Fact]
    public void Reads_configmaps_secrets_services_and_a_create_step()
    {
        const string text = """
            objects:
            - {apiVersion: v1, kind: ConfigMap, metadata: {name: cfg}, data: {mode: prod}}
            - {apiVersion: v1, kind: Secret, metadata: {name: creds, namespace: team-a}, data: {password: cGFzcw==}, stringData: {user: admin}}
            - {apiVersion: v1, kind: Service, metadata: {name: db}, spec: {clusterIP: 10.96.0.20, ports: [{name: pg, port: 5432}]}}
            steps:
            - at: 20s
              create: {apiVersion: v1, kind: ConfigMap, metadata: {name: late}, data: {k: v}}
            """;
        var result = ScenarioReader.ReadText(text, "s.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var s = result.Scenario!;
        Assert.Equal(3, s.Objects.Count);
        Assert.Equal((ClusterObject.ConfigMapKind, "cfg", "default", "prod"), (s.Objects[0].Kind, s.Objects[0].Name, s.Objects[0].EffectiveNamespace, s.Objects[0].Data["mode"]));
        Assert.Equal(("team-a", "pass", "admin"), (s.Objects[1].EffectiveNamespace, s.Objects[1].Data["password"], s.Objects[1].Data["user"]));
        Assert.Equal(("10.96.0.20", 5432, "default"), (s.Objects[2].Service!.ClusterIP, s.Objects[2].Service!.Ports[0].Port, s.Objects[2].Service!.Namespace));
        Assert.Equal(("late", "v"), (s.Steps[0].Create!.Name, s.Steps[0].Create!.Data["k"]));
    }

    /// <summary>
    /// SCHEMA-008: a scenario's object is read as kubectl would send it, so a repeated key keeps its later value and is
    /// reported nowhere (a map key, a struct field, and a whole field replaced, not merged).
    /// </summary>
    [Fact]
    public void A_repeated_key_in_an_object_keeps_its_later_value()
    {
        const string text = "objects:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: a, name: cfg}, data: {k: p, k: q}}\n" +
            "- {apiVersion: v1, kind: ConfigMap, metadata: {name: two}, data: {a: p}, data: {b: q}}\n";

        var result = ScenarioReader.ReadText(text, "s.yaml");

        Assert.Empty(result.Diagnostics);
        var s = result.Scenario!;
        Assert.Equal(("cfg", "q"), (s.Objects[0].Name, s.Objects[0].Data["k"]));
        Assert.Equal(["b"], s.Objects[1].Data.Keys);
    }

    [Theory]
    [InlineData("objects:\n- {kind: Pod, metadata: {name: p}}\n", "s.yaml:2:3: objects[0].kind: Unsupported value: \"Pod\": supported kinds are ConfigMap, Secret, Service")]
    [InlineData("objects:\n- {kind: ConfigMap, data: {a: b}}\n", "s.yaml:2:3: objects[0].metadata.name: Required value")]
    [InlineData("objects:\n- {kind: ConfigMap, metadata: {name: c}, data: {a: 1}}\n", "s.yaml:2:52: objects[0].data.a: json: cannot unmarshal number into Go struct field ConfigMap.data of type string")]
    [InlineData("steps:\n- {at: 1s, create: {kind: Node, metadata: {name: n}}}\n", "s.yaml:2:20: steps[0].create.kind: Unsupported value: \"Node\": supported kinds are ConfigMap, Secret, Service")]
    public void Object_errors_are_positioned(string text, string expected)
    {
        var result = ScenarioReader.ReadText(text, "s.yaml");
        Assert.Null(result.Scenario);
        Assert.Contains(expected, result.Diagnostics.Select(d => d.ToString()));
    }
}
