using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Eviction;
using PodConformance.Model.Oom;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;
using static PodConformance.Model.Tests.Eviction.EvictionPods;

namespace PodConformance.Model.Tests.Eviction;

/// <summary>Node-pressure episodes (spec/scenario.md "Node scenarios"): one eviction per cycle, critical pods never, stop when relieved.</summary>
public class NodePressureSimulatorTests
{
    private static UsageSample At(int seconds, string podWorkingSet) => new() { At = TimeSpan.FromSeconds(seconds), Pod = Quantity.Parse(podWorkingSet) };

    private static NodeScenario Node(string capacity, string threshold, params (string Pod, UsageSample[] Samples)[] usage) => new()
    {
        Node = new Node { Name = "n", Capacity = ValueMap.Of(("memory", Quantity.Parse(capacity))) },
        EvictionHard = ValueMap.Of(("memory.available", threshold)),
        Usage = ValueMap.Of([.. usage.Select(u => (u.Pod, (ValueList<UsageSample>)[.. u.Samples]))]),
    };

    [Fact]
    public void One_pod_per_cycle_until_the_threshold_is_no_longer_met()
    {
        var pods = new[] { Pod("a", 0), Pod("b", 0), Pod("c", 0) };
        var scenario = Node("1Gi", "300Mi", ("a", [At(0, "400Mi")]), ("b", [At(0, "300Mi")]), ("c", [At(0, "100Mi")]));
        var run = NodePressureSimulator.Run(pods, scenario, Profile.Default);

        // 1Gi − 800Mi = 224Mi < 300Mi: evict a (largest overage); then 624Mi available: relieved, c and b stay.
        Assert.Equal(["a"], run.Order.ToArray());
        Assert.Equal(TimeSpan.Zero, run.Evictions[0].At);
        Assert.Equal("Failed", run.Evictions[0].Decision.EvictedStatus!.Phase);
        Assert.Contains(run.Events, e => e is { Object: "pod/a", Type: "Warning", Reason: "Evicted" } && e.Message.StartsWith("The node was low on resource: memory. ", StringComparison.Ordinal));
        Assert.Single(run.Cycles);
    }

    [Fact]
    public void Critical_pods_are_passed_over_and_the_run_ends_when_no_victim_remains()
    {
        var critical = Pod("agent", CriticalPods.SystemCriticalPriority);
        var pods = new[] { critical, Pod("web", 0) };
        var scenario = Node("1Gi", "100Mi", ("agent", [At(0, "1000Mi")]), ("web", [At(0, "10Mi")]));
        var run = NodePressureSimulator.Run(pods, scenario, Profile.Default);
        Assert.Equal(["web"], run.Order.ToArray());
        Assert.Equal(["agent"], run.NeverEvicted.ToArray());
        Assert.Equal("every active pod is critical; the kubelet cannot evict any", run.Cycles[^1].Decision.NoVictimReason);
        Assert.Equal(2, run.Cycles.Count);
    }

    [Fact]
    public void Usage_changes_over_time_start_the_episode_and_the_condition_clears_after_the_transition_period()
    {
        var pods = new[] { Pod("a", 0), Pod("b", 5) };
        var scenario = Node("1Gi", "100Mi", ("a", [At(0, "10Mi"), At(25, "500Mi")]), ("b", [At(0, "500Mi")])) with { PressureTransitionPeriod = TimeSpan.FromMinutes(1) };
        var run = NodePressureSimulator.Run(pods, scenario, Profile.Default);
        Assert.Equal(["a"], run.Order.ToArray());
        Assert.Equal(TimeSpan.FromSeconds(30), run.Evictions[0].At);
        Assert.Equal(
            [(30, "NodeHasInsufficientMemory"), (30, "EvictionThresholdMet"), (30, "Evicted"), (90, "NodeHasSufficientMemory")],
            run.Events.Select(e => ((int)e.At.TotalSeconds, e.Reason)).ToArray());
        Assert.Equal("Attempting to reclaim memory", run.Events[1].Message);
        Assert.Equal("Node n status is now: NodeHasInsufficientMemory", run.Events[0].Message);
    }

    [Fact]
    public void Priority_beats_QoS_class_in_the_episode_too()
    {
        var bestEffort = Pod("best-effort", 1);
        var burstable = Pod("burstable", 0, Req(memory: "1Mi"), Req(memory: "2Mi"));
        var scenario = Node("100Mi", "100Mi", ("best-effort", [At(0, "1Mi")]), ("burstable", [At(0, "2Mi")]));
        var run = NodePressureSimulator.Run([bestEffort, burstable], scenario, Profile.Default);
        Assert.Equal(["burstable", "best-effort"], run.Order.ToArray());
        Assert.Equal(RankStep.Priority, run.Cycles[0].Adjacent[0].Step);
    }

    [Fact]
    public void Defaults_mirror_to_allocatable_and_allocatable_pressure_evicts()
    {
        var scenario = new NodeScenario
        {
            Node = new Node { Name = "n", Capacity = ValueMap.Of(("memory", Quantity.Parse("2Gi"))), Allocatable = ValueMap.Of(("memory", Quantity.Parse("1Gi"))) },
            Usage = ValueMap.Of(("a", (ValueList<UsageSample>)[At(0, "950Mi")])),
        };
        var thresholds = NodePressureSimulator.Thresholds(scenario, Profile.Default);
        Assert.Contains(thresholds.Thresholds, t => t.Signal == EvictionSignals.AllocatableMemoryAvailable);
        var run = NodePressureSimulator.Run([Pod("a", 0)], scenario, Profile.Default);
        Assert.Equal(["a"], run.Order.ToArray());
        Assert.Contains(run.Cycles[0].Met, t => t.Signal == EvictionSignals.AllocatableMemoryAvailable);
    }

    [Fact]
    public void A_pod_without_stats_ranks_first()
    {
        var scenario = Node("1Gi", "100Mi", ("big", [At(0, "1000Mi")]), ("ghost", [new UsageSample { NoStats = true }]));
        var run = NodePressureSimulator.Run([Pod("big", 0), Pod("ghost", 0)], scenario, Profile.Default);
        Assert.Equal("ghost", run.Order[0]);
    }
}
