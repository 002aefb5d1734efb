using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Eviction;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Tests.Eviction;

/// <summary>Named factories mirroring upstream helpers_test.go (newPod, newContainer, newPod*Stats).</summary>
internal static class EvictionPods
{
    public const int LowPriority = -1;
    public const int DefaultPriority = 0;
    public const int HighPriority = 1;

    public static long Bytes(string quantity) => Quantity.Parse(quantity).Value();

    /// <summary>Upstream newResourceList(cpu, memory, disk): empty strings leave the resource out.</summary>
    public static ValueMap<Quantity> Req(string cpu = "", string memory = "", string disk = "")
    {
        var items = new List<(string, Quantity)>();
        if (cpu.Length > 0)
        {
            items.Add(("cpu", Quantity.Parse(cpu)));
        }

        if (memory.Length > 0)
        {
            items.Add(("memory", Quantity.Parse(memory)));
        }

        if (disk.Length > 0)
        {
            items.Add(("ephemeral-storage", Quantity.Parse(disk)));
        }

        return ValueMap.Of([.. items]);
    }

    public static Container Container(string name, ValueMap<Quantity> requests, ValueMap<Quantity> limits = default) =>
        new() { Name = name, Resources = new ResourceRequirements { Requests = requests, Limits = limits } };

    /// <summary>A pod whose single container has the pod's name (as upstream's tables write it).</summary>
    public static Pod Pod(string name, int priority, ValueMap<Quantity> requests = default, ValueMap<Quantity> limits = default, bool localVolume = false) =>
        new()
        {
            Metadata = new ObjectMeta { Name = name, Namespace = "default", Uid = name },
            Spec = new PodSpec
            {
                Priority = priority,
                Containers = [Container(name, requests, limits)],
                Volumes = localVolume ? [new Volume { Name = "local-volume", SourceKind = "emptyDir", EmptyDir = new EmptyDirVolumeSource() }] : [],
            },
        };

    /// <summary>newPodMemoryStats: the pod cgroup's working set.</summary>
    public static EvictionCandidate WithMemory(this Pod pod, string workingSet) =>
        new(pod, new PodUsage { MemoryWorkingSetBytes = Bytes(workingSet) });

    /// <summary>newPodDiskStats: every container's rootfs and logs, and every local volume, use the given bytes.</summary>
    public static EvictionCandidate WithDisk(this Pod pod, string rootfs, string logs, string perLocalVolume) =>
        new(pod, FsUsage(pod, Bytes(rootfs), Bytes(logs), Bytes(perLocalVolume), inodes: false));

    /// <summary>newPodInodeStats: the same shape, counted in inodes.</summary>
    public static EvictionCandidate WithInodes(this Pod pod, string rootfs, string logs, string perLocalVolume) =>
        new(pod, FsUsage(pod, Bytes(rootfs), Bytes(logs), Bytes(perLocalVolume), inodes: true));

    public static EvictionCandidate WithProcesses(this Pod pod, long count) => new(pod, PodUsage.Processes(count));

    public static EvictionCandidate WithoutStats(this Pod pod) => new(pod, null);

    private static PodUsage FsUsage(Pod pod, long root, long logs, long volume, bool inodes)
    {
        var containers = new List<ContainerUsage>();
        foreach (var c in pod.Spec.Containers)
        {
            containers.Add(inodes
                ? new ContainerUsage { Name = c.Name, RootfsInodesUsed = root, LogsInodesUsed = logs }
                : new ContainerUsage { Name = c.Name, RootfsUsedBytes = root, LogsUsedBytes = logs });
        }

        var volumes = new List<VolumeUsage>();
        foreach (var v in pod.Spec.Volumes)
        {
            if (DiskStats.IsLocalVolume(v))
            {
                volumes.Add(inodes ? new VolumeUsage { Name = v.Name, InodesUsed = volume } : new VolumeUsage { Name = v.Name, UsedBytes = volume });
            }
        }

        return new PodUsage { Containers = new ValueList<ContainerUsage>(containers), Volumes = new ValueList<VolumeUsage>(volumes) };
    }

    public static string[] Names(ValueList<RankedPod> ranked)
    {
        var names = new string[ranked.Count];
        for (int i = 0; i < ranked.Count; i++)
        {
            names[i] = ranked[i].Pod.Metadata.Name;
        }

        return names;
    }
}
