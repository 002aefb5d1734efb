using PodConformance.Model.Eviction;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Simulation;

/// <summary>
/// One node filesystem of a <see cref="NodeScenario"/> (the summary API's <c>node.fs</c> or <c>runtime.imageFs</c>):
/// its size in bytes and inodes, and what is used on it outside pods (the system, and image layers). The pods' share is
/// added from their samples by the stats set each filesystem holds (EVICT-017).
/// </summary>
public sealed record FilesystemCapacity
{
    public Quantity Capacity { get; init; }

    /// <summary>Total inodes; null: the filesystem reports no inode counts and its inode signal is not observed.</summary>
    public long? Inodes { get; init; }

    /// <summary>Bytes used outside pods (system files; image layers where the images live).</summary>
    public Quantity SystemUsed { get; init; } = Quantity.Zero;

    public long SystemInodesUsed { get; init; }
}

/// <summary>The node's process limit (the summary's <c>rlimit.maxpid</c>) and the processes running outside pods.</summary>
public sealed record PidCapacity
{
    public long Max { get; init; }

    public long SystemProcesses { get; init; }
}

/// <summary>A container's disk use in a sample: its writable layer (rootfs) and logs, in bytes and inodes.</summary>
public sealed record ContainerDiskSample
{
    public Quantity? Rootfs { get; init; }

    public Quantity? Logs { get; init; }

    public long? RootfsInodes { get; init; }

    public long? LogsInodes { get; init; }
}

/// <summary>A volume's disk use in a sample (only local volumes are ranked: EVICT-016).</summary>
public sealed record VolumeDiskSample
{
    public Quantity? Used { get; init; }

    public long? Inodes { get; init; }
}

/// <summary>The node's disk layout as the kubelet's stats provider sees it (EVICT-016/017).</summary>
public static class DiskLayouts
{
    public static string Name(DiskLayout layout) => layout switch
    {
        DiskLayout.DedicatedImageFs => "dedicatedImageFs",
        DiskLayout.SplitImageAndContainerFs => "splitImageFs",
        _ => "singleFs",
    };

    public static DiskLayout? Parse(string name) => name switch
    {
        "singleFs" => DiskLayout.SingleFs,
        "dedicatedImageFs" => DiskLayout.DedicatedImageFs,
        "splitImageFs" => DiskLayout.SplitImageAndContainerFs,
        _ => null,
    };

    public static readonly string[] Names = ["singleFs", "dedicatedImageFs", "splitImageFs"];
}
