using System.CommandLine;
using PodConformance.Adapters.KubernetesClient;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf adapter</c>: reports about the built-in library adapters. <c>adapter kubernetes-client
/// quantity-report</c> runs the quantity properties against KubernetesClient's ResourceQuantity and prints
/// the divergence report committed as <c>golden/kubernetes-client/quantity-divergences.md</c>.
/// </summary>
public static class AdapterCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE instead of standard output", HelpName = "FILE" };
        var report = new Command("quantity-report", "Run the quantity properties against KubernetesClient's ResourceQuantity and print every class of divergence from Go, shrunk.");
        report.Options.Add(output);
        report.SetAction(result =>
        {
            var adapter = new ResourceQuantityAdapter();
            string markdown = QuantityDivergenceAnalysis.Run(adapter).ToMarkdown();
            string? path = result.GetValue(output);
            if (path is null)
            {
                console.Out.Write(markdown);
            }
            else
            {
                try
                {
                    File.WriteAllText(path, markdown);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new UserInputException("--output: " + e.Message);
                }
            }

            // Hung library calls are still spinning on abandoned threads; exiting ends them.
            return ExitCodes.Ok;
        });

        var kubernetesClient = new Command("kubernetes-client", "The official C# KubernetesClient library.");
        kubernetesClient.Subcommands.Add(report);
        var command = new Command("adapter", "Reports about the built-in library adapters.");
        command.Subcommands.Add(kubernetesClient);
        return command;
    }
}
