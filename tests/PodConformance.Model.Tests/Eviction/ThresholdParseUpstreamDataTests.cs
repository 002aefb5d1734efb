using PodConformance.Manifests.Nodes;
using PodConformance.Model.Collections;
using PodConformance.Model.Eviction;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Tests.Eviction;

/// <summary>
/// helpers_test.go's TestParseThresholdConfig as data (Eviction/Upstream/thresholds/TestParseThresholdConfig.yaml, with
/// its source): every case's config maps through <see cref="ThresholdParser.Parse"/>, compared as a set with upstream's
/// thresholds, or with its error text (EVICT-009, EVICT-011).
/// </summary>
public class ThresholdParseUpstreamDataTests
{
    private static readonly string[] CaseKeys = ["name", "allocatableConfig", "evictionHard", "evictionSoft", "evictionSoftGracePeriod", "evictionMinReclaim", "want", "wantError"];

    [Fact]
    public void Every_case_parses_as_upstream_says()
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Eviction", "Upstream", "thresholds", "TestParseThresholdConfig.yaml"));
        Assert.Contains("# function: TestParseThresholdConfig", text, StringComparison.Ordinal);
        var read = PodConformance.Manifests.Reading.PodManifestReader.ReadText(text, "TestParseThresholdConfig.yaml");
        Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics));
        var root = Assert.Single(read.OtherObjects).Raw;
        var cases = Assert.IsType<ManifestSequence>(root.Get("cases")).Items;
        Assert.Equal(17, cases.Length);
        int disk = 0;
        foreach (var item in cases)
        {
            var c = Assert.IsType<ManifestMapping>(item);
            string name = c.GetString("name");
            Assert.All(c.Entries, e => Assert.Contains(e.Key.Value, CaseKeys));
            var allocatable = c.Get("allocatableConfig") is ManifestSequence seq ? seq.Items.Select(i => ((ManifestScalar)i).Value).ToArray() : [];
            var r = ThresholdParser.Parse(allocatable, Map(c, "evictionHard"), Map(c, "evictionSoft"), Map(c, "evictionSoftGracePeriod"), Map(c, "evictionMinReclaim"));
            if (c.Get("wantError") is ManifestScalar error)
            {
                Assert.False(r.Ok, name);
                Assert.Equal(error.Value, r.Error);
                continue;
            }

            Assert.True(r.Ok, name + ": " + r.Error);
            var want = Assert.IsType<ManifestSequence>(c.Get("want")).Items.Select(i => Expected((ManifestMapping)i)).ToList();
            Assert.True(want.Count == r.Thresholds.Count, name + ": " + string.Join(", ", r.Thresholds));
            foreach (var w in want)
            {
                Assert.True(r.Thresholds.Any(t => Same(w, t)), name + ": missing " + w + " in " + string.Join(", ", r.Thresholds));
                disk += EvictionSignals.IsMemory(w.Signal) ? 0 : 1;
            }
        }

        Assert.Equal(12, disk);
    }

    private static ValueMap<string> Map(ManifestMapping c, string key) =>
        c.Get(key) is ManifestMapping m ? ValueMap.Of(m.Entries.Select(e => (e.Key.Value, ((ManifestScalar)e.Value).Value)).ToArray()) : default;

    private static Threshold Expected(ManifestMapping m)
    {
        string grace = m.GetString("gracePeriod");
        return new Threshold(
            m.GetString("signal"),
            Value(m.GetString("value")),
            grace.Length == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(int.Parse(grace.TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture)),
            m.Get("minReclaim") is ManifestScalar reclaim ? Value(reclaim.Value) : null);
    }

    private static ThresholdValue Value(string text) =>
        text.EndsWith('%')
            ? ThresholdValue.OfPercentage(float.Parse(text.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture) / 100f)
            : ThresholdValue.Of(Quantity.Parse(text));

    /// <summary>thresholdsEqual: signal, grace period, value and min-reclaim (percentages as float32).</summary>
    private static bool Same(Threshold a, Threshold b) =>
        a.Signal == b.Signal && a.GracePeriod == b.GracePeriod && a.Value.SameAs(b.Value)
        && (a.MinReclaim is null ? b.MinReclaim is null : b.MinReclaim is { } r && a.MinReclaim.Value.SameAs(r));
}
