using PodConformance.Model.Collections;
using PodConformance.Model.Eviction;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Tests.Eviction;

/// <summary>
/// kubernetes/kubernetes pkg/kubelet/eviction/helpers_test.go (stored copy id 145684239): TestAddAllocatableThresholds,
/// TestSortByEvictionPriority, TestGetReclaimableThreshold; compared as sets, as upstream's thresholdsEqual does.
/// TestParseThresholdConfig is data (<see cref="ThresholdParseUpstreamDataTests"/>).
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

    /// <summary>A percentage prints as the flag text that parses back to the same float32 fraction (EVICT-010), shortest first.</summary>
    [Theory]
    [InlineData("15%")]
    [InlineData("10%")]
    [InlineData("5%")]
    [InlineData("10.5%")]
    [InlineData("7.3%")]
    [InlineData("0.1%")]
    [InlineData("33.33%")]
    [InlineData("100%")]
    public void A_percentage_prints_as_its_flag_text(string text)
    {
        Assert.True(ThresholdParser.TryParsePercentage(text, out float fraction, out _));
        Assert.Equal(text, ThresholdValue.OfPercentage(fraction).ToString());
    }

    [Fact]
    public void The_default_thresholds_print_as_the_kubelet_writes_them()
    {
        var printed = DefaultThresholds.Linux(Profile.Default, enforcePodsAllocatable: false).Select(t => t.ToString()).ToList();
        Assert.Contains("imagefs.available<15%", printed);
        Assert.Contains("nodefs.available<10%", printed);
        Assert.Contains("nodefs.inodesFree<5%", printed);
    }
}
