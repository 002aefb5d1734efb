using System.CommandLine;
using System.Globalization;
using System.Text;
using PodConformance.Cli.Input;
using PodConformance.Cli.Output;
using PodConformance.Manifests.Scenarios;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Api;
using PodConformance.Model.Printing;
using PodConformance.Model.Profiles;
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
        var files = new InputOptions();
        var validation = new FieldValidationOption();
        var verbose = FileOption.Verbose();
        var scenario = new Option<string?>("--scenario") { Description = "Scenario file: nodes, images, what each container does (spec/scenario.md)", HelpName = "FILE" };
        var until = new Option<string?>("--until") { Description = "Virtual time to simulate, e.g. 90s or 10m (default: the scenario's, else 10m)", HelpName = "DURATION" };
        var output = new OutputFlags("watch", "watch (kubectl get -w), wide (the same with IP, NODE, NOMINATED NODE, READINESS GATES), events (the Events block of kubectl describe), describe (all of kubectl describe pod), table (kubectl get at the end), or the objects at the end: yaml, json, name, jsonpath=TEMPLATE",
            "watch", "wide", "events", "describe", "table", "yaml", "json", "name", "jsonpath");
        var watch = new Option<bool>("--watch", "-w") { Description = "With yaml, json, name or jsonpath: every change, as kubectl get -w -o …, instead of the objects at the end; with table, the watch view (kubectl get -w); not with events" };
        var objects = new AdmissionOptions("Manifest file with cluster objects present from the start: ConfigMaps, Secrets and Services (added to the scenario's objects), and the ServiceAccounts, PriorityClasses, LimitRanges, ResourceQuotas and RuntimeClasses admission reads when the pods are created (repeatable)");
        var common = new CommonOptions();
        var command = new Command("simulate", "Simulate Pods on a virtual clock and print the kubectl views of their life.");
        files.AddTo(command);
        validation.AddTo(command);
        command.Options.Add(verbose);
        command.Options.Add(scenario);
        command.Options.Add(until);
        output.AddTo(command);
        command.Options.Add(watch);
        objects.AddTo(command);
        common.AddTo(command);
        command.SetAction(result =>
        {
            var profile = common.ReadProfile(result);
            var format = output.Read(result);
            if (result.GetValue(watch) && format.Name is "events" or "describe")
            {
                throw new UserInputException("--watch: not with -o " + format.Name + " (kubectl describe has no --watch)");
            }

            // -o events and -o describe print kubectl describe's text, and kubectl describe has no --no-headers (it is
            // an unknown flag there): refused as -w is, rather than silently printing the headers asked away.
            if (format.NoHeaders && format.Name is "events" or "describe")
            {
                throw new UserInputException("--no-headers: not with -o " + format.Name + " (kubectl describe has no --no-headers)");
            }

            var input = files.Load(result, console, "simulate", profile.Version, result.GetValue(verbose), validation.Read(result), strictRefusalIsInputError: true);
            if (ReadScenario(result.GetValue(scenario), console, profile.Version) is not { } sc)
            {
                return ExitCodes.UsageOrInput; // the scenario's errors are listed above
            }

            if (result.GetValue(until) is { } untilText)
            {
                if (!GoDuration.TryParse(untilText, out var d, out string error) || d <= TimeSpan.Zero)
                {
                    // A positive Go duration under one tick (1ns) reads as zero here: say so rather than "must be positive".
                    bool positive = error.Length == 0 && d == TimeSpan.Zero && !untilText.StartsWith('-') && untilText.AsSpan().IndexOfAnyInRange('1', '9') >= 0;
                    throw new UserInputException("--until: " + (error.Length != 0 ? error
                        : positive ? untilText + " is shorter than the virtual clock's resolution (100ns)" : "must be positive"));
                }

                sc = sc with { Until = d };
            }

            var pods = new List<Pod>(input.Pods.Count);
            foreach (var loaded in input.Pods)
            {
                pods.Add(loaded.Pod);
            }

            CheckSteps(sc, pods, result.GetValue(scenario));
            // The same objects validate and explain admit with (AdmissionOptions), so the simulated pod is the one they show.
            var loadedObjects = objects.Read(result, console, profile.Version);
            if (loadedObjects.HasErrors)
            {
                return ExitCodes.UsageOrInput; // the objects' errors are listed above, counted when several (ObjectsInput)
            }

            sc = sc with { Objects = [.. sc.Objects, .. ClusterObjects(loadedObjects.Env)] };

            var sim = PodSimulator.Run(pods, sc, profile, loadedObjects.Admission);
            foreach (var rejected in sim.Rejected)
            {
                console.Error.Write("podconf: the API server rejects it: " + rejected.Message + "\n");
            }

            string text = format.Name switch
            {
                "events" => Events(sim, profile),
                "describe" => Describe(sim, profile, console),
                "table" when result.GetValue(watch) => SimulationViews.Watch(sim, wide: false, format.NoHeaders), // kubectl get -w
                "table" => PodTable.Format([.. Final(sim).Select(p => PodPrinter.Row(p, sim.End))], wide: false, format.NoHeaders),
                "wide" => SimulationViews.Watch(sim, wide: true, format.NoHeaders),
                "watch" => SimulationViews.Watch(sim, wide: false, format.NoHeaders),
                _ when result.GetValue(watch) => Changes(sim, format),
                _ => ObjectOutput.Print(format, [.. Final(sim).Select(PodManifestWriter.ToTree)]),
            };
            console.Out.Write(text);
            return input.Combine(sim.Rejected.IsEmpty ? ExitCodes.Ok : ExitCodes.CheckFailed);
        });
        return command;
    }

    /// <summary>
    /// The scenario, or null after its errors were printed. One error is its own explanation; a closing line counting
    /// them is printed only for several, so a lone error is not followed by a line that repeats it (evict and -f end
    /// their error lists the same way: the errors, then exit 2).
    /// </summary>
    private static Scenario? ReadScenario(string? path, CliConsole console, KubernetesVersion version)
    {
        if (path is null)
        {
            return new Scenario();
        }

        var file = InputFile.Read(path, console, "--scenario");
        var read = ScenarioReader.ReadText(file.Text, file.DisplayName, version);
        foreach (var d in read.Diagnostics)
        {
            // An object's unknown field is a warning (ADM-019), printed as --objects prints it; the rest are errors.
            console.Error.Write((d.IsError ? "podconf: error: " : "podconf: warning: ") + d + "\n");
        }

        if (read.Scenario is not null)
        {
            return read.Scenario;
        }

        int errors = read.Diagnostics.Count(d => d.IsError);
        if (errors == 0)
        {
            throw new UserInputException($"{file.DisplayName}: the scenario could not be read");
        }

        if (errors > 1)
        {
            console.Error.Write($"podconf: {file.DisplayName}: the scenario has {errors.ToString(CultureInfo.InvariantCulture)} errors (listed above)\n");
        }

        return null;
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

    /// <summary>
    /// A step, or a pod script, that names no input pod, or a script for a container its pod does not have, is a typo the
    /// run would silently ignore (the container would run its default): an input error (exit 2) naming the scenario file.
    /// A <c>*</c> script applies to any pod, so its containers are not checked.
    /// </summary>
    private static void CheckSteps(Scenario scenario, List<Pod> pods, string? file)
    {
        string where = file is null ? "" : (file == "-" ? "<stdin>" : file) + ": ";
        for (int i = 0; i < scenario.Steps.Count; i++)
        {
            string name = scenario.Steps[i].Pod;
            if (name.Length != 0 && !pods.Exists(p => string.Equals(p.Metadata.Name, name, StringComparison.Ordinal)))
            {
                throw new UserInputException(string.Create(CultureInfo.InvariantCulture, $"{where}scenario steps[{i}].pod: no pod named \"{name}\" among the input pods"));
            }
        }

        foreach (var (name, script) in scenario.Pods)
        {
            if (name == "*")
            {
                continue;
            }

            var pod = pods.Find(p => string.Equals(p.Metadata.Name, name, StringComparison.Ordinal))
                ?? throw new UserInputException($"{where}scenario pods.{name}: no pod named \"{name}\" among the input pods");
            var names = new List<string>();
            foreach (var c in pod.Spec.InitContainers.Concat(pod.Spec.Containers).Concat(pod.Spec.EphemeralContainers))
            {
                names.Add(c.Name);
            }

            foreach (string container in script.Containers.Keys)
            {
                if (!names.Contains(container, StringComparer.Ordinal))
                {
                    throw new UserInputException($"{where}scenario pods.{name}.containers.{container}: pod \"{name}\" has no container named \"{container}\" (its containers: {string.Join(", ", names)})");
                }
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

    /// <summary>
    /// <c>kubectl describe pod</c> of every pod still present at the end, separated by a blank line as kubectl separates
    /// several objects (DESC-001); what the model could not render is said on stderr, naming the pod (DESC-003).
    /// </summary>
    private static string Describe(SimulationResult sim, Model.Profiles.Profile profile, CliConsole console)
    {
        var sb = new StringBuilder();
        foreach (var pod in Final(sim))
        {
            string name = pod.Metadata.Name;
            if (SimulationViews.Describe(sim, name, profile) is not { } described)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append("\n\n");
            }

            sb.Append(described.Text);
            foreach (string gap in described.NotRendered)
            {
                console.Error.Write("podconf: warning: describe pod " + name + ": not rendered: " + gap + " (spec/describe.md DESC-003)\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>The pods as <c>kubectl get</c> shows them at the end of the run: each one's last state, deleted ones gone.</summary>
    private static List<Pod> Final(SimulationResult sim)
    {
        var last = new Dictionary<string, PodSnapshot>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var s in sim.Timeline)
        {
            string key = s.Pod.Metadata.Namespace + "/" + s.Pod.Metadata.Name;
            if (!last.ContainsKey(key))
            {
                order.Add(key);
            }

            last[key] = s;
        }

        return [.. order.Select(k => last[k]).Where(s => s.Kind != SnapshotKind.Deleted).Select(s => s.Pod)];
    }

    /// <summary>
    /// <c>kubectl get -w -o …</c>: the object at every change, one after another (YAML documents separated by
    /// <c>---</c>, each led by a comment with its time and watch type; JSON objects each on their own).
    /// </summary>
    private static string Changes(SimulationResult sim, OutputFormat format)
    {
        var sb = new StringBuilder();
        foreach (var s in sim.Timeline)
        {
            if (format.Name == "yaml")
            {
                sb.Append("--- # ").Append(s.Time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(' ').Append(WatchType(s.Kind)).Append('\n');
            }

            sb.Append(ObjectOutput.Print(format, [PodManifestWriter.ToTree(s.Pod)]));
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
