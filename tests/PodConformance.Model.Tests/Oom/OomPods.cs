using System.Globalization;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Tests.Oom;

/// <summary>The pods of upstream policy_test.go, by their upstream variable names.</summary>
internal static class OomPods
{
    public const long StandardMemoryAmount = 8_000_000_000;

    private static readonly string SampleMemRequest = N(StandardMemoryAmount / 8);
    private static readonly string SampleMemLimit = N(1000 + (StandardMemoryAmount / 8));
    private static readonly string SamplePodMemRequest = N(StandardMemoryAmount / 4);
    private static readonly string SamplePodMemLimit = N(1000 + (StandardMemoryAmount / 4));

    public static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static ValueMap<Quantity> R(params (string Name, string Value)[] items)
    {
        var list = new (string, Quantity)[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            list[i] = (items[i].Name, Quantity.Parse(items[i].Value));
        }

        return ValueMap.Of(list);
    }

    public static Container C(string name, ValueMap<Quantity> requests = default, ValueMap<Quantity> limits = default) =>
        new() { Name = name, Resources = new ResourceRequirements { Requests = requests, Limits = limits } };

    public static Container Sidecar(string name, ValueMap<Quantity> requests = default, ValueMap<Quantity> limits = default) =>
        C(name, requests, limits) with { RestartPolicy = "Always" };

    public static Pod Pod(Container[] containers, Container[]? init = null, ResourceRequirements? podLevel = null, string priorityClass = "", int? priority = null) =>
        new() { Spec = new PodSpec { Containers = containers, InitContainers = init ?? [], Resources = podLevel, PriorityClassName = priorityClass, Priority = priority } };

    private static ResourceRequirements PodLevel(string memRequest, string memLimit) =>
        new() { Requests = R(("cpu", "5m"), ("memory", memRequest)), Limits = R(("cpu", "5m"), ("memory", memLimit)) };

    public static readonly Pod CpuLimit = Pod([C("cpu-limit", limits: R(("cpu", "10")))]);
    public static readonly Pod MemoryLimitCpuRequest = Pod([C("memory-limit-cpu-request", R(("cpu", "0")), R(("memory", "10G")))]);
    public static readonly Pod ZeroMemoryLimit = Pod([C("zero-memory-limit", limits: R(("memory", "0")))]);
    public static readonly Pod NoRequestLimit = Pod([C("no-request-limit")]);
    public static readonly Pod EqualRequestLimitCpuMemory = Pod([C("equal-request-limit-cpu-memory", R(("memory", "10G"), ("cpu", "5m")), R(("cpu", "5m"), ("memory", "10G")))]);
    public static readonly Pod CpuUnlimitedMemoryLimitedWithRequests = Pod([C("cpu-unlimited-memory-limited-with-requests", R(("memory", N(StandardMemoryAmount / 2)), ("cpu", "5m")), R(("memory", "10G")))]);
    public static readonly Pod RequestNoLimit = Pod([C("request-no-limit", R(("memory", N(StandardMemoryAmount - 1)), ("cpu", "5m")))]);
    public static readonly Pod ClusterCritical = Pod([C("cluster-critical")], priorityClass: "system-cluster-critical", priority: 2_000_000_000);
    public static readonly Pod NodeCritical = Pod([C("node-critical")], priorityClass: "system-node-critical", priority: 2_000_001_000);

    private static readonly Container SampleContainer = C("main-1", R(("memory", SampleMemRequest)), R(("memory", SampleMemLimit)));
    private static readonly Container SampleInit = C("init-container", R(("memory", SampleMemRequest)), R(("memory", SampleMemLimit)));
    private static readonly Container SampleSidecar = Sidecar("sidecar-container", R(("memory", SampleMemRequest)), R(("memory", SampleMemLimit)));
    private static readonly Container SmallSidecar = Sidecar("sidecar-small-container", R(("memory", N(StandardMemoryAmount / 20))), R(("memory", SampleMemLimit)));
    private static readonly Container BigSidecar = Sidecar("sidecar-big-container", R(("memory", N(StandardMemoryAmount / 2))), R(("memory", SampleMemLimit)));

