using PodConformance.Suite.Golden;

namespace PodConformance.Suite.Tests.Golden;

/// <summary>
/// The tutorial's <c>kubectl describe pod X | grep …</c> shows (pods-module.md lines 585, 684-690, 968, 989) compared
/// with the model's rendered describe text as grep gives it (spec/describe.md). Each case's views hold the whole
/// describe, each grep's output, and the per-line verdicts; these tests re-derive the grep from the describe view and
/// the verdicts from the tutorial's lines, so neither is taken on trust from the generator.
/// </summary>
public class TutorialDescribeTests
{
    private static IReadOnlyList<string> Grep(GoldenCase c, string pattern, int after) =>
        DescribeGrep.Grep(string.Join("\n", GoldenRepo.View(c, "describe")) + "\n", pattern, after);

    private static IReadOnlyList<string> GrepView(GoldenCase c, string command) =>
        ((GoldenMap)((GoldenMap)c.Expected.Get("views")!).Get("describeGrep")!).Get(command) is GoldenList l
            ? l.Items.Select(i => ((GoldenScalar)i).Text).ToArray()
            : [];

    private static string[] Shows(GoldenCase c, string key) =>
        ((GoldenMap)((GoldenMap)c.Tutorial!).Get("shows")!).Get(key) is GoldenList l ? l.Items.Select(i => ((GoldenScalar)i).Text).ToArray() : [];

    [Fact]
    public void Last_State_grep_matches_the_tutorial_to_the_character_but_for_the_start_time()
    {
        // "Restart Policy": kubectl describe pod web-app | grep -A 3 "Last State" (lines 684-690).
        var c = GoldenRepo.Seed("01-restart-policy-three-restarts");
        var grepped = Grep(c, "Last State", 3);
        Assert.Equal(grepped, GrepView(c, "grep -A 3 \"Last State\""));
        var tutorial = Shows(c, "lastState");
        Assert.Equal(4, tutorial.Length);
        var verdicts = DescribeGrep.Compare(tutorial, grepped).Select(v => v.Verdict).ToArray();
        Assert.Equal([DescribeGrep.Verdict.Exact, DescribeGrep.Verdict.Exact, DescribeGrep.Verdict.Exact, DescribeGrep.Verdict.Time], verdicts);
        Assert.Equal("      Started:      Fri, 31 Jan 2025 10:00:19 +0000", grepped[3]);
        Assert.Contains("      Finished:     Fri, 31 Jan 2025 10:08:00 +0000", GoldenRepo.View(c, "describe"));
    }

    [Theory]
    [InlineData("10-resources-resource-demo-oom")]
    [InlineData("14-hands-on-fullstack-pod")]
    public void QoS_Class_grep_is_the_tutorials_line_with_kubectls_padding(string name)
    {
        // "Check a Pod's QoS class" (line 585) and Hands-On Step 4 (line 968): QoS Class: Burstable.
        var c = GoldenRepo.Seed(name);
        var grepped = Grep(c, "QoS Class", 0);
        Assert.Equal(grepped, GrepView(c, "grep \"QoS Class\""));
        var compared = Assert.Single(DescribeGrep.Compare(Shows(c, "QoS Class"), grepped));
        Assert.Equal(DescribeGrep.Verdict.Spacing, compared.Verdict);
        Assert.Equal("QoS Class:                   " + GoldenRepo.Model(c, "qos"), compared.Actual);
    }

    [Fact]
    public void Events_grep_of_the_broken_fullstack_pod_has_the_tutorials_header()
    {
        // Hands-On Step 5 (line 989): grep -A 4 "Events" — the header lines match up to padding, the rows do not
        // (aggregated, longer messages; EVENT-024), as the case's notes say.
        var c = GoldenRepo.Seed("14-hands-on-fullstack-pod-broken");
        var grepped = Grep(c, "Events", 4);
        Assert.Equal(5, grepped.Count);
        var verdicts = DescribeGrep.Compare(Shows(c, "describe | grep -A 4 \"Events\""), grepped).Select(v => v.Verdict).ToArray();
        Assert.Equal([DescribeGrep.Verdict.Exact, DescribeGrep.Verdict.Spacing, DescribeGrep.Verdict.Spacing], verdicts[..3]);
    }

    [Fact]
    public void Grep_prints_context_groups_separated_as_GNU_grep_does()
    {
        const string text = "a x\nb\nc x\nd\ne\nf\ng x\nh\n";
        Assert.Equal(["a x", "b", "c x", "d", "--", "g x", "h"], DescribeGrep.Grep(text, "x", 1));
        Assert.Equal(["a x", "c x", "g x"], DescribeGrep.Grep(text, "x"));
        Assert.Empty(DescribeGrep.Grep(text, "zz", 3));
    }

    [Fact]
    public void Compare_tells_missing_and_different_lines()
    {
        var compared = DescribeGrep.Compare(["QoS Class: Burstable", "Node-Selectors: <none>"], ["QoS Class:  Guaranteed"]);
        Assert.Equal([DescribeGrep.Verdict.Differs, DescribeGrep.Verdict.Missing], compared.Select(v => v.Verdict));
    }
}
