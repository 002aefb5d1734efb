using PodConformance.Model.Time;

namespace PodConformance.Model.Tests.Time;

/// <summary>Cases from Go's src/time/time_test.go parseDurationTests / parseDurationErrorTests (Go 1.21+).</summary>
public class GoDurationTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("5s", 50_000_000L)]
    [InlineData("30s", 300_000_000L)]
    [InlineData("1478s", 14_780_000_000L)]
    [InlineData("-5s", -50_000_000L)]
    [InlineData("+5s", 50_000_000L)]
    [InlineData("5.0s", 50_000_000L)]
    [InlineData("5.6s", 56_000_000L)]
    [InlineData(".5s", 5_000_000L)]
    [InlineData("1.s", 10_000_000L)]
    [InlineData("10ms", 100_000L)]
    [InlineData("100us", 1_000L)]
    [InlineData("100µs", 1_000L)]
    [InlineData("13m", 7_800_000_000L)]
    [InlineData("1h30m", 54_000_000_000L)]
    [InlineData("1.5h", 54_000_000_000L)]
    [InlineData("3h30m45s", 126_450_000_000L)]
    public void Parses_like_go(string text, long ticks)
    {
        Assert.True(GoDuration.TryParse(text, out var value, out string error), error);
        Assert.Equal(ticks, value.Ticks);
    }

    [Theory]
    [InlineData("", "time: invalid duration \"\"")]
    [InlineData("3", "time: missing unit in duration \"3\"")]
    [InlineData("-", "time: invalid duration \"-\"")]
    [InlineData("s", "time: invalid duration \"s\"")]
    [InlineData(".", "time: invalid duration \".\"")]
    [InlineData("-.s", "time: invalid duration \"-.s\"")]
    [InlineData(".s", "time: invalid duration \".s\"")]
    [InlineData("1d", "time: unknown unit \"d\" in duration \"1d\"")]
    [InlineData("99999999999999999999s", "time: invalid duration \"99999999999999999999s\"")]
    public void Rejects_like_go(string text, string expected)
    {
        Assert.False(GoDuration.TryParse(text, out _, out string error));
        Assert.Equal(expected, error);
    }
}
