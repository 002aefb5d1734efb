using System.Globalization;

namespace PodConformance.Model.Time;

/// <summary>
/// Go's <c>time.Duration.String()</c> (<c>1h2m3.5s</c>, <c>717ms</c>, <c>1.1µs</c>, <c>0s</c>): the form the kubelet
/// prints durations in event messages with <c>%v</c>, so the model's messages match to the character.
/// </summary>
/// <remarks>
/// Go durations are int64 nanoseconds; a <see cref="TimeSpan"/> has 100 ns ticks, so every TimeSpan is exact
/// here, and spans beyond Go's range saturate like <c>time.Time.Sub</c>. <see cref="FormatNanoseconds"/> takes
/// the Go value itself, for the cases a TimeSpan cannot hold (1 ns, ±2^63 ns).
/// </remarks>
public static class GoDurationFormat
{
    private const long NanosPerTick = 100;
    private const ulong NanosPerMicrosecond = 1_000;
    private const ulong NanosPerMillisecond = 1_000_000;
    private const ulong NanosPerSecond = 1_000_000_000;

    public static string Format(TimeSpan span) => FormatNanoseconds(ToNanoseconds(span));

    /// <summary>Go's <c>Duration.Truncate(time.Millisecond)</c>, which the kubelet applies before printing pull times (1.30+).</summary>
    public static TimeSpan TruncateToMilliseconds(TimeSpan span) =>
        TimeSpan.FromTicks(span.Ticks - (span.Ticks % TimeSpan.TicksPerMillisecond));

    /// <summary>The nanosecond count Go would hold, saturating at the int64 range.</summary>
    public static long ToNanoseconds(TimeSpan span)
    {
        const long maxTicks = long.MaxValue / NanosPerTick;
        if (span.Ticks > maxTicks)
        {
            return long.MaxValue;
        }

        if (span.Ticks < -maxTicks)
        {
            return long.MinValue;
        }

        return span.Ticks * NanosPerTick;
    }

    public static string FormatNanoseconds(long nanoseconds)
    {
        if (nanoseconds == 0)
        {
            return "0s";
        }

        bool negative = nanoseconds < 0;
        // Negating long.MinValue wraps to itself; as ulong that is exactly 2^63, the magnitude wanted.
        ulong u = negative ? unchecked((ulong)(-nanoseconds)) : (ulong)nanoseconds;
        string body;
        if (u < NanosPerSecond)
        {
            // Below one second Go switches to the largest unit that keeps an integer part: ns, µs or ms.
            if (u < NanosPerMicrosecond)
            {
                body = Digits(u) + "ns";
            }
            else if (u < NanosPerMillisecond)
            {
                body = WithFraction(u, NanosPerMicrosecond, 3) + "\u00b5s";
            }
            else
            {
                body = WithFraction(u, NanosPerMillisecond, 6) + "ms";
            }
        }
        else
        {
            string seconds = WithFraction(u % (60 * NanosPerSecond), NanosPerSecond, 9) + "s";
            ulong minutes = u / (60 * NanosPerSecond);
            if (minutes == 0)
            {
                body = seconds;
            }
            else
            {
                ulong hours = minutes / 60;
                body = hours == 0
                    ? Digits(minutes) + "m" + seconds
                    : Digits(hours) + "h" + Digits(minutes % 60) + "m" + seconds;
            }
        }

        return negative ? "-" + body : body;
    }

    /// <summary>Integer part, then the fraction with trailing zeros dropped (no point at all when it is zero).</summary>
    private static string WithFraction(ulong value, ulong unit, int digits)
    {
        string whole = Digits(value / unit);
        ulong frac = value % unit;
        if (frac == 0)
        {
            return whole;
        }

        string fraction = frac.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
        return whole + "." + fraction;
    }

    private static string Digits(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
