using PodConformance.Suite.Running;

namespace PodConformance.Suite.Tests.Mutation;

/// <summary>What a default run found against one mutant: the first property (catalogue order) that failed, if any.</summary>
internal sealed record MutantRun(Mutant Mutant, PropertyResult? CaughtBy)
{
    public bool Caught => CaughtBy is not null;

    /// <summary>The catching property's CasesRun: its first failing case's index plus one.</summary>
    public int? Cases => CaughtBy?.CasesRun;
}

/// <summary>
/// Every mutant run once with the default options (seed, count, every property), shared by the per-mutant tests
/// and the summary table. A run stops at the first failing property, as a fail-fast run would: that keeps the whole
/// self-check within seconds, and the verdict (caught, and after how many cases) is the same. Two mutants at a time,
/// for the two cores.
/// </summary>
internal static class MutantRuns
{
    private static readonly Lazy<IReadOnlyDictionary<string, MutantRun>> All = new(RunAll);

    public static MutantRun For(Mutant mutant) => All.Value[mutant.Id];

    private static IReadOnlyDictionary<string, MutantRun> RunAll()
    {
        var runs = new System.Collections.Concurrent.ConcurrentDictionary<string, MutantRun>(StringComparer.Ordinal);
        Parallel.ForEach(Mutants.All, new ParallelOptions { MaxDegreeOfParallelism = 2 }, m => runs[m.Id] = Run(m));
        return runs;
    }

    private static MutantRun Run(Mutant mutant)
    {
        using var stop = new CancellationTokenSource();
        PropertyResult? caught = null;
        try
        {
            SuiteRun.Execute(mutant.Adapter(), new RunOptions(), progress: (_, _, r) =>
            {
                if (r.Outcome == Outcome.Failed)
                {
                    caught = r;
                    stop.Cancel();
                }
            }, cancellationToken: stop.Token);
        }
        catch (OperationCanceledException) when (caught is not null)
        {
        }

        return new MutantRun(mutant, caught);
    }
}
