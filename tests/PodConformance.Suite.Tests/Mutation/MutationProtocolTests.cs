using PodConformance.Adapters.Process;
using PodConformance.Suite.Running;

namespace PodConformance.Suite.Tests.Mutation;

/// <summary>
/// Each mutant served over the process protocol by this assembly (<see cref="MutantHost"/>) is killed as it is in
/// process, at the default seed: the property that killed it in process fails after the same number of cases and
/// shrinks to the same case. A codec
/// that dropped a field or a protocol that mangled a case would let a mutant through here, or kill it differently.
/// </summary>
public class MutationProtocolTests
{
    private static readonly ProcessAdapterOptions Options = new() { HandshakeTimeout = TimeSpan.FromSeconds(120), CaseTimeout = TimeSpan.FromSeconds(60) };

    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public static TheoryData<string> MutantIds => [.. Mutants.All.Select(m => m.Id)];

    [Theory]
    [MemberData(nameof(MutantIds))]
    public async Task A_mutant_served_over_the_protocol_is_killed_as_in_process(string id)
    {
        var mutant = Mutants.Find(id);
        string dll = typeof(MutantHost).Assembly.Location;
        await using var served = new ProcessAdapter([Dotnet, dll, "serve-mutant", id], Options);
        await served.StartAsync(CancellationToken.None);
        var inProcess = MutantRuns.For(mutant).AtDefaultSeed;
        Assert.NotNull(inProcess);

        // The properties before the killing one passed in process; the killing one is run again, over the wire.
        var overProtocol = MutantRuns.Run(mutant, RunOptions.DefaultSeed, served, only: inProcess.Property);
        Assert.NotNull(overProtocol);
        Assert.Equal(inProcess.Property, overProtocol.Property);
        Assert.Equal(inProcess.Cases, overProtocol.Cases);
        Assert.Equal(inProcess.Result.Counterexample!.Shrunk, overProtocol.Result.Counterexample!.Shrunk);
        Assert.Single(served.StartedProcessIds);
    }
}
