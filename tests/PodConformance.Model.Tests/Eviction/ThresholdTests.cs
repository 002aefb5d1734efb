using PodConformance.Model.Collections;
using PodConformance.Model.Eviction;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Tests.Eviction;

/// <summary>
/// kubernetes/kubernetes pkg/kubelet/eviction/helpers_test.go (stored copy id 145684239): TestParseThresholdConfig,
/// TestAddAllocatableThresholds, TestSortByEvictionPriority, TestGetReclaimableThreshold; compared as sets, as
/// upstream's thresholdsEqual does.
/// </summary>
public class ThresholdTests
{
    private static ValueMap<string> M(params (string, string)[] items) => ValueMap.Of(items);

    private static Threshold T(string signal, string value, string? reclaim = null, int graceSeconds = 0) =>
        new(signal, Value(value), TimeSpan.FromSeconds(graceSeconds), reclaim is null ? null : Value(reclaim));

    private static ThresholdValue Value(string text) =>
        text.EndsWith('%') ? ThresholdValue.OfPercentage(float.Parse(text.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture) / 100f) : ThresholdValue.Of(Quantity.Parse(text));

    private static void AssertSameSet(IReadOnlyList<Threshold> expected, IReadOnlyList<Threshold> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var e in expected)
        {
            Assert.Contains(actual, a => Same(e, a));
        }
    }

    private static bool Same(Threshold a, Threshold b) =>
        a.Signal == b.Signal && a.GracePeriod == b.GracePeriod && a.Value.SameAs(b.Value)
        && (a.MinReclaim is null ? b.MinReclaim is null : b.MinReclaim is { } r && a.MinReclaim.Value.SameAs(r));

    [Fact]
    public void No_values()
    {
        var r = ThresholdParser.Parse([], M());
        Assert.True(r.Ok);
        Assert.Empty(r.Thresholds);
    }

    [Fact]
    public void All_memory_eviction_values()
    {
        var r = ThresholdParser.Parse(["pods"], M(("memory.available", "150Mi")), M(("memory.available", "300Mi")), M(("memory.available", "30s")), M(("memory.available", "0")));
        Assert.True(r.Ok, r.Error);
        AssertSameSet(
            [T("allocatableMemory.available", "150Mi", "0"), T("memory.available", "150Mi", "0"), T("memory.available", "300Mi", "0", 30)],
            r.Thresholds);
    }

    [Fact]
    public void All_memory_eviction_values_in_percentages()
    {
        var r = ThresholdParser.Parse([], M(("memory.available", "10%")), M(("memory.available", "30%")), M(("memory.available", "30s")), M(("memory.available", "5%")));
        Assert.True(r.Ok, r.Error);
        AssertSameSet([T("memory.available", "10%", "5%"), T("memory.available", "30%", "5%", 30)], r.Thresholds);
    }

    [Fact]
    public void Disk_eviction_values_and_percentages_and_inodes()
    {
        var r = ThresholdParser.Parse([], M(("imagefs.available", "15%"), ("nodefs.available", "10.5%")), M(("imagefs.available", "30%"), ("nodefs.available", "20.5%")),
            M(("imagefs.available", "30s"), ("nodefs.available", "30s")), M(("imagefs.available", "10%"), ("nodefs.available", "5%")));
        Assert.True(r.Ok, r.Error);
        AssertSameSet(
            [T("imagefs.available", "15%", "10%"), T("nodefs.available", "10.5%", "5%"), T("imagefs.available", "30%", "10%", 30), T("nodefs.available", "20.5%", "5%", 30)],
            r.Thresholds);

        var disk = ThresholdParser.Parse([], M(("imagefs.available", "150Mi"), ("nodefs.available", "100Mi")), M(("imagefs.available", "300Mi"), ("nodefs.available", "200Mi")),
            M(("imagefs.available", "30s"), ("nodefs.available", "30s")), M(("imagefs.available", "2Gi"), ("nodefs.available", "1Gi")));
        AssertSameSet(
            [T("imagefs.available", "150Mi", "2Gi"), T("nodefs.available", "100Mi", "1Gi"), T("imagefs.available", "300Mi", "2Gi", 30), T("nodefs.available", "200Mi", "1Gi", 30)],
            disk.Thresholds);

        var inodes = ThresholdParser.Parse([], M(("imagefs.inodesFree", "150Mi"), ("nodefs.inodesFree", "100Mi")), M(("imagefs.inodesFree", "300Mi"), ("nodefs.inodesFree", "200Mi")),
            M(("imagefs.inodesFree", "30s"), ("nodefs.inodesFree", "30s")), M(("imagefs.inodesFree", "2Gi"), ("nodefs.inodesFree", "1Gi")));
        AssertSameSet(
            [T("imagefs.inodesFree", "150Mi", "2Gi"), T("nodefs.inodesFree", "100Mi", "1Gi"), T("imagefs.inodesFree", "300Mi", "2Gi", 30), T("nodefs.inodesFree", "200Mi", "1Gi", 30)],
            inodes.Thresholds);
    }

    [Theory]
    [InlineData("0%")]
    [InlineData("100%")]
    public void Disable_via_0_or_100_percent(string value)
    {
        var r = ThresholdParser.Parse([], M(("memory.available", value)), M(("memory.available", value)));
        Assert.True(r.Ok);
        Assert.Empty(r.Thresholds);
    }

    [Theory]
    [InlineData("invalid-signal", "mem.available", "150Mi", "", "", "", "unsupported eviction signal mem.available")]
    [InlineData("hard-signal-negative", "memory.available", "-150Mi", "", "", "", "eviction threshold memory.available must be positive: -150Mi")]
    [InlineData("hard-signal-negative-percentage", "memory.available", "-15%", "", "", "", "eviction percentage threshold memory.available must be >= 0%: -15%")]
    [InlineData("hard-signal-percentage-greater-than-100%", "memory.available", "150%", "", "", "", "eviction percentage threshold memory.available must be <= 100%: 150%")]
    [InlineData("soft-signal-negative", "", "", "-150Mi", "", "", "eviction threshold memory.available must be positive: -150Mi")]
    [InlineData("soft-no-grace-period", "", "", "150Mi", "", "", "grace period must be specified for the soft eviction threshold memory.available")]
    [InlineData("soft-negative-grace-period", "", "", "150Mi", "-30s", "", "invalid eviction grace period specified: -30s, must be a positive value")]
    [InlineData("negative-reclaim", "", "", "", "", "-300Mi", "negative eviction minimum reclaim specified for memory.available")]
    public void Errors(string name, string hardSignal, string hard, string soft, string grace, string reclaim, string error)
    {
        var hardMap = hardSignal.Length == 0 ? M() : M((hardSignal, hard));
        var softMap = soft.Length == 0 ? M() : M(("memory.available", soft));
        var graceMap = grace.Length == 0 ? M() : M(("memory.available", grace));
        var reclaimMap = reclaim.Length == 0 ? M() : M(("memory.available", reclaim));
        var r = ThresholdParser.Parse([], hardMap, softMap, graceMap, reclaimMap);
        Assert.False(r.Ok, name);
        Assert.Equal(error, r.Error);
    }

    [Fact]
    public void Valid_and_invalid_signal()
    {
        var r = ThresholdParser.Parse([], M(("memory.available", "150Mi"), ("invalid.foo", "150Mi")));
        Assert.Equal("unsupported eviction signal invalid.foo", r.Error);
    }

    [Fact]
    public void TestAddAllocatableThresholds()
    {
        Assert.Single(ThresholdParser.AddAllocatableThresholds([T("imagefs.available", "150Mi", "0")]));
        Assert.Single(ThresholdParser.AddAllocatableThresholds([T("memory.available", "150Mi", "0", 10)]));
        AssertSameSet([T("allocatableMemory.available", "150Mi", "0"), T("memory.available", "150Mi", "0")],
            ThresholdParser.AddAllocatableThresholds([T("memory.available", "150Mi", "0")]));
        AssertSameSet(
            [T("allocatableMemory.available", "150Mi", "0"), T("memory.available", "150Mi", "0"), T("allocatableMemory.available", "200Mi", "1Gi"), T("memory.available", "200Mi", "1Gi")],
            ThresholdParser.AddAllocatableThresholds([T("memory.available", "150Mi", "0"), T("memory.available", "200Mi", "1Gi")]));
    }

    [Theory]
    [InlineData("memory.available", "nodefs.available,pid.available,memory.available", "memory.available,nodefs.available,pid.available")]
    [InlineData("allocatableMemory.available", "nodefs.available,pid.available,allocatableMemory.available", "allocatableMemory.available,nodefs.available,pid.available")]
    public void TestSortByEvictionPriority(string _, string input, string expected)
    {
        var list = new List<Threshold>();
        foreach (string s in input.Split(','))
        {
            list.Add(T(s, "1"));
        }

        var sorted = ThresholdEvaluation.SortByEvictionPriority(list);
        var names = new List<string>();
        foreach (var t in sorted)
        {
            names.Add(t.Signal);
        }

        Assert.Equal(expected, string.Join(',', names));
        Assert.Empty(ThresholdEvaluation.SortByEvictionPriority([]));
    }

    [Fact]
    public void Flag_syntax_and_linux_defaults()
    {
        Assert.True(ThresholdParser.TryParseFlag("memory.available<100Mi,nodefs.available<10%", '<', out var map, out _));
        var parsed = ThresholdParser.Parse([], map);
        AssertSameSet([T("memory.available", "100Mi"), T("nodefs.available", "10%")], parsed.Thresholds);
        Assert.False(ThresholdParser.TryParseFlag("memory.available=100Mi", '<', out _, out string? error));
        Assert.Equal("malformed pair, expect string<string", error);

        Assert.Equal(4, DefaultThresholds.LinuxEvictionHard(Profile.For(new KubernetesVersion(1, 29))).Count);
        Assert.Equal("5%", DefaultThresholds.LinuxEvictionHard(Profile.Default)["imagefs.inodesFree"]);
        // memory.available<100Mi is mirrored to allocatableMemory.available when pods allocatable is enforced.
        Assert.Equal(6, DefaultThresholds.Linux(Profile.Default).Count);
    }

    [Fact]
    public void Threshold_is_met_strictly_below_with_percentages_of_capacity_and_min_reclaim()
    {
        var hard = T("memory.available", "100Mi", "50Mi");
        Assert.False(ThresholdEvaluation.IsMet(hard, SignalObservation.Bytes(100 * 1024 * 1024, 1L << 33)));
        Assert.True(ThresholdEvaluation.IsMet(hard, SignalObservation.Bytes((100 * 1024 * 1024) - 1, 1L << 33)));
        Assert.True(ThresholdEvaluation.IsMet(hard, SignalObservation.Bytes(120 * 1024 * 1024, 1L << 33), enforceMinReclaim: true));
        var pct = T("nodefs.available", "10%");
        Assert.True(ThresholdEvaluation.IsMet(pct, SignalObservation.Bytes(99, 1000)));
        Assert.False(ThresholdEvaluation.IsMet(pct, SignalObservation.Bytes(100, 1000)));
    }
}
