using PodConformance.Model.Events;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Events;

/// <summary>
/// The Events block (EVENT-021…024). Shapes follow kubectl pkg/describe/describe.go <c>DescribeEvents</c> (read at
/// kubernetes/kubectl 365ecee227e9a8a77c6677471d7dae80c36133fe) and describe_test.go <c>TestDescribeEvents</c>, whose
/// check is that an event's source and message appear in the output; the exact strings below are derived by hand
/// from the tabwriter rules (padding 2, widths per column block).
/// </summary>
public class DescribeEventsTests
{
    private static readonly DateTimeOffset T0 = new(2014, 1, 15, 0, 0, 0, TimeSpan.Zero);
    private static readonly Profile Kubectl134 = Profile.For(new KubernetesVersion(1, 34));
    private static readonly ContainerRef Web = new("web");

    [Fact]
    public void Empty_list_is_Events_none() =>
        Assert.Equal("Events:  <none>\n", DescribeEvents.Render([], T0));

    [Fact]
    public void Renders_the_table_with_tabwriter_alignment()
    {
        var events = new[]
        {
            EventCatalog.Scheduled(new PodRef("broken-app", "default", "u"), "node-1", T0),
            EventCatalog.Pulling(Web, "myapp:latest", T0.AddSeconds(2)),
            EventCatalog.ErrImagePull(Web, T0.AddSeconds(5)),
        };
        string expected =
            "Events:\n" +
            "  Type     Reason     Age   From               Message\n" +
            "  ----     ------     ----  ----               -------\n" +
            "  Normal   Scheduled  60s   default-scheduler  Successfully assigned default/broken-app to node-1\n" +
            "  Normal   Pulling    58s   kubelet            Pulling image \"myapp:latest\"\n" +
            "  Warning  Failed     55s   kubelet            Error: ErrImagePull\n";
        Assert.Equal(expected, DescribeEvents.Render(events, T0.AddSeconds(60), Kubectl134));
    }

    [Fact]
    public void Repeated_events_show_x_count_over_first_age()
    {
        var stream = Enumerable.Range(0, 4).Select(i => EventCatalog.BackOffRestarting(Web, new PodRef("p", "ns", "uid"), T0.AddSeconds(i * 9)));
        var folded = EventAggregator.Aggregate(stream);
        var e = Assert.Single(folded);
        Assert.Equal((4, T0, T0.AddSeconds(27)), (e.Count, e.FirstTimestamp, e.LastTimestamp));
        Assert.Equal("12s (x4 over 39s)", DescribeEvents.Age(e, T0.AddSeconds(39)));
        Assert.Contains("  Warning  BackOff  12s (x4 over 39s)  kubelet  Back-off restarting failed container web in pod p_ns(uid)\n",
            DescribeEvents.Render(folded, T0.AddSeconds(39), Kubectl134), StringComparison.Ordinal);
    }

    [Fact]
    public void Unset_timestamps_print_unknown()
    {
        var e = new PodEvent(PodEventType.Normal, "Scheduled", "m", "default-scheduler", null, default, default, 1, EventRules.Scheduled);
        Assert.Equal("<unknown>", DescribeEvents.Age(e, T0));
        Assert.Equal("<unknown> (x2 over <unknown>)", DescribeEvents.Age(e with { Count = 2 }, T0));
    }

    [Fact]
    public void Sorted_by_last_timestamp_oldest_first_stable()
    {
        var late = EventCatalog.Killing(Web, T0.AddSeconds(30));
        var early = EventCatalog.Pulling(Web, "a", T0);
        var tie = EventCatalog.Pulling(Web, "b", T0);
        Assert.Equal([early, tie, late], DescribeEvents.Sorted([late, early, tie]));
    }

