using PodConformance.Model.Profiles;
using PodConformance.Suite.Myths;

namespace PodConformance.Suite.Tests.Myths;

/// <summary>Each claim is decided by search at run time; these tests pin the verdicts and the counterexamples' shape.</summary>
public class MythCatalogTests
{
    private static MythVerdict Check(string id, int budget = 200) =>
        MythCatalog.All(Profile.Default).Single(m => m.Id == id).Check(20261124, budget);

    [Theory]
    [InlineData("eviction-by-qos")]
    [InlineData("restart-policy-for-all")]
    [InlineData("all-exit-zero-is-succeeded")]
    [InlineData("guaranteed-needs-requests")]
    [InlineData("equal-requests-make-guaranteed")]
    [InlineData("cpu-over-limit-kills")]
    [InlineData("quantities-stored-as-written")]
    [InlineData("ready-counts-every-container")]
    [InlineData("failed-init-fails-the-pod")]
    public void False_claims_are_refuted_with_a_counterexample(string id)
    {
        var v = Check(id);
        Assert.True(v.Refuted, id);
        Assert.False(string.IsNullOrWhiteSpace(v.Counterexample));
        Assert.False(string.IsNullOrWhiteSpace(v.Explanation));
    }

    [Fact]
    public void A_true_claim_holds()
    {
        var v = Check("binary-and-decimal-differ");
        Assert.False(v.Refuted);
        Assert.Equal(200, v.CasesTried);
    }

    [Fact]
    public void Priority_beats_class_in_the_smallest_eviction_counterexample()
    {
        // spec/eviction.md: ranking is exceeds-request, then priority, then usage − request; QoS is not a criterion.
        var v = Check("eviction-by-qos");
        Assert.Equal(2, v.Counterexample.Split("---", StringSplitOptions.RemoveEmptyEntries).Count(s => s.Contains("kind: Pod", StringComparison.Ordinal)));
        Assert.Contains("priority", v.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Guaranteed_counterexample_sets_only_limits()
    {
        var v = Check("guaranteed-needs-requests");
        Assert.Contains("limits:", v.Counterexample, StringComparison.Ordinal);
        Assert.DoesNotContain("requests:", v.Counterexample, StringComparison.Ordinal);
    }

    [Fact]
    public void Verdicts_are_deterministic_for_a_seed()
    {
        foreach (var myth in MythCatalog.All(Profile.Default))
        {
            // Evidence holds delegates and lists (reference equality): compare it by what it would run.
            var (a, b) = (myth.Check(7, 50), myth.Check(7, 50));
            Assert.Equal(a with { Evidence = null }, b with { Evidence = null });
            Assert.Equal(Calls(a.Evidence), Calls(b.Evidence));
        }

        static string Calls(MythEvidence? e) => e is null ? "" : e.Command + "\n" + string.Join("\n", e.Calls.Select(c =>
            string.Join(" ", c.Args) + "\n" + string.Join("\n", c.Files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "\n" + f.Value))));
    }

    [Fact]
    public void Restart_policy_claim_holds_before_sidecars_and_per_container_policies_exist()
    {
        // In 1.28 with SidecarContainers off, the only restart policy is the pod's.
        var profile = new Profile(new KubernetesVersion(1, 28), default);
        var v = MythCatalog.All(profile).Single(m => m.Id == "restart-policy-for-all").Check(20261124, 100);
        Assert.False(v.Refuted, v.Explanation);
    }
}
