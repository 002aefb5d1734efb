using PodConformance.Suite.Golden;

namespace PodConformance.Suite.Tests.Golden;

/// <summary>
/// Kubernetes documentation pages reproduced (golden/docs): what each page prints is what the model prints at the same
/// moment, cell for cell; where the page differs for a reason outside the model the case carries a note and the test
/// pins both sides.
/// </summary>
public class DocsGoldenTests
{
    private static readonly Lazy<IReadOnlyList<GoldenCase>> Cases = new(() => DocsCases.All(GoldenRepo.GoldenDir).ToArray());

    private static GoldenCase Docs(string id) => Cases.Value.Single(c => c.Id == "docs/" + id);

    private static IReadOnlyList<string> Shows(GoldenCase c, string key)
    {
        var shows = (GoldenMap)((GoldenMap)c.Tutorial!).Get("shows")!;
        return shows.Get(key) switch
        {
            GoldenList l => l.Items.Select(i => ((GoldenScalar)i).Text).ToArray(),
            GoldenScalar s => [s.Text],
            _ => throw new InvalidOperationException("shows." + key + " missing"),
        };
    }

    private static string[] Cells(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Pod_scheduling_readiness_get_shows_SchedulingGated_exactly_as_the_page()
    {
        // pod-scheduling-readiness.md: "test-pod   0/1     SchedulingGated   0          7s".
        var c = Docs("scheduling-gates");
        Assert.Equal(Shows(c, "get (7s)"), GoldenRepo.View(c, "get (7s)"));
    }

    [Fact]
    public void Pod_scheduling_readiness_wide_row_after_the_gates_are_removed_matches_the_page()
    {
        // "test-pod   1/1     Running   0          15s   10.0.0.4   node-2" (the page trims the header after NODE).
        var c = Docs("scheduling-gates");
        var page = Shows(c, "get -o wide (15s)");
        var model = GoldenRepo.View(c, "get -o wide (15s)");
        Assert.Equal(Cells(page[1]), Cells(model[1])[..7]);
        Assert.StartsWith(page[0].TrimEnd(), model[0], StringComparison.Ordinal);
        Assert.Equal(["<none>", "<none>"], Cells(model[1])[7..]);
    }

    [Fact]
    public void Pod_scheduling_readiness_gates_are_empty_after_removal_and_named_as_the_example_before()
    {
        var c = Docs("scheduling-gates");
        Assert.Equal(Shows(c, "schedulingGates (15s)"), GoldenRepo.View(c, "schedulingGates (15s)"));

        // The page's jsonpath line predates the example's example.com/ prefix; the gate count and order agree.
        Assert.Equal("[{\"name\":\"foo\"},{\"name\":\"bar\"}]", Shows(c, "schedulingGates (7s)")[0]);
        Assert.Equal("[{\"name\":\"example.com/foo\"},{\"name\":\"example.com/bar\"}]", GoldenRepo.View(c, "schedulingGates (7s)")[0]);
        Assert.Contains(((GoldenMap)c.Tutorial!).Get("notes") is GoldenList n ? n.Items.Select(i => ((GoldenScalar)i).Text) : [],
            note => note.Contains("older version of the example", StringComparison.Ordinal));
    }

    [Fact]
    public void Pod_scheduling_readiness_gated_pod_has_the_api_servers_condition_and_no_scheduler_event()
    {
        var c = Docs("scheduling-gates");
        Assert.Contains("\"reason\":\"SchedulingGated\"", GoldenRepo.View(c, "podScheduled (7s)")[0], StringComparison.Ordinal);
        Assert.Contains("\"message\":\"Scheduling is blocked due to non-empty scheduling gates\"", GoldenRepo.View(c, "podScheduled (7s)")[0], StringComparison.Ordinal);
        var events = GoldenRepo.View(c, "describeEvents");
        Assert.DoesNotContain(events, e => e.Contains("FailedScheduling", StringComparison.Ordinal));
        Assert.Contains(events, e => e.StartsWith("Normal  Scheduled  default-scheduler  Successfully assigned default/test-pod to node-2", StringComparison.Ordinal));
        Assert.Equal(["SchedulingGated", "Pending", "ContainerCreating", "Running"], GoldenRepo.View(c, "statuses"));
    }

    [Fact]
    public void Every_docs_manifest_is_used_by_a_docs_case()
    {
        var used = Cases.Value.Select(c => ((GoldenMap)c.Tutorial!).GetText("manifest")).ToHashSet(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(Path.Combine(GoldenRepo.GoldenDir, "docs", "manifests")))
        {
            Assert.Contains("docs/manifests/" + Path.GetFileName(file), used);
        }
    }
}
