using PodConformance.Model.Eviction;
using PodConformance.Model.Profiles;
using static PodConformance.Model.Tests.Eviction.EvictionPods;

namespace PodConformance.Model.Tests.Eviction;

/// <summary>
/// The ranking tests of kubernetes/kubernetes pkg/kubelet/eviction/helpers_test.go (stored copy id 145684239,
/// a 1.32+ master version with process ranking; commit not pinned by the index): TestOrderedByExceedsRequestMemory,
/// TestOrderedByExceedsRequestDisk, TestOrderedByPriority, TestOrderedbyDisk, TestOrderedbyInodes,
/// TestOrderedByPriorityDisk, TestOrderedByPriorityInodes, TestOrderedByMemory, TestOrderedByPriorityMemory,
/// TestOrderedByPriorityProcess. Upstream sorts with a single comparator where it tests one; the model ranks
/// with the whole chain, and each port says where that changes nothing.
/// </summary>
public class PodRankingTests
{
    private static readonly Profile P = Profile.Default;

    private static string[] Rank(string signal, params EvictionCandidate[] pods) =>
        Names(PodRanking.For(signal, DiskLayout.SingleFs, P)!.Rank(pods));

    [Fact]
    public void TestOrderedByExceedsRequestMemory()
    {
        var below = Pod("below-requests", -1, Req(memory: "200Mi")).WithMemory("199Mi");
        var exceeds = Pod("exceeds-requests", 1, Req(memory: "100Mi")).WithMemory("101Mi");
        // Exceeding decides before priority, so the higher-priority pod goes first.
        Assert.Equal(["exceeds-requests", "below-requests"], Rank(EvictionSignals.MemoryAvailable, below, exceeds));
    }

    [Fact]
    public void TestOrderedByExceedsRequestDisk()
    {
        var below = Pod("below-requests", -1, Req(disk: "200Mi")).WithDisk("100Mi", "99Mi", "0Mi");
        var exceeds = Pod("exceeds-requests", 1, Req(disk: "100Mi")).WithDisk("90Mi", "11Mi", "0Mi");
        Assert.Equal(["exceeds-requests", "below-requests"], Rank(EvictionSignals.NodeFsAvailable, below, exceeds));
    }

    [Fact]
    public void TestOrderedByPriority()
    {
        var low = Pod("low-priority", -134).WithProcesses(0);
        var medium = Pod("medium-priority", 1, Req("100m", "100Mi"), Req("200m", "200Mi")).WithProcesses(0);
        var high = Pod("high-priority", 12534, Req("200m", "200Mi"), Req("200m", "200Mi")).WithProcesses(0);
        Assert.Equal(["low-priority", "medium-priority", "high-priority"], Rank(EvictionSignals.PidAvailable, high, medium, low));
    }

    [Fact]
    public void TestOrderedbyDisk()
    {
        // Upstream sorts by the `disk` comparator alone; the full chain gives the same order here (equal
        // priorities, and the four exceeding pods are exactly the four with positive usage − request).
        var pods = new[]
        {
            Pod("best-effort-high", DefaultPriority, localVolume: true).WithDisk("50Mi", "100Mi", "150Mi"),
            Pod("best-effort-low", DefaultPriority, localVolume: true).WithDisk("25Mi", "25Mi", "50Mi"),
            Pod("burstable-high", DefaultPriority, Req(disk: "100Mi"), Req(disk: "400Mi"), true).WithDisk("150Mi", "150Mi", "50Mi"),
            Pod("burstable-low", DefaultPriority, Req(disk: "100Mi"), Req(disk: "400Mi"), true).WithDisk("25Mi", "35Mi", "50Mi"),
            Pod("guaranteed-high", DefaultPriority, Req(disk: "400Mi"), Req(disk: "400Mi"), true).WithDisk("225Mi", "100Mi", "50Mi"),
            Pod("guaranteed-low", DefaultPriority, Req(disk: "400Mi"), Req(disk: "400Mi"), true).WithDisk("25Mi", "45Mi", "50Mi"),
        };
        Assert.Equal(["best-effort-high", "burstable-high", "best-effort-low", "burstable-low", "guaranteed-high", "guaranteed-low"],
            Rank(EvictionSignals.NodeFsAvailable, pods));
    }

    [Fact]
    public void TestOrderedbyInodes()
    {
        var low = Pod("low", DefaultPriority, localVolume: true).WithInodes("50000", "100000", "50000");
        var medium = Pod("medium", DefaultPriority, localVolume: true).WithInodes("100000", "150000", "50000");
        var high = Pod("high", DefaultPriority, localVolume: true).WithInodes("200000", "150000", "50000");
        Assert.Equal(["high", "medium", "low"], Rank(EvictionSignals.NodeFsInodesFree, low, medium, high));
    }

