using System.Diagnostics;
using PodConformance.Adapters.KubernetesClient;

namespace PodConformance.Adapters.KubernetesClient.Tests;

public class QuantityReportTests
{
    [Fact]
    public void Golden_report_is_up_to_date()
    {
        string path = Path.Combine(ReportFixture.RepoRoot(), QuantityDivergenceReport.GoldenPath);
        string fresh = ReportFixture.Report.ToMarkdown();
        if (Environment.GetEnvironmentVariable("PODCONF_WRITE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, fresh);
        }

        Assert.True(File.Exists(path), "missing " + QuantityDivergenceReport.GoldenPath + ": run `podconf adapter kubernetes-client quantity-report -o " + QuantityDivergenceReport.GoldenPath + "`");
        string committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        string diff = LineDiff.Of(committed, fresh);
        Assert.True(diff.Length == 0, QuantityDivergenceReport.GoldenPath + " drifted (regenerate with `podconf adapter kubernetes-client quantity-report -o " + QuantityDivergenceReport.GoldenPath + "`):\n" + diff);
    }
}

public class QuantityDivergenceTests
{
    public static TheoryData<string, string> KnownClasses => new()
    {
        { "hang-negative-exponent-form", "-1E1" },
        { "hang-huge-exponent", "1E91567" },
        { "accepts-whitespace", " 2" },
        { "accepts-group-separator", "1,5" },
        { "accepts-fraction-syntax", "1/2" },
        { "rejects-digitless-zero", "+" },
        { "rejects-exponent-beyond-int32", "1e2147483648" },
        { "rejects-beyond-decimal", "111111111111111111111111111111" },
        { "negative-values", "-1" },
        { "huge-values", "1000E" },
        { "format-differs", ".0001Ki" },
        { "cached-spelling-not-echoed", "5." },
        { "value-truncates", "100m" },
        { "value-accessor-throws", "28E" },
        { "exception-leaks-ArgumentException", "4i" },
        { "exception-leaks-OverflowException", "1e2147483648" },
    };

    [Theory]
    [MemberData(nameof(KnownClasses))]
    public void Each_class_has_its_smallest_example(string id, string example)
    {
        var finding = Assert.Single(ReportFixture.Report.Findings, f => f.Class.Id == id);
        Assert.Equal(example, finding.Example);
        var classes = QuantityDivergenceClassifier.Classify(example, Suite.Adapters.ModelAdapter.ObserveQuantity(example), ReportFixture.Adapter.Run(example));
        Assert.Contains(classes, c => c.Id == id);
    }

    [Fact]
    public void Every_finding_has_an_example_in_its_class()
    {
        Assert.NotEmpty(ReportFixture.Report.Findings);
        foreach (var f in ReportFixture.Report.Findings)
        {
            Assert.Contains(QuantityDivergenceClassifier.Classify(f.Example, f.Go, f.Library), c => c.Id == f.Class.Id);
        }
    }

    [Fact]
    public void Every_property_finds_a_divergence()
    {
        Assert.All(ReportFixture.Report.Properties, p => Assert.Equal(Suite.Running.Outcome.Failed, p.Outcome));
    }

    [Fact]
    public void The_report_is_deterministic()
    {
        // Same library answers (remembered by the adapter), same seeds: the same bytes.
        string again = QuantityDivergenceAnalysis.Run(ReportFixture.Adapter).ToMarkdown();
        Assert.Equal(ReportFixture.Report.ToMarkdown(), again);
        Assert.DoesNotContain("\r", again, StringComparison.Ordinal);
    }

    [Fact]
    public void Shrinking_finds_the_shortest_spelling_in_a_class()
    {
        var negative = DivergenceClass.NegativeValues;
        Assert.Equal("-1", QuantityDivergenceAnalysis.Shrink(ReportFixture.Adapter, negative, "-0001.000"));
    }
}
