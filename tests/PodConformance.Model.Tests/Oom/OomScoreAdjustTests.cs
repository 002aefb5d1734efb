using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Oom;
using PodConformance.Model.Profiles;
using static PodConformance.Model.Tests.Oom.OomPods;

namespace PodConformance.Model.Tests.Oom;

/// <summary>
/// Every case of kubernetes/kubernetes pkg/kubelet/qos/policy_test.go TestGetContainerOOMScoreAdjust, the
/// 1.32+ table with PodLevelResources (23 cases; read from the stored copy indexed as id 586860003, commit
/// not pinned by the index). Bounds are upstream's low/high per container.
/// </summary>
public class OomScoreAdjustTests
{
    public static TheoryData<string, Pod, long, bool, string, int, int> Cases()
    {
        var d = new TheoryData<string, Pod, long, bool, string, int, int>();
        void Add(string name, Pod pod, long capacity, bool podLevel, params (string Container, int Low, int High)[] expect)
        {
            foreach (var (c, lo, hi) in expect)
            {
                d.Add(name, pod, capacity, podLevel, c, lo, hi);
            }
        }

        Add("cpu-limit", CpuLimit, 4_000_000_000, false, ("cpu-limit", 999, 999));
        Add("memory-limit-cpu-request", MemoryLimitCpuRequest, 8_000_000_000, false, ("memory-limit-cpu-request", 999, 999));
        Add("zero-memory-limit", ZeroMemoryLimit, 7_230_457_451, false, ("zero-memory-limit", 1000, 1000));
        Add("no-request-limit", NoRequestLimit, 4_000_000_000, false, ("no-request-limit", 1000, 1000));
        Add("equal-request-limit-cpu-memory", EqualRequestLimitCpuMemory, 123_456_789, false, ("equal-request-limit-cpu-memory", -997, -997));
        Add("cpu-unlimited-memory-limited-with-requests", CpuUnlimitedMemoryLimitedWithRequests, StandardMemoryAmount, false, ("cpu-unlimited-memory-limited-with-requests", 495, 505));
        Add("request-no-limit", RequestNoLimit, StandardMemoryAmount, false, ("request-no-limit", 3, 3));
        Add("cluster-critical", ClusterCritical, 4_000_000_000, false, ("cluster-critical", 1000, 1000));
        Add("node-critical", NodeCritical, 4_000_000_000, false, ("node-critical", -997, -997));
        Add("burstable-unique-container-pod", BurstableUniqueContainer, StandardMemoryAmount, false, ("burstable-unique-container", 875, 880));
        Add("burstable-mixed-unique-main-container-pod", BurstableMixedUniqueMainContainer, StandardMemoryAmount, false, ("init-container", 875, 880), ("main-1", 875, 880));
        Add("burstable-mixed-multi-container-small-sidecar-pod", BurstableMixedMultiContainerSmallSidecar, StandardMemoryAmount, false,
            ("init-container", 875, 880), ("sidecar-small-container", 875, 875), ("main-1", 875, 875));
        Add("burstable-mixed-multi-container-sample-request-pod", BurstableMixedMultiContainerSameRequest, StandardMemoryAmount, false,
            ("init-container", 875, 880), ("sidecar-container", 875, 875), ("main-1", 875, 875));
        Add("burstable-mixed-multi-container-big-sidecar-container-pod", BurstableMixedMultiContainerBigSidecar, StandardMemoryAmount, false,
            ("init-container", 875, 880), ("sidecar-big-container", 500, 500), ("main-1", 875, 875));
        Add("guaranteed-pod-resources-no-container-resources", GuaranteedPodResourcesNoContainerResources, 4_000_000_000, true,
            ("no-request-limit-1", -997, -997), ("no-request-limit-2", -997, -997));
        Add("guaranteed-pod-resources-equal-container-resources", GuaranteedPodResourcesEqualContainerRequests, 4_000_000_000, true,
            ("guaranteed-container-1", -997, -997), ("guaranteed-container-2", -997, -997));
        Add("guaranteed-pod-resources-unequal-container-requests", GuaranteedPodResourcesUnequalContainerRequests, 4_000_000_000, true,
            ("burstable-container", -997, -997), ("best-effort-container", -997, -997));
        Add("burstable-pod-resources-no-container-resources", BurstablePodResourcesNoContainerResources, 4_000_000_000, true,
            ("no-request-limit-1", 750, 750), ("no-request-limit-2", 750, 750));
        Add("burstable-pod-resources-equal-container-requests", BurstablePodResourcesEqualContainerRequests, 4_000_000_000, true,
            ("guaranteed-container-1", 750, 750), ("guaranteed-container-2", 750, 750));
        Add("burstable-pod-resources-unequal-container-requests", BurstablePodResourcesUnequalContainerRequests, 4_000_000_000, true,
            ("burstable-container", 625, 625), ("best-effort-container", 875, 875));
        Add("burstable-pod-resources-no-container-resources-with-sidecar", BurstablePodResourcesNoContainerResourcesWithSidecar, 4_000_000_000, true,
            ("no-request-limit", 750, 750), ("no-request-limit-sidecar", 750, 750));
        Add("burstable-pod-resources-equal-container-requests-with-sidecar", BurstablePodResourcesEqualContainerRequestsWithSidecar, 4_000_000_000, true,
            ("burstable-container", 750, 750), ("burstable-sidecar", 750, 750));
        Add("burstable-pod-resources-unequal-container-requests-with-sidecar", BurstablePodResourcesUnequalContainerRequestsWithSidecar, 4_000_000_000, true,
            ("burstable-container-1", 725, 725), ("burstable-container-2", 850, 850), ("burstable-sidecar", 850, 850));
        return d;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Upstream_TestGetContainerOOMScoreAdjust(string name, Pod pod, long capacity, bool podLevel, string container, int low, int high)
    {
        var profile = new Profile(KubernetesVersion.Newest, ValueMap.Of((FeatureGateNames.PodLevelResources, podLevel)));
        var c = Find(pod, container);
        var score = OomScoreAdjust.ForContainer(pod, c, capacity, profile);
        Assert.True(score.Score >= low && score.Score <= high, $"{name}/{container}: {score.Score} not in [{low}, {high}]");
    }

    [Fact]
    public void Exact_values_where_upstream_gives_a_range()
    {
        var p = Profile.Default;
        Assert.Equal(500, OomScoreAdjust.ForContainer(CpuUnlimitedMemoryLimitedWithRequests, CpuUnlimitedMemoryLimitedWithRequests.Spec.Containers[0], StandardMemoryAmount, p).Score);
        Assert.Equal(875, OomScoreAdjust.ForContainer(BurstableUniqueContainer, BurstableUniqueContainer.Spec.Containers[0], StandardMemoryAmount, p).Score);
    }

    [Fact]
    public void Rules_name_each_step()
    {
        var p = Profile.Default;
        Assert.Equal(ValueList.Of(OomRules.CriticalPod, OomRules.NodeCritical), OomScoreAdjust.ForContainer(NodeCritical, NodeCritical.Spec.Containers[0], 4_000_000_000, p).Rules);
        Assert.Equal(ValueList.Of(OomRules.BurstableFormula, OomRules.Clamp), OomScoreAdjust.ForContainer(RequestNoLimit, RequestNoLimit.Spec.Containers[0], StandardMemoryAmount, p).Rules);
        var small = BurstableMixedMultiContainerSmallSidecar;
        Assert.Contains(OomRules.SidecarCap, OomScoreAdjust.ForContainer(small, small.Spec.InitContainers[1], StandardMemoryAmount, p).Rules);
    }

    [Fact]
    public void Static_and_mirror_pods_are_critical_but_only_node_critical_class_gets_minus_997()
    {
        var staticPod = NoRequestLimit with { Metadata = new ObjectMeta { Annotations = ValueMap.Of((CriticalPods.ConfigSourceAnnotation, "file")) } };
        Assert.True(CriticalPods.IsCriticalPod(staticPod));
        Assert.Equal(1000, OomScoreAdjust.ForContainer(staticPod, staticPod.Spec.Containers[0], 4_000_000_000, Profile.Default).Score);
        var fromApi = NoRequestLimit with { Metadata = new ObjectMeta { Annotations = ValueMap.Of((CriticalPods.ConfigSourceAnnotation, "api")) } };
        Assert.False(CriticalPods.IsCriticalPod(fromApi));
        var mirror = NoRequestLimit with { Metadata = new ObjectMeta { Annotations = ValueMap.Of((CriticalPods.ConfigMirrorAnnotation, "")) } };
        Assert.True(CriticalPods.IsCriticalPod(mirror));
        var nodeCriticalStatic = staticPod with { Spec = staticPod.Spec with { PriorityClassName = CriticalPods.SystemNodeCritical } };
        Assert.Equal(-997, OomScoreAdjust.ForContainer(nodeCriticalStatic, nodeCriticalStatic.Spec.Containers[0], 4_000_000_000, Profile.Default).Score);
        var classOnly = NoRequestLimit with { Spec = NoRequestLimit.Spec with { PriorityClassName = CriticalPods.SystemNodeCritical } };
        Assert.False(CriticalPods.IsNodeCriticalPod(classOnly));
    }

    private static Container Find(Pod pod, string name)
    {
        foreach (var c in pod.Spec.InitContainers)
        {
            if (c.Name == name)
            {
                return c;
            }
        }

        foreach (var c in pod.Spec.Containers)
        {
            if (c.Name == name)
            {
                return c;
            }
        }

        throw new InvalidOperationException(name);
    }
}
