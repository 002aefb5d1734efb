using System.Numerics;

namespace PodConformance.Model.Quantities;

/// <summary>
/// Go's <c>scaledValue</c> for decimal-backed quantities, including its representation-dependent
/// rounding and its wrap-around, answered without materialising Go's unscaled integer
/// (apimachinery pkg/api/resource/scale_int.go, identical in v0.28.0 … v0.37.0-beta.0 and master).
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

        if (shift < 19 && TakesFastPath(power, out long unscaled))
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

    /// <summary>
    /// Go's fast-path test <c>unscaled.Cmp(maxInt64) &lt; 0</c> is a signed comparison, so every negative unscaled
    /// integer passes it, however large; Go then reads it with <c>big.Int.Int64()</c>, which for a magnitude above
    /// 2^63 keeps the low 64 bits (negated). <paramref name="unscaled"/> is that int64.
    /// </summary>
    private bool TakesFastPath(long power, out long unscaled)
    {
        if (Sign < 0)
        {
            unscaled = Low64(Coefficient, power);
            return true;
        }

        return UnscaledBelowMaxInt64(power, out unscaled);
    }

    /// <summary>
    /// True when <c>ScaledValue(scale)</c> takes Go's scale-down fast path with a negative unscaled integer below
    /// -2^63, whose low 64 bits Go divides instead of the value (QuantityDefects.NegativeFastPathWraps).
    /// </summary>
    public bool WrapsOnFastPath(int scale)
    {
        if (Sign >= 0)
        {
            return false;
        }

        long target = unchecked((int)unchecked(-(long)scale));
        long shift = GoScale - target;
        long power = Exponent + GoScale;
        if (shift <= 0 || shift >= 19 || power < 0)
        {
            return false;
        }

        long digits = Digits + power; // decimal digits of |unscaled|
        if (digits != 19)
        {
            return digits > 19;
        }

        return BigInteger.Abs(Coefficient) * BigInteger.Pow(10, (int)power) > TwoTo63;
    }

    private static readonly BigInteger TwoTo63 = BigInteger.One << 63;

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
