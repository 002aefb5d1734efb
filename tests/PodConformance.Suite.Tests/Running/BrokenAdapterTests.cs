using PodConformance.Generators;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Running;
using PodConformance.Suite.Tests.Support;

namespace PodConformance.Suite.Tests.Running;

/// <summary>Deliberate bugs are caught within the default budget, with a counterexample smaller than the first failing case.</summary>
public class BrokenAdapterTests
{
    private static PropertyResult RunOne(Suite.Adapters.IConformanceAdapter adapter, string rules) =>
        Assert.Single(SuiteRun.Execute(adapter, new RunOptions { Rules = rules }).Results);

    private static long Size(ConformanceCase c) => c switch
    {
        QuantityCase q => QuantityShrinker.Size(q.Input),
        PodCase { Objects: { } o } p => EnvShrinker.Size(new EnvCase(p.Pod, o)),
        PodCase p => ScenarioShrinker.Size(new ScenarioCase(p.Pod, p.Scenario)),
        NodePressureCase n => EvictionShrinker.Size(new PressureCase(n.Pods, n.Scenario)),
        _ => 0,
    };

    [Theory]
    [InlineData("lower-case-suffixes", "P-QTY-PRINT")]
    [InlineData("burstable-is-guaranteed", "P-QOS-CLASS")]
    [InlineData("drops-a-restart", "P-LIFE-RESTARTS")]
    [InlineData("env-without-dollar-escape", "P-ENV-RESOLVE")]
    [InlineData("evicts-by-qos-class", "P-EVICT-ORDER")]
    public void A_broken_adapter_is_caught_with_a_shrunk_counterexample(string adapter, string property)
    {
        var broken = adapter switch
        {
            "lower-case-suffixes" => BrokenAdapter.LowerCaseSuffixes,
            "burstable-is-guaranteed" => BrokenAdapter.BurstableIsGuaranteed,
            "env-without-dollar-escape" => BrokenAdapter.NoDollarEscape,
            "evicts-by-qos-class" => BrokenAdapter.EvictsByQosClass,
            _ => BrokenAdapter.DropsARestart,
        };
        var result = RunOne(broken, property);
        Assert.Equal(Outcome.Failed, result.Outcome);
        var c = Assert.IsType<Counterexample>(result.Counterexample);
        Assert.True(c.CaseIndex < RunOptions.DefaultCount);
        Assert.True(c.Shrinks > 0, "no shrink step succeeded");
        Assert.True(Size(c.Shrunk) < Size(c.Original), $"shrunk {Size(c.Shrunk)} is not smaller than original {Size(c.Original)}");
        Assert.NotEqual(result.Property.View(c.Expected), result.Property.View(c.Actual));
    }

    [Fact]
    public void The_broken_quantity_adapter_fails_only_printing_properties()
    {
        var report = SuiteRun.Execute(BrokenAdapter.LowerCaseSuffixes, new RunOptions { Rules = "P-QTY-*", Count = 50 });
        Assert.Equal(["P-QTY-PRINT", "P-QTY-ROUNDTRIP"], report.Results.Where(r => r.Outcome == Outcome.Failed).Select(r => r.Property.Id));
        Assert.False(report.AsExpected);
    }

    [Fact]
    public void A_missing_capability_is_skipped_never_passed()
    {
        var result = RunOne(BrokenAdapter.WithoutQos, "P-QOS-CLASS");
        Assert.Equal(Outcome.Skipped, result.Outcome);
        Assert.Equal(0, result.CasesRun);
        Assert.Contains("qos", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P-ENV-RESOLVE")]
    [InlineData("P-EVICT-ORDER")]
    public void Env_and_eviction_properties_run_and_pass_on_the_model(string property)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = RunOne(new Suite.Adapters.ModelAdapter(), property);
        Assert.Null(result.Property.Pending);
        Assert.Equal(Outcome.Passed, result.Outcome);
        Assert.True(result.CasesRun > 0);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), property + " took " + clock.Elapsed + " (a bound on hanging; speed is the benchmarks' job)");
    }

    [Fact]
    public void Env_and_eviction_properties_are_skipped_without_the_capability()
    {
        Assert.Equal(Outcome.Skipped, RunOne(BrokenAdapter.WithoutQos, "P-ENV-RESOLVE").Outcome);
        Assert.Equal(Outcome.Skipped, RunOne(BrokenAdapter.WithoutQos, "P-EVICT-ORDER").Outcome);
    }

    [Fact]
    public void Rule_globs_select_by_property_id_or_covered_spec_id()
    {
        Assert.Equal(["P-QOS-CLASS"], SuiteRun.Select(new RunOptions { Rules = "QOS-00?" }).Select(p => p.Id));
        Assert.Equal(4, SuiteRun.Select(new RunOptions { Rules = "P-QTY-*" }).Count);
        Assert.Contains(SuiteRun.Select(new RunOptions { Rules = "OOM-*,QTY-053" }), p => p.Id == "P-QTY-ROUNDTRIP");
        Assert.Empty(SuiteRun.Select(new RunOptions { Rules = "NOPE-*" }));
    }
}
