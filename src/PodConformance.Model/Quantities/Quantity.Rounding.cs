namespace PodConformance.Model.Quantities;

/// <summary>
/// Go's <c>RoundUp(scale)</c>, which API defaulting applies to every resource list (milli scale). On the
/// int64 form a value already at that precision is returned unchanged, echoed text included; otherwise it
/// rounds away from zero and the echoed text is dropped. On the decimal form the text is always dropped,
/// even when nothing changes (apimachinery quantity.go, 1.28–1.37).
/// </summary>
public readonly partial struct Quantity
{
    public Quantity RoundUp(int scale) => RoundUp(scale, out _);

    /// <summary>Whether <see cref="RoundUp(int)"/> returns this very value (int64 form already at that precision).</summary>
    internal bool RoundsUpToItself(int scale) => !IsDecimal && _scale >= scale;

    public Quantity RoundUp(int scale, out bool exact)
    {
        if (IsDecimal)
        {
            return new Quantity(AsBig().RoundUpToScale(scale, out exact), _format);
        }

        if (_scale >= scale)
        {
            exact = true;
            return this;
        }

        long value = GoInt64.NegativeScale(_value, unchecked(scale - _scale), out exact);
        return new Quantity(value, scale, _format);
    }
}