    [Fact]
    public void TestOrderedByPriorityDisk()
    {
        var pods = new[]
        {
            Pod("below-requests-high-priority-low-usage", HighPriority, Req(disk: "1Gi"), localVolume: true).WithDisk("100Mi", "60Mi", "40Mi"),
            Pod("below-requests-high-priority-high-usage", HighPriority, Req(disk: "1Gi"), localVolume: true).WithDisk("250Mi", "500Mi", "50Mi"),
            Pod("below-requests-low-priority-low-usage", LowPriority, Req(disk: "1Gi"), localVolume: true).WithDisk("50Mi", "100Mi", "50Mi"),
            Pod("below-requests-low-priority-high-usage", LowPriority, Req(disk: "1Gi"), localVolume: true).WithDisk("500Mi", "200Mi", "100Mi"),
            Pod("above-requests-high-priority-low-usage", HighPriority, Req(disk: "100Mi"), localVolume: true).WithDisk("90Mi", "50Mi", "10Mi"),
            Pod("above-requests-high-priority-high-usage", HighPriority, Req(disk: "100Mi"), localVolume: true).WithDisk("200Mi", "150Mi", "250Mi"),
            Pod("above-requests-low-priority-low-usage", LowPriority, localVolume: true).WithDisk("10Mi", "10Mi", "30Mi"),
            Pod("above-requests-low-priority-high-usage", LowPriority, localVolume: true).WithDisk("200Mi", "100Mi", "200Mi"),
        };
        Assert.Equal(
            [
                "above-requests-low-priority-high-usage", "above-requests-low-priority-low-usage",
                "above-requests-high-priority-high-usage", "above-requests-high-priority-low-usage",
                "below-requests-low-priority-high-usage", "below-requests-low-priority-low-usage",
                "below-requests-high-priority-high-usage", "below-requests-high-priority-low-usage",
            ],
            Rank(EvictionSignals.NodeFsAvailable, pods));
    }

    [Fact]
    public void TestOrderedByPriorityInodes()
    {
        // Upstream chains priority then disk(inodes); the model's chain adds exceedDiskRequests first, which ties
        // here (no pod requests "inodes", so every pod with any inode use exceeds).
        var pods = new[]
        {
            Pod("high-priority-low-usage", HighPriority, localVolume: true).WithInodes("10000", "40000", "100000"),
            Pod("high-priority-high-usage", HighPriority, localVolume: true).WithInodes("150000", "150000", "50000"),
            Pod("low-priority-low-usage", LowPriority, localVolume: true).WithInodes("60000", "30000", "10000"),
            Pod("low-priority-high-usage", LowPriority, localVolume: true).WithInodes("50000", "100000", "250000"),
        };
        Assert.Equal(["low-priority-high-usage", "low-priority-low-usage", "high-priority-high-usage", "high-priority-low-usage"],
            Rank(EvictionSignals.NodeFsInodesFree, pods));
    }

    [Fact]
    public void TestOrderedByMemory()
    {
        // Upstream sorts by the `memory` comparator alone. The expected order is also the full chain's here,
        // except that guaranteed-high (800Mi of 1Gi) does not exceed — it stays after every exceeding pod anyway.
        var pods = new[]
        {
            Pod("best-effort-high", DefaultPriority).WithMemory("500Mi"),
            Pod("best-effort-low", DefaultPriority).WithMemory("300Mi"),
            Pod("burstable-high", DefaultPriority, Req(memory: "100Mi"), Req(memory: "1Gi")).WithMemory("800Mi"),
            Pod("burstable-low", DefaultPriority, Req(memory: "100Mi"), Req(memory: "1Gi")).WithMemory("300Mi"),
            Pod("guaranteed-high", DefaultPriority, Req(memory: "1Gi"), Req(memory: "1Gi")).WithMemory("800Mi"),
            Pod("guaranteed-low", DefaultPriority, Req(memory: "1Gi"), Req(memory: "1Gi")).WithMemory("200Mi"),
        };
        Assert.Equal(["burstable-high", "best-effort-high", "best-effort-low", "burstable-low", "guaranteed-high", "guaranteed-low"],
            Rank(EvictionSignals.MemoryAvailable, pods));
    }

