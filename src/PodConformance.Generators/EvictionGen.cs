using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Oom;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;

namespace PodConformance.Generators;

/// <summary>Pods on one node and the node-pressure episode they go through (spec/scenario.md, NodeScenario).</summary>
public sealed record PressureCase(ValueList<Pod> Pods, NodeScenario Scenario);

/// <summary>
/// Node-pressure episodes (spec/eviction.md): 2–8 pods (growing with the size) mixing QoS classes, priorities and critical pods, each using
/// memory over, at or under its request (the "strictly above" boundary of EVICT-001), sometimes missing from the
/// summary (EVICT-005), on a node whose hard thresholds are sometimes met. Quantities are round (multiples of 32Mi) so
/// counterexamples read easily. Pods are valid by construction; names are <c>pod-a</c>, <c>pod-b</c>… so the usage
/// keys stay stable while shrinking.
/// </summary>
public static class EvictionGen
{
    private const long Mi = 1024 * 1024;

    /// <summary>Pods per episode grow with the size, from 2 up to this cap.</summary>
    public const int MaxPods = 8;

    /// <summary>The shortest run of an episode: long enough for five evictions (one per 10 s cycle) after a change at 60 s.</summary>
    public static TimeSpan Until { get; } = TimeSpan.FromMinutes(2);

    /// <summary>The run length for <paramref name="pods"/> pods: every pod can be evicted (one per 10 s cycle) after a change at 60 s.</summary>
    public static TimeSpan UntilFor(int pods) => TimeSpan.FromSeconds(Math.Max(Until.TotalSeconds, 60 + (10 * (pods + 1))));

    public static Quantity Memory(long mebibytes) => Quantity.Parse(mebibytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + "Mi");

    /// <summary>Pod name for position <paramref name="index"/>.</summary>
    public static string PodName(int index) => "pod-" + (char)('a' + index);

    private static Gen<ResourceRequirements> Resources { get; } =
        from qos in Gen.Elements("BestEffort", "Burstable", "Burstable", "Guaranteed")
        from request in Gen.Elements(64L, 128L, 256L)
        from withLimit in GenSequence.Bool
        select qos switch
        {
            "BestEffort" => ResourceRequirements.Empty,
            "Burstable" => new ResourceRequirements
            {
                Requests = ValueMap.Of(("memory", Memory(request))),
                Limits = withLimit ? ValueMap.Of(("memory", Memory(request * 2))) : default,
            },
            _ => new ResourceRequirements
            {
                Requests = ValueMap.Of(("cpu", Quantity.Parse("100m")), ("memory", Memory(request))),
                Limits = ValueMap.Of(("cpu", Quantity.Parse("100m")), ("memory", Memory(request))),
            },
        };

    private static Gen<Pod> PodAt(int index) =>
        from resources in Resources
        from priority in Gen.Frequency(
            (4, Gen.Constant<int?>(null)),
            (3, Gen.Elements<int?>(0, 1000, 100000)),
            (1, Gen.Constant<int?>(CriticalPods.SystemCriticalPriority)))
        from nodeCritical in GenSequence.Bool
        from isStatic in GenSequence.Chance(5)
        select new Pod
        {
            Metadata = new ObjectMeta
            {
                Name = PodName(index),
                Annotations = isStatic ? ValueMap.Of((CriticalPods.ConfigSourceAnnotation, "file")) : default,
            },
            Spec = new PodSpec
            {
                Containers = [new Container { Name = "app", Image = "busybox", Resources = resources }],
                Priority = priority,
                PriorityClassName = priority == CriticalPods.SystemCriticalPriority ? (nodeCritical ? CriticalPods.SystemNodeCritical : CriticalPods.SystemClusterCritical) : "",
            },
        };

    /// <summary>The pod's memory request in MiB (0 without one).</summary>
    public static long RequestMi(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Spec.Containers.Sum(c => c.Resources.Requests.TryGetValue("memory", out var q) ? q.Value() / Mi : 0);
    }

