using System.CommandLine;
using PodConformance.Adapters.Cluster;
using PodConformance.Cli.Input;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf cluster</c>: maintenance of the live-cluster adapter. <c>cleanup</c> deletes the namespaces crashed runs
/// left behind, and their RuntimeClasses and PriorityClasses (<c>--cluster-scoped-objects</c>) — only those labelled
/// <c>app.kubernetes.io/managed-by=podconf</c>, with the prefix, old enough.
/// </summary>
public static class ClusterCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("cluster", "Live-cluster adapter maintenance (see spec/adapter-cluster.md).");
        command.Subcommands.Add(Cleanup(console));
        return command;
    }

    private static Command Cleanup(CliConsole console)
    {
        var binding = new ClusterOptionsBinding();
        var olderThan = new Option<int>("--older-than") { Description = "Only namespaces and classes at least this many minutes old (a run may still use younger ones)", DefaultValueFactory = _ => 15, HelpName = "minutes" }.AsPflagInt();
        var command = new Command("cleanup", "Delete podconf's leftover namespaces, RuntimeClasses and PriorityClasses (labelled " + ClusterInfo.ManagedSelector + ") from crashed runs.");
        binding.AddTo(command);
        command.Options.Add(olderThan);
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = binding.Read(result, line => console.Error.Write("podconf: " + line + "\n"));
            k8s.KubernetesClientConfiguration config;
            try
            {
                config = ClusterConnection.Configure(options);
            }
            catch (ClusterSafetyException e)
            {
                throw new UserInputException(e.Message);
            }

            try
            {
                var done = await LeftoverCleanup.RunAsync(options, config, TimeSpan.FromMinutes(result.GetValue(olderThan)), DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
                foreach (string name in done.Deleted)
                {
                    console.Out.Write("deleted\t" + name + "\n");
                }

                foreach (var (name, why) in done.Kept)
                {
                    console.Out.Write("kept\t" + name + "\t" + why + "\n");
                }

                return ExitCodes.Ok;
            }
            catch (Exception e) when (RetryPolicy.IsClusterFailure(e))
            {
                // Status only: KubernetesClient's exception messages include response bodies.
                console.Error.Write("podconf: cluster cleanup failed: " + RetryPolicy.Describe(e) + "\n");
                return ExitCodes.CheckFailed;
            }
        });
        return command;
    }
}
