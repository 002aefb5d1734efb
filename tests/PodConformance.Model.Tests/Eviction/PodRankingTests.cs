using PodConformance.Model.Eviction;
using PodConformance.Model.Profiles;
using static PodConformance.Model.Tests.Eviction.EvictionPods;

namespace PodConformance.Model.Tests.Eviction;

/// <summary>
/// Ranking rules beyond the upstream tables: the upstream ranking tests of helpers_test.go are node-pressure
/// episodes run through the evict path (<see cref="EvictionUpstreamDataTests"/>, Eviction/Upstream/*.yaml).
/// </summary>
public class PodRankingTests
{
    private static readonly Profile P = Profile.Default;

    private static string[] Rank(string signal, params EvictionCandidate[] pods) =>
        Names(PodRanking.For(signal, DiskLayout.SingleFs, P)!.Rank(pods));

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
