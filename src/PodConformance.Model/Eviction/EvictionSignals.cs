namespace PodConformance.Model.Eviction;

/// <summary>
/// Eviction signals (pkg/kubelet/eviction/api/types.go) with the resource each reclaims and the node
/// condition each raises (helpers.go signalToResource / signalToNodeCondition).
/// </summary>
public static class EvictionSignals
{
    public const string MemoryAvailable = "memory.available";
    public const string AllocatableMemoryAvailable = "allocatableMemory.available";
    public const string NodeFsAvailable = "nodefs.available";
    public const string NodeFsInodesFree = "nodefs.inodesFree";
    public const string ImageFsAvailable = "imagefs.available";
    public const string ImageFsInodesFree = "imagefs.inodesFree";
    public const string ContainerFsAvailable = "containerfs.available";
    public const string ContainerFsInodesFree = "containerfs.inodesFree";
    public const string PidAvailable = "pid.available";

    /// <summary>Internal resource names of the eviction package (not API resources).</summary>
    public const string ResourceInodes = "inodes";
    public const string ResourcePids = "pids";

    public const string MemoryPressure = "MemoryPressure";
    public const string DiskPressure = "DiskPressure";
    public const string PidPressure = "PIDPressure";

    /// <summary>validSignal: only signals with a reclaimable resource parse (swap.available does not).</summary>
    public static bool IsValid(string signal) => ResourceFor(signal) is not null;

    /// <summary>The resource a signal reclaims, or null for an unknown signal.</summary>
    public static string? ResourceFor(string signal) => signal switch
    {
        MemoryAvailable or AllocatableMemoryAvailable => Api.ResourceNames.Memory,
        NodeFsAvailable or ImageFsAvailable or ContainerFsAvailable => Api.ResourceNames.EphemeralStorage,
        NodeFsInodesFree or ImageFsInodesFree or ContainerFsInodesFree => ResourceInodes,
        PidAvailable => ResourcePids,
        _ => null,
    };

    /// <summary>The node condition a met threshold of this signal reports, or null.</summary>
    public static string? ConditionFor(string signal) => signal switch
    {
        MemoryAvailable or AllocatableMemoryAvailable => MemoryPressure,
        NodeFsAvailable or ImageFsAvailable or ContainerFsAvailable
            or NodeFsInodesFree or ImageFsInodesFree or ContainerFsInodesFree => DiskPressure,
        PidAvailable => PidPressure,
        _ => null,
    };

    public static bool IsMemory(string signal) => signal is MemoryAvailable or AllocatableMemoryAvailable;
}
