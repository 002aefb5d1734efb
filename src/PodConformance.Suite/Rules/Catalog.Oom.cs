using FsCheck.Fluent;
using PodConformance.Generators;
using PodConformance.Model.Oom;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Rules;

public static partial class Catalog
{
    private static IEnumerable<ConformanceProperty> Oom()
    {
        static IReadOnlyList<string> View(Observation o) => o switch
        {
            { Admission.Accepted: false } => ["rejected at create"],
            { OomScore: { } s } => s.Scores.Select(kv => kv.Key + ": " + kv.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            _ => ["<no oom score observation>"],
        };

        yield return new ConformanceProperty
        {
            Id = "P-OOM-SCORE",
            Title = "Each container gets the oom_score_adj the kubelet computes",
            Covers = RuleIds.Of(typeof(OomRules)),
            Spec = "spec/oom.md",
            Source = "pkg/kubelet/qos/policy.go (GetContainerOOMScoreAdjust)",
            Needs = Capability.OomScore,
            Weight = 2, // pod-level resources and all-BestEffort pods are a minority of cases: twice the count
            // Some pods name a system PriorityClass, so critical pods (OOM-001/008) are among the cases.
            Cases = profile => PodGen.Valid.SelectMany(p => PodExtras.Enrich(p, profile)).SelectMany(PriorityClassCases.SometimesSystemClass).Select(p => (ConformanceCase)new PodCase(p)),
            Shrink = ShrinkPod,
            Compare = Verdicts.ByView(View, (e, a) => e is "rejected at create" || a is "rejected at create" ? "acceptance" : "oom_score_adj"),
            View = View,
        };
    }
}