    /// <summary>EVENT-025: ESC and CR in a cell are escaped before alignment, so the escaped width is what aligns.</summary>
    [Fact]
    public void Cells_are_escaped_as_describe_escapes_them_before_alignment()
    {
        var evil = EventCatalog.Scheduled(new PodRef("p", "d", "u"), "n", T0) with { Reason = "Re\u001b[2Jset", Message = "  line one\rline two\r  " };
        var plain = EventCatalog.Pulling(Web, "nginx", T0);
        string expected =
            "Events:\n" +
            "  Type    Reason      Age   From               Message\n" +
            "  ----    ------      ----  ----               -------\n" +
            "  Normal  Re^[[2Jset  60s   default-scheduler  line one\\rline two\n" +
            "  Normal  Pulling     60s   kubelet            Pulling image \"nginx\"\n";
        Assert.Equal(expected, DescribeEvents.Render([evil, plain], T0.AddSeconds(60), Kubectl134));
        Assert.Equal("a^[b\\r", TerminalEscape.Escape("a\u001bb\r"));
        Assert.Same("plain", TerminalEscape.Escape("plain"));
    }

    [Fact]
    public void Kubectl_1_35_prefixes_the_field_path()
    {
        var events = new[] { EventCatalog.Created(Profile.Default, Web, T0), EventCatalog.Scheduled(new PodRef("p", "d", "u"), "n", T0) };
        string out135 = DescribeEvents.Render(events, T0, Profile.For(new KubernetesVersion(1, 35)));
        Assert.Contains("kubelet            spec.containers{web}: Container created\n", out135, StringComparison.Ordinal);
        Assert.Contains("default-scheduler  Successfully assigned d/p to n\n", out135, StringComparison.Ordinal);
        Assert.DoesNotContain("spec.containers", DescribeEvents.Render(events, T0, Kubectl134), StringComparison.Ordinal);
    }

    [Fact]
    public void A_multi_line_message_splits_the_column_block()
    {
        var events = new[]
        {
            EventCatalog.FailedToPull(Web, "x", "line one\nsecond line", T0),
            EventCatalog.ErrImagePull(Web, T0),
        };
        // Header, dashes and the first row align together; the continuation line has no tabs and ends the block,
        // so the last row is aligned on its own.
        string actual = DescribeEvents.Render(events, T0, Kubectl134);
        string[] lines = actual.Split('\n');
        Assert.Equal("  Warning  Failed  0s    kubelet  Failed to pull image \"x\": line one", lines[3]);
        Assert.Equal("second line", lines[4]);
        Assert.Equal("  Warning  Failed  0s  kubelet  Error: ErrImagePull", lines[5]);
    }

    [Theory]
    [InlineData(-2L, "<invalid>")]
    [InlineData(-1L, "0s")]
    [InlineData(0L, "0s")]
    [InlineData(1L, "1s")]
    [InlineData(70L, "70s")]
    [InlineData(119L, "119s")]
    [InlineData(120L, "2m")]
    [InlineData(121L, "2m1s")]
    [InlineData(190L, "3m10s")]
    [InlineData(599L, "9m59s")]
    [InlineData(600L, "10m")]
    [InlineData(601L, "10m")]
    [InlineData(70 * 60L, "70m")]
    [InlineData(3 * 3600L - 1, "179m")]
    [InlineData(3 * 3600L, "3h")]
    [InlineData(3 * 3600L + 60, "3h1m")]
    [InlineData(8 * 3600L - 1, "7h59m")]
    [InlineData(8 * 3600L, "8h")]
    [InlineData(47 * 3600L, "47h")]
    [InlineData(48 * 3600L, "2d")]
    [InlineData(49 * 3600L, "2d1h")]
    [InlineData(8 * 86400L - 1, "7d23h")]
    [InlineData(8 * 86400L, "8d")]
    [InlineData(367 * 86400L, "367d")]
    [InlineData(2 * 365 * 86400L, "2y")]
    [InlineData(2 * 365 * 86400L + 86400 + 3600, "2y1d")]
    [InlineData(8 * 365 * 86400L - 1, "7y364d")]
    [InlineData(8 * 365 * 86400L + 7200, "8y")]
    public void Age_is_HumanDuration(long seconds, string expected) =>
        // apimachinery pkg/util/duration/duration_test.go TestHumanDuration / TestHumanDurationBoundaries, in whole seconds.
        Assert.Equal(expected, EventAge.HumanDuration(seconds));
}
