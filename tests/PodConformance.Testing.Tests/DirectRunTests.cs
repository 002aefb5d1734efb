using PodConformance.Suite.Adapters;
using PodConformance.Suite.Running;
using PodConformance.Testing.Tests.Support;

namespace PodConformance.Testing.Tests;

/// <summary>Rule tests called as plain methods: what a failure, a declared failure, a stale declaration and a skip do.</summary>
public class DirectRunTests
{
    [Fact]
    public void An_undeclared_failure_fails_with_the_readable_failure_text()
    {
        var suite = new DirectSuite(() => new LowerCaseSuffixAdapter());
        var e = Assert.Throws<ConformanceFailedException>(suite.P_QTY_PRINT);
        Assert.Equal(Outcome.Failed, e.Result.Outcome);
        Assert.StartsWith("=== FAILED: P-QTY-PRINT — ", e.Message, StringComparison.Ordinal);
        Assert.Contains("QTY-020: ", e.Message, StringComparison.Ordinal);
        Assert.Matches(@"shrunk \d+ times? \(from ", e.Message);
        Assert.Contains("observed (model = expected | adapter = actual):", e.Message, StringComparison.Ordinal);
        Assert.Matches(@"\n  ! string: \S+i\s+\| string: \S+[kmgtpe]i\n", e.Message);
        Assert.Contains("replay: podconf run --adapter lower-case-suffixes --rules P-QTY-PRINT --seed 20261124 --count ", e.Message, StringComparison.Ordinal);
        Assert.Contains("replay here: override Seed => 20261124 and Count => ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_failure_passes_and_is_recorded_as_expected()
    {
        var suite = new DirectSuite(() => new LowerCaseSuffixAdapter(), DeclaredDeviationConformance.Known);
        suite.P_QTY_PRINT();
        Assert.Equal(Outcome.ExpectedFailure, suite.RunProperty("P-QTY-PRINT").Results[0].Outcome);
    }

    [Fact]
    public void A_declared_failure_that_passes_fails_so_the_declaration_is_removed()
    {
        var suite = new DirectSuite(() => new ModelAdapter(), new Expectations("model", [new Expectation("P-QTY-PARSE", "*", "*", "believed broken", "")]), count: 5);
        var e = Assert.Throws<ConformanceFailedException>(suite.P_QTY_PARSE);
        Assert.Equal(Outcome.UnexpectedPass, e.Result.Outcome);
        Assert.Contains("remove it from the expectations", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_capability_skips_with_the_reason_and_runs_no_case()
    {
        var suite = new DirectSuite(() => new LowerCaseSuffixAdapter());
        var e = Assert.Throws<ConformanceSkipException>(suite.P_LIFE_RESTARTS);
        Assert.Equal("unsupported: the adapter lacks lifecycle", e.Message);
        Assert.Equal(0, e.Result.CasesRun);
    }

    [Fact]
    public void An_unknown_property_is_an_argument_error()
    {
        var suite = new DirectSuite(() => new ModelAdapter());
        Assert.Throws<ArgumentException>(() => suite.RunProperty("P-NOPE"));
    }
}
