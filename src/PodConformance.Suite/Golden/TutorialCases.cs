using System.Globalization;
using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Scenarios;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Profiles;
using PodConformance.Model.Simulation;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;

namespace PodConformance.Suite.Golden;

/// <summary>
/// The tutorial's examples (<c>pods-module.md</c>) as golden cases under <c>golden/seed/</c>: each records
/// what the tutorial shows (<c>tutorial.shows</c>, verbatim), what the model does (<c>expected</c>, including the
/// kubectl views), and, where the tutorial simplifies, a note naming the spec rule. Inputs are the verbatim
/// manifests in <c>golden/seed/manifests</c>, the few derived ones in <c>derived/</c>, and <c>scenarios/</c>.
/// </summary>
public static partial class TutorialCases
{
    /// <summary>A Secret value used only to prove it never reaches a golden file (the env case masks it).</summary>
    public const string TutorialSecretValue = "tutorial-pw-Sup3rS3cret";

    public static IEnumerable<GoldenCase> All(string goldenRoot)
    {
        if (!Directory.Exists(Path.Combine(goldenRoot, "seed", "manifests")))
        {
            yield break;
        }

        var seed = new SeedInputs(Path.Combine(goldenRoot, "seed"));
        var profile = Profile.Default;
        yield return PodSpec(seed, profile);
        yield return ThreeRestarts(seed, profile);
        yield return CrashLoop(seed, profile);
        yield return EnvDirect(seed, profile);
        yield return EnvConfigMap(seed, profile);
        yield return EnvSecret(seed, profile);
        yield return EnvDownward(seed, profile);
        yield return InitContainers(seed, profile);
        yield return Sidecar(seed, profile);
        yield return Ambassador(seed, profile);
        yield return ResourcesHowTheyWork(seed, profile);
        yield return ResourceDemoOom(seed, profile);
        yield return QosSnippet(seed, profile, "11-qos-guaranteed", "Guaranteed");
        yield return QosSnippet(seed, profile, "12-qos-burstable", "Burstable");
        yield return QosSnippet(seed, profile, "13-qos-besteffort", "BestEffort");
        yield return Fullstack(seed, profile);
        yield return FullstackBroken(seed, profile);
        yield return StuckPod(seed, profile);
    }

    /// <summary>Reads the seed inputs; a missing or broken input file is a bug in the repository, so it throws.</summary>
    internal sealed class SeedInputs(string dir)
    {
        public Pod Pod(string file)
        {
            var read = PodManifestReader.ReadFile(Path.Combine(dir, file));
            return read.Pods.Length == 1 && !read.Diagnostics.Any(d => d.IsError)
                ? read.Pods[0].Pod
                : throw new InvalidOperationException(file + ": " + string.Join("; ", read.Diagnostics));
        }

        /// <summary>A tutorial snippet completed into a pod: the name and image it leaves out are filled in.</summary>
        public Pod Fragment(string file, ManifestFragment kind, string podName)
        {
            var path = Path.Combine(dir, file);
            var read = PodManifestReader.ReadFragment(File.ReadAllText(path), path, kind);
            var pod = read.Pods.Length == 1 ? read.Pods[0].Pod : throw new InvalidOperationException(file + ": " + string.Join("; ", read.Diagnostics));
            var containers = pod.Spec.Containers.Select(c => c with
            {
                Name = c.Name.Length == 0 ? "web" : c.Name,
                Image = c.Image.Length == 0 ? "nginx:1.25" : c.Image,
            });
            return pod with
            {
                Metadata = pod.Metadata with { Name = podName, Namespace = "default" },
                Spec = pod.Spec with { Containers = containers.ToValueList() },
            };
        }

        public Scenario Scenario(string file)
        {
            var path = Path.Combine(dir, "scenarios", file);
            var read = ScenarioReader.ReadText(File.ReadAllText(path), path);
            return read.Scenario ?? throw new InvalidOperationException(file + ": " + string.Join("; ", read.Diagnostics));
        }
    }

    /// <summary>Everything a seed case is built from; <see cref="Views"/> adds the kubectl views the section shows.</summary>
    private sealed record Spec(string Name, string Section, string Lines, Pod Pod, Scenario Scenario)
    {
        public GoldenMap Shows { get; init; } = new([]);

        public IReadOnlyList<string> Notes { get; init; } = [];

        public string Completed { get; init; } = "";

        public string Manifest { get; init; } = "";

        public EnvInputs? EnvInputs { get; init; }

        public GoldenMap? Inputs { get; init; }

        public IReadOnlyList<string> Secrets { get; init; } = [];

        public Func<SimulationResult, GoldenMapBuilder, GoldenMapBuilder>? Views { get; init; }

        /// <summary>
        /// The tutorial's <c>kubectl describe pod X | grep</c> pipelines: the shows key holding its lines (null: the tutorial
        /// rewrites the output too freely for a line-by-line comparison, only the real output is recorded), pattern, -A.
        /// </summary>
        public IReadOnlyList<(string? Shows, string Pattern, int After)> Greps { get; init; } = [];
    }

