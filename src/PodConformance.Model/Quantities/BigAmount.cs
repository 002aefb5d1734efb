using System.Numerics;

namespace PodConformance.Model.Quantities;

/// <summary>
/// An exact decimal, Coefficient × 10^Exponent, standing in for Go's <c>inf.Dec</c>. Go keeps the value
/// as an unscaled integer at a scale (usually 9 after parsing) and materialises 10^|scale difference|
/// whenever scales meet; with a parsed exponent near 2^31 that never finishes. Here the coefficient has
/// no trailing zeros and the exponent is a separate 64-bit number, so magnitudes are reasoned about
/// instead of written out. <see cref="GoScale"/> remembers the scale Go would hold, because
/// <c>ScaledValue</c>'s rounding and overflow depend on that representation, not only on the value.
/// </summary>
internal sealed partial class BigAmount
{
    private int _digits;

    private BigAmount(BigInteger coefficient, long exponent, long goScale, int digits, string? digitText = null)
    {
        Coefficient = coefficient;
        Exponent = exponent;
        GoScale = goScale;
        _digits = digitText?.Length ?? digits;
        DigitText = digitText;
    }

    /// <summary>
    /// The decimal digits of |Coefficient| when the parser already had them (long inputs): printing uses them instead
    /// of BigInteger.ToString, which is quadratic in the digit count (a million digits took minutes).
    /// </summary>
    public string? DigitText { get; }

    /// <summary>The same value with its digits known (the caller guarantees they are |Coefficient|'s, no leading zeros).</summary>
    public BigAmount WithDigitText(string digits) => new(Coefficient, Exponent, GoScale, digits.Length, digits);

    /// <summary>The value's digits without trailing zeros (0 for zero).</summary>
    public BigInteger Coefficient { get; }

    /// <summary>Power of ten applied to <see cref="Coefficient"/>.</summary>
    public long Exponent { get; }

    /// <summary>Go's <c>inf.Dec</c> scale: Go's unscaled integer is Coefficient × 10^(Exponent + GoScale).</summary>
    public long GoScale { get; }

    public int Sign => Coefficient.Sign;

    /// <summary>Decimal digits of |Coefficient|, computed once.</summary>
    public int Digits => _digits > 0 ? _digits : _digits = DigitCount(Coefficient);

    /// <summary>Decimal order: 10^(Order-1) ≤ |value| &lt; 10^Order for non-zero values.</summary>
    public long Order => Digits + Exponent;

    /// <summary>Builds a value, moving trailing zeros of <paramref name="coefficient"/> into the exponent.</summary>
    public static BigAmount Create(BigInteger coefficient, long exponent, long goScale)
    {
        if (coefficient.IsZero)
        {
            return new BigAmount(BigInteger.Zero, 0, goScale, 1);
        }

        int zeros = 0;
        while (true)
        {
            var quotient = BigInteger.DivRem(coefficient, 1_000_000_000_000_000_000L, out var remainder);
            if (!remainder.IsZero)
            {
                break;
            }

            coefficient = quotient;
            zeros += 18;
        }

        while (true)
        {
            var quotient = BigInteger.DivRem(coefficient, 10, out var remainder);
            if (!remainder.IsZero)
            {
                break;
            }

            coefficient = quotient;
            zeros++;
        }

        return new BigAmount(coefficient, exponent + zeros, goScale, 0);
    }

    /// <summary>Go's <c>int64Amount.AsDec</c>: the same value at inf scale -scale.</summary>
    public static BigAmount FromInt64(long value, int scale) => Create(value, scale, -(long)scale);

    public BigAmount Negate() => new(-Coefficient, Exponent, GoScale, _digits, DigitText);

    public BigAmount WithGoScale(long goScale) => new(Coefficient, Exponent, goScale, _digits, DigitText);

    /// <summary>Exact number of decimal digits of |value| (1 for 0).</summary>
    internal static int DigitCount(BigInteger value)
    {
        value = BigInteger.Abs(value);
        if (value <= ulong.MaxValue)
        {
            return GoInt64.DigitCount((ulong)value);
        }

        // |v| in [2^(bits-1), 2^bits) has either lower or lower+1 digits.
        long bits = (long)value.GetBitLength();
        int lower = (int)Math.Floor((bits - 1) * 0.30102999566398119521) + 1;
        return value >= BigInteger.Pow(10, lower) ? lower + 1 : lower;
    }
}
