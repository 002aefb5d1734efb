using System.Text.Json;
using PodConformance.Adapters.Podman;
using PodConformance.Adapters.Podman.Report;

namespace PodConformance.Adapters.Podman.Tests;

/// <summary>
/// The committed podman report and its expectations. Regenerating runs podman for minutes, so it is opt-in
/// (<c>PODCONF_PODMAN_REPORT=1</c> for a fresh file, <c>=merge</c> to merge one more run into the committed one); the
/// consistency checks run everywhere.
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

        // The file merges report runs of a nondeterministic podman; the report says so and shows each entry's count.
        Assert.True(expectations.Runs >= 1, "golden/podman/expectations.json records no report runs: regenerate (spec/adapter-podman.md, \"The report\")");
        if (expectations.Runs > 1)
        {
            Assert.Contains("the union of " + expectations.Runs.ToString(System.Globalization.CultureInfo.InvariantCulture) + " report runs", report, StringComparison.Ordinal);
            foreach (var e in expectations.Items)
            {
                string note = string.Create(System.Globalization.CultureInfo.InvariantCulture, $" ({e.SeenInRuns} of {e.Runs} runs{(e.Flaky ? ", flaky" : "")})");
                Assert.Matches("\n- `" + System.Text.RegularExpressions.Regex.Escape(e.ToString()) + "`: [0-9]+" + System.Text.RegularExpressions.Regex.Escape(note) + "\n", report);
            }
        }
    }

    /// <summary>Two report runs merged (no podman: results as a run would give them): the union, counted, in both files.</summary>
    [Fact]
    public void Merged_runs_list_every_signature_with_the_runs_it_was_seen_in()
    {
        var events = PodConformance.Suite.Rules.Catalog.Find("P-LIFE-EVENTS")!;
        var kubectl = PodConformance.Suite.Rules.Catalog.Find("P-LIFE-KUBECTL")!;
        var scheduled = new PodConformance.Suite.Rules.FailureSignature("P-LIFE-EVENTS", "event Scheduled", "missing");
        var failedScheduling = new PodConformance.Suite.Rules.FailureSignature("P-LIFE-EVENTS", "event FailedScheduling", "missing");
        var restarts = new PodConformance.Suite.Rules.FailureSignature("P-LIFE-KUBECTL", "RESTARTS", "differs");
        static PodConformance.Suite.Running.PropertyResult Saw(PodConformance.Suite.Rules.ConformanceProperty p, params PodConformance.Suite.Rules.FailureSignature[] sigs) =>
            new(p, sigs.Length > 0 ? PodConformance.Suite.Running.Outcome.ExpectedFailure : PodConformance.Suite.Running.Outcome.Passed, Count, "", null, TimeSpan.Zero)
            {
                Signatures = [.. sigs.Select(x => new PodConformance.Suite.Running.SignatureResult(x, 2, null, null))],
            };

        var first = PodmanReport.Merge([Saw(events, scheduled, failedScheduling), Saw(kubectl)], PodConformance.Suite.Running.Expectations.None);
        Assert.Equal(1, first.Runs);
        Assert.DoesNotContain(first.Items, e => e.Flaky);

        var lastRun = new[] { Saw(events, scheduled), Saw(kubectl, restarts) };
        var merged = PodmanReport.Merge(lastRun, PodConformance.Suite.Running.Expectations.Parse(first.ToJson(), "expectations.json"));
        Assert.Equal(2, merged.Runs);
        Assert.Equal(["P-LIFE-EVENTS [event FailedScheduling: missing] 1", "P-LIFE-EVENTS [event Scheduled: missing] 2", "P-LIFE-KUBECTL [RESTARTS: differs] 1"],
            merged.Items.Select(e => e + " " + e.SeenInRuns.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(merged.Items, e =>
        {
            Assert.Equal(PodmanReport.KnownDeviations[e.Property], e.Reason);
            Assert.Equal(PodmanReport.ReportPath + "#" + e.Property.ToLowerInvariant(), e.Link);
        });

        string md = new PodmanReport(Seed, Count, MaxShrinkAttempts).Markdown(lastRun, merged, new PodmanOptions(), PodmanInfo.TestedVersion);
        Assert.Contains("the union of 2 report runs", md, StringComparison.Ordinal);
        Assert.Contains("\n- `P-LIFE-EVENTS [event Scheduled: missing]`: 2 (2 of 2 runs)\n", md, StringComparison.Ordinal);
        Assert.Contains("\n- `P-LIFE-EVENTS [event FailedScheduling: missing]`: 0 (1 of 2 runs, flaky)\n", md, StringComparison.Ordinal);
        Assert.Contains("\n- `P-LIFE-KUBECTL [RESTARTS: differs]`: 2 (1 of 2 runs, flaky)\n", md, StringComparison.Ordinal);
        Assert.Contains("| P-LIFE-KUBECTL | fail | 6 | [yes](#p-life-kubectl) |", md, StringComparison.Ordinal);
    }

    /// <summary>
    /// One report run: <c>PODCONF_PODMAN_REPORT=1</c> starts the files afresh, <c>=merge</c> merges the run into the
    /// committed expectations (the union of the signatures seen, with the runs each was seen in) and rewrites the
    /// report from this run beside the merged list. Runs go one after another: they time real podman.
    /// </summary>
    [ReportFact]
    public async Task Regenerate_report()
    {
        var options = new PodmanOptions();
        var previous = ReportFactAttribute.Merging
            ? PodConformance.Suite.Running.Expectations.Read(Golden("expectations.json"))
            : PodConformance.Suite.Running.Expectations.None;
        await using var podman = new PodmanAdapter();
        var report = new PodmanReport(Seed, Count, MaxShrinkAttempts);
        var results = await report.RunAsync(podman);
        var merged = PodmanReport.Merge(results, previous);

        Directory.CreateDirectory(Path.GetDirectoryName(Golden("report.md"))!);
        await File.WriteAllTextAsync(Golden("report.md"), report.Markdown(results, merged, options, PodmanInfo.TestedVersion));
        await File.WriteAllTextAsync(Golden("expectations.json"), merged.ToJson());
    }
}

/// <summary>Runs only when asked (<c>PODCONF_PODMAN_REPORT=1</c> or <c>merge</c>) and podman is usable; skipped with the reason otherwise.</summary>
public sealed class ReportFactAttribute : FactAttribute
{
    /// <summary><c>PODCONF_PODMAN_REPORT=merge</c>: merge the run into the committed expectations instead of replacing them.</summary>
    public static bool Merging => Environment.GetEnvironmentVariable("PODCONF_PODMAN_REPORT") == "merge";

    public ReportFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PODCONF_PODMAN_REPORT") is not ("1" or "merge"))
        {
            Skip = "regenerates golden/podman (minutes of podman): set PODCONF_PODMAN_REPORT=1 (fresh) or merge (one more run merged in)";
        }
        else if (!PodmanEnvironment.Current.Usable)
        {
            Skip = "podman is not usable here: " + PodmanEnvironment.Current.Reason;
        }
    }
}
