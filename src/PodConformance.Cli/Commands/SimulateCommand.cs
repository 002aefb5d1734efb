using System.CommandLine;
using System.Globalization;
using System.Text;
using PodConformance.Cli.Input;
using PodConformance.Cli.Output;
using PodConformance.Manifests.Scenarios;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Api;
using PodConformance.Model.Simulation;
using PodConformance.Model.Time;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf simulate</c>: run Pods through the model's API server, scheduler and kubelet on a virtual clock and
/// show what <c>kubectl get -w</c>, <c>kubectl describe</c> or the objects themselves would show.
/// </summary>
public static class SimulateCommand
{
    public static Command Create(CliConsole console)
    {
        var files = FileOption.Create();
        var verbose = FileOption.Verbose();
        var scenario = new Option<string?>("--scenario") { Description = "Scenario file: nodes, images, what each container does (spec/scenario.md)", HelpName = "FILE" };
        var until = new Option<string?>("--until") { Description = "Virtual time to simulate, e.g. 90s or 10m (default: the scenario's, else 10m)", HelpName = "DURATION" };
        var output = new Option<string>("--output", "-o") { Description = "watch (kubectl get -w), events (kubectl describe), json or yaml (the objects at each change)", DefaultValueFactory = _ => "watch" };
        output.AcceptOnlyFromAmong("watch", "events", "json", "yaml");
        var objects = new Option<string[]>("--objects") { Description = "ConfigMaps, Secrets and Services in the cluster from the start (added to the scenario's objects); repeatable", HelpName = "FILE", AllowMultipleArgumentsPerToken = false };
        var wide = new Option<bool>("--wide") { Description = "With -o watch: the wide columns (IP, NODE, NOMINATED NODE, READINESS GATES)" };
        var common = new CommonOptions();
        var command = new Command("simulate", "Simulate Pods on a virtual clock and print the kubectl views of their life.");
        command.Options.Add(files);
        command.Options.Add(verbose);
        command.Options.Add(scenario);
        command.Options.Add(until);
        command.Options.Add(output);
        command.Options.Add(wide);
        command.Options.Add(objects);
        common.AddTo(command);
        command.SetAction(result =>
        {
            var profile = common.ReadProfile(result);
            var input = PodInput.Load(result.GetValue(files), console, "simulate", profile.Version, result.GetValue(verbose));
            var sc = ReadScenario(result.GetValue(scenario), console);
            if (result.GetValue(until) is { } untilText)
            {
                if (!GoDuration.TryParse(untilText, out var d, out string error) || d <= TimeSpan.Zero)
                {
                    throw new UserInputException("--until: " + (error.Length != 0 ? error : "must be positive"));
                }

                sc = sc with { Until = d };
            }

            var pods = new List<Pod>(input.Pods.Count);
            foreach (var loaded in input.Pods)
            {
                pods.Add(loaded.Pod);
            }

            CheckSteps(sc, pods);
            var loadedObjects = ObjectsInput.Load(result.GetValue(objects), console);
            if (loadedObjects.HasErrors)
            {
                throw new UserInputException("--objects: the objects have errors (listed above)");
            }

            sc = sc with { Objects = [.. sc.Objects, .. ClusterObjects(loadedObjects)] };

            var sim = PodSimulator.Run(pods, sc, profile);
            foreach (var rejected in sim.Rejected)
            {
                console.Error.Write("podconf: the API server rejects it: " + rejected.Message + "\n");
            }

            string text = result.GetValue(output) switch
            {
                "events" => Events(sim, profile),
                "json" => Json(sim),
                "yaml" => Yaml(sim),
                _ => SimulationViews.Watch(sim, result.GetValue(wide)),
            };
            console.Out.Write(text);
            return input.Combine(sim.Rejected.IsEmpty ? ExitCodes.Ok : ExitCodes.CheckFailed);
        });
        return command;
    }

    private static Scenario ReadScenario(string? path, CliConsole console)
    {
        if (path is null)
        {
            return new Scenario();
        }

        var file = InputFile.Read(path, console);
        var read = ScenarioReader.ReadText(file.Text, file.DisplayName);
        foreach (var d in read.Diagnostics)
        {
            console.Error.Write("podconf: error: " + d + "\n");
        }

        return read.Scenario ?? throw new UserInputException($"{file.DisplayName}: the scenario has errors (listed above)");
    }

    private static IEnumerable<ClusterObject> ClusterObjects(Manifests.Objects.EnvObjects objects)
    {
        foreach (var cm in objects.ConfigMaps)
        {
            yield return ClusterObject.ConfigMap(cm.Namespace, cm.Name, cm.Data);
        }

        foreach (var secret in objects.Secrets)
        {
            yield return ClusterObject.Secret(secret.Namespace, secret.Name, secret.Data);
        }

        foreach (var service in objects.Services)
        {
            yield return ClusterObject.FromService(service);
        }
    }

    /// <summary>A step that names no input pod is a typo the run would silently ignore: an input error (exit 2).</summary>
    private static void CheckSteps(Scenario scenario, List<Pod> pods)
    {
        for (int i = 0; i < scenario.Steps.Count; i++)
        {
            string name = scenario.Steps[i].Pod;
            if (name.Length != 0 && !pods.Exists(p => string.Equals(p.Metadata.Name, name, StringComparison.Ordinal)))
            {
                throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"scenario steps[{i}].pod: no pod named \"{name}\" among the input pods"));
            }
        }
    }

    private static string Events(SimulationResult sim, Model.Profiles.Profile profile)
    {
        var sb = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in sim.Timeline)
        {
            string name = s.Pod.Metadata.Name;
            if (!seen.Add(name))
            {
                continue;
            }

            if (seen.Count > 1)
            {
                sb.Append('\n');
            }

            sb.Append("Name:         ").Append(name).Append('\n');
            sb.Append("Namespace:    ").Append(s.Pod.Metadata.Namespace).Append('\n');
            sb.Append(SimulationViews.DescribeEvents(sim, name, profile));
        }

        return sb.ToString();
    }

    private static string Json(SimulationResult sim) => Output.Json.Write(w =>
    {
        w.WriteStartArray();
        foreach (var s in sim.Timeline)
        {
            w.WriteStartObject();
            w.WriteString("time", s.Time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteString("type", WatchType(s.Kind));
            w.WritePropertyName("object");
            w.WriteRawValue(PodManifestWriter.ToJson(s.Pod));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static string Yaml(SimulationResult sim)
    {
        var sb = new StringBuilder();
        foreach (var s in sim.Timeline)
        {
            sb.Append("--- # ").Append(s.Time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(' ').Append(WatchType(s.Kind)).Append('\n');
            sb.Append(PodManifestWriter.ToYaml(s.Pod));
        }

        return sb.ToString();
    }

    private static string WatchType(SnapshotKind kind) => kind switch
    {
        SnapshotKind.Added => "ADDED",
        SnapshotKind.Deleted => "DELETED",
        _ => "MODIFIED",
    };
}
