using PodConformance.Adapters.Process;

namespace PodConformance.Suite.Tests.Mutation;

/// <summary>
/// The test assembly's entry point: <c>dotnet PodConformance.Suite.Tests.dll serve-mutant ID</c> serves one mutant over
/// the process protocol (spec/adapter-protocol.md), so the self-check can run it as any third-party adapter runs.
/// The test host never calls it (the project sets <c>GenerateProgramFile</c> false to own <c>Main</c>).
/// </summary>
public static class MutantHost
{
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != 2 || args[0] != "serve-mutant" || !Mutants.All.Any(m => m.Id == args[1]))
        {
            await Console.Error.WriteLineAsync("usage: serve-mutant ID (one of " + string.Join(", ", Mutants.All.Select(m => m.Id)) + ")").ConfigureAwait(false);
            return 2;
        }

        var server = new AdapterServer(Mutants.Find(args[1]).Adapter(), "0", AdapterServer.ModelVersions);
        return await server.ServeAsync(Console.In, Console.Out, CancellationToken.None).ConfigureAwait(false);
    }
}
