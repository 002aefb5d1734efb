using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Reports;
using PodConformance.Suite.Running;
using Xunit.Abstractions;

namespace PodConformance.Suite.Tests.Coverage;

/// <summary>
/// Coverage with every gate on (<c>--feature-gates AllAlpha=true,AllBeta=true</c>): the default run never sets a field whose
/// gate is off by default, so its rules are gaps there (<see cref="CoverageGaps"/>); with the gates on the admission
/// properties must reach them — valid pods that use the gated fields (P-ADM-DEFAULTS sees only valid pods, so its tally
/// counts them), and one invalid variant per gated rule (P-ADM-VALIDATION's <c>rejects</c> branch).
/// </summary>
public sealed class GatedRuleCoverageTests(ITestOutputHelper output)
{
    /// <summary>Rule, the release whose all-gates run must reach it, and whether valid pods must (else only an invalid variant).</summary>
    public static TheoryData<string, string, bool> Expected => new()
    {
        // 1.37: image volumes (GA), the 1.36/1.37 alpha fields, and the gated fields on by default there.
        { "DEF-408", "1.37", true }, { "DEF-021", "1.37", true }, { "VAL-634", "1.37", true }, { "VAL-048", "1.37", true },
        { "VAL-705", "1.37", true }, { "VAL-700", "1.37", true }, { "VAL-701", "1.37", true }, { "VAL-702", "1.37", true },
        { "VAL-706", "1.37", true }, { "VAL-707", "1.37", true }, { "VAL-708", "1.37", true }, { "VAL-709", "1.37", true },
        { "VAL-630", "1.37", true }, { "VAL-642", "1.37", true }, { "VAL-044", "1.37", true },
        { "VAL-703", "1.37", false },

        // 1.37: podCertificate projections (PodCertificateRequest GA), container restart rules (ContainerRestartRules beta/on),
        // cross-namespace dataSourceRef (CrossNamespaceVolumeDataSource alpha) in claim templates.
        { "VAL-631", "1.37", true }, { "VAL-041", "1.37", true }, { "VAL-633", "1.37", true },

        // 1.35: workloadRef exists only there (GenericWorkload alpha).
        { "VAL-079", "1.35", true }, { "VAL-048", "1.35", true },

        // 1.30: DynamicResourceAllocation (alpha) validates the source form of claims; InPlacePodVerticalScaling (alpha) defaults resize policies.
        { "VAL-341", "1.30", true }, { "DEF-026", "1.30", true },
    };

    /// <summary>
    /// Rules about gated fields that stay below the floor even with every gate on, and why: with every gate on hardly a
    /// gate is off, so the create strategy's drops (GatedDropGen's cases) are rare in these runs; the default run reaches them.
    /// </summary>
    internal static IReadOnlyDictionary<string, string> Gaps { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["DEF-300"] = "dropDisabledFields (scheduling fields): with every gate on no scheduling field's gate is off, and a case turns off only a gate the run leaves to the release (GatedDropGen: never one AllAlpha/AllBeta decides, nor a locked one); the default run reaches it",
        ["VAL-704"] = "documents the search for the 1.36/1.37 sources (closed by VAL-705…709); no check is stamped with it",
    };

    private static readonly Dictionary<string, Lazy<RunReport>> Runs = new(StringComparer.Ordinal)
    {
        ["1.37"] = new(() => RunAllGatesOn("1.37")),
        ["1.35"] = new(() => RunAllGatesOn("1.35")),
        ["1.30"] = new(() => RunAllGatesOn("1.30")),
    };

    internal static Profile AllGatesOn(string version)
    {
        Assert.True(KubernetesVersion.TryParse(version, out var release, out string error), error);
        Assert.True(FeatureGateParser.TryParse("AllAlpha=true,AllBeta=true", release, out var overrides, out error), error);
        return Profile.For(release) with { Overrides = overrides };
    }