    private static GoldenCase Build(Spec s, Profile profile)
    {
        // The ConfigMaps and Secrets an env example reads exist in its cluster: they join the scenario's objects (SIM-014).
        var scenario = new PodCase(s.Pod, s.Scenario) { Objects = s.EnvInputs }.SimulatedScenario();
        var input = new PodCase(s.Pod, scenario);
        var observation = ModelAdapter.Run(input, profile);
        var expected = ObservationYaml.Render([Facets.Qos, Facets.OomScores, Facets.Lifecycle], observation, input);
        var sim = PodSimulator.Run([s.Pod], scenario, profile);
        string pod = s.Pod.Metadata.Name;
        var views = new GoldenMapBuilder()
            .AddList("statuses", SeedViews.Statuses(sim, pod))
            .AddList("watch", SeedViews.Watch(sim))
            .AddList("get", SeedViews.Get(sim, pod))
            .AddList("describeEvents", SeedViews.DescribeEvents(sim, pod, profile));
        if (s.EnvInputs is { } env)
        {
            views.AddList("env", Env(SeedViews.Final(sim, pod), env, profile));
        }

        s.Views?.Invoke(sim, views);
        if (s.Greps.Count > 0)
        {
            AddDescribeGreps(s, sim, pod, profile, views);
        }

        var tutorial = new GoldenMapBuilder()
            .Add("section", s.Section)
            .Add("lines", s.Lines)
            .Add("manifest", s.Manifest.Length == 0 ? null : s.Manifest)
            .Add("completed", s.Completed.Length == 0 ? null : s.Completed)
            .Add("shows", s.Shows)
            .AddList("notes", s.Notes)
            .Build();
        return new GoldenCase
        {
            Id = "seed/" + s.Name,
            Area = GoldenAreas.Seed,
            Profile = profile,
            Origin = new GoldenMapBuilder().Add("tutorial", "pods-module.md").Add("section", s.Section).Build(),
            Tutorial = tutorial,
            Input = input,
            Inputs = s.Inputs,
            Expected = new GoldenMapBuilder().Add("model", expected).Add("views", views.Build()).Build(),
            SecretValues = s.Secrets,
        };
    }

    /// <summary>
    /// The whole describe text, what each of the tutorial's greps prints from it, and each tutorial line compared with the
    /// line grep prints in its place (<see cref="DescribeGrep.Verdict"/>): the tutorial's describe shows are checked
    /// against rendered text, not only listed.
    /// </summary>
    private static void AddDescribeGreps(Spec s, SimulationResult sim, string pod, Profile profile, GoldenMapBuilder views)
    {
        var describe = SeedViews.Describe(sim, pod, profile);
        string text = string.Join("\n", describe) + "\n";
        var greps = new GoldenMapBuilder();
        var compared = new GoldenMapBuilder();
        foreach (var (shows, pattern, after) in s.Greps)
        {
            var output = DescribeGrep.Grep(text, pattern, after);
            greps.AddList(GrepCommand(pattern, after), output);
            if (shows is null)
            {
                continue;
            }

            var tutorial = s.Shows.Get(shows) is GoldenList list ? list.Items.Select(i => ((GoldenScalar)i).Text).ToArray() : [s.Shows.GetText(shows)];
            compared.AddList(shows, DescribeGrep.Describe(DescribeGrep.Compare(tutorial, output)));
        }

        views.AddList("describe", describe).Add("describeGrep", greps.Build()).Add("tutorialCompared", compared.Build());
    }

    /// <summary>The pipeline as the tutorial writes it: <c>grep -A 3 "Last State"</c>.</summary>
    internal static string GrepCommand(string pattern, int after) =>
        "grep " + (after > 0 ? "-A " + after.ToString(CultureInfo.InvariantCulture) + " " : "") + "\"" + pattern + "\"";

    /// <summary>Every container's environment, NAME=value, Secret values masked (ENV-010).</summary>
    private static IEnumerable<string> Env(Pod pod, EnvInputs inputs, Profile profile)
    {
        foreach (var c in pod.Spec.Containers)
        {
            var result = ContainerView.Build(pod, c, inputs with { PodIPs = pod.Status is { } st ? ValueList.Of(st.PodIP) : default }, profile);
            if (result.Error is { } error)
            {
                yield return c.Name + ": error " + EnvError.Reason + ": " + error.Message;
                continue;
            }

            foreach (var v in result.Variables)
            {
                yield return c.Name + ": " + v.ToDisplayLine();
            }
        }
    }

    private static GoldenMap Map(params (string Key, string Value)[] entries)
    {
        var b = new GoldenMapBuilder();
        foreach (var (k, v) in entries)
        {
            b.Add(k, v);
        }

        return b.Build();
    }

    private static GoldenMap JsonPaths(SimulationResult sim, string pod, params string[] expressions)
    {
        var final = SeedViews.Final(sim, pod);
        var b = new GoldenMapBuilder();
        foreach (string e in expressions)
        {
            b.Add(e, SeedViews.JsonPath(final, e));
        }

        return b.Build();
    }

    private static string Seconds(IEnumerable<TimeSpan> waits) =>
        string.Join(", ", waits.Select(w => ((long)w.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s"));
}
