using FsCheck.Fluent;
using PodConformance.Generators;
using PodConformance.Model.Scheduling;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;

namespace PodConformance.Suite.Rules;

public static partial class Catalog
{
    /// <summary>Scheduling: where (and whether) the pod is placed among the scenario's nodes, and the FailedScheduling message.</summary>
    private static IEnumerable<ConformanceProperty> Scheduling()
    {
        yield return new ConformanceProperty
        {
            Id = "P-SCHED-FIT",
            Title = "The pod is held while gated, placed only where Kubernetes' filters allow, or refused with the same FailedScheduling message",
            Covers = RuleIds.Of(typeof(SchedulingRules)),
            Spec = "spec/scheduling.md",
            Source = "pkg/scheduler/framework/plugins (nodeunschedulable, nodename, tainttoleration, nodeaffinity, nodeports, noderesources, podtopologyspread, schedulinggates), pkg/scheduler/schedule_one.go (PreFilterResult), pkg/scheduler/framework/types.go (FitError)",
            Needs = Capability.Lifecycle | Capability.Scheduling,
            Cases = _ => SchedulingGen.Case.Select(c => (ConformanceCase)new PodCase(c.Pod, c.Scenario)),
            Shrink = c => c is PodCase p ? SchedulingShrinker.Shrink(new ScenarioCase(p.Pod, p.Scenario)).Select(s => (ConformanceCase)new PodCase(s.Pod, s.Scenario)) : [],
            Compare = SchedulingFacet.Compare,
            View = o => o.Lifecycle is { } l ? SchedulingFacet.View(l) : ["<no lifecycle observation>"],
        };
    }
}
