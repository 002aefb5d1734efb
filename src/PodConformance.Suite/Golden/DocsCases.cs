using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Scenarios;
using PodConformance.Model.Api;
using PodConformance.Model.Profiles;
using PodConformance.Model.Simulation;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;

namespace PodConformance.Suite.Golden;

/// <summary>
/// Pages of the Kubernetes documentation (kubernetes/website) reproduced as golden cases under <c>golden/docs/</c>:
/// the page's example manifest verbatim (<c>golden/docs/manifests</c>, with the commit it was copied from), a scenario
/// for what the page does around it (<c>golden/docs/scenarios</c>), what the page prints (<c>tutorial.shows</c>,
/// verbatim) and what the model prints at the same moments (<c>expected.views</c>). Where the page and the model
/// differ for a reason outside the model (an older example, a trimmed header), a note says why.
/// </summary>
public static class DocsCases
{
    public const string Area = "docs";

    public static IEnumerable<GoldenCase> All(string goldenRoot)
    {
        string dir = Path.Combine(goldenRoot, "docs");
        if (!Directory.Exists(Path.Combine(dir, "manifests")))
        {
            yield break;
        }

        var profile = Profile.Default;
        yield return SchedulingGates(dir, profile);
    }

    /// <summary>content/en/docs/concepts/scheduling-eviction/pod-scheduling-readiness.md, "Usage example".</summary>
    private static GoldenCase SchedulingGates(string dir, Profile profile)
    {
        var pod = ReadPod(dir, "pod-with-scheduling-gates.yaml");
        var scenario = ReadScenario(dir, "scheduling-gates-removed.yaml");
        var sim = PodSimulator.Run([pod], scenario, profile);
        const string name = "test-pod";
        var seven = TimeSpan.FromSeconds(7);
        var fifteen = TimeSpan.FromSeconds(15);
        var views = new GoldenMapBuilder()
            .AddList("statuses", SeedViews.Statuses(sim, name))
            .AddList("get (7s)", SeedViews.GetAt(sim, name, seven))
            .Add("schedulingGates (7s)", SeedViews.JsonPath(SeedViews.At(sim, name, seven), "{.spec.schedulingGates}"))
            .Add("podScheduled (7s)", SeedViews.JsonPath(SeedViews.At(sim, name, seven), "{.status.conditions[0]}"))
            .Add("schedulingGates (15s)", SeedViews.JsonPath(SeedViews.At(sim, name, fifteen), "{.spec.schedulingGates}"))
            .AddList("get -o wide (15s)", SeedViews.GetAt(sim, name, fifteen, wide: true))
            .AddList("describeEvents", SeedViews.DescribeEvents(sim, name, profile));
        var shows = new GoldenMapBuilder()
            .AddList("get (7s)", ["NAME       READY   STATUS            RESTARTS   AGE", "test-pod   0/1     SchedulingGated   0          7s"])
            .Add("schedulingGates (7s)", "[{\"name\":\"foo\"},{\"name\":\"bar\"}]")
            .Add("schedulingGates (15s)", "")
            .AddList("get -o wide (15s)", ["NAME       READY   STATUS    RESTARTS   AGE   IP         NODE  ", "test-pod   1/1     Running   0          15s   10.0.0.4   node-2"])
            .Build();
        var page = new GoldenMapBuilder()
            .Add("page", "kubernetes/website content/en/docs/concepts/scheduling-eviction/pod-scheduling-readiness.md")
            .Add("commit", "0e70ff0230219e711bd241ed6e737ab990d6afd6")
            .Add("manifest", "docs/manifests/pod-with-scheduling-gates.yaml")
            .Add("example", "kubernetes/website content/en/examples/pods/pod-with-scheduling-gates.yaml")
            .Add("exampleCommit", "7a090ad7363dc8f01a2304c43a0fa3d27b25b540")
            .Add("scenario", "docs/scenarios/scheduling-gates-removed.yaml")
            .Add("shows", shows)
            .AddList("notes",
            [
                "The page's jsonpath output names the gates foo and bar: it was written for an older version of the example; the example file (and so the model) uses example.com/foo and example.com/bar.",
                "The page trims the -o wide header after NODE (and leaves trailing spaces); kubectl prints NOMINATED NODE and READINESS GATES as well (PRINT-016, PRINT-019).",
                "A gated pod has no events: the SchedulingGates PreEnqueue plugin keeps it out of the scheduling queue (SCHED-011); the API server wrote its PodScheduled=False/SchedulingGated condition at create (SCHED-012).",
            ])
            .Build();
        return Build("scheduling-gates", pod, scenario, profile, page, views.Build());
    }

    private static GoldenCase Build(string id, Pod pod, Scenario scenario, Profile profile, GoldenMap page, GoldenMap views)
    {
        var input = new PodCase(pod, scenario);
        var observation = ModelAdapter.Run(input, profile);
        var expected = ObservationYaml.Render([Facets.Qos, Facets.Lifecycle], observation, input);
        return new GoldenCase
        {
            Id = Area + "/" + id,
            Area = Area,
            Profile = profile,
            Origin = new GoldenMapBuilder().Add("docs", "kubernetes/website").Add("page", page.GetText("page")).Build(),
            Tutorial = page,
            Input = input,
            Expected = new GoldenMapBuilder().Add("model", expected).Add("views", views).Build(),
        };
    }

    private static Pod ReadPod(string dir, string file)
    {
        var read = PodManifestReader.ReadFile(Path.Combine(dir, "manifests", file));
        return read.Pods.Length == 1 && !read.Diagnostics.Any(d => d.IsError)
            ? read.Pods[0].Pod
            : throw new InvalidOperationException(file + ": " + string.Join("; ", read.Diagnostics));
    }

    private static Scenario ReadScenario(string dir, string file)
    {
        string path = Path.Combine(dir, "scenarios", file);
        var read = ScenarioReader.ReadText(File.ReadAllText(path), path);
        return read.Scenario ?? throw new InvalidOperationException(file + ": " + string.Join("; ", read.Diagnostics));
    }
}
