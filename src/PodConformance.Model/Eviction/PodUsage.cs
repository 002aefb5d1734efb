using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Eviction;

/// <summary>
/// One pod's entry in the kubelet summary (statsapi.PodStats), reduced to what eviction reads. A pod with no
/// entry at all is "no stats" (<see cref="EvictionCandidate.Usage"/> null), which ranks first; a null field
/// inside an entry counts as zero, as Go's nil-pointer helpers do.
/// </summary>
public sealed record PodUsage
{
    /// <summary>The pod cgroup's working set: what memory ranking compares, not the sum of containers.</summary>
    public long? MemoryWorkingSetBytes { get; init; }

    /// <summary>ProcessStats.ProcessCount, ranked under PID pressure.</summary>
    public long? ProcessCount { get; init; }

    /// <summary>Per-container stats, in the order the summary lists them (the eviction message follows it).</summary>
    public ValueList<ContainerUsage> Containers { get; init; }

    /// <summary>Per-volume stats; only local volumes (emptyDir on disk, configMap, gitRepo, hostPath) count.</summary>
    public ValueList<VolumeUsage> Volumes { get; init; }

    /// <summary>A pod whose working set is the sum of the given containers' working sets.</summary>
    public static PodUsage Memory(params ContainerUsage[] containers)
    {
        ArgumentNullException.ThrowIfNull(containers);
        long total = 0;
        foreach (var c in containers)
        {
            total += c.MemoryWorkingSetBytes ?? 0;
        }

        return new PodUsage { MemoryWorkingSetBytes = total, Containers = containers };
    }

    public static PodUsage Processes(long count) => new() { ProcessCount = count };
}

/// <summary>statsapi.ContainerStats: working set, and rootfs/logs bytes and inodes.</summary>
public sealed record ContainerUsage
{
    public string Name { get; init; } = "";

    public long? MemoryWorkingSetBytes { get; init; }

    public long? RootfsUsedBytes { get; init; }

    public long? RootfsInodesUsed { get; init; }

    public long? LogsUsedBytes { get; init; }

    public long? LogsInodesUsed { get; init; }
}

/// <summary>statsapi.VolumeStats: a volume's used bytes and inodes, by volume name.</summary>
public sealed record VolumeUsage
{
    public string Name { get; init; } = "";

    public long? UsedBytes { get; init; }

    public long? InodesUsed { get; init; }
}

/// <summary>An active pod and its stats; null stats means the summary had no entry for it.</summary>
public sealed record EvictionCandidate(Pod Pod, PodUsage? Usage);
