using PodConformance.Model.Time;

namespace PodConformance.Model.Tests.Time;

/// <summary>
/// Go's src/time/time_test.go <c>durationTests</c> (TestDurationString), every case, through
/// <see cref="GoDuration.FormatNanoseconds"/>; the cases a TimeSpan can hold also through Format(TimeSpan).
/// </summary>
public class GoDurationFormatTests
{
    private const long Ns = 1, Us = 1_000, Ms = 1_000_000, S = 1_000_000_000, Min = 60 * S, H = 60 * Min;

    [Theory]
    [InlineData("0s", 0L)]
    [InlineData("1ns", 1 * Ns)]
    [InlineData("1.1\u00b5s", 1100 * Ns)]
    [InlineData("2.2ms", 2200 * Us)]
    [InlineData("3.3s", 3300 * Ms)]
    [InlineData("4m5s", 4 * Min + 5 * S)]
    [InlineData("4m5.001s", 4 * Min + 5001 * Ms)]
    [InlineData("5h6m7.001s", 5 * H + 6 * Min + 7001 * Ms)]
    [InlineData("8m0.000000001s", 8 * Min + 1 * Ns)]
    [InlineData("2562047h47m16.854775807s", long.MaxValue)]
    [InlineData("-2562047h47m16.854775808s", long.MinValue)]
    public void Go_durationTests(string expected, long nanoseconds)
    {
        Assert.Equal(expected, GoDuration.FormatNanoseconds(nanoseconds));
        // Go's TestDurationString also checks the negation of every non-minimal case.
        if (nanoseconds > 0)
        {
            Assert.Equal("-" + expected, GoDuration.FormatNanoseconds(-nanoseconds));
        }
    }

    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(11L, "1.1\u00b5s")]
    [InlineData(7_170_000L, "717ms")]
    [InlineData(1_906_000_000L, "3m10.6s")]
    [InlineData(608_090_000L, "1m0.809s")]
    [InlineData(36_000_000_000L, "1h0m0s")]
    public void Formats_TimeSpans(long ticks, string expected) =>
        Assert.Equal(expected, GoDuration.Format(TimeSpan.FromTicks(ticks)));

    [Fact]
    public void Truncates_to_milliseconds_like_Duration_Truncate()
    {
        Assert.Equal("1.315s", GoDuration.Format(GoDuration.TruncateToMilliseconds(TimeSpan.FromTicks(13_156_337))));
        Assert.Equal("0s", GoDuration.Format(GoDuration.TruncateToMilliseconds(TimeSpan.FromTicks(9_999))));
    }

    [Fact]
    public void Saturates_beyond_the_int64_range() =>
        Assert.Equal("2562047h47m16.854775807s", GoDuration.Format(TimeSpan.MaxValue));
}
