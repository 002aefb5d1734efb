using PodConformance.Model.Coverage;

namespace PodConformance.Model.Quantities;

/// <summary>
/// Integer accessors with Go's rounding and Go's silent overflow. On the int64 form results round away
/// from zero and overflow to 0 (or to the wrapped product for the ×10/100/1000/10^6/10^9 shortcuts); on
/// the decimal form negative values truncate then add one, and overflow keeps the low 64 bits.
/// </summary>
public readonly partial struct Quantity
{
    /// <summary>The largest value whose milli-units fit an int64 (Go's <c>MaxMilliValue</c>).</summary>
    public const long MaxMilliValue = long.MaxValue / 1000;

    /// <summary>
    /// <c>MilliValue() % 1000 == 0</c> without materialising Go's inf.Dec (a binary-suffixed value such as <c>64Mi</c> is
    /// one): answered here only where the milli-value is exact and fits an int64 (value = coefficient × 10^exponent,
    /// exponent ≥ -3); false means "ask <see cref="MilliValue"/>" (sub-milli, overflowing or big values, where Go rounds
    /// up or wraps).
    /// </summary>
    internal bool TryWholeMilliThousands(out bool whole)
    {
        whole = false;
        if (_big is not null || _scale < -3 || _scale > 15)
        {
            return false;
        }

        if (_scale >= 0)
        {
            long limit = long.MaxValue / Pow10(_scale + 3);
            if (_value > limit || _value < -limit)
            {
                return false;
            }

            whole = true;
            return true;
        }

        whole = _value % Pow10(-_scale) == 0;
        return true;

        static long Pow10(int n)
        {
            long p = 1;
            for (int i = 0; i < n; i++)
            {
                p *= 10;
            }

            return p;
        }
    }

    /// <summary><c>ScaledValue(0)</c>: the value rounded up to an integer, as Go computes it.</summary>
    public long Value() => ScaledValue(0);

    /// <summary><c>ScaledValue(-3)</c>: ceil(value × 1000) as Go computes it (a CPU limit in millicores).</summary>
    public long MilliValue() => ScaledValue(-3);

    /// <summary>value / 10^scale rounded as Go rounds it; overflow is silent, as in Go.</summary>
    public long ScaledValue(int scale)
    {
        RuleCoverage.Hit(QuantityRules.ScaledValue);
        if (IsDecimal)
        {
            RuleCoverage.Hit(QuantityRules.DecimalRounding);
            var big = AsBig();
            if (RuleCoverage.IsRecording && big.WrapsOnFastPath(scale))
            {
                // Recorded only while coverage is: the test costs a BigInteger product for 19-digit magnitudes.
                RuleCoverage.Hit(QuantityRules.NegativeFastPathWrap);
            }

            return big.GoScaledValue(scale);
        }

        if (_scale < scale)
        {
            return GoInt64.NegativeScale(_value, unchecked(scale - _scale), out _);
        }

        long scaled = GoInt64.PositiveScale(_value, unchecked(_scale - scale), out bool ok);
        if (!ok)
        {
            RuleCoverage.Hit(QuantityRules.SilentOverflow);
        }

        return scaled;
    }

    /// <summary>
    /// Go's <c>AsInt64</c>: true only for the int64 form at a non-negative scale that fits. A decimal-backed
    /// integer (19 digits, say) reports false, as 1.28–1.37 do. On failure <paramref name="value"/> holds
    /// whatever Go returns with its false (0, or a wrapped product).
    /// </summary>
    public bool AsInt64(out long value)
    {
        value = 0;
        if (IsDecimal || _scale < 0)
        {
            return false;
        }

        value = GoInt64.PositiveScale(_value, _scale, out bool ok);
        return ok;
    }
}
