using FsCheck.Fluent;
using PodConformance.Generators;
using PodConformance.Model.Printing;
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
            // With PRINT-003: the STATUS a gated pod is created with (SchedulingGated) is the first line of its view, and
            // gated pods are generated here only (P-LIFE-KUBECTL needs lifecycle alone, and gates are the scheduling capability's).
            Covers = [.. RuleIds.Of(typeof(SchedulingRules)), PrintRules.SchedulingGated],
            Spec = "spec/scheduling.md",
            Source = "pkg/scheduler/framework/plugins (nodeunschedulable, nodename, tainttoleration, nodeaffinity, nodeports, noderesources, podtopologyspread, schedulinggates, nodedeclaredfeatures), k8s.io/component-helpers nodedeclaredfeatures, pkg/scheduler/schedule_one.go (PreFilterResult), pkg/scheduler/framework/types.go (FitError)",
            Needs = Capability.Lifecycle | Capability.Scheduling,

            // Twice the count: a DoNotSchedule spread that decides the placement is rare in SchedulingGen.Case, and the
            // mutation self-check (sched-spread-ignored) survived the default seed at the plain count.
            Weight = 2,
            // One case in four needs a node-declared feature (SCHED-018) where the release lets a case turn its gates on.
            Cases = profile => SchedulingGen.DeclaredFeaturesCase(profile) is { } declared
                ? Gen.Frequency((3, SchedulingGen.Case.Select(AsSchedulingCase)), (1, declared.Select(AsSchedulingCase)))
                : SchedulingGen.Case.Select(AsSchedulingCase),
            Shrink = c => c is PodCase p ? SchedulingShrinker.Shrink(new ScenarioCase(p.Pod, p.Scenario)).Select(s => (ConformanceCase)new PodCase(s.Pod, s.Scenario) { Gates = p.Gates }) : [],
            Compare = SchedulingFacet.Compare,
            View = o => o.Lifecycle is { } l ? SchedulingFacet.View(l) : ["<no lifecycle observation>"],
        };
    }

    private static ConformanceCase AsSchedulingCase(ScenarioCase c) => new PodCase(c.Pod, c.Scenario) { Gates = c.Gates };
}
