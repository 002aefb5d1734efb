using PodConformance.Model.Time;

namespace PodConformance.Model.Tests.Time;

/// <summary>
/// Go's Duration.String. Cases from golang/go src/time/time_test.go <c>durationTests</c> (TestDurationString),
/// plus the delays the kubelet prints.
/// </summary>
public sealed class GoDurationFormattingTests
{
    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(1L, "1ns")]
    [InlineData(1100L, "1.1\u00b5s")]
    [InlineData(2_200_000L, "2.2ms")]
    [InlineData(3_300_000_000L, "3.3s")]
    [InlineData(245_000_000_000L, "4m5s")]
    [InlineData(245_001_000_000L, "4m5.001s")]
    [InlineData(18_367_001_000_000L, "5h6m7.001s")]
    [InlineData(480_000_000_001L, "8m0.000000001s")]
    [InlineData(long.MaxValue, "2562047h47m16.854775807s")]
    [InlineData(long.MinValue, "-2562047h47m16.854775808s")]
    [InlineData(-1_000_000_000L, "-1s")]
    public void Matches_go_time_test(long nanoseconds, string expected) =>
        Assert.Equal(expected, GoDuration.FormatNanoseconds(nanoseconds));

    [Theory]
    [InlineData(1, "1s")]
    [InlineData(10, "10s")]
    [InlineData(60, "1m0s")]
    [InlineData(80, "1m20s")]
    [InlineData(160, "2m40s")]
    [InlineData(300, "5m0s")]
    [InlineData(600, "10m0s")]
    [InlineData(3600, "1h0m0s")]
    public void Kubelet_delays(int seconds, string expected) =>
        Assert.Equal(expected, GoDuration.Format(TimeSpan.FromSeconds(seconds)));
}
