using PodConformance.Model.Api;

namespace PodConformance.Model.Eviction;

/// <summary>fsStatsType: which filesystem stats a disk signal measures.</summary>
[Flags]
public enum FsStats
{
    None = 0,
    Root = 1,
    Logs = 2,
    LocalVolumeSource = 4,

    /// <summary>Image layers; listed by buildSignalToRankFunc but never summed per pod (containerUsage reads only rootfs and logs).</summary>
    Images = 8,
}

/// <summary>How the node's filesystems are laid out; decides the stats each disk signal ranks by.</summary>
public enum DiskLayout
{
    /// <summary>One filesystem: every disk signal measures images, rootfs, logs and local volumes.</summary>
    SingleFs,

    /// <summary>A dedicated imagefs holding images and writable layers: nodefs = logs + volumes, imagefs/containerfs = rootfs (+ images).</summary>
    DedicatedImageFs,

    /// <summary>KubeletSeparateDiskGC split: nodefs/containerfs = logs + volumes + rootfs, imagefs = images only.</summary>
    SplitImageAndContainerFs,
}

/// <summary>podDiskUsage / localVolumeNames (helpers.go, volume util IsLocalEphemeralVolume).</summary>
public static class DiskStats
{
    /// <summary>buildSignalToRankFunc's stats set for a disk signal.</summary>
    public static FsStats For(string signal, DiskLayout layout)
    {
        bool nodeSide = signal is EvictionSignals.NodeFsAvailable or EvictionSignals.NodeFsInodesFree;
        bool containerSide = signal is EvictionSignals.ContainerFsAvailable or EvictionSignals.ContainerFsInodesFree;
        return layout switch
        {
            DiskLayout.DedicatedImageFs => nodeSide ? FsStats.Logs | FsStats.LocalVolumeSource : FsStats.Root | FsStats.Images,
            DiskLayout.SplitImageAndContainerFs => nodeSide || containerSide
                ? FsStats.Logs | FsStats.LocalVolumeSource | FsStats.Root
                : FsStats.Images,
            _ => FsStats.Images | FsStats.Root | FsStats.Logs | FsStats.LocalVolumeSource,
        };
    }

    /// <summary>hostPath, gitRepo, configMap, or emptyDir on the default medium.</summary>
    public static bool IsLocalVolume(Volume volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        return volume.SourceKind switch
        {
            "hostPath" or "gitRepo" or "configMap" => true,
            "emptyDir" => (volume.EmptyDir?.Medium ?? "").Length == 0,
            _ => volume.ConfigMap is not null || (volume.EmptyDir is { } e && e.Medium.Length == 0),
        };
    }

    /// <summary>Bytes (or inodes, with <paramref name="inodes"/>) the pod uses on the measured stats.</summary>
    public static long Usage(Pod pod, PodUsage usage, FsStats measure, bool inodes)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(usage);
        long total = 0;
        foreach (var c in usage.Containers)
        {
            if ((measure & FsStats.Root) != 0)
            {
                total += (inodes ? c.RootfsInodesUsed : c.RootfsUsedBytes) ?? 0;
            }

            if ((measure & FsStats.Logs) != 0)
            {
                total += (inodes ? c.LogsInodesUsed : c.LogsUsedBytes) ?? 0;
            }
        }

        if ((measure & FsStats.LocalVolumeSource) != 0)
        {
            foreach (var volume in pod.Spec.Volumes)
            {
                if (!IsLocalVolume(volume))
                {
                    continue;
                }

                foreach (var v in usage.Volumes)
                {
                    if (v.Name == volume.Name)
                    {
                        total += (inodes ? v.InodesUsed : v.UsedBytes) ?? 0;
                        break;
                    }
                }
            }
        }

        return total;
    }
}
