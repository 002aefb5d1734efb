using PodConformance.Manifests.Scenarios;
using PodConformance.Model.Simulation;

namespace PodConformance.Manifests.Tests.Scenarios;

/// <summary>The scenario format of spec/scenario.md: every field, defaults, and positioned errors.</summary>
public class ScenarioReaderTests
{
    private const string Full = """
        apiVersion: podconf/v1
        kind: Scenario
        until: 15m
        nodes:
        - name: node-1
          allocatable: {cpu: "2", memory: 4Gi, pods: "110"}
          addresses: [192.168.0.10]
          taints: [{key: dedicated, value: gpu, effect: NoSchedule}]
        images:
          pullDuration: 2s
          missing: [busybox:nonexistent]
          present: [nginx:1.25]
        pods:
          web-app:
            deleteAfter: 5m
            containers:
              web:
              - {exit: 1, after: 3s}
              - {runForever: true, readyAfter: 2s}
              setup: {exit: 0, after: 500ms}
              app: {allocate: 600Mi, after: 10s}
        """;

    [Fact]
    public void Reads_every_field()
    {
        var result = ScenarioReader.ReadText(Full, "s.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var s = result.Scenario!;
        Assert.Equal(TimeSpan.FromMinutes(15), s.Until);
        Assert.Equal("node-1", s.Nodes[0].Name);
        Assert.Equal("4Gi", s.Nodes[0].Allocatable["memory"].ToString());
        Assert.Equal("NoSchedule", s.Nodes[0].Taints[0].Effect);
        Assert.True(s.Images.IsMissing("busybox:nonexistent"));
        Assert.True(s.Images.IsPresent("nginx:1.25"));
        Assert.Equal(TimeSpan.FromSeconds(2), s.Images.PullDuration);
        var pod = s.ScriptFor("web-app");
        Assert.Equal(TimeSpan.FromMinutes(5), pod.DeleteAfter);
        var web = pod.Containers["web"];
        Assert.Equal(1, web.RunAt(0).ExitCode);
        Assert.Null(web.RunAt(1).ExitCode);
        Assert.Null(web.RunAt(7).ExitCode);
        Assert.Equal(TimeSpan.FromMilliseconds(500), pod.Containers["setup"].RunAt(3).After);
        Assert.Equal("600Mi", pod.Containers["app"].RunAt(0).AllocateMemory!.Value.ToString());
    }

    [Fact]
    public void An_explicit_empty_mapping_is_the_default_scenario()
    {
        foreach (string text in new[] { "{}", "apiVersion: podconf/v1\nkind: Scenario\n", "# defaults\n---\n{}\n" })
        {
            var result = ScenarioReader.ReadText(text, "s.yaml");
            Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
            var s = result.Scenario!;
            Assert.Equal(Scenario.DefaultUntil, s.Until);
            Assert.Equal("node-1", Assert.Single(s.EffectiveNodes).Name);
            Assert.Same(PodScript.Default, s.ScriptFor("anything"));
        }
    }

    /// <summary>SCN-001: kubectl apply -f of a file without objects fails ("no objects passed to apply"); so does an empty scenario.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n---\n")]
    [InlineData("~\n")]
    [InlineData("null\n---\n")]
    public void A_file_without_a_document_is_an_error_not_the_default_scenario(string text)
    {
        var result = ScenarioReader.ReadText(text, "s.yaml");
        Assert.Null(result.Scenario);
        Assert.Equal(
            "s.yaml: no scenario found: the file holds no document (for the default scenario write {} or give no scenario)",
            Assert.Single(result.Diagnostics).ToString());
    }

    /// <summary>SCN-002: a Kubernetes object given where the scenario goes is named by its kind, once, at its kind.</summary>
    [Theory]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: c, image: i}]}\n",
        "s.yaml:2:7: kind: a Pod (apiVersion v1) was given where a scenario was expected: a scenario has kind Scenario and apiVersion podconf/v1, both optional (spec/scenario.md)")]
    [InlineData("metadata: {name: web}\nkind: Pod\n",
        "s.yaml:2:7: kind: a Pod was given where a scenario was expected: a scenario has kind Scenario and apiVersion podconf/v1, both optional (spec/scenario.md)")]
    [InlineData("{\"kind\": \"Ingress\", \"apiVersion\": \"networking.k8s.io/v1\"}",
        "s.yaml:1:10: kind: an Ingress (apiVersion networking.k8s.io/v1) was given where a scenario was expected: a scenario has kind Scenario and apiVersion podconf/v1, both optional (spec/scenario.md)")]
    [InlineData("apiVersion: podconf/v1\nkind: NodeScenario\nnode: {name: n}\n---\napiVersion: v1\nkind: Pod\n",
        "s.yaml:2:7: kind: a NodeScenario (apiVersion podconf/v1) was given where a scenario was expected: a scenario has kind Scenario and apiVersion podconf/v1, both optional (spec/scenario.md); a NodeScenario is read by podconf evict")]
    [InlineData("apiVersion: v1\nkind: Scenario\n",
        "s.yaml:1:13: apiVersion: no matches for kind \"Scenario\" in version \"v1\": a scenario has apiVersion podconf/v1 (optional; spec/scenario.md)")]
    [InlineData("apiVersion: podconf/v2\nuntil: 1m\n",
        "s.yaml:1:13: apiVersion: no matches for kind \"Scenario\" in version \"podconf/v2\": a scenario has apiVersion podconf/v1 (optional; spec/scenario.md)")]
    public void Another_kind_is_named_as_such(string text, string expected)
    {
        var result = ScenarioReader.ReadText(text, "s.yaml");
        Assert.Null(result.Scenario);
        Assert.Equal(expected, Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void Star_applies_to_unnamed_pods()
    {
        var s = ScenarioReader.ReadText("pods:\n  '*':\n    containers:\n      c: {exit: 2}\n", "s.yaml").Scenario!;
        Assert.Equal(2, s.ScriptFor("whatever").Containers["c"].RunAt(0).ExitCode);
    }

    [Theory]
    [InlineData("until: 10\n", "s.yaml:1:8: until: expected a duration such as 30s or 1m30s, got a number")]
    [InlineData("until: 1d\n", "s.yaml:1:8: until: time: unknown unit \"d\" in duration \"1d\"")]
    [InlineData("bogus: 1\n", "s.yaml:1:8: bogus: unknown field \"bogus\"")]
    [InlineData("nodes:\n- allocatable: {cpu: 2x}\n", "s.yaml:2:22: nodes[0].allocatable.cpu: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")]
    [InlineData("pods:\n  p:\n    containers:\n      c: {exit: one}\n", "s.yaml:4:17: pods.p.containers.c.exit: expected an integer, got a string")]
    [InlineData("pods:\n  p:\n    containers:\n      c: {exit: 1, runForever: true}\n", "s.yaml:4:10: pods.p.containers.c: runForever and exit are mutually exclusive")]
    [InlineData("pods:\n  p:\n    containers:\n      c: []\n", "s.yaml:4:10: pods.p.containers.c: at least one run is required (leave the container out for its default)")]
    public void Errors_name_file_line_column_and_path(string text, string expected)
    {
        var result = ScenarioReader.ReadText(text, "s.yaml");
        Assert.True(result.HasErrors);
        Assert.Null(result.Scenario);
        Assert.Contains(expected, result.Diagnostics.Select(d => d.ToString()));
    }
}
