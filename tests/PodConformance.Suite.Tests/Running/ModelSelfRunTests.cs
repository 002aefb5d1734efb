using PodConformance.Suite.Adapters;
using PodConformance.Suite.Running;

namespace PodConformance.Suite.Tests.Running;

public class ModelSelfRunTests
{
    /// <summary>The model against itself, default budget: every runnable property passes, the pending ones are skipped.</summary>
    [Fact]
    public void The_model_conforms_to_itself_with_the_default_budget()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = SuiteRun.Execute(new ModelAdapter(), new RunOptions());
        var notPassed = report.Results.Where(r => r.Outcome != Outcome.Passed && r.Property.Pending is null).Select(r => r.Property.Id + ": " + r.Reason).ToList();
        Assert.Empty(notPassed);
        Assert.All(report.Results.Where(r => r.Property.Pending is not null), r => Assert.Equal(Outcome.Skipped, r.Outcome));
        Assert.True(report.AsExpected);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), "default run took " + clock.Elapsed + " (a bound on hanging; speed is the benchmarks' job)");
    }
}
