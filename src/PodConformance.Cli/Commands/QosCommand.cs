using System.CommandLine;
using PodConformance.Cli.Input;
using PodConformance.Cli.Output;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Api;
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
        var files = new InputOptions();
        var validation = new FieldValidationOption();
        var verbose = FileOption.Verbose();
        var output = new OutputFlags("table", "table, wide (with the deciding container, resource and rules), or the Pods as the API server stores them: yaml, json, name, jsonpath=TEMPLATE",
            "table", "wide", "yaml", "json", "name", "jsonpath");
        var noDefaults = new Option<bool>("--no-defaults") { Description = "Compute the class on the manifest as written, without API defaulting (as upstream unit tests do)" };
        var common = new CommonOptions();
        var command = new Command("qos", "Print the QoS class of each Pod (Guaranteed, Burstable, BestEffort) and why.");
        files.AddTo(command);
        validation.AddTo(command);
        command.Options.Add(verbose);
        output.AddTo(command);
        command.Options.Add(noDefaults);
        common.AddTo(command);
        command.SetAction(result =>
        {
            var profile = common.ReadProfile(result);
            var format = output.Read(result);
            var input = files.Load(result, console, "qos", profile.Version, result.GetValue(verbose), validation.Read(result), strictRefusalIsInputError: true);
            bool defaults = !result.GetValue(noDefaults);
            var rows = new List<(string Ns, string Name, Pod Stored, QosDecision Decision)>();
            foreach (var loaded in input.Pods)
            {
                var pod = defaults ? PodDefaulter.Apply(loaded.Pod, profile) : loaded.Pod;
                var validation = PodValidator.Validate(defaults ? pod : PodDefaulter.Apply(loaded.Pod, profile), profile);
                foreach (var error in validation.Errors)
                {
                    console.Error.Write($"podconf: warning: {PodInput.Where(loaded)}: {PodInput.Kind(loaded).ToLowerInvariant()} {PodInput.Namespace(loaded)}/{PodInput.ObjectName(loaded)} is invalid (the API server would reject it): {PodInput.AsWritten(loaded, error)}\n");
                }

                var decision = QosCalculator.Explain(pod, profile);

                // What the API server stores at create: the defaulted pod, Pending, with the class in status.
                var stored = pod with { Status = (pod.Status ?? new PodStatus()) with { Phase = pod.Status?.Phase is { Length: > 0 } phase ? phase : "Pending", QosClass = decision.Class.ToApiString() } };
                rows.Add((PodInput.Namespace(loaded), loaded.Pod.Metadata.Name, stored, decision));
            }

            if (rows.Count == 0)
            {
                // Every document had errors (listed above): no empty table before the exit code says so.
                return input.Combine(ExitCodes.Ok);
            }

            if (format.IsData)
            {
                console.Out.Write(ObjectOutput.Print(format, [.. rows.Select(r => PodManifestWriter.ToTree(r.Stored))]));
                return input.Combine(ExitCodes.Ok);
            }

            bool wide = format.Name == "wide";
            var table = new TabTable();
            if (wide)
            {
                table.Add("NAMESPACE", "NAME", "QOS", "DECIDING CONTAINER", "RESOURCE", "RULES");
            }
            else
            {
                table.Add("NAMESPACE", "NAME", "QOS");
            }

            foreach (var (ns, name, _, d) in rows)
            {
                string shown = name.Length == 0 ? "<none>" : name;
                if (wide)
                {
                    table.Add(ns, shown, d.Class.ToApiString(), d.DecidingContainer ?? "<none>", d.DecidingResource ?? "<none>", string.Join(",", d.Rules));
                }
                else
                {
                    table.Add(ns, shown, d.Class.ToApiString());
                }
            }

            table.WriteTo(console.Out, format.NoHeaders);
            return input.Combine(ExitCodes.Ok);
        });
        return command;
    }
}
