using System.CommandLine;
using PodConformance.Cli.Input;
using PodConformance.Cli.Output;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Qos;
using PodConformance.Model.Validation;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf qos</c>: the QoS class of each Pod, as the API server records it at create (defaulting first).
/// Never refuses an invalid pod: it warns and answers anyway.
/// </summary>
public static class QosCommand
{
    public static Command Create(CliConsole console)
    {
        var files = FileOption.Create();
        var verbose = FileOption.Verbose();
        var output = new Option<string>("--output", "-o") { Description = "Output format: table or json", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json");
        var noDefaults = new Option<bool>("--no-defaults") { Description = "Compute the class on the manifest as written, without API defaulting (as upstream unit tests do)" };
        var common = new CommonOptions();
        var command = new Command("qos", "Print the QoS class of each Pod (Guaranteed, Burstable, BestEffort) and why.");
        command.Options.Add(files);
        command.Options.Add(verbose);
        command.Options.Add(output);
        command.Options.Add(noDefaults);
        common.AddTo(command);
        command.SetAction(result =>
        {
            var profile = common.ReadProfile(result);
            var input = PodInput.Load(result.GetValue(files), console, "qos", profile.Version, result.GetValue(verbose));
            bool defaults = !result.GetValue(noDefaults);
            var rows = new List<(string Ns, string Name, QosDecision Decision)>();
            foreach (var loaded in input.Pods)
            {
                var pod = defaults ? PodDefaulter.Apply(loaded.Pod, profile) : loaded.Pod;
                var validation = PodValidator.Validate(defaults ? pod : PodDefaulter.Apply(loaded.Pod, profile), profile);
                foreach (var error in validation.Errors)
                {
                    console.Error.Write($"podconf: warning: {loaded.File}: pod {PodInput.Namespace(loaded)}/{PodInput.DisplayName(loaded)} is invalid (the API server would reject it): {error}\n");
                }

                rows.Add((PodInput.Namespace(loaded), loaded.Pod.Metadata.Name, QosCalculator.Explain(pod, profile)));
            }

            if (rows.Count == 0)
            {
                // Every document had errors (listed above): no empty table before the exit code says so.
                return input.Combine(ExitCodes.Ok);
            }

            if (result.GetValue(output) == "json")
            {
                console.Out.Write(Json.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var (ns, name, d) in rows)
                    {
                        w.WriteStartObject();
                        w.WriteString("namespace", ns);
                        w.WriteString("name", name);
                        w.WriteString("qosClass", d.Class.ToApiString());
                        w.WriteString("explanation", d.Reason);
                        w.WriteStartArray("rules");
                        foreach (string rule in d.Rules)
                        {
                            w.WriteStringValue(rule);
                        }

                        w.WriteEndArray();
                        if (d.DecidingContainer is not null)
                        {
                            w.WriteString("decidingContainer", d.DecidingContainer);
                        }

                        if (d.DecidingResource is not null)
                        {
                            w.WriteString("decidingResource", d.DecidingResource);
                        }

                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }));
            }
            else
            {
                var table = new TabTable();
                table.Add("NAMESPACE", "NAME", "QOS");
                foreach (var (ns, name, d) in rows)
                {
                    table.Add(ns, name.Length == 0 ? "<none>" : name, d.Class.ToApiString());
                }

                table.WriteTo(console.Out);
            }

            return input.Combine(ExitCodes.Ok);
        });
        return command;
    }
}