    public static readonly Pod BurstableUniqueContainer = Pod([C("burstable-unique-container", R(("memory", SampleMemRequest)), R(("memory", SampleMemLimit)))]);
    public static readonly Pod BurstableMixedUniqueMainContainer = Pod([SampleContainer], [SampleInit]);
    public static readonly Pod BurstableMixedMultiContainerSameRequest = Pod([SampleContainer], [SampleInit, SampleSidecar]);
    public static readonly Pod BurstableMixedMultiContainerSmallSidecar = Pod([SampleContainer], [SampleInit, SmallSidecar]);
    public static readonly Pod BurstableMixedMultiContainerBigSidecar = Pod([SampleContainer], [SampleInit, BigSidecar]);

    private static Container Guaranteed(string name) => C(name, R(("cpu", "5m"), ("memory", SampleMemRequest)), R(("cpu", "5m"), ("memory", SampleMemRequest)));

    public static readonly Pod GuaranteedPodResourcesNoContainerResources =
        Pod([C("no-request-limit-1"), C("no-request-limit-2")], podLevel: PodLevel(SamplePodMemRequest, SamplePodMemRequest));
    public static readonly Pod GuaranteedPodResourcesEqualContainerRequests =
        Pod([Guaranteed("guaranteed-container-1"), Guaranteed("guaranteed-container-2")], podLevel: PodLevel(SamplePodMemRequest, SamplePodMemRequest));
    public static readonly Pod GuaranteedPodResourcesUnequalContainerRequests =
        Pod([C("burstable-container", R(("cpu", "3m"), ("memory", SampleMemRequest)), R(("cpu", "5m"), ("memory", SampleMemLimit))), C("best-effort-container")], podLevel: PodLevel(SamplePodMemRequest, SamplePodMemRequest));
    public static readonly Pod BurstablePodResourcesNoContainerResources =
        Pod([C("no-request-limit-1"), C("no-request-limit-2")], podLevel: PodLevel(SamplePodMemRequest, SamplePodMemLimit));
    public static readonly Pod BurstablePodResourcesEqualContainerRequests =
        Pod([Guaranteed("guaranteed-container-1"), Guaranteed("guaranteed-container-2")], podLevel: PodLevel(SamplePodMemRequest, SamplePodMemLimit));
    public static readonly Pod BurstablePodResourcesUnequalContainerRequests =
        Pod([C("burstable-container", R(("cpu", "3m"), ("memory", SampleMemRequest)), R(("cpu", "5m"), ("memory", SampleMemRequest))), C("best-effort-container")], podLevel: PodLevel(SamplePodMemRequest, SamplePodMemLimit));
    public static readonly Pod BurstablePodResourcesNoContainerResourcesWithSidecar =
        Pod([C("no-request-limit")], [Sidecar("no-request-limit-sidecar")], PodLevel(SamplePodMemRequest, SamplePodMemLimit));
    public static readonly Pod BurstablePodResourcesEqualContainerRequestsWithSidecar =
        Pod([C("burstable-container", R(("cpu", "5m"), ("memory", SampleMemRequest)), R(("cpu", "5m"), ("memory", SampleMemLimit)))],
            [Sidecar("burstable-sidecar", R(("cpu", "5m"), ("memory", SampleMemRequest)), R(("cpu", "5m"), ("memory", SampleMemLimit)))],
            PodLevel(SamplePodMemRequest, SamplePodMemLimit));
    public static readonly Pod BurstablePodResourcesUnequalContainerRequestsWithSidecar =
        Pod([C("burstable-container-1", R(("cpu", "5m"), ("memory", "1000000000")), R(("cpu", "5m"), ("memory", SamplePodMemLimit))),
             C("burstable-container-2", R(("cpu", "5m"), ("memory", "500000000")), R(("cpu", "5m"), ("memory", SamplePodMemLimit)))],
            [Sidecar("burstable-sidecar", R(("cpu", "5m"), ("memory", "200000000")), R(("cpu", "5m"), ("memory", SamplePodMemLimit)))],
            PodLevel("2000000000", SamplePodMemLimit));
}
