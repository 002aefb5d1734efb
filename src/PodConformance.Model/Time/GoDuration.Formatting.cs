using System.Globalization;

namespace PodConformance.Model.Time;

/// <summary>
/// Go's <c>time.Duration.String()</c>, because the kubelet prints backoff delays with it
/// (<c>back-off 5m0s restarting failed container=…</c>): <c>0s</c>, <c>1.5ms</c>, <c>10s</c>, <c>1m20s</c>, <c>1h0m0s</c>.
/// </summary>
public static partial class GoDuration
{
    private const long NanosPerMicro = 1_000;
    private const long NanosPerMilli = 1_000_000;
    private const long NanosPerSecond = 1_000_000_000;

    /// <summary>Go's <c>Duration.Truncate(time.Millisecond)</c>, which the kubelet applies before printing pull times (1.30+).</summary>
    public static TimeSpan TruncateToMilliseconds(TimeSpan span) =>
        TimeSpan.FromTicks(span.Ticks - (span.Ticks % TimeSpan.TicksPerMillisecond));

    /// <summary>A <see cref="TimeSpan"/> as Go prints it; a tick is 100 ns, so every TimeSpan is exact in Go.</summary>
    public static string Format(TimeSpan duration) => FormatNanoseconds(ToNanoseconds(duration));

    /// <summary>The nanosecond count Go would hold, saturating at the int64 range (TimeSpan reaches further).</summary>
    public static long ToNanoseconds(TimeSpan span)
    {
        const long maxTicks = long.MaxValue / 100;
        if (span.Ticks > maxTicks)
        {
            return long.MaxValue;
        }

        return span.Ticks < -maxTicks ? long.MinValue : span.Ticks * 100;
    }

    /// <summary>Go's Duration is an int64 count of nanoseconds; this prints any such count.</summary>
    public static string FormatNanoseconds(long nanoseconds)
    {
        bool negative = nanoseconds < 0;
        ulong u = negative ? (ulong)(-(nanoseconds + 1)) + 1 : (ulong)nanoseconds;
        var text = new System.Text.StringBuilder(24);
        if (u < NanosPerSecond)
        {
            if (u == 0)
            {
                return "0s";
            }

            if (u < NanosPerMicro)
            {
                text.Append(u.ToString(CultureInfo.InvariantCulture)).Append("ns");
            }
            else if (u < NanosPerMilli)
            {
                AppendFraction(text, u, 3);
                text.Append("\u00b5s");
            }
            else
            {
                AppendFraction(text, u, 6);
                text.Append("ms");
            }
        }
        else
        {
            ulong seconds = u / NanosPerSecond;
            ulong frac = u % NanosPerSecond;
            ulong hours = seconds / 3600;
            ulong minutes = seconds / 60 % 60;
            ulong secs = seconds % 60;
            if (hours > 0)
            {
                text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
            }

            if (seconds >= 60)
            {
                text.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
            }

            AppendFraction(text, (secs * NanosPerSecond) + frac, 9);
            text.Append('s');
        }

        return negative ? "-" + text : text.ToString();
    }

    /// <summary>value / 10^digits with the fraction's trailing zeros (and a bare point) dropped, as Go's fmtFrac.</summary>
    private static void AppendFraction(System.Text.StringBuilder text, ulong value, int digits)
    {
        ulong scale = 1;
        for (int i = 0; i < digits; i++)
        {
            scale *= 10;
        }

        text.Append((value / scale).ToString(CultureInfo.InvariantCulture));
        ulong frac = value % scale;
        if (frac == 0)
        {
            return;
        }

        string padded = frac.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
        text.Append('.').Append(padded.AsSpan().TrimEnd('0'));
    }
}
