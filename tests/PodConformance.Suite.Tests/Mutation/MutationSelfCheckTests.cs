using PodConformance.Suite.Adapters;
using PodConformance.Suite.Running;
using PodConformance.Suite.Tests.Support;
using Xunit.Abstractions;

namespace PodConformance.Suite.Tests.Mutation;

/// <summary>
/// The suite's own test: each deliberately broken model must be caught by a default <c>podconf run</c>, and how
/// many cases it took is reported; a mutant the suite cannot catch must be a documented gap.
/// </summary>
public class MutationSelfCheckTests(ITestOutputHelper output)
{
    public static TheoryData<string> MutantIds => [.. Mutants.All.Select(m => m.Id)];

    [Theory]
    [MemberData(nameof(MutantIds))]
    public void A_mutant_is_caught_by_the_default_run(string id)
    {
        var run = MutantRuns.For(Mutants.Find(id));
        if (run.CaughtBy is { } f)
        {
            output.WriteLine($"{id}: caught by {f.Property.Id} after {f.CasesRun} case(s): {f.Reason}");
        }

        if (run.Mutant.KnownGap is { } gap)
        {
            Assert.False(run.Caught, $"{id} is now caught ({run.Cases} cases): remove its KnownGap and regenerate {MutationSummary.RelativePath}");
            output.WriteLine($"{id}: not caught, known gap: {gap}");
            return;
        }

        Assert.True(run.Caught, $"{id} ({run.Mutant.Bend}) survived a default run at seed(s) {string.Join(", ", run.Survived)}: strengthen the generator or property");
        foreach (var kill in run.BySeed.Where(k => k!.Original.Pods > 0))
        {
            Assert.True(kill!.Shrunk.Size <= kill.Original.Size, $"{id} at seed {kill.Seed}: shrinking grew the case ({kill.Original.Size} → {kill.Shrunk.Size})");
        }
    }

    [Fact]
    public void Every_area_the_catalogue_runs_has_a_mutant_and_ids_are_unique()
    {
        Assert.True(Mutants.All.Count >= 40, Mutants.All.Count + " mutants");
        Assert.Equal(Mutants.All.Count, Mutants.All.Select(m => m.Id).Distinct(StringComparer.Ordinal).Count());
        string[] areas = ["quantity", "defaulting", "validation", "qos", "phase", "conditions", "printer", "backoff", "timing", "env", "downward", "oom", "eviction", "scheduling"];
        Assert.Empty(areas.Except(Mutants.All.Select(m => m.Area), StringComparer.Ordinal));
    }

    /// <summary>Every property of a default run kills some mutant at the default seed: none is there without a bug it would catch.</summary>
    [Fact]
    public void Every_property_kills_a_mutant()
    {
        var killers = Mutants.All.Select(MutantRuns.For).Select(r => r.AtDefaultSeed?.Property).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var idle = SuiteRun.Select(new RunOptions()).Where(p => p.Pending is null).Select(p => p.Id).Where(id => !killers.Contains(id)).ToList();
        Assert.True(idle.Count == 0, "no mutant is killed by " + string.Join(", ", idle));
    }

    /// <summary>The mutants are only as good as the pipeline they bend: unbent, it must observe what the model does.</summary>
    [Fact]
    public void The_unbent_pipeline_observes_exactly_what_the_model_does()
    {
        var options = new RunOptions();
        foreach (var property in SuiteRun.Select(options).Where(p => p.Pending is null))
        {
            var gen = property.Cases(options.Profile);
            for (int i = 0; i < 20; i++)
            {
                var testCase = SuiteRunner.CaseAt(gen, options.Seed, i, 20);
                Assert.Equal(ModelAdapter.Run(testCase, options.Profile), ModelPipeline.Real.Run(testCase, options.Profile));
            }
        }
    }

    [Fact]
    public void The_summary_table_is_up_to_date()
    {
        string fresh = MutationSummary.Render(Mutants.All.Select(MutantRuns.For));
        string path = Path.Combine(RepoRoot.Path, MutationSummary.RelativePath);
        if (Environment.GetEnvironmentVariable("PODCONF_WRITE_GOLDEN") == "1")
        {
            File.WriteAllText(path, fresh);
        }

        output.WriteLine(fresh);
        Assert.True(File.Exists(path), "missing " + MutationSummary.RelativePath + ": run the mutation tests with PODCONF_WRITE_GOLDEN=1");
        Assert.Equal(fresh, File.ReadAllText(path).ReplaceLineEndings("\n"));
        Assert.DoesNotContain("UNDOCUMENTED", fresh, StringComparison.Ordinal);
    }
}
