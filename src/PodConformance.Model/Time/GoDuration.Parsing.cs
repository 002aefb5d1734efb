using System.Globalization;

namespace PodConformance.Model.Time;

/// <summary>
/// Go's <c>time.ParseDuration</c> syntax (<c>1m30s</c>, <c>500ms</c>, <c>1.5h</c>), used wherever a user writes
/// a duration (scenarios, <c>--until</c>), with Go's error texts.
/// </summary>
public static partial class GoDuration
{
    public static bool TryParse(string text, out TimeSpan value, out string error)
    {
        value = TimeSpan.Zero;
        error = "";
        string quoted = "\"" + text + "\"";
        var s = text.AsSpan();
        bool negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s.SequenceEqual("0"))
        {
            return true;
        }

        if (s.IsEmpty)
        {
            error = "time: invalid duration " + quoted;
            return false;
        }

        decimal totalNanos = 0;
        while (!s.IsEmpty)
        {
            int i = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            var whole = s[..i];
            var frac = ReadOnlySpan<char>.Empty;
            if (i < s.Length && s[i] == '.')
            {
                int start = ++i;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    i++;
                }

                frac = s[start..i];
            }

            if (whole.IsEmpty && frac.IsEmpty)
            {
                error = "time: invalid duration " + quoted;
                return false;
            }

            int unitStart = i;
            while (i < s.Length && s[i] != '.' && !char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            var unit = s[unitStart..i];
            if (unit.IsEmpty)
            {
                error = "time: missing unit in duration " + quoted;
                return false;
            }

            decimal scale = unit switch
            {
                "ns" => 1m,
                "us" or "µs" or "μs" => 1_000m,
                "ms" => 1_000_000m,
                "s" => 1_000_000_000m,
                "m" => 60_000_000_000m,
                "h" => 3_600_000_000_000m,
                _ => -1m,
            };
            if (scale < 0)
            {
                error = "time: unknown unit \"" + unit.ToString() + "\" in duration " + quoted;
                return false;
            }

            if (whole.Length > 19)
            {
                error = "time: invalid duration " + quoted;
                return false;
            }

            if (frac.Length > 20)
            {
                frac = frac[..20];
            }

            decimal number = whole.IsEmpty ? 0 : decimal.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture);
            if (!frac.IsEmpty)
            {
                number += decimal.Parse(frac, NumberStyles.None, CultureInfo.InvariantCulture) / Pow10(frac.Length);
            }

            totalNanos += number * scale;
            if (totalNanos > long.MaxValue)
            {
                error = "time: invalid duration " + quoted;
                return false;
            }

            s = s[i..];
        }

        long ticks = (long)decimal.Floor(totalNanos / 100m);
        value = TimeSpan.FromTicks(negative ? -ticks : ticks);
        return true;
    }

    private static decimal Pow10(int n)
    {
        decimal p = 1;
        for (int i = 0; i < n && i < 28; i++)
        {
            p *= 10;
        }

        return p;
    }
}
