namespace PodConformance.Model.Quantities;

/// <summary>
/// The int64 arithmetic of apimachinery's <c>math.go</c> (1.28–1.37), written from its documented
/// behaviour. Go's overflow results are kept on purpose (a wrapped product for the 10/100/1000/10^6/10^9
/// shortcuts, 0 for the general loop), because <c>ScaledValue</c> leaks them to callers. Scales are Go
/// <c>int32</c> values: callers pass differences computed with <c>unchecked</c> wrap-around, as Go does.
/// </summary>
internal static class GoInt64
{
    /// <summary>10^0 … 10^18, every power of ten an int64 holds.</summary>
    internal static ReadOnlySpan<long> Pow10 =>
    [
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
        10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
        1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L,
    ];

    /// <summary>Exact product, or false. Like Go's <c>int64Multiply</c>: any operand equal to MinValue fails unless the other is 0 or 1.</summary>
    internal static bool TryMultiply(long a, long b, out long product)
    {
        if (a == 0 || b == 0 || a == 1 || b == 1)
        {
            product = unchecked(a * b);
            return true;
        }

        if (a == long.MinValue || b == long.MinValue)
        {
            product = 0;
            return false;
        }

        return Fits(a, b, out product);
    }

    /// <summary>Exact sum, or false (Go's <c>int64Add</c>).</summary>
    internal static bool TryAdd(long a, long b, out long sum)
    {
        sum = unchecked(a + b);
        bool overflow = (a > 0 && b > 0 && sum < 0) || (a < 0 && b < 0 && (sum > 0 || (a == long.MinValue && b == long.MinValue)));
        if (overflow)
        {
            sum = 0;
        }

        return !overflow;
    }

    /// <summary>
    /// <c>positiveScaleInt64</c>: v × 10^scale. A negative (wrapped) scale multiplies by nothing. On
    /// overflow the 1/2/3/6/9 shortcuts return the wrapped product, every other scale returns 0.
    /// </summary>
    internal static long PositiveScale(long v, int scale, out bool ok)
    {
        switch (scale)
        {
            case 1 or 2 or 3 or 6 or 9:
                return ScaleShortcut(v, Pow10[scale], out ok);
            case <= 0:
                ok = true;
                return v;
        }

        if (v == 0)
        {
            ok = true;
            return 0;
        }

        // Go multiplies by ten one step at a time and gives up with 0 at the first overflow; the
        // magnitude only grows, so "some step overflows" is "the whole product overflows".
        if (scale < Pow10.Length && v != long.MinValue && Fits(v, Pow10[scale], out long product))
        {
            ok = true;
            return product;
        }

        ok = false;
        return 0;
    }

    /// <summary>
    /// <c>negativeScaleInt64</c>: v / 10^scale rounded away from zero; <paramref name="exact"/> is false
    /// when digits were dropped. A non-positive (wrapped) scale leaves v unchanged.
    /// </summary>
    internal static long NegativeScale(long v, int scale, out bool exact)
    {
        exact = true;
        if (scale <= 0 || v == 0)
        {
            return v;
        }

        long away = v > 0 ? 1 : -1;
        if (scale >= Pow10.Length)
        {
            exact = false;
            return away;
        }

        long quotient = v / Pow10[scale];
        if (v % Pow10[scale] == 0)
        {
            return quotient;
        }

        exact = false;
        return quotient + away;
    }

    /// <summary>
    /// Strips factors of <paramref name="divisor"/> while the magnitude is at least the divisor
    /// (<c>removeInt64Factors</c>). MinValue has no positive magnitude in int64 and is left alone, as in Go.
    /// </summary>
    internal static long RemoveFactors(long value, long divisor, out int times)
    {
        times = 0;
        if (value == long.MinValue)
        {
            return value;
        }

        long magnitude = Math.Abs(value);
        while (magnitude >= divisor && magnitude % divisor == 0)
        {
            magnitude /= divisor;
            times++;
        }

        return value < 0 ? -magnitude : magnitude;
    }

    /// <summary>Number of decimal digits of a magnitude (1 for 0).</summary>
    internal static int DigitCount(ulong magnitude)
    {
        int digits = 1;
        ulong power = 10;
        while (magnitude >= power)
        {
            digits++;
            if (digits == 20)
            {
                return digits;
            }

            power *= 10;
        }

        return digits;
    }

    internal static ulong Magnitude(long v) => v < 0 ? unchecked((ulong)(-v)) : (ulong)v;

    private static long ScaleShortcut(long v, long factor, out bool ok)
    {
        if (v == 0 || v == 1)
        {
            ok = true;
            return v * factor;
        }

        if (v == long.MinValue)
        {
            ok = false;
            return 0;
        }

        ok = Fits(v, factor, out long product);
        return product;
    }

    private static bool Fits(long a, long b, out long product)
    {
        long high = Math.BigMul(a, b, out product);
        return high == (product >> 63);
    }
}