    [Fact]
    public void TestOrderedByPriorityMemory()
    {
        var pods = new[]
        {
            Pod("below-requests-high-priority-low-usage", HighPriority, Req(memory: "1Gi")).WithMemory("200Mi"),
            Pod("below-requests-high-priority-high-usage", HighPriority, Req(memory: "1Gi")).WithMemory("800Mi"),
            Pod("below-requests-low-priority-low-usage", LowPriority, Req(memory: "1Gi")).WithMemory("200Mi"),
            Pod("below-requests-low-priority-high-usage", LowPriority, Req(memory: "1Gi")).WithMemory("800Mi"),
            Pod("above-requests-high-priority-low-usage", HighPriority, Req(memory: "100Mi")).WithMemory("150Mi"),
            Pod("above-requests-high-priority-high-usage", HighPriority, Req(memory: "100Mi")).WithMemory("600Mi"),
            Pod("above-requests-low-priority-low-usage", LowPriority).WithMemory("50Mi"),
            Pod("above-requests-low-priority-high-usage", LowPriority).WithMemory("500Mi"),
        };
        Assert.Equal(
            [
                "above-requests-low-priority-high-usage", "above-requests-low-priority-low-usage",
                "above-requests-high-priority-high-usage", "above-requests-high-priority-low-usage",
                "below-requests-low-priority-high-usage", "below-requests-low-priority-low-usage",
                "below-requests-high-priority-high-usage", "below-requests-high-priority-low-usage",
            ],
            Rank(EvictionSignals.MemoryAvailable, pods));
    }

    [Fact]
    public void TestOrderedByPriorityProcess()
    {
        var pods = new[]
        {
            Pod("high-priority-low-usage", HighPriority).WithProcesses(5),
            Pod("high-priority-high-usage", HighPriority).WithProcesses(20),
            Pod("low-priority-low-usage", LowPriority).WithProcesses(6),
            Pod("low-priority-high-usage", LowPriority).WithProcesses(20),
        };
        Assert.Equal(["low-priority-high-usage", "low-priority-low-usage", "high-priority-high-usage", "high-priority-low-usage"],
            Rank(EvictionSignals.PidAvailable, pods));
    }

    [Fact]
    public void Pods_without_stats_go_first_under_memory_but_not_before_lower_priority_under_pid()
    {
        var noStats = Pod("no-stats", HighPriority).WithoutStats();
        var hungry = Pod("hungry", HighPriority).WithMemory("2Gi");
        Assert.Equal(["no-stats", "hungry"], Rank(EvictionSignals.MemoryAvailable, hungry, noStats));

        var lowPid = Pod("low", LowPriority).WithProcesses(1);
        Assert.Equal(["low", "no-stats"], Rank(EvictionSignals.PidAvailable, noStats, lowPid));
    }

    [Fact]
    public void Effective_request_counts_overhead_only_when_the_request_is_non_zero()
    {
        var bestEffort = Pod("be", 0) with { Spec = Pod("be", 0).Spec with { Overhead = Req(memory: "100Mi") } };
        Assert.Equal("0", EvictionRequests.For(bestEffort, "memory", P).ToString());
        var burstable = Pod("b", 0, Req(memory: "100Mi"));
        burstable = burstable with { Spec = burstable.Spec with { Overhead = Req(memory: "28Mi") } };
        Assert.Equal("128Mi", EvictionRequests.For(burstable, "memory", P).ToString());
    }

    [Fact]
    public void Effective_request_takes_the_larger_of_init_and_regular_with_sidecars()
    {
        var pod = Pod("p", 0, Req(memory: "100Mi"));
        pod = pod with
        {
            Spec = pod.Spec with
            {
                InitContainers =
                [
                    Container("sidecar", Req(memory: "50Mi")) with { RestartPolicy = "Always" },
                    Container("init", Req(memory: "200Mi")),
                ],
            },
        };
        // max(100 + 50, 200 + 50) = 250Mi.
        Assert.Equal("250Mi", EvictionRequests.For(pod, "memory", P).ToString());
    }

    [Fact]
    public void Dedicated_imagefs_ranks_nodefs_by_logs_and_volumes_and_imagefs_by_rootfs()
    {
        Assert.Equal(FsStats.Logs | FsStats.LocalVolumeSource, DiskStats.For(EvictionSignals.NodeFsAvailable, DiskLayout.DedicatedImageFs));
        Assert.Equal(FsStats.Root | FsStats.Images, DiskStats.For(EvictionSignals.ImageFsAvailable, DiskLayout.DedicatedImageFs));
        Assert.Equal(FsStats.Root | FsStats.Images, DiskStats.For(EvictionSignals.ContainerFsAvailable, DiskLayout.DedicatedImageFs));
        Assert.Equal(FsStats.Images, DiskStats.For(EvictionSignals.ImageFsInodesFree, DiskLayout.SplitImageAndContainerFs));
        Assert.Equal(FsStats.Images | FsStats.Root | FsStats.Logs | FsStats.LocalVolumeSource, DiskStats.For(EvictionSignals.ImageFsAvailable, DiskLayout.SingleFs));
    }
}
