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

    [Theory]
    [InlineData("steps:\n- {pod: p, removeSchedulingGates: true}\n", "s.yaml:2:3: steps[0].at: Required value")]
    [InlineData("steps:\n- {at: 1s, pod: p}\n", "s.yaml:2:3: steps[0]: a step needs an action (removeSchedulingGates, create)")]
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
