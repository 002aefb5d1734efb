using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Tests.Quantities;

/// <summary>
/// QTY-038: <c>Value()</c>/<c>MilliValue()</c> of decimal-backed negatives beyond int64 once scaled. Go
/// (apimachinery pkg/api/resource/scale_int.go <c>scaledValue</c>, identical in v0.28.0 … v0.37.0-beta.0 and master,
/// local mirror) takes its scale-down fast path when <c>unscaled.Cmp(maxInt64) &lt; 0 &amp;&amp; dif &lt; 19</c>: a signed
/// test every negative passes. It then divides <c>unscaled.Int64()</c>, which for |unscaled| ≥ 2^63 is
/// <c>-int64(low64(|unscaled|))</c>, truncating, and adds 1 for a non-zero remainder.
/// </summary>
/// <remarks>
/// How the expected values were derived: a string of more than 18 digits takes ParseQuantity's slow path, which rounds
/// the value away from zero to scale 9 (<c>amount.Round(amount, Nano.infScale(), inf.RoundUp)</c>), so
/// unscaled = value × 10^9; <c>Value()</c> is <c>scaledValue(unscaled, 9, 0)</c> (dif 9) and <c>MilliValue()</c>
/// <c>scaledValue(unscaled, 9, 3)</c> (dif 6). Worked by hand for the first rows:
/// <list type="bullet">
/// <item><c>-9223372036854775807</c>: |u| = (2^63−1)·10^9 ≡ −10^9 (mod 2^64), so low64 = 2^64 − 10^9, int64(low64) = −10^9,
/// Int64() = +10^9; 10^9 / 10^9 = 1 remainder 0 → Value 1; 10^9 / 10^6 = 1000 → MilliValue 1000.</item>
/// <item><c>-9223372036854775808</c>: |u| = 2^63·10^9 = 2^72·5^9 ≡ 0 → Int64() = 0 → 0 and 0.</item>
/// <item><c>-18446744073709551616</c> (−2^64): |u| = 2^64·10^9 ≡ 0 → 0 and 0.</item>
/// <item><c>-9223372036854775807.5</c>: |u| = (2^63−1)·10^9 + 5·10^8 ≡ −5·10^8 → Int64() = 5·10^8; 5·10^8 / 10^9 = 0 rem
/// 5·10^8 → 1; 5·10^8 / 10^6 = 500 → 500.</item>
/// <item><c>-9223372036854775809</c>: |u| = (2^63+1)·10^9 ≡ 10^9 → Int64() = −10^9 → −1 and −1000.</item>
/// </list>
/// The remaining rows are the same steps with the low 64 bits computed by a calculator (|u| mod 2^64, then Go's
/// truncating int64 division).
/// </remarks>
public sealed class QuantityNegativeWrapTests
{
    [Theory]
    [InlineData("-9223372036854775807", 1, 1000)]
    [InlineData("-9223372036854775808", 0, 0)]
    [InlineData("-18446744073709551616", 0, 0)]
    [InlineData("-9223372036854775807.5", 1, 500)]
    [InlineData("-9223372036854775809", -1, -1000)]
    // |u| mod 2^64 = 4477988020393345024 → Int64() = −4477988020393345024.
    [InlineData("-10000000000000000000", -4477988019, -4477988020392)]
    // |u| mod 2^64 = 5097733592125636885.
    [InlineData("-12345678901234567890.123456789", -5097733591, -5097733592124)]
    // |u| mod 2^64 = 687399550400673280.
    [InlineData("-99999999999999999999999999999", -687399549, -687399550399)]
    public void Negative_beyond_int64_divides_the_low_64_bits_as_Go_does(string text, long value, long milliValue)
    {
        var q = Quantity.Parse(text);
        Assert.Equal(value, q.Value());
        Assert.Equal(milliValue, q.MilliValue());
        Assert.True(q.Defects.HasFlag(QuantityDefects.NegativeFastPathWraps), text);
    }

    [Theory]
    [InlineData("-1.000000000000000000001")] // decimal (22 digits), |u| = 10^9 + 1 < 2^63: exact Int64()
    [InlineData("-9.223372036854775807")]    // decimal, |u| = 9223372037 at scale 9 (rounded up)
    [InlineData("-999999999999999999")]      // 18 digits: the int64 form
    [InlineData("9223372036854775808")]   // positive: the big branch
    [InlineData("-1e19")]                 // int64 form, scale 19
    public void Values_that_do_not_wrap_on_the_fast_path_are_not_flagged(string text)
    {
        Assert.False(Quantity.Parse(text).Defects.HasFlag(QuantityDefects.NegativeFastPathWraps), text);
    }

