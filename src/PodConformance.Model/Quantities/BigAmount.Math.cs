using System.Numerics;

namespace PodConformance.Model.Quantities;

/// <summary>Exact comparison, addition and nano rounding, all bounded by the digits actually present.</summary>
internal sealed partial class BigAmount
{
    /// <summary>
    /// Largest coefficient an addition may produce. Go would write the aligned operands out in full
    /// (and, for exponents near 2^31, never finish); past this width the model refuses instead.
    /// </summary>
    internal const int MaxExactDigits = 200_000;

    /// <summary>Exact numeric comparison: signs, then decimal orders, and only then aligned digits.</summary>
    public static int Compare(BigAmount a, BigAmount b)
    {
        if (a.Sign != b.Sign)
        {
            return a.Sign < b.Sign ? -1 : 1;
        }

        if (a.Sign == 0)
        {
            return 0;
        }

        if (a.Order != b.Order)
        {
            return a.Order > b.Order ? a.Sign : -a.Sign;
        }

        // Equal orders: the exponents differ by less than the wider coefficient's digits.
        long shift = a.Exponent - b.Exponent;
        BigInteger x = a.Coefficient;
        BigInteger y = b.Coefficient;
        if (shift > 0)
        {
            x *= BigInteger.Pow(10, (int)shift);
        }
        else if (shift < 0)
        {
            y *= BigInteger.Pow(10, (int)-shift);
        }

        return x.CompareTo(y);
    }

    /// <summary>Exact sum at Go's result scale max(scales), as <c>inf.Dec.Add</c> would hold it.</summary>
    public static BigAmount Add(BigAmount a, BigAmount b)
    {
        long goScale = Math.Max(a.GoScale, b.GoScale);
        if (a.Sign == 0)
        {
            return b.WithGoScale(goScale);
        }

        if (b.Sign == 0)
        {
            return a.WithGoScale(goScale);
        }

        long exponent = Math.Min(a.Exponent, b.Exponent);
        long shiftA = a.Exponent - exponent;
        long shiftB = b.Exponent - exponent;
        if (shiftA + a.Digits > MaxExactDigits || shiftB + b.Digits > MaxExactDigits)
        {
            throw new QuantityRangeException(
                "quantities of order 10^" + (a.Order - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) +
                " and 10^" + (b.Order - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) +
                " are too far apart to add exactly (the sum needs more than " +
                MaxExactDigits.ToString(System.Globalization.CultureInfo.InvariantCulture) + " digits)");
        }

        var sum = (a.Coefficient * BigInteger.Pow(10, (int)shiftA)) + (b.Coefficient * BigInteger.Pow(10, (int)shiftB));
        return Create(sum, exponent, goScale);
    }

    /// <summary>
    /// Rounds away from zero to a multiple of 10^-9, as parsing does (<c>inf.RoundUp</c> at scale 9), so
    /// any non-zero value keeps at least one nano. Work is bounded by the coefficient's digits, however
    /// small the exponent.
    /// </summary>
    public BigAmount RoundUpToNano()
    {
        const long nano = -9;
        if (Sign == 0 || Exponent >= nano)
        {
            return WithGoScale(9);
        }

        long drop = nano - Exponent;
        if (drop >= Digits)
        {
            return Create(Sign, nano, 9);
        }

        var quotient = BigInteger.DivRem(Coefficient, BigInteger.Pow(10, (int)drop), out var remainder);
        if (!remainder.IsZero)
        {
            quotient += Sign;
        }

        return Create(quotient, nano, 9);
    }

    /// <summary>Whether 0 &lt; |value| &lt; 1.</summary>
    public bool IsProperFraction => Sign != 0 && Order <= 0;

    /// <summary>Whether |value| exceeds <paramref name="limit"/>.</summary>
    public bool MagnitudeExceeds(long limit) => Compare(Create(BigInteger.Abs(Coefficient), Exponent, 0), Create(limit, 0, 0)) > 0;
}
