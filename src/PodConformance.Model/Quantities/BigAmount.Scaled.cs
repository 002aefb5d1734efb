using System.Numerics;

namespace PodConformance.Model.Quantities;

/// <summary>
/// Go's <c>scaledValue</c> for decimal-backed quantities, including its representation-dependent
/// rounding and its wrap-around, answered without materialising Go's unscaled integer.
/// </summary>
internal sealed partial class BigAmount
{
    /// <summary>ceil-ish(value / 10^scale) exactly as Go computes it, low 64 bits on overflow.</summary>
    public long GoScaledValue(int scale)
    {
        long target = unchecked(-scale); // Go: int(Scale(scale).infScale()), an int32 negation
        target = unchecked((int)target);
        long shift = GoScale - target;
        long power = Exponent + GoScale; // Go's unscaled = Coefficient × 10^power
        if (shift == 0)
        {
            return Low64(Coefficient, power);
        }

        if (shift < 0)
        {
            return unchecked(Low64(Coefficient, power) * GoPow10AsInt64(-shift));
        }

        if (shift < 19 && UnscaledBelowMaxInt64(power, out long unscaled))
        {
            // Go's fast branch: truncating division, then +1 for any remainder, whatever the sign.
            long divisor = GoInt64.Pow10[(int)shift];
            long quotient = unscaled / divisor;
            return unscaled % divisor != 0 ? quotient + 1 : quotient;
        }

        // Go's big branch: floor division (Euclidean DivMod by a positive divisor), +1 for a remainder.
        if (shift <= power)
        {
            return Low64(Coefficient, power - shift);
        }

        long drop = shift - power;
        if (drop >= Digits)
        {
            return Sign > 0 ? 1 : 0;
        }

        var floor = BigInteger.DivRem(Coefficient, BigInteger.Pow(10, (int)drop), out var remainder);
        if (remainder.IsZero)
        {
            return Low64(floor, 0);
        }

        if (remainder.Sign < 0)
        {
            floor -= 1;
        }

        return unchecked(Low64(floor, 0) + 1);
    }

    /// <summary>Go's <c>big.Int.Int64()</c> of c × 10^power: the low 64 bits of the magnitude, negated for negatives.</summary>
    private static long Low64(BigInteger c, long power)
    {
        if (c.IsZero || power >= 64)
        {
            return 0; // 10^64 = 2^64 × 5^64 vanishes modulo 2^64
        }

        ulong low = (ulong)(BigInteger.Abs(c) & ulong.MaxValue);
        for (long i = 0; i < power; i++)
        {
            low = unchecked(low * 10);
        }

        return c.Sign < 0 ? unchecked(-(long)low) : unchecked((long)low);
    }

    /// <summary>Go's <c>int64(math.Pow10(n))</c> on amd64: exact up to 10^18, MinValue once out of range.</summary>
    private static long GoPow10AsInt64(long n) => n < GoInt64.Pow10.Length ? GoInt64.Pow10[(int)n] : long.MinValue;

    private bool UnscaledBelowMaxInt64(long power, out long unscaled)
    {
        unscaled = 0;
        if (power < 0 || Digits + power > 19)
        {
            return false;
        }

        var value = Coefficient * BigInteger.Pow(10, (int)power);
        if (BigInteger.Abs(value) >= long.MaxValue)
        {
            return false;
        }

        unscaled = (long)value;
        return true;
    }
}