    [Fact]
    public void The_flag_has_a_warning_text()
    {
        var lines = QuantityDefectInfo.Describe(QuantityDefects.NegativeFastPathWraps);
        Assert.Equal(["negative value beyond int64 once scaled: Kubernetes' Value()/MilliValue() divide its low 64 bits and return a meaningless number (spec QTY-038)"], lines);
    }

    /// <summary>
    /// Go's <c>scaledValue</c> written out literally on the materialised unscaled integer (what the model avoids
    /// doing), for slow-path decimal strings: the model must agree for every sign, size and scale.
    /// </summary>
    private static long GoScaledValue(BigInteger unscaled, int scale, int newScale)
    {
        int dif = scale - newScale;
        if (dif == 0)
        {
            return GoInt64(unscaled);
        }

        if (dif < 0)
        {
            return unchecked(GoInt64(unscaled) * (long)BigInteger.Pow(10, -dif));
        }

        if (unscaled < long.MaxValue && dif < 19)
        {
            long v = GoInt64(unscaled);
            long divide = (long)BigInteger.Pow(10, dif);
            return v % divide != 0 ? unchecked(v / divide + 1) : v / divide;
        }

        var divisor = BigInteger.Pow(10, dif);
        var q = BigInteger.DivRem(unscaled, divisor, out var r);
        if (r.Sign < 0)
        {
            q -= 1; // Go's DivMod is Euclidean
            r += divisor;
        }

        return r.IsZero ? GoInt64(q) : unchecked(GoInt64(q) + 1);
    }

    /// <summary>big.Int.Int64(): the low 64 bits of |x| as int64, negated for a negative x.</summary>
    private static long GoInt64(BigInteger x)
    {
        long low = unchecked((long)(ulong)(BigInteger.Abs(x) & ulong.MaxValue));
        return x.Sign < 0 ? unchecked(-low) : low;
    }

    /// <summary>ParseQuantity's slow path for a plain decimal: |x| rounded up to scale 9, sign restored.</summary>
    private static BigInteger UnscaledAtNano(string integer, string fraction, bool negative)
    {
        string nine = (fraction + "000000000")[..9];
        var u = BigInteger.Parse(integer + nine, System.Globalization.CultureInfo.InvariantCulture);
        if (fraction.Length > 9 && fraction[9..].Any(c => c != '0'))
        {
            u += 1;
        }

        return negative ? -u : u;
    }

    private static readonly Gen<(string Integer, string Fraction, bool Negative)> SlowPathDecimals =
        from intDigits in Gen.Choose(19, 45)
        from lead in Gen.Choose(1, 9)
        from rest in Gen.ArrayOf(Gen.Choose(0, 9), intDigits - 1)
        from fracDigits in Gen.Choose(0, 14)
        from frac in Gen.ArrayOf(Gen.Choose(0, 9), fracDigits)
        from negative in Gen.Elements(true, true, false)
        select (lead.ToString(System.Globalization.CultureInfo.InvariantCulture) + string.Concat(rest), string.Concat(frac), negative);

    [Property(Replay = "(20261209,17)", MaxTest = 500)]
    public Property Value_and_MilliValue_equal_Go_scaledValue_on_the_materialised_integer() =>
        Prop.ForAll(Arb.From(SlowPathDecimals), t =>
        {
            string text = (t.Negative ? "-" : "") + t.Integer + (t.Fraction.Length > 0 ? "." + t.Fraction : "");
            var q = Quantity.Parse(text);
            var u = UnscaledAtNano(t.Integer, t.Fraction, t.Negative);
            long value = GoScaledValue(u, 9, 0);
            long milli = GoScaledValue(u, 9, 3);
            bool wraps = u.Sign < 0 && BigInteger.Abs(u) > (BigInteger.One << 63);
            return (q.Value() == value).Label($"{text}: Value {q.Value()} want {value}")
                .And((q.MilliValue() == milli).Label($"{text}: MilliValue {q.MilliValue()} want {milli}"))
                .And((q.Defects.HasFlag(QuantityDefects.NegativeFastPathWraps) == wraps).Label($"{text}: flag"));
        });
}
