using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

public class EvictCommandTests
{
    private const string Scenario = """
        apiVersion: podconf/v1
        kind: NodeScenario
        node:
          name: small
          capacity: {memory: 1Gi}
        evictionHard: {memory.available: 100Mi}
        usage:
          web:
          - {at: 0s, containers: {app: 100Mi}}
          - {at: 20s, containers: {app: 900Mi}}
          system:
          - {at: 0s, containers: {agent: 500Mi}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
          - name: app
            image: x
            resources: {requests: {memory: 200Mi}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: system}
        spec:
          priority: 2000000000
          priorityClassName: system-cluster-critical
          containers: [{name: agent, image: x}]
        """;

    [Fact]
    public void Text_shows_cycles_ranking_facts_order_status_and_events()
    {
        var r = CliRun.WithStdin(Scenario, "evict", "-f", "-");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Error);
        Assert.Contains("Cycle 20s: memory.available available 0 < threshold 100Mi", r.Out, StringComparison.Ordinal);
        Assert.Contains("  1. web at 20s: exceeds its request (900Mi used, 200Mi requested), priority 0, usage − request 700Mi\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("before system by priority: its priority 0 is lower than 2000000000", r.Out, StringComparison.Ordinal);
        Assert.Contains("status: phase Failed, reason Evicted, condition DisruptionTarget=True (TerminationByKubelet)", r.Out, StringComparison.Ordinal);
        Assert.Contains("Never evicted (critical): system", r.Out, StringComparison.Ordinal);
        Assert.Contains("pod/web", r.Out, StringComparison.Ordinal);
        Assert.Contains("Container app was using 900Mi, request is 200Mi, has larger consumption of memory.", r.Out, StringComparison.Ordinal);
    }

    /// <summary>
    /// OOM-008 in the eviction loop (EVICT-007): a pod whose file writes <c>kubernetes.io/config.source: file</c> is still a pod
    /// the kubelet got from the API server, annotated <c>api</c> by it (pkg/kubelet/config/config.go <c>podStorage.merge</c>),
    /// so it is not static, not critical, and is evicted. Until session 16 it was passed over as critical.
    /// </summary>
    [Fact]
    public void A_written_config_source_does_not_make_a_pod_critical()
    {
        string claimed = Scenario.Replace("metadata: {name: web}", "metadata:\n  name: web\n  annotations: {kubernetes.io/config.source: file}", StringComparison.Ordinal);
        Assert.NotEqual(Scenario, claimed);
        var r = CliRun.WithStdin(claimed, "evict", "-f", "-", "-o", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        Assert.Equal(["web"], doc.RootElement.GetProperty("order").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public void Json_has_the_order_and_per_pod_ranking_facts()
    {
        var r = CliRun.WithStdin(Scenario, "evict", "-f", "-", "-o", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        Assert.Equal(["web"], doc.RootElement.GetProperty("order").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(["system"], doc.RootElement.GetProperty("neverEvicted").EnumerateArray().Select(e => e.GetString()!).ToArray());
        var cycle = doc.RootElement.GetProperty("cycles")[0];
        var first = cycle.GetProperty("ranking")[0];
        Assert.Equal("web", first.GetProperty("pod").GetString());
        Assert.True(first.GetProperty("exceedsRequest").GetBoolean());
        Assert.Equal("700Mi", first.GetProperty("usageOverRequest").GetString());
        Assert.Equal("priority", first.GetProperty("aheadOfNextBy").GetString());
        Assert.Equal("Failed", cycle.GetProperty("evicted").GetProperty("phase").GetString());
        Assert.Contains(doc.RootElement.GetProperty("events").EnumerateArray(), e => e.GetProperty("reason").GetString() == "EvictionThresholdMet");
    }

    [Fact]
    public void Only_critical_pods_left_means_no_victim_and_the_run_ends()
    {
        string onlyCritical = Scenario.Replace("{at: 0s, containers: {agent: 500Mi}}", "{at: 0s, containers: {agent: 1000Mi}}", StringComparison.Ordinal);
        var r = CliRun.WithStdin(onlyCritical, "evict", "-f", "-", "-o", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        Assert.Equal(["web"], doc.RootElement.GetProperty("order").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Contains(doc.RootElement.GetProperty("cycles").EnumerateArray(), c => c.TryGetProperty("noVictim", out _));
    }

    [Fact]
    public void A_usage_entry_for_an_unknown_pod_is_a_positioned_error_and_exit_2()
    {
        var r = CliRun.WithStdin(Scenario.Replace("  web:\n", "  webb:\n", StringComparison.Ordinal), "evict", "-f", "-");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Contains("<stdin>:8:3: usage.webb: no Pod named \"webb\" in this file", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_threshold_has_the_kubelet_message()
    {
        var r = CliRun.WithStdin(Scenario.Replace("memory.available: 100Mi", "memory.available: 120%", StringComparison.Ordinal), "evict", "-f", "-");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("evictionHard: eviction percentage threshold memory.available must be <= 100%: 120%", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_flag_is_exit_2()
    {
        var r = CliRun.Run("evict");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("-f NODE-SCENARIO.yaml is required", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_the_same_under_de_DE()
    {
        Assert.Equal(CliRun.WithStdin(Scenario, "evict", "-f", "-"), CliRun.RunInCulture("de-DE", Scenario, "evict", "-f", "-"));
        Assert.Equal(CliRun.WithStdin(Scenario, "evict", "-f", "-", "-o", "json"), CliRun.RunInCulture("de-DE", Scenario, "evict", "-f", "-", "-o", "json"));
    }
}
