using PodConformance.Model.Printing;

namespace PodConformance.Model.Tests.Printing;

/// <summary>
/// Ported from kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/util/duration/duration_test.go
/// (commit 008b3652959ca58af8be3fb5b6ecfe9ae7638282): TestHumanDuration, TestHumanDurationBoundaries,
/// TestShortHumanDurationBoundaries, every case. Durations are built from Go units; 1 ns = 0.01 tick, so the
/// "+1" (nanosecond) case is the nearest representable 100 ns.
/// </summary>
public class HumanDurationTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan Sec = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Min = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private static readonly TimeSpan Year = 365 * Day;
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    public static TheoryData<TimeSpan, string> TestHumanDuration() => new()
    {
        { Sec, "1s" },
        { 70 * Sec, "70s" },
        { 190 * Sec, "3m10s" },
        { 70 * Min, "70m" },
        { 47 * Hour, "47h" },
        { 49 * Hour, "2d1h" },
        { (8 * 24 + 2) * Hour, "8d" },
        { 367 * 24 * Hour, "367d" },
        { (365 * 2 * 24 + 25) * Hour, "2y1d" },
        { (365 * 8 * 24 + 2) * Hour, "8y" },
    };

    public static TheoryData<TimeSpan, string> TestHumanDurationBoundaries() => new()
    {
        { -2 * Sec, "<invalid>" },
        { -2 * Sec + Tick, "0s" },
        { TimeSpan.Zero, "0s" },
        { Sec - Ms, "0s" },
        { 2 * Min - Ms, "119s" },
        { 2 * Min, "2m" },
        { 2 * Min + Sec, "2m1s" },
        { 10 * Min - Ms, "9m59s" },
        { 10 * Min, "10m" },
        { 10 * Min + Sec, "10m" },
        { 3 * Hour - Ms, "179m" },
        { 3 * Hour, "3h" },
        { 3 * Hour + Min, "3h1m" },
        { 8 * Hour - Ms, "7h59m" },
        { 8 * Hour, "8h" },
        { 8 * Hour + 59 * Min, "8h" },
        { 2 * Day - Ms, "47h" },
        { 2 * Day, "2d" },
        { 2 * Day + Hour, "2d1h" },
        { 8 * Day - Ms, "7d23h" },
        { 8 * Day, "8d" },
        { 8 * Day + 23 * Hour, "8d" },
        { 2 * Year - Ms, "729d" },
        { 2 * Year, "2y" },
        { 2 * Year + 23 * Hour, "2y" },
        { 2 * Year + 23 * Hour + 59 * Min, "2y" },
        { 2 * Year + 24 * Hour - Ms, "2y" },
        { 2 * Year + 24 * Hour, "2y1d" },
        { 3 * Year, "3y" },
        { 4 * Year, "4y" },
        { 5 * Year, "5y" },
        { 6 * Year, "6y" },
        { 7 * Year, "7y" },
        { 8 * Year - Ms, "7y364d" },
        { 8 * Year, "8y" },
        { 8 * Year + 364 * Day, "8y" },
        { 9 * Year, "9y" },
    };

    public static TheoryData<TimeSpan, string> TestShortHumanDurationBoundaries() => new()
    {
        { -2 * Sec, "<invalid>" },
        { -2 * Sec + Tick, "0s" },
        { TimeSpan.Zero, "0s" },
        { Sec - Ms, "0s" },
        { Sec, "1s" },
        { 2 * Sec - Ms, "1s" },
        { Min - Ms, "59s" },
        { Min, "1m" },
        { 2 * Min - Ms, "1m" },
        { Hour - Ms, "59m" },
        { Hour, "1h" },
        { 2 * Hour - Ms, "1h" },
        { Day - Ms, "23h" },
        { Day, "1d" },
        { 2 * Day - Ms, "1d" },
        { Year - Ms, "364d" },
        { Year, "1y" },
        { 2 * Year - Ms, "1y" },
        { 2 * Year, "2y" },
    };

    [Theory]
    [MemberData(nameof(TestHumanDuration))]
    public void HumanDuration_matches_upstream(TimeSpan d, string want) => Assert.Equal(want, HumanDuration.Format(d));

    [Theory]
    [MemberData(nameof(TestHumanDurationBoundaries))]
    public void HumanDuration_boundaries_match_upstream(TimeSpan d, string want) => Assert.Equal(want, HumanDuration.Format(d));

    [Theory]
    [MemberData(nameof(TestShortHumanDurationBoundaries))]
    public void ShortHumanDuration_matches_upstream(TimeSpan d, string want) => Assert.Equal(want, HumanDuration.FormatShort(d));

    /// <summary>
    /// kubernetes/kubernetes pkg/printers/internalversion/printers_test.go TestTranslateTimestampSince (the stored
    /// post-1.29 master version, see spec/printer.md), every case, with a fixed "now" instead of time.Now().
    /// </summary>
    [Fact]
    public void TranslateTimestampSince_matches_upstream()
    {
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal("<invalid>", PodPrinter.Age(now + TimeSpan.FromSeconds(2.1), now));
        Assert.Equal("0s", PodPrinter.Age(now + TimeSpan.FromSeconds(1.9), now));
        Assert.Equal("0s", PodPrinter.Age(now, now));
        Assert.Equal("<unknown>", PodPrinter.Age(null, now));
        Assert.Equal("<unknown>", PodPrinter.Age(new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero), now));
        Assert.Equal("30s", PodPrinter.Age(now - TimeSpan.FromSeconds(30), now));
        Assert.Equal("5m", PodPrinter.Age(now - TimeSpan.FromSeconds(300), now));
        Assert.Equal("100m", PodPrinter.Age(now - TimeSpan.FromSeconds(6000), now));
        Assert.Equal("2d", PodPrinter.Age(now.AddDays(-2), now));
        Assert.Equal("90d", PodPrinter.Age(now.AddDays(-90), now));
        Assert.Equal("10y", PodPrinter.Age(now - 10 * Year, now));
    }

    [Fact]
    public void Go_Sub_saturates_at_about_292_years()
    {
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal("292y", PodPrinter.Age(now.AddYears(-1000), now));
        Assert.Equal("<invalid>", PodPrinter.Age(now.AddYears(1000), now));
    }
}
