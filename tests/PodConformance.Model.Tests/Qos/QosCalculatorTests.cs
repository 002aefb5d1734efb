using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;
using static PodConformance.Model.Tests.Support.TestPods;

namespace PodConformance.Model.Tests.Qos;

public class QosCalculatorTests
{
    private static readonly Profile WithPodLevel = Profile.Default with { Overrides = ValueMap.Of((FeatureGateNames.PodLevelResources, true)) };
    private static readonly Profile WithoutPodLevel = Profile.Default with { Overrides = ValueMap.Of((FeatureGateNames.PodLevelResources, false)) };

    /// <summary>
    /// Ported from kubernetes/kubernetes pkg/apis/core/v1/helper/qos/qos_test.go TestComputePodQOS
    /// (commit 00c269c7d269989d555b69c295ba88e73e8acf94), every case, undefaulted as upstream.
    /// </summary>
    public static TheoryData<string, Pod, QosClass, bool> UpstreamCases() => new()
    {
        { "guaranteed", Pod("guaranteed", Container("guaranteed", CpuMem("100m", "100Mi"), CpuMem("100m", "100Mi"))), QosClass.Guaranteed, false },
        { "guaranteed-guaranteed", Pod("gg", Container("guaranteed", CpuMem("100m", "100Mi"), CpuMem("100m", "100Mi")), Container("guaranteed", CpuMem("100m", "100Mi"), CpuMem("100m", "100Mi"))), QosClass.Guaranteed, false },
        { "best-effort-best-effort", Pod("bb", Container("best-effort", CpuMem("", ""), CpuMem("", "")), Container("best-effort", CpuMem("", ""), CpuMem("", ""))), QosClass.BestEffort, false },
        { "best-effort", Pod("b", Container("best-effort", CpuMem("", ""), CpuMem("", ""))), QosClass.BestEffort, false },
        { "best-effort-burstable", Pod("bbu", Container("best-effort", CpuMem("", ""), CpuMem("", "")), Container("burstable", CpuMem("1", ""), CpuMem("2", ""))), QosClass.Burstable, false },
        { "best-effort-guaranteed", Pod("bg", Container("best-effort", CpuMem("", ""), CpuMem("", "")), Container("guaranteed", CpuMem("10m", "100Mi"), CpuMem("10m", "100Mi"))), QosClass.Burstable, false },
        { "burstable-cpu-guaranteed-memory", Pod("bcgm", Container("burstable", CpuMem("", "100Mi"), CpuMem("", "100Mi"))), QosClass.Burstable, false },
        { "burstable-no-limits", Pod("bnl", Container("burstable", CpuMem("100m", "100Mi"), CpuMem("", ""))), QosClass.Burstable, false },
        { "burstable-guaranteed", Pod("bug", Container("burstable", CpuMem("1", "100Mi"), CpuMem("2", "100Mi")), Container("guaranteed", CpuMem("100m", "100Mi"), CpuMem("100m", "100Mi"))), QosClass.Burstable, false },
        { "burstable-unbounded-but-requests-match-limits", Pod("bu", Container("burstable", CpuMem("100m", "100Mi"), CpuMem("200m", "200Mi")), Container("burstable-unbounded", CpuMem("100m", "100Mi"), CpuMem("", ""))), QosClass.Burstable, false },
        { "burstable-1", Pod("b1", Container("burstable", CpuMem("10m", "100Mi"), CpuMem("100m", "200Mi"))), QosClass.Burstable, false },
        { "burstable-2", Pod("b2", Container("burstable", CpuMem("0", "0"), CpuMem("100m", "200Mi"))), QosClass.Burstable, false },
        { "best-effort-hugepages", Pod("bh", Container("best-effort", List("cpu=0,memory=0,hugepages-2Mi=1Gi"), List("cpu=0,memory=0,hugepages-2Mi=1Gi"))), QosClass.BestEffort, false },
        { "init-container", Pod("ic", Container("best-effort", CpuMem("", ""), CpuMem("", ""))).WithInit(Container("burstable", CpuMem("10m", "100Mi"), CpuMem("100m", "200Mi"))), QosClass.Burstable, false },
        { "guaranteed-with-pod-level-resources", Pod("gpl", Container("best-effort", CpuMem("", ""), CpuMem("", ""))).WithPodResources(Reqs(CpuMem("10m", "100Mi"), CpuMem("10m", "100Mi"))), QosClass.Guaranteed, true },
        { "guaranteed-with-pod-and-container-level-resources", Pod("gpcl", Container("burstable", CpuMem("3m", "10Mi"), CpuMem("5m", "20Mi"))).WithPodResources(Reqs(CpuMem("10m", "100Mi"), CpuMem("10m", "100Mi"))), QosClass.Guaranteed, true },
        { "burstable-with-pod-level-resources", Pod("bpl", Container("best-effort", CpuMem("", ""), CpuMem("", ""))).WithPodResources(Reqs(CpuMem("10m", "10Mi"), CpuMem("20m", "50Mi"))), QosClass.Burstable, true },
        { "burstable-with-pod-and-container-level-resources", Pod("bpcl", Container("burstable", CpuMem("5m", "10Mi"), CpuMem("5m", "10Mi"))).WithPodResources(Reqs(CpuMem("10m", "10Mi"), CpuMem("20m", "50Mi"))), QosClass.Burstable, true },
        { "burstable-with-pod-and-container-level-requests", Pod("bpcr", Container("burstable", CpuMem("5m", "10Mi"), CpuMem("", ""))).WithPodResources(Reqs(CpuMem("10m", "10Mi"), CpuMem("", ""))), QosClass.Burstable, true },
        { "burstable-with-pod-and-container-level-resources-2", Pod("bpcl2", Container("burstable", CpuMem("5m", "10Mi"), CpuMem("", "")), Container("guaranteed", CpuMem("5m", "10Mi"), CpuMem("5m", "10Mi"))).WithPodResources(Reqs(CpuMem("10m", "10Mi"), CpuMem("5m", ""))), QosClass.Burstable, true },
    };