    /// <summary>
    /// Cases per property (the default run's 100 scaled by each budget): 150, because with every gate on P-ADM-VALIDATION
    /// shares its draw among more invalid variants (the gated ones and the RuntimeClass cases) and 100 left VAL-706's
    /// variant at 3 rejections, under the floor.
    /// </summary>
    private const int GatedCount = 150;

    private static RunReport RunAllGatesOn(string version) =>
        SuiteRun.Execute(new ModelAdapter(), new RunOptions { Coverage = true, Profile = AllGatesOn(version), Rules = "P-ADM-VALIDATION,P-ADM-DEFAULTS", Count = GatedCount });

    private static RuleTally Tally(RunReport run, string property) =>
        run.Results.Single(r => r.Property.Id == property).Coverage ?? throw new InvalidOperationException("no coverage for " + property);

    [Theory]
    [MemberData(nameof(Expected))]
    public void A_gated_rule_reaches_the_floor_with_every_gate_on(string rule, string version, bool byValidPods)
    {
        var run = Runs[version].Value;
        Assert.All(run.Results, r => Assert.Equal(Outcome.Passed, r.Outcome));
        int valid = Tally(run, "P-ADM-DEFAULTS").For(rule);
        int rejected = Tally(run, "P-ADM-VALIDATION").For(rule, "rejects");
        output.WriteLine($"{rule} at {version} with every gate on: {valid} valid pods, {rejected} rejected");
        if (byValidPods)
        {
            Assert.True(valid >= CoverageText.Floor, $"{rule} at {version}: {valid} valid pods reach it");
        }

        if (rule.StartsWith("VAL-", StringComparison.Ordinal))
        {
            Assert.True(rejected >= CoverageText.Floor, $"{rule} at {version}: {rejected} invalid variants rejected by it");
        }
    }

    /// <summary>The gaps stay true: each is below the floor in every all-gates run (delete it when that changes).</summary>
    [Fact]
    public void The_gated_gaps_are_still_below_the_floor_with_every_gate_on()
    {
        foreach (var (version, run) in Runs)
        {
            foreach (var (rule, reason) in Gaps)
            {
                int best = run.Value.Results.Max(r => r.Coverage?.For(rule) ?? 0);
                output.WriteLine($"{rule} at {version}: {best} cases [{reason}]");
                Assert.True(best < CoverageText.Floor, $"{rule} now reaches the floor at {version} ({best} cases): remove it from the gaps");
            }
        }
    }

    /// <summary>
    /// kube-apiserver refuses AllAlpha alone at 1.37 (PROF-005): the alpha gates it turns on include four that depend on
    /// GenericWorkload, beta and off there (kubernetes pkg/features kube_features.go defaultKubernetesFeatureGateDependencies
    /// at ae5d4d35, H137; component-base feature_gate.go unsafeSetFromMap). AllBeta turns it on; at 1.36 it is alpha itself.
    /// </summary>
    [Fact]
    public void All_alpha_alone_is_refused_at_1_37_for_the_generic_workload_dependencies()
    {
        var v137 = new KubernetesVersion(1, 37);
        Assert.False(FeatureGateParser.TryParse("AllAlpha=true", v137, out _, out string error));
        Assert.Equal(
            "[CompositePodGroup is enabled, but depends on features that are disabled: [GenericWorkload], PodGroupPreemptionPolicy is enabled, but depends on features that are disabled: [GenericWorkload], TopologyAwareWorkloadScheduling is enabled, but depends on features that are disabled: [GenericWorkload], WorkloadWithJob is enabled, but depends on features that are disabled: [GenericWorkload]]",
            error);
        Assert.True(FeatureGateParser.TryParse("AllAlpha=true,GenericWorkload=true", v137, out _, out error), error);
        Assert.True(FeatureGateParser.TryParse("AllAlpha=true", new KubernetesVersion(1, 36), out _, out error), error);
    }
}
