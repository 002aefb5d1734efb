using System.Text.Json;
using PodConformance.Adapters.Podman;
using PodConformance.Adapters.Podman.Report;

namespace PodConformance.Adapters.Podman.Tests;

/// <summary>
/// The committed podman report and its expectations. Regenerating runs podman for minutes, so it is opt-in
/// (<c>PODCONF_PODMAN_REPORT=1</c>); the consistency checks run everywhere.
/// </summary>
public sealed class PodmanReportTests
{
    public const ulong Seed = 1;
    public const int Count = 6;
    public const int MaxShrinkAttempts = 12;

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PodConformance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    private static string Golden(string name) => Path.Combine(RepoRoot(), "golden", "podman", name);

    /// <summary>The expectations name signatures (never whole properties), exactly those the report lists per failing property.</summary>
    [Fact]
    public void Expectations_name_exactly_the_signatures_the_report_shows()
    {
        var expectations = PodConformance.Suite.Running.Expectations.Read(Golden("expectations.json"));
        Assert.Equal("podman", expectations.Adapter);
        Assert.Empty(expectations.Warnings);
        string report = File.ReadAllText(Golden("report.md"));
        var failing = PodConformance.Suite.Rules.Catalog.All.Where(p => p.Id.StartsWith("P-LIFE-", StringComparison.Ordinal)).Select(p => p.Id).Where(id => report.Contains("| " + id + " | ", StringComparison.Ordinal) && report.Contains("[yes](#" + id.ToLowerInvariant() + ")", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(failing, expectations.Items.Select(e => e.Property).Distinct().ToList());
        foreach (var e in expectations.Items)
        {
            Assert.DoesNotContain('*', e.Facet + e.Kind);
            Assert.False(string.IsNullOrWhiteSpace(e.Reason));
            Assert.Contains("- `" + e + "`: ", report);
            Assert.Contains("## " + e.Property + "\n", report);
        }
    }

    [ReportFact]
    public async Task Regenerate_report()
    {
        var options = new PodmanOptions();
        await using var podman = new PodmanAdapter();
        var report = new PodmanReport(Seed, Count, MaxShrinkAttempts);
        var results = await report.RunAsync(podman);

        Directory.CreateDirectory(Path.GetDirectoryName(Golden("report.md"))!);
        await File.WriteAllTextAsync(Golden("report.md"), report.Markdown(results, options, PodmanInfo.TestedVersion));
        await File.WriteAllTextAsync(Golden("expectations.json"), PodmanReport.ExpectationsJson(results));
    }
}

/// <summary>Runs only when asked (<c>PODCONF_PODMAN_REPORT=1</c>) and podman is usable; skipped with the reason otherwise.</summary>
public sealed class ReportFactAttribute : FactAttribute
{
    public ReportFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PODCONF_PODMAN_REPORT") != "1")
        {
            Skip = "regenerates golden/podman (minutes of podman): set PODCONF_PODMAN_REPORT=1";
        }
        else if (!PodmanEnvironment.Current.Usable)
        {
            Skip = "podman is not usable here: " + PodmanEnvironment.Current.Reason;
        }
    }
}
