using PodConformance.Model.Coverage;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Reports;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;
using PodConformance.Suite.Tests.Support;
using Xunit.Abstractions;

namespace PodConformance.Suite.Tests.Coverage;

/// <summary>
/// Coverage, measured: the default run must exercise every spec rule a property claims, and every branch the model
/// names, in at least <see cref="CoverageText.Floor"/> cases, or the shortfall must be a documented gap.
/// </summary>
public sealed class RuleCoverageTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_claimed_rule_reaches_the_floor_in_the_default_run() =>
        AssertOnlyDocumentedGaps(CoverageSummary.RulesBelowFloor(CoverageRuns.Default), isBranch: false);

    [Fact]
    public void Every_branch_the_model_names_reaches_the_floor_in_the_default_run() =>
        AssertOnlyDocumentedGaps(CoverageSummary.BranchesBelowFloor(CoverageRuns.Default), isBranch: true);

    private void AssertOnlyDocumentedGaps(SortedDictionary<string, string> below, bool isBranch)
    {
        foreach (var (key, detail) in below)
        {
            output.WriteLine(key + ": " + detail + (CoverageGaps.All.TryGetValue(key, out var gap) ? "  [gap: " + gap.Reason + "]" : "  [UNDOCUMENTED]"));
        }

        var undocumented = below.Keys.Where(k => !CoverageGaps.All.ContainsKey(k)).ToList();
        Assert.True(undocumented.Count == 0, "below the floor of " + CoverageText.Floor + " cases and not in CoverageGaps: " + string.Join("; ", undocumented));

        var closed = CoverageGaps.All.Keys.Where(k => k.Contains(" (", StringComparison.Ordinal) == isBranch && !below.ContainsKey(k)).ToList();
        Assert.True(closed.Count == 0, "gaps the default run now reaches (delete them from CoverageGaps and regenerate golden/coverage.md): " + string.Join("; ", closed));
    }

    public static TheoryData<string> ReleaseBound => [.. CoverageGaps.All.Where(g => g.Value.Profile is not null).Select(g => g.Key)];

    /// <summary>
    /// A rule (or a named branch, keyed <c>RULE (branch)</c>) that only one release applies must reach the floor when the
    /// properties claiming the rule run under that release.
    /// </summary>
    [Theory]
    [MemberData(nameof(ReleaseBound))]
    public void A_release_bound_rule_reaches_the_floor_under_its_release(string key)
    {
        string version = CoverageGaps.All[key].Profile!;
        Assert.True(KubernetesVersion.TryParse(version, out var release, out string error), error);
        int open = key.IndexOf(" (", StringComparison.Ordinal);
        string rule = open < 0 ? key : key[..open];
        string? branch = open < 0 ? null : key[(open + 2)..^1];
        var profile = Profile.For(release);
        var claimants = Catalog.All.Where(p => CoverageText.ClaimedRules(p).Contains(rule)).Select(p => p.Id).ToList();
        Assert.NotEmpty(claimants);
        var run = CoverageRuns.Under(profile, string.Join(",", claimants));
        int best = run.Results.Max(r => r.Coverage is not { } tally ? 0 : branch is null ? tally.For(rule) : tally.For(rule, branch));
        Assert.True(best >= CoverageText.Floor, $"{key} under {version}: {best} cases");
    }

    [Fact]
    public void Every_gap_names_a_claimed_rule_and_an_owner_and_reason()
    {
        var claimed = Catalog.All.SelectMany(CoverageText.ClaimedRules).ToHashSet(StringComparer.Ordinal);
        var branches = ClaimedBranches.All.Select(b => b.ToString()).ToHashSet(StringComparer.Ordinal);
        Assert.All(CoverageGaps.All, g =>
        {
            Assert.True(g.Key.Contains(" (", StringComparison.Ordinal) ? branches.Contains(g.Key) : claimed.Contains(g.Key), g.Key + " is neither a claimed rule nor a named branch");
            Assert.NotEmpty(g.Value.Owner);
            Assert.True(g.Value.Reason.Length > 10, g.Key);
        });
    }

    [Fact]
    public void The_model_names_branches_for_the_rules_with_branches()
    {
        var rules = ClaimedBranches.All.Select(b => b.Rule).ToHashSet(StringComparer.Ordinal);
        foreach (string rule in new[] { "QOS-005", "PHASE-007", "PHASE-008", "BACKOFF-002", "EXPAND-001", "OOM-007", "EVICT-001" })
        {
            Assert.Contains(rule, rules);
        }

        Assert.Contains(new RuleHit("QOS-005", "decided by an init container"), ClaimedBranches.All);
        Assert.Contains(new RuleHit("EXPAND-001", "$$ escape"), ClaimedBranches.All);
        Assert.Contains(new RuleHit("BACKOFF-002", "reaches the cap"), ClaimedBranches.All);
    }

    [Fact]
    public void Coverage_is_not_recorded_unless_asked_for()
    {
        var run = SuiteRun.Execute(new ModelAdapter(), new RunOptions { Rules = "P-QOS-CLASS", Count = 5 });
        Assert.Null(run.Results[0].Coverage);
        Assert.False(RuleCoverage.IsRecording);
    }

    /// <summary>Each case counts once, and only the oracle's run is recorded: what the adapter computes adds nothing.</summary>
    [Fact]
    public void Each_case_is_counted_once_from_the_oracle_only()
    {
        var adapter = new BrokenAdapter("parses-zero-too", (c, o) =>
        {
            var zero = Model.Quantities.Quantity.Parse("0"); // would hit QTY-001 if the adapter's run were recorded
            return zero.IsZero ? o : Observation.Failed("0 did not parse as zero for " + c.Describe());
        });
        var result = SuiteRun.Execute(adapter, new RunOptions { Rules = "P-QOS-CLASS", Count = 20, Coverage = true }).Results[0];
        var tally = result.Coverage!;
        Assert.Equal(result.CasesRun, tally.Cases);
        Assert.All(tally.Hits, h => Assert.InRange(h.Value, 1, tally.Cases));
        Assert.True(tally.For("QOS-005") > 0);
        Assert.Equal(0, tally.For("QTY-001"));
    }

    [Fact]
    public void Recording_follows_the_thread_and_nests()
    {
        var outer = new RuleHits();
        var inner = new RuleHits();
        using (RuleCoverage.Record(outer))
        {
            RuleCoverage.Hit("QOS-005", "decided by an init container");
            using (RuleCoverage.Record(inner))
            {
                RuleCoverage.Hit("PHASE-008");
            }

            var other = new Thread(() => RuleCoverage.Hit("EVICT-001"));
            other.Start();
            other.Join();
            RuleCoverage.Hit("QOS-003");
        }

        RuleCoverage.Hit("QOS-004");
        Assert.True(outer.Contains("QOS-005") && outer.Contains("QOS-005", "decided by an init container") && outer.Contains("QOS-003"));
        Assert.False(outer.Contains("PHASE-008") || outer.Contains("EVICT-001") || outer.Contains("QOS-004"));
        Assert.True(inner.Contains("PHASE-008"));
        Assert.Equal(1, inner.Count);
    }

    [Fact]
    public void The_summary_is_up_to_date()
    {
        string fresh = CoverageSummary.Render(CoverageRuns.Default);
        string path = Path.Combine(RepoRoot.Path, CoverageSummary.RelativePath);
        if (Environment.GetEnvironmentVariable("PODCONF_WRITE_GOLDEN") == "1")
        {
            File.WriteAllText(path, fresh);
        }

        Assert.True(File.Exists(path), "missing " + CoverageSummary.RelativePath + ": run the coverage tests with PODCONF_WRITE_GOLDEN=1");
        Assert.Equal(fresh, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }
}
