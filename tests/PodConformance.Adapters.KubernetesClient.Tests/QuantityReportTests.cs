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
