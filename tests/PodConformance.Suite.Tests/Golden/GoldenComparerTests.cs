using PodConformance.Suite.Golden;

namespace PodConformance.Suite.Tests.Golden;

public class GoldenComparerTests
{
    private const string Doc = "id: a\nexpected:\n  lifecycle:\n    samples:\n    - at: 0s\n      status: Pending\n    - at: 1s\n      status: Running\n  qos: Burstable\n";

    [Fact]
    public void Equal_texts_are_equal()
    {
        var d = GoldenComparer.Compare(Doc, Doc);
        Assert.True(d.Equal);
        Assert.Equal("", d.Text);
    }

    [Fact]
    public void Crlf_and_a_missing_final_newline_do_not_count()
    {
        Assert.True(GoldenComparer.Compare(Doc, Doc.Replace("\n", "\r\n", StringComparison.Ordinal).TrimEnd('\n', '\r')).Equal);
    }

    [Fact]
    public void A_changed_scalar_gives_a_unified_hunk_and_its_path()
    {
        var d = GoldenComparer.Compare(Doc, Doc.Replace("status: Running", "status: CrashLoopBackOff", StringComparison.Ordinal), "committed", "generated", context: 1);
        Assert.False(d.Equal);
        Assert.Equal("expected.lifecycle.samples[1].status", d.FirstPath);
        Assert.Equal(8, d.FirstLine);
        Assert.Equal(
            "first difference at expected.lifecycle.samples[1].status (line 8)\n"
            + "--- committed\n+++ generated\n"
            + "@@ -7,3 +7,3 @@\n"
            + "     - at: 1s\n"
            + "-      status: Running\n"
            + "+      status: CrashLoopBackOff\n"
            + "   qos: Burstable\n",
            d.Text);
    }

    [Fact]
    public void Added_lines_are_marked_with_plus()
    {
        string actual = Doc.Replace("  qos: Burstable\n", "    - at: 2s\n      status: Error\n  qos: Burstable\n", StringComparison.Ordinal);
        var d = GoldenComparer.Compare(Doc, actual);
        Assert.Contains("+    - at: 2s\n+      status: Error\n", d.Text, StringComparison.Ordinal);
        Assert.Equal("expected.lifecycle.samples[2].at", d.FirstPath);
        Assert.DoesNotContain(d.Text.Split('\n'), l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal));
    }

    [Fact]
    public void Removed_lines_are_marked_with_minus()
    {
        var d = GoldenComparer.Compare(Doc, Doc.Replace("  qos: Burstable\n", "", StringComparison.Ordinal));
        Assert.Contains("-  qos: Burstable\n", d.Text, StringComparison.Ordinal);
        Assert.Equal("expected.qos", d.FirstPath);
    }

    [Fact]
    public void Distant_changes_make_separate_hunks()
    {
        string a = string.Concat(Enumerable.Range(0, 30).Select(i => "k" + i + ": v\n"));
        string b = a.Replace("k2: v", "k2: w", StringComparison.Ordinal).Replace("k25: v", "k25: w", StringComparison.Ordinal);
        var d = GoldenComparer.Compare(a, b);
        Assert.Equal(2, d.Text.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)));
        Assert.Equal("k2", d.FirstPath);
    }

    [Fact]
    public void Empty_versus_text_is_all_additions()
    {
        var d = GoldenComparer.Compare("", "a: 1\nb: 2\n");
        Assert.Contains("@@ -0,0 +1,2 @@\n+a: 1\n+b: 2\n", d.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a:\n  b:\n  - x\n  - y\n", 3, "a.b[1]")]
    [InlineData("a:\n  pod: |\n    kind: Pod\n    spec: {}\n  next: 1\n", 3, "a.pod")]
    [InlineData("a:\n  pod: |\n    kind: Pod\n  next: 1\n", 3, "a.next")]
    [InlineData("l:\n- name: x\n  v: 1\n- name: y\n  v: 2\n", 4, "l[1].v")]
    [InlineData("m:\n  a:\n  - 1\n  b:\n  - 2\n", 4, "m.b[0]")]
    public void Yaml_paths_follow_indentation(string yaml, int line, string path)
    {
        Assert.Equal(path, YamlPath.At(GoldenComparer.SplitLines(yaml), line));
    }
}
