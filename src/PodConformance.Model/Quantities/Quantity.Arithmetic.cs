namespace PodConformance.Model.Quantities;

/// <summary>
/// Go's <c>Add</c>, <c>Sub</c>, <c>Neg</c>: exact, results are never cached text, a zero receiver adopts
/// the other operand's Format. The int64 form falls back to the decimal form on overflow; Go's int32
/// scale differences and int64 negation wrap exactly as upstream does.
/// </summary>
public readonly partial struct Quantity
{
    public Quantity Add(Quantity other)
    {
        var format = _format;
        if (!IsDecimal && !other.IsDecimal)
        {
            if (_value == 0)
            {
                format = other._format;
            }

            if (TryAddInt64(_value, _scale, other._value, other._scale, out long value, out int scale, out var defects))
            {
                return new Quantity(value, scale, format, null, defects);
            }
        }
        else if (IsZero)
        {
            format = other._format;
        }

        return new Quantity(BigAmount.Add(AsBig(), other.AsBig()), format);
    }

    public Quantity Sub(Quantity other)
    {
        var format = IsZero ? other._format : _format;
        if (!IsDecimal && !other.IsDecimal &&
            TryAddInt64(_value, _scale, unchecked(-other._value), other._scale, out long value, out int scale, out var defects))
        {
            return new Quantity(value, scale, format, null, defects);
        }

        return new Quantity(BigAmount.Add(AsBig(), other.AsBig().Negate()), format);
    }

    /// <summary>Go's <c>Neg</c>; on the int64 form MinValue stays MinValue, as Go's negation wraps.</summary>
    public Quantity Negate() =>
        !IsDecimal ? new Quantity(unchecked(-_value), _scale, _format) : new Quantity(AsBig().Negate(), _format);

    public static Quantity operator +(Quantity left, Quantity right) => left.Add(right);

    public static Quantity operator -(Quantity left, Quantity right) => left.Sub(right);

    public static Quantity operator -(Quantity value) => value.Negate();

    /// <summary>
    /// <c>int64Amount.Add</c>: a zero operand short-cuts, otherwise the larger scale is brought down to the
    /// smaller one; false on overflow. The scale difference is an int32 and may wrap, as in Go.
    /// </summary>
    private static bool TryAddInt64(long a, int sa, long b, int sb, out long value, out int scale, out QuantityDefects defects)
    {
        defects = QuantityDefects.None;
        (value, scale) = (a, sa);
        if (b == 0)
        {
            return true;
        }

        if (a == 0)
        {
            (value, scale) = (b, sb);
            return true;
        }

        if (sa == sb)
        {
            return GoInt64.TryAdd(a, b, out value);
        }

        bool aLarger = sa > sb;
        int difference = aLarger ? unchecked(sa - sb) : unchecked(sb - sa);
        if (difference < 0)
        {
            defects = QuantityDefects.ExponentTruncated;
        }

        long scaled = GoInt64.PositiveScale(aLarger ? a : b, difference, out bool ok);
        if (!ok || !GoInt64.TryAdd(scaled, aLarger ? b : a, out value))
        {
            (value, scale) = (a, sa);
            return false;
        }

        scale = aLarger ? sb : sa;
        return true;
    }
}
