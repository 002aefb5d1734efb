using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

public class OomScoreCommandTests
{
    private const string Pods = """
        apiVersion: v1
        kind: Pod
        metadata: {name: burst}
        spec:
          initContainers:
          - {name: setup, image: x}
          containers:
          - name: app
            image: x
            resources: {requests: {memory: 1Gi}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: be}
        spec:
          containers: [{name: c, image: x}]
        """;

    [Fact]
    public void One_line_per_container_with_the_burstable_formula_against_node_memory()
    {
        var r = CliRun.WithStdin(Pods, "oom-score", "-f", "-", "--node-memory", "4Gi");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("NAMESPACE", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^default\s+burst\s+setup\s+init\s+999\s", lines[1]);
        Assert.Matches(@"^default\s+burst\s+app\s+regular\s+750\s", lines[2]);
        Assert.Matches(@"^default\s+be\s+c\s+regular\s+1000\s", lines[3]);
    }

    [Fact]
    public void An_invalid_pod_gets_a_score_and_a_warning_not_a_refusal_as_qos_does()
    {
        // README's exit codes: qos and oom-score answer for an invalid pod, warn with the API server's refusal, exit 0.
        const string invalid = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: c\n    image: x\n    resources:\n      requests: {cpu: 300m}\n      limits: {cpu: 50m}\n";
        var r = CliRun.WithStdin(invalid, "oom-score", "-f", "-", "--node-memory", "4Gi");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"\ndefault\s+bad\s+c\s+regular\s+999\s", r.Out);
        Assert.Contains("podconf: warning: <stdin>:1:1: pod default/bad is invalid (the API server would reject it): spec.containers[0].resources.requests: Invalid value: \"300m\": must be less than or equal to cpu limit of 50m", r.Error, StringComparison.Ordinal);
        var valid = CliRun.WithStdin(Pods, "oom-score", "-f", "-", "--node-memory", "4Gi");
        Assert.DoesNotContain("warning", valid.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// OOM-008 on the created-pod path: the kubelet overwrites <c>kubernetes.io/config.source</c> with <c>api</c> for every pod
    /// it gets from the API server (pkg/kubelet/config/config.go <c>podStorage.merge</c>, kubernetes/kubernetes 00a3928bde54),
    /// so an author's <c>config.source: file</c> does not make a BestEffort system-node-critical pod static, critical and
    /// −997: it keeps 1000 (OOM-003). Until session 16 the model trusted the annotation and printed −997. The mirror-pod
    /// annotation (the static pod's face on the API server) is critical whatever its value, and stays so.
    /// </summary>
    [Fact]
    public void A_written_config_source_is_overwritten_with_api_and_a_mirror_pod_stays_critical()
    {
        const string Claimed = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: claimed\n  annotations: {kubernetes.io/config.source: file}\n"
            + "spec:\n  priorityClassName: system-node-critical\n  containers: [{name: c, image: x}]\n";
        var claimed = CliRun.WithStdin(Claimed, "oom-score", "-f", "-", "--node-memory", "4Gi");
        Assert.Equal(0, claimed.ExitCode);
        Assert.Matches(@"\ndefault\s+claimed\s+c\s+regular\s+1000\s", claimed.Out);

        string mirror = Claimed.Replace("name: claimed", "name: mirror", StringComparison.Ordinal)
            .Replace("kubernetes.io/config.source: file", "kubernetes.io/config.mirror: abc", StringComparison.Ordinal)
            .Replace("spec:\n", "spec:\n  nodeName: node-1\n", StringComparison.Ordinal);
        var mirrored = CliRun.WithStdin(mirror, "oom-score", "-f", "-", "--node-memory", "4Gi");
        Assert.Equal(0, mirrored.ExitCode);
        Assert.Equal("", mirrored.Error);
        Assert.Matches(@"\ndefault\s+mirror\s+c\s+regular\s+-997\s", mirrored.Out);
    }

    [Fact]
    public void Json_lists_scores_and_rules()
    {
        var r = CliRun.WithStdin(Pods, "oom-score", "-f", "-", "--node-memory", "4Gi", "-o", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        var app = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("container").GetString() == "app");
        Assert.Equal(750, app.GetProperty("oomScoreAdj").GetInt32());
        Assert.Equal("burst", app.GetProperty("pod").GetString());
        Assert.NotEqual(0, app.GetProperty("rules").GetArrayLength());
    }

    [Theory]
    [InlineData(null, "--node-memory QTY is required")]
    [InlineData("lots", "--node-memory:")]
    [InlineData("0", "must be positive")]
    // Value() rounds 100m (0.1 byte) up to 1 byte: a fraction of a byte is refused, not rounded.
    [InlineData("100m", "--node-memory: 100m is not a whole number of bytes (a node's memory capacity counts bytes, e.g. 8Gi; m is milli, M is mega)")]
    [InlineData("1.5", "--node-memory: 1.5 is not a whole number of bytes")]
    [InlineData("-1Gi", "--node-memory: must be positive, got -1Gi")]
    // Past int64 Value() wraps as Go's does (1e19 to 0): refused for its size, not as "must be positive" (before session 16).
    [InlineData("1e19", "--node-memory: 1e19 is more bytes than the kubelet's int64 capacity holds (at most 9223372036854775807)")]
    [InlineData("16E", "--node-memory: 16E is more bytes than the kubelet's int64 capacity holds (at most 9223372036854775807)")]
    public void Node_memory_is_required_and_must_be_a_positive_quantity(string? memory, string message)
    {
        var args = memory is null ? new[] { "oom-score", "-f", "-" } : new[] { "oom-score", "-f", "-", "--node-memory", memory };
        var r = CliRun.WithStdin(Pods, args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_the_same_under_de_DE()
    {
        Assert.Equal(
            CliRun.WithStdin(Pods, "oom-score", "-f", "-", "--node-memory", "1.5Gi"),
            CliRun.RunInCulture("de-DE", Pods, "oom-score", "-f", "-", "--node-memory", "1.5Gi"));
    }
}
