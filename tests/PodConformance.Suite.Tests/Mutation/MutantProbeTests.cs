using System.Globalization;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Running;
using Xunit.Abstractions;

namespace PodConformance.Suite.Tests.Mutation;

/// <summary>
/// For whoever works on a generator against one mutant: <c>PODCONF_MUTANTS=id[,id…]</c> runs only those mutants at the
/// ten seeds of the self-check (<see cref="MutantRuns.Run"/>, one at a time) and prints, per seed, the killing property and
/// case, and how many cases of the mutant's target property fail against it (the share of the generator that catches it).
/// Skipped without the variable: the whole self-check (<see cref="MutationSelfCheckTests"/>) runs every mutant.
/// </summary>
public class MutantProbeTests(ITestOutputHelper output)
{
    [SkippableProbe]
    public void Probe_the_mutants_named_in_PODCONF_MUTANTS()
    {
        foreach (string id in (Environment.GetEnvironmentVariable("PODCONF_MUTANTS") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var mutant = Mutants.Find(id);
            var options = mutant.Options(RunOptions.DefaultSeed);
            var target = MutantRuns.InKillOrder(mutant, options)[0];
            int survived = 0;
            foreach (ulong seed in MutantRuns.Seeds)
            {
                var kill = MutantRuns.Run(mutant, seed, mutant.Adapter());
                survived += kill is null ? 1 : 0;
                output.WriteLine(kill is null
                    ? $"{id} seed {seed}: survived"
                    : $"{id} seed {seed}: {kill.Property} after {kill.Cases} case(s), shrunk {kill.Shrunk.Text} size {kill.Shrunk.Size}, {kill.Original.Lines} → {kill.Shrunk.Lines} lines");
                output.WriteLine("  " + Share(mutant, target, seed, options));
            }

            output.WriteLine($"{id}: survived {survived} of {MutantRuns.Seeds.Count} seeds");
        }
    }

    /// <summary>How many of <paramref name="property"/>'s cases at <paramref name="seed"/> the mutant fails.</summary>
    private static string Share(Mutant mutant, Suite.Rules.ConformanceProperty property, ulong seed, RunOptions options)
    {
        int count = options.CountFor(property);
        var gen = property.Cases(options.Profile);
        int failing = 0;
        var adapter = mutant.Adapter();
        for (int i = 0; i < count; i++)
        {
            var c = SuiteRunner.CaseAt(gen, seed, i, count);
            var profile = c is PodCase p ? p.ProfileFor(options.Profile) : options.Profile;
            var expected = ModelAdapter.Run(c, profile);
            var actual = adapter.RunAsync(c, profile, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            if (expected.Failure is null && actual.Failure is null && !property.Compare(c, expected, actual).Pass)
            {
                failing++;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{property.Id}: {failing} of {count} cases fail");
    }
}

/// <summary>A fact that runs only when <c>PODCONF_MUTANTS</c> is set.</summary>
internal sealed class SkippableProbeAttribute : FactAttribute
{
    public SkippableProbeAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PODCONF_MUTANTS")))
        {
            Skip = "set PODCONF_MUTANTS=id[,id…] to probe mutants";
        }
    }
}
