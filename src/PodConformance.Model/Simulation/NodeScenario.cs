using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Eviction;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Simulation;

/// <summary>
/// A node-pressure episode (spec/scenario.md, <c>kind: NodeScenario</c>): one node, its hard eviction thresholds,
/// and the memory each pod uses over time. Separate from <see cref="Scenario"/> because eviction needs measured
/// usage, which the lifecycle simulator does not produce.
/// </summary>
public sealed record NodeScenario
{
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan DefaultPressureTransitionPeriod = TimeSpan.FromMinutes(5);

    /// <summary>Capacity (and optional allocatable) memory are what the memory signals are measured against.</summary>
    public Node Node { get; init; } = Scenario.DefaultNode;

    /// <summary><c>evictionHard</c> as the kubelet config gives it; null: the Linux defaults of the profile (EVICT-010).</summary>
    public ValueMap<string>? EvictionHard { get; init; }

    /// <summary>With <c>pods</c> enforced (the default) hard memory thresholds are mirrored to allocatable (EVICT-011).</summary>
    public bool EnforceNodeAllocatable { get; init; } = true;

    /// <summary><c>evictionMonitoringPeriod</c>: one cycle, at most one eviction, every period.</summary>
    public TimeSpan Period { get; init; } = DefaultPeriod;

    /// <summary><c>evictionPressureTransitionPeriod</c>: how long MemoryPressure stays after the last met observation.</summary>
    public TimeSpan PressureTransitionPeriod { get; init; } = DefaultPressureTransitionPeriod;

    /// <summary>Last cycle time; null: stop once usage no longer changes and nothing more can happen.</summary>
    public TimeSpan? Until { get; init; }

    /// <summary>Memory used on the node outside pods (system daemons, kernel): counts against memory.available only.</summary>
    public Quantity SystemMemory { get; init; } = Quantity.Zero;

    /// <summary>Per pod name, samples in time order; a sample holds until the next. Pods not listed use nothing.</summary>
    public ValueMap<ValueList<UsageSample>> Usage { get; init; }

    /// <summary>The node filesystem (nodefs); null: nodefs signals are not observed (a memory-only episode).</summary>
    public FilesystemCapacity? NodeFs { get; init; }

    /// <summary>A dedicated image filesystem; only with a layout other than <see cref="DiskLayout.SingleFs"/>.</summary>
    public FilesystemCapacity? ImageFs { get; init; }

    /// <summary>Which stats each filesystem holds (EVICT-016/017); one filesystem by default.</summary>
    public DiskLayout DiskLayout { get; init; } = DiskLayout.SingleFs;

    /// <summary>The process limit; null: pid.available is not observed.</summary>
    public PidCapacity? Pids { get; init; }

    public long MemoryCapacityBytes => Node.Capacity.TryGetValue(ResourceNames.Memory, out var q) ? q.Value() : 0;

    public long MemoryAllocatableBytes => Node.EffectiveAllocatable.TryGetValue(ResourceNames.Memory, out var q) ? q.Value() : MemoryCapacityBytes;

    /// <summary>The sample in force for <paramref name="pod"/> at <paramref name="at"/>, or null before the first.</summary>
    public UsageSample? SampleAt(string pod, TimeSpan at)
    {
        if (!Usage.TryGetValue(pod, out var samples))
        {
            return null;
        }

        UsageSample? current = null;
        foreach (var s in samples)
        {
            if (s.At <= at)
            {
                current = s;
            }
        }

        return current;
    }

    /// <summary>The time of the last usage change (zero when there is none).</summary>
    public TimeSpan LastChange
    {
        get
        {
            var last = TimeSpan.Zero;
            foreach (var samples in Usage.Values)
            {
                foreach (var s in samples)
                {
                    if (s.At > last)
                    {
                        last = s.At;
                    }
                }
            }

            return last;
        }
    }
}

/// <summary>
/// One pod's memory from <see cref="At"/> on: per container (the pod's working set is their sum) or the pod's
/// working set directly. <see cref="NoStats"/> models a pod the summary API misses, which ranks first (EVICT-005).
/// </summary>
public sealed record UsageSample
{
    public TimeSpan At { get; init; }

    public ValueMap<Quantity> Containers { get; init; }

    /// <summary>The pod cgroup's working set; null: the sum of <see cref="Containers"/>.</summary>
    public Quantity? Pod { get; init; }

    public bool NoStats { get; init; }

    /// <summary>Per container: rootfs and logs, bytes and inodes.</summary>
    public ValueMap<ContainerDiskSample> Disk { get; init; }

    /// <summary>Per volume name: used bytes and inodes.</summary>
    public ValueMap<VolumeDiskSample> Volumes { get; init; }

    /// <summary>The pod's process count (ranked under PID pressure); null counts as 0.</summary>
    public long? Processes { get; init; }

    public long PodWorkingSetBytes
    {
        get
        {
            if (Pod is { } p)
            {
                return p.Value();
            }

            long total = 0;
            foreach (var q in Containers.Values)
            {
                total += q.Value();
            }

            return total;
        }
    }
}
