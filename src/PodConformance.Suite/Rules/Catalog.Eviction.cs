using FsCheck.Fluent;
using PodConformance.Generators;
using PodConformance.Model.Eviction;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;

namespace PodConformance.Suite.Rules;

public static partial class Catalog
{
    /// <summary>Eviction: node-pressure episodes; the adapter must evict the same pods in the same order, and never a critical one.</summary>
    private static IEnumerable<ConformanceProperty> Eviction()
    {
        yield return new ConformanceProperty
        {
            Id = "P-EVICT-ORDER",
            Title = "Under node pressure, pods are admitted, ranked and evicted as the kubelet's eviction manager does",
            Covers = RuleIds.Of(typeof(EvictionRules)),
            Spec = "spec/eviction.md",
            Source = "pkg/kubelet/eviction/{eviction_manager,helpers}.go, pkg/kubelet/lifecycle/predicate.go",
            Needs = Capability.Eviction,
            Flags = PropertyFlags.Disruptive | PropertyFlags.Slow,

            // Slow on a real node, cheap on the model: twenty times the tenth, so a default run has 200 episodes (a third
            // on disk or PIDs) and a priority or critical-pod bug is caught whatever the seed (the mutation
            // self-check runs 10 seeds).
            Weight = 20,
            // Two episodes in nine are under disk or PID pressure (EVICT-002/003/016/017), one more under disk pressure that
            // the ephemeral-storage requests decide (EVICT-002: in the other disk episodes they decide about one in eight, and a
            // ranking that ignores them survived a seed of the mutation self-check), the rest memory.
            Cases = _ => Gen.Frequency((6, EvictionGen.Case), (2, SignalPressureGen.Case), (1, SignalPressureGen.StorageRequests))
                .Select(c => (ConformanceCase)new NodePressureCase(c.Pods, c.Scenario)),
            Shrink = ShrinkPressure,
            Compare = (_, e, a) => EvictionFacet.Compare(e.Eviction, a.Eviction),
            View = o => EvictionFacet.View(o.Eviction),
        };
    }

    private static IEnumerable<ConformanceCase> ShrinkPressure(ConformanceCase c) =>
        c is NodePressureCase n
            ? EvictionShrinker.Shrink(new PressureCase(n.Pods, n.Scenario)).Select(s => (ConformanceCase)new NodePressureCase(s.Pods, s.Scenario))
            : [];
}
