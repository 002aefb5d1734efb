using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

public class StatusCommandTests
{
    private static readonly string Fixture = Repo.Path("tests", "PodConformance.Manifests.Tests", "Fixtures", "kubectl-get-pod-web-app.yaml");

    [Fact]
    public void Table_keeps_the_kubectl_row_and_the_derived_state_apart()
    {
        var r = CliRun.Run("status", "-f", Fixture, "--now", "2025-01-31T10:10:00Z");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("NAME      READY   STATUS    RESTARTS      AGE\nweb-app   1/1     Running   3 (90s ago)   10m\n\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("web-app   Running         PodReadyToStartContainers=True,Initialized=True,Ready=True,ContainersReady=True,PodScheduled=True\n", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_has_the_contract_fields_with_kubectl_placeholders()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: i\nstatus:\n  phase: Pending\n";
        var r = CliRun.WithStdin(pod, "status", "-f", "-", "-o", "json", "--now", "2025-01-31T10:00:00Z");
        Assert.Equal(0, r.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        var p = doc.RootElement[0];
        foreach (string field in new[] { "namespace", "name", "ready", "status", "restarts", "age", "ip", "node", "nominatedNode", "readinessGates", "phase", "conditions" })
        {
            Assert.True(p.TryGetProperty(field, out _), field);
        }

        Assert.Equal("<unknown>", p.GetProperty("age").GetString());
        Assert.Equal("<none>", p.GetProperty("ip").GetString());
        Assert.Equal("<none>", p.GetProperty("readinessGates").GetString());
        Assert.Equal("0/1", p.GetProperty("ready").GetString());
    }

    [Fact]
    public void A_stored_terminal_phase_stays()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: done\nspec:\n  restartPolicy: Always\n  containers:\n  - name: c\n    image: i\nstatus:\n  phase: Succeeded\n  containerStatuses:\n  - name: c\n    ready: false\n    restartCount: 0\n    image: i\n    imageID: ''\n    state:\n      running: {startedAt: '2025-01-31T10:00:00Z'}\n";
        var r = CliRun.WithStdin(pod, "status", "-f", "-", "-o", "json", "--now", "2025-01-31T10:00:00Z");
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        Assert.Equal("Succeeded", doc.RootElement[0].GetProperty("phase").GetString());
    }

    [Fact]
    public void Bad_now_is_a_usage_error()
    {
        var r = CliRun.Run("status", "-f", Fixture, "--now", "yesterday");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("podconf: --now: invalid RFC 3339 time \"yesterday\" (e.g. 2025-01-31T10:10:00Z)\n", r.Error);
    }
}
