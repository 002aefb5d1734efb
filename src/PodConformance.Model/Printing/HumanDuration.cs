using System.Globalization;

namespace PodConformance.Model.Printing;

/// <summary>
/// apimachinery <c>pkg/util/duration</c>: <see cref="Format"/> is <c>HumanDuration</c>, the form of every AGE
/// cell and of the "(2m ago)" in RESTARTS (PRINT-018); <see cref="FormatShort"/> is <c>ShortHumanDuration</c>,
/// which the pod printer does not use but older kubectl and many tools do.
/// </summary>
/// <remarks>
/// Go durations are int64 nanoseconds and <c>time.Time.Sub</c> saturates at about ±292 years, so the span is
/// clamped first. The float steps (<c>d.Seconds()</c>, <c>d.Minutes()</c>, <c>d.Hours()</c>) are computed the way
/// Go computes them, whole units plus the remainder as a fraction, so truncation agrees at every boundary.
/// </remarks>
public static class HumanDuration
{
    private const long NsPerSecond = 1_000_000_000L;
    private const long NsPerMinute = 60 * NsPerSecond;
    private const long NsPerHour = 60 * NsPerMinute;
    private const long NsPerTick = 100;

    /// <summary>The largest |ticks| whose nanoseconds fit a Go <c>time.Duration</c>.</summary>
    private const long MaxTicks = long.MaxValue / NsPerTick;

    /// <summary>HumanDuration: about 2–3 significant figures ("119s", "3m10s", "70m", "3h1m", "2d1h", "2y1d").</summary>
    public static string Format(TimeSpan span)
    {
        long d = ToGoNanoseconds(span);
        long seconds = (long)GoSeconds(d);
        if (seconds < -1)
        {
            return "<invalid>";
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 60 * 2)
        {
            return Unit(seconds, "s");
        }

        long minutes = d / NsPerMinute;
        if (minutes < 10)
        {
            long s = d / NsPerSecond % 60;
            return s == 0 ? Unit(minutes, "m") : Unit(minutes, "m") + Unit(s, "s");
        }

        if (minutes < 60 * 3)
        {
            return Unit(minutes, "m");
        }

        long hours = d / NsPerHour;
        if (hours < 8)
        {
            long m = d / NsPerMinute % 60;
            return m == 0 ? Unit(hours, "h") : Unit(hours, "h") + Unit(m, "m");
        }

        if (hours < 48)
        {
            return Unit(hours, "h");
        }

        if (hours < 24 * 8)
        {
            long h = hours % 24;
            return h == 0 ? Unit(hours / 24, "d") : Unit(hours / 24, "d") + Unit(h, "h");
        }

        if (hours < 24 * 365 * 2)
        {
            return Unit(hours / 24, "d");
        }

        if (hours < 24 * 365 * 8)
        {
            long dy = hours / 24 % 365;
            return dy == 0 ? Unit(hours / 24 / 365, "y") : Unit(hours / 24 / 365, "y") + Unit(dy, "d");
        }

        return Unit(hours / 24 / 365, "y");
    }

    /// <summary>ShortHumanDuration: one unit only ("59s", "1m", "23h", "364d", "2y").</summary>
    public static string FormatShort(TimeSpan span)
    {
        long d = ToGoNanoseconds(span);
        long seconds = (long)GoSeconds(d);
        if (seconds < -1)
        {
            return "<invalid>";
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 60)
        {
            return Unit(seconds, "s");
        }

        long minutes = (long)GoMinutes(d);
        if (minutes < 60)
        {
            return Unit(minutes, "m");
        }

        long hours = (long)GoHours(d);
        if (hours < 24)
        {
            return Unit(hours, "h");
        }

        if (hours < 24 * 365)
        {
            return Unit(hours / 24, "d");
        }

        return Unit((long)(GoHours(d) / 24 / 365), "y");
    }

    /// <summary>A TimeSpan as Go nanoseconds, saturating like <c>time.Time.Sub</c>.</summary>
    internal static long ToGoNanoseconds(TimeSpan span)
    {
        long ticks = span.Ticks;
        if (ticks >= MaxTicks)
        {
            return long.MaxValue;
        }

        if (ticks <= -MaxTicks)
        {
            return long.MinValue;
        }

        return ticks * NsPerTick;
    }

    private static double GoSeconds(long d) => Split(d, NsPerSecond, 1e9);

    private static double GoMinutes(long d) => Split(d, NsPerMinute, 60e9);

    private static double GoHours(long d) => Split(d, NsPerHour, 60 * 60 * 1e9);

    /// <summary>Go's <c>float64(d/unit) + float64(d%unit)/unitNs</c>.</summary>
    private static double Split(long d, long unit, double unitNs) => (double)(d / unit) + (double)(d % unit) / unitNs;

    private static string Unit(long value, string unit) => value.ToString(CultureInfo.InvariantCulture) + unit;
}
