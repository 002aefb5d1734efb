using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using PodConformance.Suite.Reports;
using PodConformance.Suite.Running;
using PodConformance.Suite.Tests.Support;

namespace PodConformance.Suite.Tests.Reports;

public class ReportTests
{
    private static RunReport Failing() =>
        SuiteRun.Execute(BrokenAdapter.BurstableIsGuaranteed, new RunOptions { Rules = "P-QOS-CLASS,P-QTY-PARSE,P-ENV-RESOLVE", Count = 40 });

    private static string[] All(RunReport r) =>
        [ConsoleReport.Render(r), JsonReport.Render(r), JUnitReport.Render(r), MarkdownReport.Render(r)];

    /// <summary>Issue 13: "1 property", "1 error", "1 expected failure", "1 unexpected pass"; plural otherwise, zero included.</summary>
    [Fact]
    public void Totals_count_in_the_singular_for_one()
    {
        var one = SuiteRun.Execute(new Suite.Adapters.ModelAdapter(), new RunOptions { Rules = "P-QOS-CLASS", Count = 3 });
        Assert.Equal("1 property: 1 passed, 0 failed, 0 expected failures, 0 unexpected passes, 0 errors, 0 skipped — as expected", ConsoleReport.Totals(one));
        Assert.StartsWith("3 properties: ", ConsoleReport.Totals(Failing()), StringComparison.Ordinal);
        Assert.Equal(["1 property", "2 properties", "0 properties"], new[] { 1, 2, 0 }.Select(n => Plural.Of(n, "property", "properties")));
        Assert.Equal(["1 unexpected pass", "1 error", "1 time", "2 times"], new[] { Plural.Of(1, "unexpected pass", "unexpected passes"), Plural.Of(1, "error"), Plural.Times(1), Plural.Times(2) });
    }

    [Fact]
    public void Reports_are_byte_identical_for_the_same_seed_and_under_another_culture()
    {
        var first = All(Failing());
        var old = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(first, All(Failing()));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = old;
        }
    }

    [Fact]
    public void A_failure_shows_rule_spec_text_yaml_both_observations_and_the_replay_command()
    {
        var run = Failing();
        string text = FailureText.Render(run, run.Results.Single(r => r.Outcome == Outcome.Failed));
        Assert.Contains("P-QOS-CLASS", text, StringComparison.Ordinal);
        Assert.Contains("spec: spec/qos.md", text, StringComparison.Ordinal);
        Assert.Contains("QOS-003: The class of one set of requirements", text, StringComparison.Ordinal);
        Assert.Contains("apiVersion: v1", text, StringComparison.Ordinal);
        Assert.Contains("kind: Pod", text, StringComparison.Ordinal);
        Assert.Contains("! qosClass: Burstable", text, StringComparison.Ordinal);
        Assert.Contains("| qosClass: Guaranteed", text, StringComparison.Ordinal);
        Assert.Matches(@"replay: podconf run --adapter burstable-is-guaranteed --rules P-QOS-CLASS --seed 20261124 --count \d+", text);
    }

    [Fact]
    public void Junit_is_well_formed_with_failures_and_skips()
    {
        var doc = XDocument.Parse(JUnitReport.Render(Failing()));
        var suite = doc.Root!.Element("testsuite")!;
        Assert.Equal("3", suite.Attribute("tests")!.Value);
        Assert.Equal("1", suite.Attribute("failures")!.Value);
        Assert.Equal("1", suite.Attribute("skipped")!.Value);
        Assert.Single(suite.Elements("testcase").Elements("failure"));
        Assert.Null(suite.Elements("testcase").First().Attribute("time"));
    }

    [Fact]
    public void Json_report_parses_back_with_the_counterexample()
    {
        using var doc = JsonDocument.Parse(JsonReport.Render(Failing()));
        var root = doc.RootElement;
        Assert.Equal("burstable-is-guaranteed", root.GetProperty("adapter").GetString());
        Assert.Equal("1.37", root.GetProperty("kubernetesVersion").GetString());
        Assert.Equal("20261124", root.GetProperty("seed").GetString());
        Assert.False(root.GetProperty("asExpected").GetBoolean());
        var failed = root.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("outcome").GetString() == "failed");
        var c = failed.GetProperty("counterexample");
        Assert.Contains("kind: Pod", c.GetProperty("shrunk").GetString(), StringComparison.Ordinal);
        Assert.Equal("qosClass: Burstable", c.GetProperty("expected")[0].GetString());
        Assert.Equal("qosClass: Guaranteed", c.GetProperty("actual")[0].GetString());
        Assert.False(failed.TryGetProperty("seconds", out _));
    }

    [Fact]
    public void Scenario_yaml_reads_back_with_the_scenario_reader()
    {
        var run = SuiteRun.Execute(BrokenAdapter.DropsARestart, new RunOptions { Rules = "P-LIFE-RESTARTS" });
        var c = Assert.Single(run.Results).Counterexample!;
        var shrunk = Assert.IsType<Cases.PodCase>(c.Shrunk);
        var read = PodConformance.Manifests.Scenarios.ScenarioReader.ReadText(CaseText.Scenario(shrunk.Scenario), "scenario.yaml");
        Assert.Equal(shrunk.Scenario, read.Scenario);
    }
}
