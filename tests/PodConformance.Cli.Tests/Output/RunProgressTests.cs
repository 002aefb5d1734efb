using PodConformance.Cli.Output;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;

namespace PodConformance.Cli.Tests.Output;

/// <summary>The live status line's arithmetic, on a clock the test moves.</summary>
public class RunProgressTests
{
    [Fact]
    public void The_eta_is_the_time_left_at_the_pace_so_far_and_redraws_are_throttled()
    {
        var now = TimeSpan.Zero;
        var live = new StringWriter { NewLine = "\n" };
        var progress = new RunProgress(live, live, () => now);
        var property = Catalog.All[0];
        progress.Started(2, 200);
        progress.PropertyStarted(0, property, 100);
        Assert.Equal($"[1/2] {property.Id} case 0/100 0% ETA ?", progress.Status());
        for (int i = 0; i < 50; i++)
        {
            now += TimeSpan.FromSeconds(0.05);
            progress.CaseDone();
        }

        // 50 of 200 cases in 2.5 s: 150 left at 20 cases/s.
        Assert.Equal($"[1/2] {property.Id} case 50/100 25% ETA 8s", progress.Status());
        Assert.Equal(26, live.ToString().Split('\r').Length - 1); // the first draw, then one per 100 ms

        progress.PropertyDone(0, new PropertyResult(property, Outcome.Failed, 51, "x", null, TimeSpan.FromSeconds(2.5)));
        Assert.EndsWith("\r\u001b[K[1/2] " + property.Id + " FAILED 2.5s\n", live.ToString(), StringComparison.Ordinal);

        // The failure ended the property early: its other cases count as done for the ETA (100 of 200 in 7.5 s).
        progress.PropertyStarted(1, property, 100);
        now += TimeSpan.FromSeconds(5);
        Assert.Equal($"[2/2] {property.Id} case 0/100 50% ETA 8s", progress.Status());
    }

    [Theory]
    [InlineData(0.2, "1s")]
    [InlineData(59, "59s")]
    [InlineData(61, "1m01s")]
    [InlineData(3600, "60m00s")]
    public void Durations_are_short(double seconds, string text) => Assert.Equal(text, RunProgress.Duration(seconds));

    [Fact]
    public void Ci_gets_plain_lines_a_terminal_a_live_line_a_pipe_nothing()
    {
        Assert.Null(RunProgress.For(new CliConsole(TextReader.Null, TextWriter.Null, TextWriter.Null, false)));
        Assert.NotNull(RunProgress.For(new CliConsole(TextReader.Null, TextWriter.Null, TextWriter.Null, false) { Ci = true }));
        Assert.True(CliConsole.IsCiValue("true") && CliConsole.IsCiValue("TRUE") && CliConsole.IsCiValue("1"));
        Assert.False(CliConsole.IsCiValue("false") || CliConsole.IsCiValue(null) || CliConsole.IsCiValue(""));
    }
}