    /// <summary>A working set over (by 64Mi or 128Mi), exactly at (not exceeding), or under the request, or a round absolute amount.</summary>
    private static Gen<UsageSample> Sample(Pod pod, TimeSpan at)
    {
        long request = RequestMi(pod);
        return from mi in Gen.Elements(request + 64, request + 128, request, request / 2, 256L, 384L, 512L)
               from asPod in GenSequence.Chance(25)
               from noStats in GenSequence.Chance(5)
               select noStats
                   ? new UsageSample { At = at, NoStats = true }
                   : asPod ? new UsageSample { At = at, Pod = Memory(mi) } : new UsageSample { At = at, Containers = ValueMap.Of(("app", Memory(mi))) };
    }

    private static Gen<ValueList<UsageSample>> Samples(Pod pod) =>
        from first in Sample(pod, TimeSpan.Zero)
        from change in GenSequence.Chance(25)
        from at in Gen.Elements(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60))
        from second in Sample(pod, at)
        select change ? ValueList.Of(first, second) : ValueList.Of(first);

    /// <summary>
    /// A node of 256Mi per pod (plus sometimes 512Mi headroom), so pressure is common and often needs several evictions;
    /// thresholds: the defaults, absolute, or a percentage; sometimes system memory.
    /// </summary>
    private static Gen<NodeScenario> NodeFor(int pods) =>
        from headroom in Gen.Elements(0L, 0L, 512L)
        let capacity = pods * 256L + headroom
        from reserved in Gen.Elements(0L, 0L, 128L)
        from hard in Gen.Elements<ValueMap<string>?>(null, ValueMap.Of(("memory.available", "100Mi")), ValueMap.Of(("memory.available", "200Mi")), ValueMap.Of(("memory.available", "10%")))
        from enforce in GenSequence.Chance(85)
        from system in Gen.Elements(0L, 0L, 96L)
        select new NodeScenario
        {
            Node = new Node
            {
                Name = "node-1",
                Capacity = ValueMap.Of(("cpu", Quantity.Parse("4")), ("memory", Memory(capacity))),
                Allocatable = reserved == 0 ? default : ValueMap.Of(("cpu", Quantity.Parse("4")), ("memory", Memory(capacity - reserved))),
            },
            EvictionHard = hard,
            EnforceNodeAllocatable = enforce,
            SystemMemory = system == 0 ? Quantity.Zero : Memory(system),
            Until = UntilFor(pods),
        };

    /// <summary>
    /// Episodes of 2 to <see cref="MaxPods"/> pods (as the size allows). One in five ends with a twin of the first pod
    /// (same resources, priority and usage under its own name), so the ranking meets a tie and must keep the input
    /// order (EVICT-006): a tie between generated pods is otherwise rare.
    /// </summary>
    public static Gen<PressureCase> Case { get; } =
        from n in GenSequence.Count(2, MaxPods)
        from pods in GenSequence.Indexed(n, PodAt)
        from samples in GenSequence.Indexed(n, i => Samples(pods[i]))
        from twin in GenSequence.Chance(20)
        from scenario in NodeFor(n)
        let last = n - 1
        let podList = twin ? pods.Select((p, i) => i == last ? pods[0] with { Metadata = pods[0].Metadata with { Name = PodName(last) } } : p).ToArray() : pods
        let sampleList = twin ? samples.Select((s, i) => i == last ? samples[0] : s).ToArray() : samples
        select new PressureCase(
            podList.ToValueList(),
            scenario with { Usage = ValueMap.Create(podList.Select((p, i) => KeyValuePair.Create(p.Metadata.Name, sampleList[i]))) });

    /// <summary>Episodes shrinking toward fewer pods, fewer samples, rounder and smaller usage, default node settings.</summary>
    public static Arbitrary<PressureCase> CaseArb { get; } = Arb.From(Case, EvictionShrinker.Shrink);
}