    [Theory]
    [MemberData(nameof(UpstreamCases))]
    public void ComputePodQos_matches_upstream_table(string name, Pod pod, QosClass expected, bool podLevel)
    {
        var actual = QosCalculator.ComputePodQos(pod.Spec, podLevel ? WithPodLevel : WithoutPodLevel);
        Assert.True(expected == actual, $"{name}: expected {expected}, got {actual}");
    }

    [Theory]
    [MemberData(nameof(UpstreamCases))]
    public void Explain_agrees_with_ComputePodQos(string name, Pod pod, QosClass expected, bool podLevel)
    {
        var decision = QosCalculator.Explain(pod, podLevel ? WithPodLevel : WithoutPodLevel);
        Assert.Equal(expected, decision.Class);
        Assert.False(string.IsNullOrEmpty(decision.Reason), name);
        Assert.NotEmpty(decision.Rules);
    }

    [Fact]
    public void Pod_level_resources_are_ignored_when_the_gate_is_off()
    {
        // A Guaranteed pod-level block over a BestEffort container: only the gate decides which one counts.
        var pod = Pod("p", Container("c", CpuMem("", ""), CpuMem("", ""))).WithPodResources(Reqs(CpuMem("1", "1Gi"), CpuMem("1", "1Gi")));
        Assert.Equal(QosClass.BestEffort, QosCalculator.ComputePodQos(pod.Spec, WithoutPodLevel));
        Assert.Equal(QosClass.Guaranteed, QosCalculator.ComputePodQos(pod.Spec, WithPodLevel));
    }

    [Fact]
    public void Pod_level_block_with_only_ephemeral_storage_is_BestEffort_even_over_guaranteed_containers()
    {
        // kubernetes-pod-semantics.md §1.1: the pod-level block decides alone once it is non-nil.
        var pod = Pod("p", Container("c", CpuMem("1", "1Gi"), CpuMem("1", "1Gi")))
            .WithPodResources(Reqs(List("ephemeral-storage=1Gi"), List("ephemeral-storage=1Gi")));
        Assert.Equal(QosClass.BestEffort, QosCalculator.ComputePodQos(pod.Spec, WithPodLevel));
    }

    [Fact]
    public void Status_qosClass_wins_over_the_spec()
    {
        var pod = Pod("p", Container("c", CpuMem("", ""), CpuMem("", ""))) with { Status = new PodStatus { QosClass = "Guaranteed" } };
        Assert.Equal(QosClass.Guaranteed, QosCalculator.GetPodQos(pod, Profile.Default));
        Assert.Equal(QosClass.BestEffort, QosCalculator.ComputePodQos(pod.Spec, Profile.Default));
        Assert.Equal(QosRules.StatusWins, QosCalculator.Explain(pod, Profile.Default).Rules[0]);
    }

    [Fact]
    public void Ephemeral_containers_do_not_count()
    {
        var pod = Pod("p", Container("c", CpuMem("1", "1Gi"), CpuMem("1", "1Gi")));
        pod = pod with { Spec = pod.Spec with { EphemeralContainers = new[] { Container("debug", CpuMem("", ""), CpuMem("", "")) } } };
        Assert.Equal(QosClass.Guaranteed, QosCalculator.ComputePodQos(pod.Spec, Profile.Default));
    }

    [Fact]
    public void Sidecar_counts_like_any_init_container()
    {
        var pod = Pod("p", Container("c", CpuMem("1", "1Gi"), CpuMem("1", "1Gi")))
            .WithInit(Sidecar("proxy", CpuMem("", ""), CpuMem("", "")));
        var decision = QosCalculator.Explain(pod, Profile.Default);
        Assert.Equal(QosClass.Burstable, decision.Class);
        Assert.Equal("c", decision.DecidingContainer);
        Assert.Contains("mixing Guaranteed and BestEffort", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_names_the_deciding_container_and_resource()
    {
        var pod = Pod("p", Container("a", CpuMem("1", "1Gi"), CpuMem("1", "1Gi")), Container("b", CpuMem("100m", "1Gi"), CpuMem("500m", "1Gi")));
        var decision = QosCalculator.Explain(pod, Profile.Default);
        Assert.Equal(QosClass.Burstable, decision.Class);
        Assert.Equal("b", decision.DecidingContainer);
        Assert.Equal("cpu", decision.DecidingResource);
        Assert.Contains("cpu request 100m differs from its limit 500m", decision.Reason, StringComparison.Ordinal);
    }
}
