using PodConformance.Manifests.Scenarios;

namespace PodConformance.Manifests.Tests.Scenarios;

/// <summary>The scenario's <c>steps</c> and <c>pods.*.podIPs</c> (spec/scenario.md): fields and positioned errors.</summary>
public class ScenarioStepReaderTests
{
    [Fact]
    public void Reads_steps_and_pod_ips()
    {
        const string text = """
            pods:
              test-pod:
                podIPs: [10.0.0.4, "fd00::4"]
            steps:
            - {at: 10s, pod: test-pod, removeSchedulingGates: true}
            - {at: 20s, pod: test-pod, removeSchedulingGates: [example.com/foo]}
            """;
        var result = ScenarioReader.ReadText(text, "s.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var s = result.Scenario!;
        Assert.Equal(["10.0.0.4", "fd00::4"], s.ScriptFor("test-pod").PodIPs);
        Assert.Equal(2, s.Steps.Count);
        Assert.Equal(TimeSpan.FromSeconds(10), s.Steps[0].At);
        Assert.Equal("test-pod", s.Steps[0].Pod);
        Assert.True(s.Steps[0].RemoveSchedulingGates is { IsEmpty: true });
        Assert.Equal(["example.com/foo"], s.Steps[1].RemoveSchedulingGates!.Value);
    }

    [Fact]
    public void Reads_condition_steps()
    {
        const string text = """
            steps:
            - {at: 30s, pod: web, setCondition: {type: example.com/lb-ready, status: "True"}}
            - {at: 1m, pod: web, removeCondition: example.com/lb-ready}
            """;
        var result = ScenarioReader.ReadText(text, "s.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var s = result.Scenario!;
        Assert.Equal(new Model.Simulation.StepCondition("example.com/lb-ready", "True"), s.Steps[0].SetCondition);
        Assert.Null(s.Steps[0].RemoveCondition);
        Assert.Equal("example.com/lb-ready", s.Steps[1].RemoveCondition);
        Assert.Equal(TimeSpan.FromMinutes(1), s.Steps[1].At);
    }

    [Theory]
    [InlineData("steps:\n- {at: 1s, setCondition: {type: a.io/x, status: \"True\"}}\n", "s.yaml:2:3: steps[0].pod: Required value: setCondition applies to a pod")]
    [InlineData("steps:\n- {at: 1s, pod: p, setCondition: {type: a.io/x, status: Ready}}\n", "s.yaml:2:57: steps[0].setCondition.status: Unsupported value: \"Ready\": supported values: \"False\", \"True\", \"Unknown\"")]
    [InlineData("steps:\n- {at: 1s, pod: p, setCondition: {type: a.io/x}}\n", "s.yaml:2:34: steps[0].setCondition.status: Required value")]
    [InlineData("steps:\n- {at: 1s, pod: p, setCondition: {status: \"True\"}}\n", "s.yaml:2:34: steps[0].setCondition.type: Required value")]
    [InlineData("steps:\n- {at: 1s, pod: p, removeCondition: Ready}\n", "s.yaml:2:37: steps[0].removeCondition: \"Ready\" is written by the kubelet, which replaces it at its next status update: a step sets the conditions of readiness gates and others the kubelet does not own")]
    public void Condition_step_errors_are_positioned(string text, string expected)
    {
        var result = ScenarioReader.ReadText(text, "s.yaml");
        Assert.Null(result.Scenario);
        Assert.Contains(expected, result.Diagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("steps:\n- {pod: p, removeSchedulingGates: true}\n", "s.yaml:2:3: steps[0].at: Required value")]
    [InlineData("steps:\n- {at: 1s, pod: p}\n", "s.yaml:2:3: steps[0]: a step needs an action (removeSchedulingGates, create, setCondition, removeCondition)")]
    [InlineData("steps:\n- {at: 1s, removeSchedulingGates: true}\n", "s.yaml:2:3: steps[0].pod: Required value: removeSchedulingGates applies to a pod")]
    [InlineData("steps:\n- {at: 1s, pod: p, removeSchedulingGates: false}\n", "s.yaml:2:43: steps[0].removeSchedulingGates: must be true (every gate) or a list of gate names")]
    [InlineData("steps:\n- {at: 1s, pod: p, removeSchedulingGates: []}\n", "s.yaml:2:43: steps[0].removeSchedulingGates: must be true (every gate) or a non-empty list of gate names")]
    [InlineData("steps:\n- {at: 1s, pod: p, bogus: 1}\n", "s.yaml:2:27: steps[0].bogus: unknown field \"steps[0].bogus\"")]
    [InlineData("pods:\n  p: {podIPs: 10.0.0.1}\n", "s.yaml:2:15: pods.p.podIPs: expected a list, got a string")]
    public void Step_errors_name_file_line_column_and_path(string text, string expected)
    {
        var result = ScenarioReader.ReadText(text, "s.yaml");
        Assert.Null(result.Scenario);
        Assert.Contains(expected, result.Diagnostics.Select(d => d.ToString()));
    }
}
