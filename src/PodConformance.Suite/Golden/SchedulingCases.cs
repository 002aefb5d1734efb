using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Scenarios;
using PodConformance.Model.Api;
using PodConformance.Model.Profiles;
using PodConformance.Model.Simulation;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;

namespace PodConformance.Suite.Golden;

/// <summary>
/// FailedScheduling messages worth pinning (spec/scheduling.md), as golden cases under <c>golden/scheduling/</c>: a pod
/// from <c>golden/scheduling/manifests</c> on the nodes of a scenario from <c>golden/scheduling/scenarios</c>, with the
/// event and the message the model prints.
/// </summary>
public static class SchedulingCases
{
    public const string Area = "scheduling";

    public static IEnumerable<GoldenCase> All(string goldenRoot)
    {
        string dir = Path.Combine(goldenRoot, Area);
        if (!Directory.Exists(Path.Combine(dir, "manifests")))
        {
            yield break;
        }

        var profile = Profile.Default;
        yield return Build(dir, profile, "control-plane-taint-and-memory", "web-2gi.yaml", "control-plane-and-two-small-workers.yaml",
            "Issue 11: the message a kubeadm-style cluster gives when only the tainted control-plane node has room.");
        yield return Build(dir, profile, "one-node-per-filter", "picky.yaml", "one-node-per-filter.yaml",
            "Each modelled filter rejects one node; the histogram is sorted bytewise as whole strings (SCHED-007).");
    }

    private static GoldenCase Build(string dir, Profile profile, string id, string manifest, string scenarioFile, string why)
    {
        var pod = ReadPod(Path.Combine(dir, "manifests", manifest));
        var scenario = ReadScenario(Path.Combine(dir, "scenarios", scenarioFile));
        var input = new PodCase(pod, scenario);
        var observation = ModelAdapter.Run(input, profile);
        var sim = PodSimulator.Run([pod], scenario, profile);
        string name = pod.Metadata.Name;
        var views = new GoldenMapBuilder()
            .AddList("get", SeedViews.Get(sim, name))
            .AddList("describeEvents", SeedViews.DescribeEvents(sim, name, profile))
            .Add("podScheduled.reason", SeedViews.JsonPath(SeedViews.Final(sim, name), "{.status.conditions[0].reason}"))
            .Add("podScheduled.message", SeedViews.JsonPath(SeedViews.Final(sim, name), "{.status.conditions[0].message}"))
            .Build();
        return new GoldenCase
        {
            Id = Area + "/" + id,
            Area = Area,
            Profile = profile,
            Origin = new GoldenMapBuilder().Add("manifest", Area + "/manifests/" + manifest).Add("scenario", Area + "/scenarios/" + scenarioFile).Add("why", why).Build(),
            Input = input,
            Expected = new GoldenMapBuilder()
                .Add("model", ObservationYaml.Render([Facets.Qos, Facets.Lifecycle], observation, input))
                .Add("views", views)
                .Build(),
        };
    }

    private static Pod ReadPod(string path)
    {
        var read = PodManifestReader.ReadFile(path);
        return read.Pods.Length == 1 && !read.Diagnostics.Any(d => d.IsError)
            ? read.Pods[0].Pod
            : throw new InvalidOperationException(path + ": " + string.Join("; ", read.Diagnostics));
    }

    private static Scenario ReadScenario(string path)
    {
        var read = ScenarioReader.ReadText(File.ReadAllText(path), path);
        return read.Scenario ?? throw new InvalidOperationException(path + ": " + string.Join("; ", read.Diagnostics));
    }
}
