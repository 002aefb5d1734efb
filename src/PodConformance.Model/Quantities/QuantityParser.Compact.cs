namespace PodConformance.Model.Quantities;

/// <summary>
/// The decimal path for short inputs (≤ 18 digits, modest exponents) done in 128-bit integers, so values
/// such as <c>1.5Gi</c> or <c>0.0000000001</c> parse without allocating. Anything unusual (capping,
/// wrapped exponents, long digit strings) is left to the BigInteger path.
/// </summary>
internal static partial class SlowPath
{
    private const int CompactExponentLimit = 1000;

    private static bool TryCompact(ReadOnlySpan<char> s, in QuantityParser.Parts p, in SuffixInfo suffix, out Quantity quantity)
    {
        quantity = default;
        if (p.CountedDigits > 18 || suffix.Exponent is > CompactExponentLimit or < -CompactExponentLimit)
        {
            return false;
        }

        Int128 magnitude = 0;
        foreach (char c in s[p.IntStart..p.IntEnd])
        {
            magnitude = (magnitude * 10) + (c - '0');
        }

        foreach (char c in s[p.FracStart..p.FracEnd])
        {
            magnitude = (magnitude * 10) + (c - '0');
        }

        long exponent = -(long)p.FracDigits;
        if (suffix.Base == 2)
        {
            magnitude <<= suffix.Exponent; // < 10^18 × 2^60, fits
        }
        else
        {
            exponent += suffix.Exponent;
        }

        if (magnitude == 0)
        {
            quantity = Quantity.FromParsedCompact(0, 0, suffix.Format, suffix.Defects);
            return true;
        }

        while (magnitude % 10 == 0)
        {
            magnitude /= 10;
            exponent++;
        }

        if (exponent < -9)
        {
            // Round away from zero to whole nanos, as parsing does.
            long drop = -9 - exponent;
            magnitude = drop >= 39 ? 1 : CeilDivPow10(magnitude, (int)drop);
            exponent = -9;
        }

        if (magnitude > long.MaxValue || !FitsInt64(magnitude, exponent))
        {
            return false; // huge, or a BinarySI value to cap: the exact path handles it
        }

        var format = suffix.Format;
        if (format == QuantityFormat.BinarySI && exponent < 0 && magnitude < Pow10(-exponent))
        {
            format = QuantityFormat.DecimalSI; // 0 < |v| < 1
        }

        long coefficient = (long)magnitude;
        quantity = Quantity.FromParsedCompact(p.Negative ? -coefficient : coefficient, (int)exponent, format, suffix.Defects);
        return true;
    }

    private static Int128 CeilDivPow10(Int128 value, int digits)
    {
        var divisor = Pow10(digits);
        var quotient = value / divisor;
        return value % divisor == 0 ? quotient : quotient + 1;
    }

    /// <summary>Whether m × 10^e ≤ 2^63-1 (also the BinarySI cap).</summary>
    private static bool FitsInt64(Int128 m, long e)
    {
        if (e <= 0)
        {
            return true;
        }

        return e <= 18 && m * Pow10((int)e) <= long.MaxValue;
    }

    private static Int128 Pow10(long n)
    {
        if (n > 38)
        {
            return Int128.MaxValue;
        }

        Int128 result = 1;
        for (int i = 0; i < n; i++)
        {
            result *= 10;
        }

        return result;
    }
}
