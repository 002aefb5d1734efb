using PodConformance.Manifests.Scenarios;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;

namespace PodConformance.Manifests.Tests.Scenarios;

/// <summary>The NodeScenario format of spec/scenario.md ("Node scenarios"): fields, defaults, positioned errors.</summary>
public class NodeScenarioReaderTests
{
    private const string Pods = """
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers: [{name: app, image: x}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: batch}
        spec:
          containers: [{name: job, image: x}]
        """;

    private const string Full = """
        apiVersion: podconf/v1
        kind: NodeScenario
        node:
          name: n1
          capacity: {memory: 1Gi}
          allocatable: {memory: 900Mi}
        evictionHard: {memory.available: 100Mi}
        enforceNodeAllocatable: false
        period: 5s
        pressureTransitionPeriod: 1m
        until: 2m
        systemMemory: 50Mi
        usage:
          web:
          - {at: 0s, containers: {app: 200Mi}}
          - {at: 30s, pod: 700Mi}
          batch:
          - {at: 0s, noStats: true}

        """ + Pods;

    [Fact]
    public void Every_field_is_read()
    {
        var r = NodeScenarioReader.ReadText(Full, "n.yaml");
        Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics));
        var s = r.Scenario!;
        Assert.Equal("n1", s.Node.Name);
        Assert.Equal(1L << 30, s.MemoryCapacityBytes);
        Assert.Equal(900L << 20, s.MemoryAllocatableBytes);
        Assert.Equal("100Mi", s.EvictionHard!.Value["memory.available"]);
        Assert.False(s.EnforceNodeAllocatable);
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)), (s.Period, s.PressureTransitionPeriod, s.Until!.Value));
        Assert.Equal(Quantity.Parse("50Mi"), s.SystemMemory);
        Assert.Equal(200L << 20, s.SampleAt("web", TimeSpan.FromSeconds(29))!.PodWorkingSetBytes);
        Assert.Equal(700L << 20, s.SampleAt("web", TimeSpan.FromSeconds(30))!.PodWorkingSetBytes);
        Assert.True(s.SampleAt("batch", TimeSpan.Zero)!.NoStats);
        Assert.Equal(["web", "batch"], r.Pods.Select(p => p.Pod.Metadata.Name).ToArray());
    }

    /// <summary>SCN-002 the other way: a simulate scenario given to evict is ignored with a pointer to where it belongs.</summary>
    [Fact]
    public void A_simulate_scenario_is_named_as_such()
    {
        var r = NodeScenarioReader.ReadText("kind: Scenario\nuntil: 1m\n", "n.yaml");
        Assert.Null(r.Scenario);
        Assert.Equal(
            ["n.yaml:1:1: kind Scenario is not used by a node scenario; ignored (a Scenario is read by podconf simulate --scenario)",
             "n.yaml: no NodeScenario document found (kind: NodeScenario)"],
            r.Diagnostics.Select(d => d.ToString()).ToArray());
    }

    [Fact]
    public void Defaults_are_the_default_node_and_kubelet_defaults()
    {
        var r = NodeScenarioReader.ReadText("kind: NodeScenario\n" + Pods, "n.yaml");
        Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics));
        var s = r.Scenario!;
        Assert.Equal(Scenario.DefaultNode, s.Node);
        Assert.Null(s.EvictionHard);
        Assert.True(s.EnforceNodeAllocatable);
        Assert.Equal(NodeScenario.DefaultPeriod, s.Period);
        Assert.Null(s.Until);
    }

    [Theory]
    [InlineData("kind: NodeScenario\nperiod: 10\n", "n.yaml:2:9: period: expected a duration such as 30s or 1m30s, got a number")]
    [InlineData("kind: NodeScenario\nusag: {}\n", "n.yaml:2:7: usag: unknown field \"usag\"")]
    [InlineData("kind: NodeScenario\nusage:\n  nobody: [{at: 0s}]\n", "n.yaml:3:3: usage.nobody: no Pod named \"nobody\" in this file")]
    [InlineData("kind: NodeScenario\nusage:\n  web: [{at: 0s, containers: {ap: 1Mi}}]\n", "usage.web[0].containers.ap: pod \"web\" has no container \"ap\"")]
    [InlineData("kind: NodeScenario\nusage:\n  web: [{at: 10s}, {at: 5s}]\n", "n.yaml:3:20: usage.web[1].at: samples must be in increasing time order")]
    [InlineData("kind: NodeScenario\nusage:\n  web: [{containers: {app: 1Mi}}]\n", "usage.web[0].at: Required value")]
    [InlineData("kind: NodeScenario\nusage:\n  web: [{at: 0s, containers: {app: lots}}]\n", "usage.web[0].containers.app: quantities must match the regular expression")]
    [InlineData("kind: NodeScenario\nevictionHard: {swap.available: 1Gi}\n", "n.yaml:2:15: evictionHard: unsupported eviction signal swap.available")]
    [InlineData("kind: NodeScenario\nnode: {name: n, capacity: {cpu: 1}}\n", "node.capacity.memory: Required value")]
    [InlineData("kind: NodeScenario\nusage:\n  web: [{at: 0s, noStats: true, pod: 1Mi}]\n", "usage.web[0]: noStats excludes pod, containers, disk, volumes and processes")]
    public void Problems_are_positioned_errors(string scenario, string expected)
    {
        var r = NodeScenarioReader.ReadText(scenario + Pods, "n.yaml");
        Assert.True(r.HasErrors);
        Assert.Null(r.Scenario);
        Assert.Contains(r.Diagnostics, d => d.IsError && d.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void No_scenario_document_or_two_are_errors_and_other_kinds_warn()
    {
        Assert.Contains(NodeScenarioReader.ReadText(Pods, "n.yaml").Diagnostics, d => d.IsError && d.Message.Contains("no NodeScenario document", StringComparison.Ordinal));
        Assert.Contains(NodeScenarioReader.ReadText("kind: NodeScenario\n---\nkind: NodeScenario\n" + Pods, "n.yaml").Diagnostics, d => d.IsError && d.Message.Contains("one NodeScenario", StringComparison.Ordinal));
        var other = NodeScenarioReader.ReadText("kind: NodeScenario\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n" + Pods, "n.yaml");
        Assert.False(other.HasErrors);
        Assert.Contains(other.Diagnostics, d => !d.IsError && d.Message.Contains("ConfigMap", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_pod_names_are_an_error()
    {
        var r = NodeScenarioReader.ReadText("kind: NodeScenario\n" + Pods + "\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: app, image: x}]\n", "n.yaml");
        Assert.Contains(r.Diagnostics, d => d.IsError && d.Message.Contains("Duplicate value: \"web\"", StringComparison.Ordinal));
    }
}
