using System.CommandLine;
using System.Text;
using PodConformance.Adapters.Process;
using PodConformance.Suite.Adapters;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf adapter serve</c>: the reference model behind the process protocol (spec/adapter-protocol.md) on
/// stdin/stdout. It is the protocol's reference implementation: <c>process:podconf adapter serve</c> must agree
/// with the in-process model on every case, and adapter authors can diff their transcripts against it.
/// </summary>
public static class AdapterCommand
{
    public static Command Create(CliConsole console)
    {
        var serve = new Command("serve", "Serve the reference model over the JSON-lines adapter protocol on stdin/stdout (spec/adapter-protocol.md).");
        serve.SetAction(_ =>
        {
            var server = new AdapterServer(new ModelAdapter(), ProcessAdapterInfo.PodconfVersion, AdapterServer.ModelVersions);
            if (ReferenceEquals(console.In, Console.In))
            {
                // The real stdin/stdout: raw UTF-8 streams, whatever the locale says, and no BOM.
                using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false), false);
                using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { NewLine = "\n" };
                return server.ServeAsync(input, output, CancellationToken.None).GetAwaiter().GetResult();
            }

            return server.ServeAsync(console.In, console.Out, CancellationToken.None).GetAwaiter().GetResult();
        });
        var command = new Command("adapter", "Adapter protocol tools: serve the model as a process adapter.");
        command.Subcommands.Add(serve);
        return command;
    }
}
