using PodConformance.Suite.Adapters;
using PodConformance.Suite.Running;
using PodConformance.Suite.Tests.Support;

namespace PodConformance.Suite.Tests.Running;

public class ExpectationsTests
{
    private static Expectations Expect(string property) => new("x", [new Expectation(property, "known bug", "https://example.com/1")]);

    [Fact]
    public void A_known_failure_is_an_expected_failure_and_the_run_is_as_expected()
    {
        var report = SuiteRun.Execute(BrokenAdapter.BurstableIsGuaranteed, new RunOptions { Rules = "P-QOS-CLASS" }, Expect("P-QOS-CLASS"));
        Assert.Equal(Outcome.ExpectedFailure, Assert.Single(report.Results).Outcome);
        Assert.True(report.AsExpected);
    }

    [Fact]
    public void A_pass_of_an_expected_failure_is_an_unexpected_pass_and_fails_the_run()
    {
        var report = SuiteRun.Execute(new ModelAdapter(), new RunOptions { Rules = "P-QOS-CLASS", Count = 10 }, Expect("P-QOS-CLASS"));
        Assert.Equal(Outcome.UnexpectedPass, Assert.Single(report.Results).Outcome);
        Assert.False(report.AsExpected);
    }

    [Fact]
    public void Json_round_trips_and_update_writes_the_current_failures()
    {
        var report = SuiteRun.Execute(BrokenAdapter.LowerCaseSuffixes, new RunOptions { Rules = "P-QTY-*", Count = 30 });
        var updated = Expectations.None.Update(report);
        Assert.Equal(["P-QTY-PRINT", "P-QTY-ROUNDTRIP"], updated.Items.Select(e => e.Property));
        var again = Expectations.Parse(updated.ToJson(), "e.json");
        Assert.Equal(updated.ToJson(), again.ToJson());
        Assert.Equal("lower-case-suffixes", again.Adapter);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "expected an object")]
    [InlineData("{\"expectations\": {\"P-X\": {\"expected\": \"pass\", \"reason\": \"r\"}}}", "expectations.P-X.expected: must be \"fail\"")]
    [InlineData("{\"expectations\": {\"P-X\": {\"expected\": \"fail\"}}}", "expectations.P-X.reason: required")]
    [InlineData("{\"expectations\": []}", "\"expectations\" must be an object")]
    [InlineData("{\"adapter\": \"x\\ud800\"}", "unpaired surrogate escape")]
    [InlineData("{\"expectations\": {\"P-\\udc00\": {\"expected\": \"fail\", \"reason\": \"r\"}}}", "unpaired surrogate escape")]
    public void Malformed_files_give_clear_errors(string text, string message)
    {
        var e = Assert.Throws<ExpectationsException>(() => Expectations.Parse(text, "bad.json"));
        Assert.StartsWith("bad.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
