namespace PodConformance.Model.Quantities;

/// <summary>
/// Kubernetes' <c>resource.Quantity</c> (k8s.io/apimachinery pkg/api/resource, 1.28–1.37), exact and
/// bug-compatible: it parses, prints, rounds and overflows as the API server does, and reports the
/// upstream defects that touched a value in <see cref="Defects"/>.
/// </summary>
/// <remarks>
/// Like Go, a value is held either as an int64 times a power of ten (the fast path, no allocation) or as
/// an exact decimal (<see cref="BigAmount"/>). The choice is observable: rounding of negative values,
/// overflow results and <see cref="AsInt64"/> differ between the two, so the model keeps Go's choice.
/// <c>default(Quantity)</c> is Go's zero <c>Quantity{}</c>: value 0, prints <c>0</c>.
/// </remarks>
public readonly partial struct Quantity : IEquatable<Quantity>, IComparable<Quantity>
{
    private readonly long _value;
    private readonly int _scale;
    private readonly BigAmount? _big;
    private readonly bool _compactDecimal;
    private readonly int _goScale;
    private readonly string? _text;
    private readonly QuantityFormat _format;
    private readonly QuantityDefects _defects;

    private Quantity(long value, int scale, QuantityFormat format, string? text = null, QuantityDefects defects = QuantityDefects.None)
    {
        _value = value;
        _scale = scale;
        _big = null;
        _compactDecimal = false;
        _goScale = 0;
        _text = text;
        _format = format;
        _defects = defects;
    }

    /// <summary>
    /// A decimal-backed value (Go's inf.Dec) small enough to keep in the int64 fields, so parsing
    /// <c>1.5Gi</c> allocates nothing; it behaves exactly like the <see cref="BigAmount"/> it stands for.
    /// </summary>
    private Quantity(long coefficient, int exponent, int goScale, QuantityFormat format, QuantityDefects defects)
    {
        _value = coefficient;
        _scale = exponent;
        _big = null;
        _compactDecimal = true;
        _goScale = goScale;
        _text = null;
        _format = format;
        _defects = defects;
    }

    private Quantity(BigAmount big, QuantityFormat format, QuantityDefects defects = QuantityDefects.None)
    {
        _value = 0;
        _scale = 0;
        _big = big;
        _compactDecimal = false;
        _goScale = 0;
        _text = null;
        _format = format;
        _defects = defects;
    }

    /// <summary>Zero, as Go's <c>Quantity{}</c> (its empty Format prints like DecimalExponent).</summary>
    public static Quantity Zero => default;

    /// <summary>The suffix family this value prints in.</summary>
    public QuantityFormat Format => _format;

    /// <summary>Upstream defects that affect this value (see <see cref="QuantityDefects"/>).</summary>
    public QuantityDefects Defects => _defects | ComputedDefects();

    public bool IsZero => _big is null ? _value == 0 : _big.Sign == 0;

    /// <summary>-1, 0 or 1.</summary>
    public int Sign => _big is null ? Math.Sign(_value) : _big.Sign;

    /// <summary>The value as an exact decimal, converting the int64 form the way Go's <c>AsDec</c> does.</summary>
    internal BigAmount AsBig() => Dec ?? BigAmount.FromInt64(_value, _scale);

    /// <summary>Held as Go's inf.Dec (either form).</summary>
    private bool IsDecimal => _big is not null || _compactDecimal;

    /// <summary>The decimal form, materialised for the compact case; null on the int64 form.</summary>
    private BigAmount? Dec => _big ?? (_compactDecimal ? BigAmount.Create(_value, _scale, _goScale) : null);

    private QuantityDefects ComputedDefects()
    {
        var defects = QuantityDefects.None;
        if (IsZero)
        {
            return defects;
        }

        if (SuffixWouldBeDropped())
        {
            defects |= QuantityDefects.SuffixDropped;
        }

        if (Dec is { } big)
        {
            if (big.Sign < 0 && big.Exponent < 0)
            {
                defects |= QuantityDefects.NegativeRoundingByRepresentation;
            }

            if (big.WrapsOnFastPath(0) || big.WrapsOnFastPath(-3))
            {
                defects |= QuantityDefects.NegativeFastPathWraps;
            }

            if (big.Exponent >= 0 && big.Order <= 19 && !big.MagnitudeExceeds(long.MaxValue))
            {
                defects |= QuantityDefects.AsInt64Refused;
            }
        }

        return defects;
    }
}
