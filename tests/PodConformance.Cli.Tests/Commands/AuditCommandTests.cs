using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

public class AuditCommandTests
{
    private static readonly string Fixture = Repo.Path("tests", "PodConformance.Manifests.Tests", "Fixtures", "kubectl-get-pod-web-app.yaml");

    [Fact]
    public void A_consistent_pod_passes()
    {
        var r = CliRun.Run("audit", "-f", Fixture, "--now", "2025-01-31T10:10:00Z");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("1 pod(s) agree with the model\n", r.Out);
    }

    [Fact]
    public void Simulator_output_agrees_with_the_model()
    {
        var sim = CliRun.Run("simulate", "-f", Repo.Path("golden", "seed", "manifests", "14-hands-on-fullstack-pod.yaml"), "--until", "30s", "-o", "yaml");
        var r = CliRun.WithStdin(sim.Out, "audit", "-f", "-", "--now", "2025-01-31T10:10:00Z");
        Assert.True(r.ExitCode == 0, r.Out + r.Error);
    }

    [Fact]
    public void A_wrong_qos_class_and_phase_are_listed_with_rules_and_exit_1()
    {
        string text = File.ReadAllText(Fixture).Replace("qosClass: Burstable", "qosClass: Guaranteed", StringComparison.Ordinal)
            .Replace("phase: Running", "phase: Pending", StringComparison.Ordinal);
        var r = CliRun.WithStdin(text, "audit", "-f", "-", "-o", "json", "--now", "2025-01-31T10:10:00Z");
        Assert.Equal(1, r.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        var resource = doc.RootElement.GetProperty("resources")[0];
        Assert.Equal("statusInvalid", resource.GetProperty("status").GetString());
        var findings = resource.GetProperty("validationErrors").EnumerateArray().ToDictionary(e => e.GetProperty("path").GetString()!, e => e);
        Assert.True(findings["status.qosClass"].GetProperty("line").GetInt32() > 1); // where qosClass is written
        Assert.Equal("Burstable", findings["status.qosClass"].GetProperty("expected").GetString());
        Assert.StartsWith("QOS-", findings["status.qosClass"].GetProperty("rule").GetString(), StringComparison.Ordinal);
        Assert.Equal("Running", findings["status.phase"].GetProperty("expected").GetString());
        Assert.StartsWith("PHASE-", findings["status.phase"].GetProperty("rule").GetString(), StringComparison.Ordinal);
    }
}
