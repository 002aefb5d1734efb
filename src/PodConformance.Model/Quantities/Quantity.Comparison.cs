namespace PodConformance.Model.Quantities;

/// <summary>
/// Go's <c>Cmp</c>/<c>Equal</c>: exact numeric order, Format and representation never matter. Go
/// aligns scales by writing 10^difference out (and panics on a wrapped int32 scale difference); the model
/// decides by sign and decimal order first, so it always answers, and answers exactly.
/// </summary>
public readonly partial struct Quantity
{
    public int CompareTo(Quantity other)
    {
        // The int64 and the compact decimal form both hold coefficient × 10^exponent in (_value, _scale).
        if (_big is null && other._big is null)
        {
            return CompareScaled(_value, _scale, other._value, other._scale);
        }

        return BigAmount.Compare(AsBig(), other.AsBig());
    }

    /// <summary>Numeric equality (<c>Cmp == 0</c>): <c>1Gi</c>, <c>1024Mi</c> and <c>1073741824</c> are equal.</summary>
    public bool Equals(Quantity other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is Quantity other && Equals(other);

    /// <summary>
    /// <see cref="Equals(Quantity)"/> of two values read in place (inside map entries on the admission hot path: no copy
    /// of either); the common case, two int64-form values at the same scale, without a call.
    /// </summary>
    internal static bool EqualInPlace(in Quantity a, in Quantity b) =>
        a._big is null && b._big is null && a._scale == b._scale ? a._value == b._value : a.CompareTo(b) == 0;

    /// <summary><see cref="CompareTo"/> of two values read in place (see <see cref="EqualInPlace"/>).</summary>
    internal static int CompareInPlace(in Quantity a, in Quantity b) =>
        a._big is null && b._big is null ? CompareScaled(a._value, a._scale, b._value, b._scale) : a.CompareTo(b);

    /// <summary>Hash of the normalised value (digits without trailing zeros, exponent), so equal values hash alike.</summary>
    public override int GetHashCode()
    {
        if (IsZero)
        {
            return 0;
        }

        if (_big is null)
        {
            long mantissa = GoInt64.RemoveFactors(_value, 10, out int times);
            return HashCode.Combine(mantissa, (long)_scale + times);
        }

        var big = AsBig();
        var c = big.Coefficient;
        return c >= long.MinValue && c <= long.MaxValue
            ? HashCode.Combine((long)c, big.Exponent)
            : HashCode.Combine(c.GetHashCode(), big.Exponent);
    }

    /// <summary>Go's <c>CmpInt64</c>.</summary>
    public int CompareToInt64(long value) =>
        _big is null ? CompareScaled(_value, _scale, value, 0) : BigAmount.Compare(AsBig(), BigAmount.FromInt64(value, 0));

    public static bool operator ==(Quantity left, Quantity right) => left.Equals(right);

    public static bool operator !=(Quantity left, Quantity right) => !left.Equals(right);

    public static bool operator <(Quantity left, Quantity right) => left.CompareTo(right) < 0;

    public static bool operator >(Quantity left, Quantity right) => left.CompareTo(right) > 0;

    public static bool operator <=(Quantity left, Quantity right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Quantity left, Quantity right) => left.CompareTo(right) >= 0;

    /// <summary>Exact comparison of a×10^sa with b×10^sb without leaving 128-bit integers.</summary>
    private static int CompareScaled(long a, int sa, long b, int sb)
    {
        if (sa == sb)
        {
            return a.CompareTo(b);
        }

        int signA = Math.Sign(a);
        int signB = Math.Sign(b);
        if (signA != signB || signA == 0)
        {
            return signA.CompareTo(signB);
        }

        long orderA = GoInt64.DigitCount(GoInt64.Magnitude(a)) + (long)sa;
        long orderB = GoInt64.DigitCount(GoInt64.Magnitude(b)) + (long)sb;
        if (orderA != orderB)
        {
            return orderA > orderB ? signA : -signA;
        }

        // Same order: the scales differ by at most 18, so both sides fit Int128 once aligned.
        Int128 x = a;
        Int128 y = b;
        if (sa > sb)
        {
            x *= GoInt64.Pow10[sa - sb];
        }
        else
        {
            y *= GoInt64.Pow10[sb - sa];
        }

        return x.CompareTo(y);
    }
}
