using System.CommandLine;
using PodConformance.Cli.Input;
using PodConformance.Cli.Output;
using PodConformance.Manifests.Scenarios;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Simulation;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf evict</c>: run a node-pressure episode (spec/scenario.md, <c>kind: NodeScenario</c>) through the kubelet's
/// eviction loop and print who is evicted, in which order, and why each pod ranked where it did.
/// </summary>
public static class EvictCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Option<string?>("--filename", "-f") { Description = "Node-scenario file: one kind: NodeScenario document and the Pods (- for stdin)", HelpName = "FILE" };
        var output = new OutputFlags("text", "text (cycles, order, events), json, yaml or jsonpath=TEMPLATE", "text", "json", "yaml", "jsonpath");
        var common = new CommonOptions();
        var command = new Command("evict", "Simulate node-pressure eviction: the eviction order and, for each pod, why it ranked where it did.");
        command.Options.Add(file);
        output.AddTo(command);
        common.AddTo(command);
        command.SetAction(result =>
        {
            var profile = common.ReadProfile(result);
            string path = result.GetValue(file) ?? throw new UserInputException("evict: -f NODE-SCENARIO.yaml is required (- for stdin)");
            var input = InputFile.Read(path, console);
            var read = NodeScenarioReader.ReadText(input.Text, input.DisplayName);
            foreach (var d in read.Diagnostics)
            {
                console.Error.Write((d.IsError ? "podconf: error: " : "podconf: warning: ") + d + "\n");
            }

            if (read.HasErrors || read.Scenario is null)
            {
                return ExitCodes.UsageOrInput;
            }

            // The kubelet ranks its own copies, annotated with source api (OOM-008, PodSources): a config.source the file
            // wrote does not make a pod static and so critical; a static pod is given as its mirror pod (config.mirror).
            var pods = read.Pods.Select(p => PodSources.FromApiServer(PodDefaulter.Apply(p.Pod, profile))).ToList();
            var thresholds = NodePressureSimulator.Thresholds(read.Scenario, profile);
            var run = NodePressureSimulator.Run(pods, read.Scenario, profile);
            var format = output.Read(result);
            console.Out.Write(format.IsData
                ? ObjectOutput.PrintDocument(format, EvictionReport.Json(read.Scenario, thresholds.Thresholds, pods, run))
                : EvictionReport.Text(read.Scenario, thresholds.Thresholds, pods, run));
            return ExitCodes.Ok;
        });
        return command;
    }
}
