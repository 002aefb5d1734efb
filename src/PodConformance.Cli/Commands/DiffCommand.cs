using System.CommandLine;
using System.Globalization;
using PodConformance.Cli.Input;
using PodConformance.Cli.Output;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Diff;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf diff --from 1.33 --to 1.37</c>: the Pod behaviours that change between two releases, for a platform team
/// planning an upgrade. The gates come from the data; the behaviours are found by the model itself, answering the
/// same generated cases under both releases and shrinking each difference to a minimal pod. Exit codes follow
/// <c>kubectl diff</c>: 0 nothing changes, 1 something does, 2 usage.
/// </summary>
public static class DiffCommand
{
    public static Command Create(CliConsole console)
    {
        var from = new Option<string>("--from") { Description = "The release you run now, 1.NN", HelpName = "1.NN", Required = true };
        var to = new Option<string?>("--to") { Description = $"The release you upgrade to (default {KubernetesVersion.Newest})", HelpName = "1.NN" };
        var seed = new Option<string?>("--seed") { Description = $"Seed for the generated cases (default {RunOptions.DefaultSeed})", HelpName = "N" };
        var count = new Option<int>("--count") { Description = "Cases per property", DefaultValueFactory = _ => 100, HelpName = "N" }.AsPflagInt();
        var max = new Option<int>("--max-changes") { Description = "Distinct changes to report per property", DefaultValueFactory = _ => ReleaseDiffer.DefaultMaxChanges, HelpName = "N" }.AsPflagInt();
        var rules = new Option<string?>("--rules") { Description = "Comma-separated globs over property IDs and spec IDs, as for run", HelpName = "GLOB" };
        var output = new OutputFlags("text", "text, json, yaml or jsonpath=TEMPLATE", "text", "json", "yaml", "jsonpath");
        var command = new Command("diff", "Show the Pod behaviours that change between two Kubernetes releases, each with a minimal pod that shows it.");
        foreach (Option o in new Option[] { from, to, seed, count, max, rules })
        {
            command.Options.Add(o);
        }

        output.AddTo(command);
        command.SetAction(result =>
        {
            var format = output.Read(result);
            var a = Version("--from", result.GetValue(from));
            var b = result.GetValue(to) is { } t ? Version("--to", t) : KubernetesVersion.Newest;
            if (result.GetValue(count) is not (int n and > 0))
            {
                throw new UserInputException("--count: must be a positive number of cases");
            }

            if (result.GetValue(max) is not (int m and > 0))
            {
                throw new UserInputException("--max-changes: must be a positive number");
            }

            ulong s = RunCommand.ReadSeed(result.GetValue(seed));
            var options = new RunOptions { Rules = result.GetValue(rules) };
            var properties = Catalog.All.Where(options.Selects).ToList();
            if (properties.Count == 0)
            {
                throw new UserInputException("--rules: \"" + options.Rules + "\" matches no property or spec rule");
            }

            int done = 0;
            var diff = ReleaseDiffer.Run(Profile.For(a), Profile.For(b), properties, s, n, m, console.IsTerminal
                ? area => console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"[{++done}/{properties.Count}] {area.Property.Id}: {area.Changes.Count} change(s)\n"))
                : null);
            console.Out.Write(format.IsData ? ObjectOutput.PrintDocument(format, DiffJson.Render(diff)) : DiffText.Render(diff));
            return diff.HasChanges ? ExitCodes.CheckFailed : ExitCodes.Ok;
        });
        return command;
    }

    private static KubernetesVersion Version(string flag, string? text) =>
        CommonOptions.ParseVersion(flag, text ?? "");
}
