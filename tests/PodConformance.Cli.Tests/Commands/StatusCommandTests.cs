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
    public void Json_is_the_object_as_given_and_the_wide_row_has_kubectl_placeholders()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: i\nstatus:\n  phase: Pending\n";
        var r = CliRun.WithStdin(pod, "status", "-f", "-", "-o", "json", "--now", "2025-01-31T10:00:00Z");
        Assert.Equal(0, r.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        Assert.Equal("p", doc.RootElement.GetProperty("metadata").GetProperty("name").GetString());
        Assert.Equal("Pending", doc.RootElement.GetProperty("status").GetProperty("phase").GetString());
        Assert.False(doc.RootElement.GetProperty("spec").TryGetProperty("restartPolicy", out _)); // as given: no defaulting

        var wide = CliRun.WithStdin(pod, "status", "-f", "-", "-o", "wide", "--now", "2025-01-31T10:00:00Z");
        Assert.StartsWith(
            "NAME   READY   STATUS    RESTARTS   AGE         IP       NODE     NOMINATED NODE   READINESS GATES\n" +
            "p      0/1     Pending   0          <unknown>   <none>   <none>   <none>           <none>\n", wide.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_terminal_phase_stays()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: done\nspec:\n  restartPolicy: Always\n  containers:\n  - name: c\n    image: i\nstatus:\n  phase: Succeeded\n  containerStatuses:\n  - name: c\n    ready: false\n    restartCount: 0\n    image: i\n    imageID: ''\n    state:\n      running: {startedAt: '2025-01-31T10:00:00Z'}\n";
        var r = CliRun.WithStdin(pod, "status", "-f", "-", "--now", "2025-01-31T10:00:00Z", "--no-headers");
        Assert.Matches(@"\ndone +Succeeded ", r.Out);
    }

    [Fact]
    public void Bad_now_is_a_usage_error()
    {
        var r = CliRun.Run("status", "-f", Fixture, "--now", "yesterday");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("podconf: --now: invalid RFC 3339 time \"yesterday\" (e.g. 2025-01-31T10:10:00Z)\nSee 'podconf status --help' for usage.\n", r.Error);
    }
}
