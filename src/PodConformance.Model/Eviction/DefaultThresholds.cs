using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Eviction;

/// <summary>
/// DefaultEvictionHard (pkg/kubelet/eviction/defaults_linux.go and the kubelet config defaults). Setting any
/// evictionHard value replaces the whole map, so these apply only when nothing is configured.
/// </summary>
public static class DefaultThresholds
{
    /// <summary>imagefs.inodesFree&lt;5% joined the Linux defaults in 1.30 (kubernetes/kubernetes#121834).</summary>
    public static readonly KubernetesVersion ImageFsInodesDefaultSince = new(1, 30);

    /// <summary>The Linux default <c>evictionHard</c> map for a release.</summary>
    public static ValueMap<string> LinuxEvictionHard(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var items = new List<(string, string)>
        {
            (EvictionSignals.MemoryAvailable, "100Mi"),
            (EvictionSignals.NodeFsAvailable, "10%"),
            (EvictionSignals.NodeFsInodesFree, "5%"),
            (EvictionSignals.ImageFsAvailable, "15%"),
        };
        if (profile.Version.CompareTo(ImageFsInodesDefaultSince) >= 0)
        {
            items.Add((EvictionSignals.ImageFsInodesFree, "5%"));
        }

        return ValueMap.Of([.. items]);
    }

    /// <summary>The Windows default memory threshold differs (500Mi); the others are Linux-only (unverified beyond memory).</summary>
    public const string WindowsMemoryAvailable = "500Mi";

    /// <summary>The parsed Linux defaults, with the allocatable mirror when <c>pods</c> is enforced (the default).</summary>
    public static ValueList<Threshold> Linux(Profile profile, bool enforcePodsAllocatable = true)
    {
        var result = ThresholdParser.Parse(enforcePodsAllocatable ? [ThresholdParser.NodeAllocatableEnforcementKey] : [], LinuxEvictionHard(profile));
        return result.Thresholds;
    }
}
