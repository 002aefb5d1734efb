using System.Diagnostics;
using System.Text;
using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Parsing;
using PodConformance.Manifests.Reading;

namespace PodConformance.Manifests.Tests.Parsing;

/// <summary>JSON input: strings unquoted as Go's encoding/json does, positions in linear time.</summary>
public class JsonInputTests
{
    /// <summary>
    /// Go 1.19's encoding/json and sigs.k8s.io/json (decode.go unquoteBytes, commit cfa47c3) replace an escaped
    /// surrogate without its pair by U+FFFD and read the next escape on its own; a valid pair stays one character.
    /// </summary>
    [Theory]
    [InlineData("\\ud800", "\uFFFD")]
    [InlineData("x\\ud800\\u0041y", "x\uFFFDAy")]
    [InlineData("\\udc00", "\uFFFD")]
    [InlineData("\\ud800\\ud800", "\uFFFD\uFFFD")]
    [InlineData("\\ud83d\\ude00", "\U0001F600")]
    [InlineData("a\\\"b\\\\c\\/d\\n\\t\\u00e9", "a\"b\\c/d\n\t\u00e9")]
    public void Escapes_are_read_as_go_reads_them(string escaped, string expected)
    {
        var stream = JsonTreeBuilder.Parse("{\"" + escaped + "\":\"" + escaped + "\"}");

        Assert.Null(stream.Error);
        var entry = Assert.Single(((ManifestMapping)stream.Documents[0].Root!).Entries);
        Assert.Equal(expected, entry.Key.Value);
        Assert.Equal(expected, ((ManifestScalar)entry.Value).Value);
    }

    [Fact]
    public void A_lone_surrogate_in_a_pod_name_is_a_validation_error_not_a_crash()
    {
        var result = PodManifestReader.ReadText("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"x\\ud800\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"b\"}]}}", "p.json");

        Assert.Equal("x\uFFFD", Assert.Single(result.Pods).Pod.Metadata.Name);
    }

    /// <summary>
    /// A JSON object handed over as UTF-8 (the process protocol's pod and scenario) reads exactly as its text does:
    /// the same pods, and the same diagnostics with the same positions, for good and bad input alike.
    /// </summary>
    [Theory]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"x\u00e9\",\"labels\":{\"a\":\"1\"}},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"b\",\"resources\":{\"limits\":{\"cpu\":\"500m\"}}}]}}")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"x\"},\n \"spec\":{\"containers\":[{\"name\":\"a\",\"name\":\"b\",\"ports\":[{\"containerPort\":\"80\"}]}],\"bogus\":1}}")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"containers\":[{\"name\":\"\u00e9\u00e9\",\"image\":7}]} ,")]
    [InlineData("{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"x\\ud800\"},\"spec\":{\"containers\":[]}}")]
    [InlineData("{}")]
    public void Utf8_json_reads_as_its_text_reads(string text)
    {
        var fromText = PodManifestReader.ReadText(text, "case.pod");
        var fromUtf8 = PodManifestReader.ReadUtf8Json(Encoding.UTF8.GetBytes(text), "case.pod");

        Assert.Equal(fromText.Pods.Select(p => p.Pod), fromUtf8.Pods.Select(p => p.Pod));
        Assert.Equal(fromText.Diagnostics.ToArray(), fromUtf8.Diagnostics.ToArray());
        Assert.Equal(fromText.OtherObjects.Length, fromUtf8.OtherObjects.Length);
    }

    [Fact]
    public void Columns_on_a_long_line_count_characters()
    {
        string text = "{\"a\":\"\u00e9\u00e9\",\"b\":[1,\"\U0001F600\",3]}";

        var map = (ManifestMapping)JsonTreeBuilder.Parse(text).Documents[0].Root!;

        var items = ((ManifestSequence)map.Get("b")!).Items;
        Assert.Equal(new SourcePosition(1, 16), items[0].Position);
        Assert.Equal(new SourcePosition(1, 18), items[1].Position);
        Assert.Equal(new SourcePosition(1, 22), items[2].Position);
    }

    /// <summary>
    /// The same 30,000 containers on one line and one per line: reading must cost about the same (it cost 30 times
    /// more on one line when each column was found by rescanning the line). A ratio, so the machine's load cancels.
    /// </summary>
    [Fact]
    public void One_long_line_costs_no_more_than_many_short_ones()
    {
        string oneLine = BigPod("");
        string manyLines = BigPod("\n");
        JsonTreeBuilder.Parse(manyLines);
        JsonTreeBuilder.Parse(oneLine);

        var many = Time(() => JsonTreeBuilder.Parse(manyLines));
        var one = Time(() => JsonTreeBuilder.Parse(oneLine));

        Assert.True(one.TotalMilliseconds < (5 * many.TotalMilliseconds) + 200, $"one line {one.TotalMilliseconds} ms, many lines {many.TotalMilliseconds} ms");
    }

    private static TimeSpan Time(Action action)
    {
        var best = TimeSpan.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            best = sw.Elapsed < best ? sw.Elapsed : best;
        }

        return best;
    }

    private static string BigPod(string separator)
    {
        var sb = new StringBuilder("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"big\"},\"spec\":{\"containers\":[");
        for (int i = 0; i < 30_000; i++)
        {
            sb.Append(i == 0 ? "" : ",").Append(separator).Append("{\"name\":\"c").Append(i).Append("\",\"image\":\"nginx\"}");
        }

        return sb.Append("]}}").ToString();
    }
}
