using System.Globalization;
using PodConformance.Generators;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Reports;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;

namespace PodConformance.Suite.Tests.Mutation;

/// <summary>
/// How large a case is: what <see cref="MutationSummary"/> reports of a shrunk counterexample. <see cref="Lines"/> counts the
/// lines of the case as every report prints it (<see cref="CaseText.Render"/>: the pod's YAML, the objects env reads, the
/// scenario), the reader's measure; <see cref="Size"/> is the shrinker's (<see cref="PodSize"/>, or a quantity's length).
/// </summary>
internal sealed record CaseSize(int Pods, int Containers, int Size, string Text, int Lines = 0)
{
    public static CaseSize Of(ConformanceCase c) => c switch
    {
        QuantityCase q => new(0, 0, q.Input.Length, "`" + q.Input + "`", LinesOf(c)),
        PodCase p => Pod([p.Pod]) with { Lines = LinesOf(c) },
        NodePressureCase n => Pod(n.Pods) with { Lines = LinesOf(c) },
        _ => new(0, 0, 0, c.GetType().Name),
    };

    /// <summary>The lines of <see cref="CaseText.Render"/>: what a reader of the failure has to take in.</summary>
    public static int LinesOf(ConformanceCase c) => CaseText.Render(c).Count(ch => ch == '\n');

    private static CaseSize Pod(IReadOnlyList<Model.Api.Pod> pods)
    {
        int containers = pods.Sum(p => p.Spec.InitContainers.Count + p.Spec.Containers.Count);
        int size = pods.Sum(PodSize.Of);
        string text = (pods.Count == 1 ? "" : pods.Count.ToString(CultureInfo.InvariantCulture) + " pods, ")
            + containers.ToString(CultureInfo.InvariantCulture) + (containers == 1 ? " container" : " containers");
        return new(pods.Count, containers, size, text);
    }
}

/// <summary>One kill: the property that failed first, after how many cases, and the counterexample before and after shrinking.</summary>
internal sealed record Kill(ulong Seed, PropertyResult Result, CaseSize Original, CaseSize Shrunk)
{
    public string Property => Result.Property.Id;

    /// <summary>The failing property's CasesRun: its first failing case's index plus one.</summary>
    public int Cases => Result.CasesRun;
}

/// <summary>What the runs found against one mutant, seed by seed (<see cref="MutantRuns.Seeds"/>); null where it survived.</summary>
internal sealed record MutantRun(Mutant Mutant, IReadOnlyList<Kill?> BySeed)
{
    public bool Caught => BySeed.All(k => k is not null);

    /// <summary>The kill at the default seed (<see cref="RunOptions.DefaultSeed"/>).</summary>
    public Kill? AtDefaultSeed => BySeed[0];

    public PropertyResult? CaughtBy => AtDefaultSeed?.Result;

    public int? Cases => AtDefaultSeed?.Cases;

    public IEnumerable<ulong> Survived => BySeed.Select((k, i) => (k, i)).Where(x => x.k is null).Select(x => MutantRuns.Seeds[x.i]);
}

/// <summary>
/// Every mutant run with the default options (count, every property) at ten seeds, shared by the per-mutant tests and
/// the summary. The properties that claim the mutant's rule run first, then the rest in catalogue order, and a run stops
/// at the first failing property as a fail-fast run would: the verdict (killed, after how many cases, shrunk to what) is
/// the same as a whole run's, in a fraction of the time. Two mutants at a time, for the two cores.
/// </summary>
internal static class MutantRuns
{
    /// <summary>The default seed, then nine more: a kill must not depend on the seed.</summary>
    public static IReadOnlyList<ulong> Seeds { get; } = [.. Enumerable.Range(0, 10).Select(i => RunOptions.DefaultSeed + (ulong)i)];

    private static readonly Lazy<IReadOnlyDictionary<string, MutantRun>> All = new(RunAll);

    public static MutantRun For(Mutant mutant) => All.Value[mutant.Id];

    private static IReadOnlyDictionary<string, MutantRun> RunAll()
    {
        var runs = new System.Collections.Concurrent.ConcurrentDictionary<string, MutantRun>(StringComparer.Ordinal);
        Parallel.ForEach(Mutants.All, new ParallelOptions { MaxDegreeOfParallelism = 2 }, m => runs[m.Id] = new MutantRun(m, [.. Seeds.Select(s => Run(m, s, m.Adapter()))]));
        return runs;
    }

    /// <summary>The properties of a default run: the mutant's target, then those claiming its rule, then the rest.</summary>
    public static IReadOnlyList<ConformanceProperty> InKillOrder(Mutant mutant, RunOptions options)
    {
        int Rank(ConformanceProperty p) => p.Id == mutant.Target ? 0 : p.Covers.Contains(mutant.Rule) ? 1 : 2;
        return [.. SuiteRun.Select(options).OrderBy(Rank)];
    }

    /// <summary>
    /// A default run at <paramref name="seed"/> against <paramref name="adapter"/>, up to the first failing property
    /// (only <paramref name="only"/>, when given).
    /// </summary>
    public static Kill? Run(Mutant mutant, ulong seed, IConformanceAdapter adapter, string? only = null)
    {
        var options = mutant.Options(seed);
        var runner = new SuiteRunner(new ModelAdapter(), adapter, options.Profile);
        foreach (var property in InKillOrder(mutant, options).Where(p => only is null || p.Id == only))
        {
            var result = runner.Run(property, seed, options.CountFor(property));
            if (result.Outcome == Outcome.Failed)
            {
                return result.Counterexample is { } c ? new Kill(seed, result, CaseSize.Of(c.Original), CaseSize.Of(c.Shrunk)) : new Kill(seed, result, new(0, 0, 0, ""), new(0, 0, 0, ""));
            }
        }

        return null;
    }
}
