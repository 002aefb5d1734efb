using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

/// <summary>
/// Goldens under <c>golden/node/</c> for the tutorial's node-level claims (/work/shared/seed/pods-module.md):
/// "Environment Variables" (Direct Values, ConfigMap, Secret, Downward API, and the <c>POD_IP=10.1.0.15</c> line of
/// its <c>kubectl exec web-app -- env | grep POD_</c> output) and "Eviction Priority" (BestEffort, then Burstable,
/// then Guaranteed — refuted by the smallest counterexample: priority beats class).
/// </summary>
public class EnvEvictTutorialGoldenTests
{
    private static string Golden(params string[] parts) => File.ReadAllText(Repo.Path(["golden", "node", .. parts])).ReplaceLineEndings("\n");

    [Fact]
    public void Env_of_the_tutorial_pod_matches_the_golden_with_the_Secret_masked()
    {
        string[] args = ["env", "-f", Repo.Path("golden", "node", "env-tutorial", "pod.yaml"), "--objects", Repo.Path("golden", "node", "env-tutorial", "objects.yaml"),
            "--pod-ip", "10.1.0.15", "--no-kubernetes-service"];
        var r = CliRun.Run(args);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(Golden("env-tutorial", "env.golden"), r.Out);
        Assert.DoesNotContain("s3cr3t-test-only", r.Out, StringComparison.Ordinal);
        Assert.Contains("DB_PASSWORD=<secret:db-credentials/password>\n", r.Out, StringComparison.Ordinal);

        // The tutorial's own output: kubectl exec web-app -- env | grep POD_
        var pod = r.Out.Split('\n').Where(l => l.StartsWith("POD_", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["POD_IP=10.1.0.15", "POD_NAME=web-app", "POD_NAMESPACE=default"], pod);
        Assert.Equal(r, CliRun.RunInCulture("de-DE", "", args));
    }

    [Fact]
    public void Eviction_priority_counterexample_matches_the_golden()
    {
        string[] args = ["evict", "-f", Repo.Path("golden", "node", "evict-priority-beats-class", "scenario.yaml")];
        var r = CliRun.Run(args);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(Golden("evict-priority-beats-class", "evict.golden"), r.Out);
        Assert.Contains("  1. burstable at 0s", r.Out, StringComparison.Ordinal);
        Assert.Contains("before best-effort by priority: its priority 0 is lower than 1", r.Out, StringComparison.Ordinal);
        Assert.Equal(r, CliRun.RunInCulture("de-DE", "", args));
    }
}
