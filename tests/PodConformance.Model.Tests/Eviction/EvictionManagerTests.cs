using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Eviction;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using static PodConformance.Model.Tests.Eviction.EvictionPods;

namespace PodConformance.Model.Tests.Eviction;

/// <summary>One cycle of the eviction loop: which pod, why, and the status and message it is left with.</summary>
public class EvictionManagerTests
{
    private static readonly Profile P = Profile.Default;

    private static readonly Dictionary<string, SignalObservation> LowMemory = new(StringComparer.Ordinal)
    {
        [EvictionSignals.MemoryAvailable] = SignalObservation.Bytes(Bytes("50Mi"), Bytes("8Gi")),
    };

    private static EvictionCycle Cycle(params EvictionCandidate[] pods) => new()
    {
        MetThresholds = [new Threshold(EvictionSignals.MemoryAvailable, ThresholdValue.Of(Quantity.Parse("100Mi")))],
        Observations = LowMemory,
        Pods = pods,
    };

    private static EvictionCandidate App(string name, int priority, string request, string used)
    {
        var pod = Pod(name, priority, Req(memory: request)) with { };
        pod = pod with { Spec = pod.Spec with { Containers = [Container("app", Req(memory: request))] } };
        return new EvictionCandidate(pod, PodUsage.Memory(new ContainerUsage { Name = "app", MemoryWorkingSetBytes = Bytes(used) }));
    }

    [Fact]
    public void The_message_is_built_from_kubelet_fragments()
    {
        var d = EvictionManager.NextVictim(Cycle(App("web", 0, "128Mi", "600Mi"), App("db", 0, "1Gi", "512Mi")), P);
        Assert.Equal("web", d.Victim!.Metadata.Name);
        Assert.Equal(
            "The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. Container app was using 600Mi, request is 128Mi, has larger consumption of memory. ",
            d.Message);
        var status = d.EvictedStatus!;
        Assert.Equal("Failed", status.Phase);
        Assert.Equal("Evicted", status.Reason);
        var condition = Assert.Single(status.Conditions);
        Assert.Equal(("DisruptionTarget", "True", "TerminationByKubelet"), (condition.Type, condition.Status, condition.Reason));
        Assert.Equal(d.Message, condition.Message);
        var why = Assert.Single(d.Why);
        Assert.Equal(RankStep.ExceedsRequest, why.Step);
    }

    [Fact]
    public void Critical_pods_are_passed_over_and_exactly_one_pod_is_chosen()
    {
        var mirror = App("kube-proxy", 0, "1Mi", "900Mi");
        mirror = mirror with { Pod = mirror.Pod with { Metadata = mirror.Pod.Metadata with { Annotations = ValueMap.Of(("kubernetes.io/config.mirror", "x")) } } };
        var d = EvictionManager.NextVictim(Cycle(mirror, App("web", 0, "128Mi", "600Mi")), P);
        Assert.Equal("web", d.Victim!.Metadata.Name);
        Assert.Equal(["kube-proxy"], d.SkippedCritical);
        Assert.Contains(EvictionRules.CriticalNeverEvicted, d.Rules);

        var none = EvictionManager.NextVictim(Cycle(mirror), P);
        Assert.Null(none.Victim);
        Assert.NotNull(none.NoVictimReason);
    }

    [Fact]
    public void Without_a_met_threshold_nobody_is_evicted() =>
        Assert.Null(EvictionManager.NextVictim(Cycle(App("web", 0, "128Mi", "600Mi")) with { MetThresholds = [] }, P).Victim);

    [Fact]
    public void A_pod_without_stats_gets_only_the_node_line()
    {
        var d = EvictionManager.NextVictim(Cycle(App("web", 0, "128Mi", "600Mi"), new EvictionCandidate(Pod("ghost", 0), null)), P);
        Assert.Equal("ghost", d.Victim!.Metadata.Name);
        Assert.Equal("The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. ", d.Message);
    }

    [Fact]
    public void Memory_outranks_disk_when_both_are_met()
    {
        var cycle = Cycle(App("web", 0, "128Mi", "600Mi")) with
        {
            MetThresholds = [new Threshold(EvictionSignals.NodeFsAvailable, ThresholdValue.OfPercentage(0.1f)), new Threshold(EvictionSignals.MemoryAvailable, ThresholdValue.Of(Quantity.Parse("100Mi")))],
        };
        Assert.Equal(EvictionSignals.MemoryAvailable, EvictionManager.NextVictim(cycle, P).Signal);
    }
}
