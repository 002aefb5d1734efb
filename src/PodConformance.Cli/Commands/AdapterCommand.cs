using System.CommandLine;
using System.Text;
using PodConformance.Adapters.KubernetesClient;
using PodConformance.Adapters.Process;
using PodConformance.Suite.Adapters;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf adapter</c>: adapter tools. <c>serve</c> runs the reference model behind the process protocol
/// (spec/adapter-protocol.md) on stdin/stdout — the protocol's reference implementation, which
/// <c>process:podconf adapter serve</c> must match on every case. <c>kubernetes-client quantity-report</c> runs the
/// quantity properties against KubernetesClient's ResourceQuantity and prints the divergence report committed as
/// <c>golden/kubernetes-client/quantity-divergences.md</c>.
/// </summary>
public static class AdapterCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("adapter", "Adapter tools: serve the model over the process protocol; reports on library adapters.");
        command.Subcommands.Add(Serve(console));
        var kubernetesClient = new Command("kubernetes-client", "The official C# KubernetesClient library.");
        kubernetesClient.Subcommands.Add(QuantityReport(console));
        command.Subcommands.Add(kubernetesClient);
        return command;
    }

    private static Command Serve(CliConsole console)
    {
        var serve = new Command("serve", "Serve the reference model over the JSON-lines adapter protocol on stdin/stdout (spec/adapter-protocol.md).");
        serve.SetAction(_ =>
        {
            var server = new AdapterServer(new ModelAdapter(), ProcessAdapterInfo.PodconfVersion, AdapterServer.ModelVersions);
            if (ReferenceEquals(console.In, Console.In))
            {
                // The real stdin/stdout: raw UTF-8 byte streams, whatever the locale says, read and written on this
                // thread with blocking calls (one request at a time: nothing to overlap). A closed standard input is the end
                // of input (exit as on EOF), not the runtime's own pipe to wait on forever (MANI-050, Input/ClosedStdin.cs).
                if (Input.ClosedStdin.IsClosed())
                {
                    return 0;
                }

                using var input = Console.OpenStandardInput();
                using var output = Console.OpenStandardOutput();
                return server.Serve(input, output);
            }

            return server.ServeAsync(console.In, console.Out, CancellationToken.None).GetAwaiter().GetResult();
        });
        return serve;
    }

    private static Command QuantityReport(CliConsole console)
    {
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE instead of standard output", HelpName = "FILE" };
        var report = new Command("quantity-report", "Run the quantity properties against KubernetesClient's ResourceQuantity and print every class of divergence from Go, shrunk.");
        report.Options.Add(output);
        report.SetAction(result =>
        {
            if (result.GetValue(output) is { } outputPath)
            {
                Output.OutputFile.CheckWritable("--output", outputPath); // before the analysis, not after it
            }

            string markdown;
            using (var adapter = new ResourceQuantityAdapter())
            {
                markdown = QuantityDivergenceAnalysis.Run(adapter).ToMarkdown();
            }

            string? path = result.GetValue(output);
            if (path is null)
            {
                console.Out.Write(markdown);
                return ExitCodes.Ok;
            }

            try
            {
                File.WriteAllText(path, markdown);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserInputException("--output: " + e.Message);
            }

            return ExitCodes.Ok;
        });
        return report;
    }
}
