using PodConformance.Model.Quantities;

namespace PodConformance.Model.Tests.Quantities;

/// <summary>
/// Integer accessors, Cmp and arithmetic. Tables from kubernetes/apimachinery pkg/api/resource:
/// amount_test.go TestInt64AmountAsScaledInt64 (1.28-era text found by find_string, id 642963274),
/// quantity_test.go TestScaledValue, TestQuantityRoundUp (as ScaledValue), TestQuantityCmp,
/// TestQuantityCmpInt64AndDec, TestAdd, TestSub, TestNeg at commit 357557a670d84c30ef3b5355f02c11d8aba5a941.
/// </summary>
public sealed class QuantityValueTests
{
    [Theory]
    [InlineData(100, 0, 5, 1)]
    [InlineData(100, 1, 1, 100)]
    [InlineData(100, 5, 2, 100000)]
    [InlineData(876, 30, 4, 0)] // overflow on the int64 form gives 0
    [InlineData(93, -1, 0, 10)]
    [InlineData(100, -1, 0, 10)]
    [InlineData(-1932, 2, 4, -20)] // int64 form rounds away from zero
    [InlineData(-1900, 2, 4, -19)]
    public void Int64AmountAsScaledInt64(long value, int scale, int to, long expected)
    {
        Assert.Equal(expected, Quantity.FromScaled(value, scale, QuantityFormat.DecimalSI).ScaledValue(to));
    }

    [Theory]
    [InlineData(-9, -9, 1)]
    [InlineData(-9, -6, 1)]
    [InlineData(-9, -3, 1)]
    [InlineData(-9, 0, 1)]
    [InlineData(-6, -9, 1000)]
    [InlineData(-6, -6, 1)]
    [InlineData(-6, -3, 1)]
    [InlineData(-6, 0, 1)]
    [InlineData(-3, -9, 1000 * 1000)]
    [InlineData(-3, -6, 1000)]
    [InlineData(-3, -3, 1)]
    [InlineData(-3, 0, 1)]
    [InlineData(0, -9, 1000 * 1000 * 1000)]
    [InlineData(0, -6, 1000 * 1000)]
    [InlineData(0, -3, 1000)]
    [InlineData(0, 0, 1)]
    [InlineData(2, -2, 100 * 100)]
    public void ScaledValue(int from, int to, long expected)
    {
        Assert.Equal(expected, Quantity.FromScaled(1, from, QuantityFormat.DecimalSI).ScaledValue(to));
    }

    /// <summary>Negative rounding depends on the representation (reference notes §1.5, [observed]).</summary>
    [Fact]
    public void Negative_rounding_depends_on_representation()
    {
        Assert.Equal(-10, Quantity.Parse("-9.01").Value()); // int64 form: away from zero
        var tiny = Quantity.Parse("-0.0000000001"); // decimal form: trunc toward zero, then +1
        Assert.Equal(1, tiny.Value());
        Assert.Equal(1, tiny.MilliValue());
        Assert.True(tiny.Defects.HasFlag(QuantityDefects.NegativeRoundingByRepresentation));
        Assert.Equal(-1125, Quantity.Parse("-1.1Ki").Value());
        Assert.Equal(QuantityDefects.None, Quantity.Parse("-9.01").Defects);
    }

    [Fact]
    public void Overflow_is_silent_as_in_go()
    {
        Assert.Equal(0, Quantity.Parse("1E").MilliValue()); // int64 form, general loop: 0
        Assert.Equal(unchecked(100_000_000_000_000_000L * 1000), Quantity.Parse("100000000000000000").MilliValue()); // ×1000 shortcut wraps
        Assert.Equal(unchecked(long.MaxValue * 1000), Quantity.Parse("8Ei").MilliValue()); // capped decimal at scale 0: wraps
        Assert.Equal(long.MaxValue, Quantity.Parse("8Ei").Value());
        Assert.Equal(0, Quantity.Parse("1e2000000000").MilliValue()); // general loop overflows: 0
        Assert.Equal(1, Quantity.Parse("1e2147483647").MilliValue()); // int32 scale difference wraps: no scaling at all
    }

    [Fact]
    public void AsInt64_only_for_the_int64_form()
    {
        Assert.True(Quantity.Parse("1E").AsInt64(out long exa));
        Assert.Equal(1_000_000_000_000_000_000, exa);
        Assert.False(Quantity.Parse("1.0").AsInt64(out _));
        Assert.False(Quantity.Parse("1000m").AsInt64(out _));
        var max = Quantity.Parse("9223372036854775807");
        Assert.False(max.AsInt64(out _)); // #135487, fixed after 1.37 by #141938
        Assert.True(max.Defects.HasFlag(QuantityDefects.AsInt64Refused));
    }

    [Theory]
    [InlineData("0", "0", 0)]
    [InlineData("100m", "50m", 1)]
    [InlineData("50m", "100m", -1)]
    [InlineData("10000T", "100Gi", 1)]
    [InlineData("1Gi", "1024Mi", 0)]
    [InlineData("1Gi", "1073741824", 0)]
    [InlineData("1e99999999999", "1", 1)]
    [InlineData("-1e99999999999", "1", -1)]
    [InlineData("1e-99999999999", "1n", 0)]
    public void Cmp(string x, string y, int expected)
    {
        var a = Quantity.Parse(x);
        var b = Quantity.Parse(y);
        Assert.Equal(expected, a.CompareTo(b));
        Assert.Equal(-expected, b.CompareTo(a));
        Assert.Equal(expected == 0, a == b);
        if (expected == 0)
        {
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
        }
    }

    [Theory]
    [InlineData(901, -2, 901, -2, 0)]
    [InlineData(90, -1, 901, -2, -1)]
    [InlineData(901, -2, 900, -2, 1)]
    [InlineData(0, 1, 0, -1, 0)]
    [InlineData(800, -3, 1, 0, -1)]
    [InlineData(800, -3, 79, -2, 1)]
    [InlineData(long.MaxValue, 0, 1, -1, 1)]
    [InlineData(long.MaxValue, 1, 1, 0, 1)]
    [InlineData(long.MaxValue, -16, 1, 3, -1)]
    [InlineData(long.MinValue, 0, 0, 0, -1)]
    [InlineData(long.MinValue, -18, -1, 0, -1)]
    [InlineData(long.MinValue, -19, -1, 0, 1)]
    [InlineData(1_000_000_000_000_000_000, -17, 1, 1, 0)]
    [InlineData(-1_000_000_000_000_000_000, -17, -10, 0, 0)]
    [InlineData(1_000_000_000_000_000_001, -17, 1, 1, 1)]
    [InlineData(999_999_999_999_999_999, -17, 1, 1, -1)]
    public void CmpInt64AndDec(long a, int sa, long b, int sb, int expected)
    {
        var x = Quantity.FromScaled(a, sa, QuantityFormat.DecimalSI);
        var y = Quantity.FromScaled(b, sb, QuantityFormat.DecimalSI);
        Assert.Equal(expected, x.CompareTo(y));
        Assert.Equal(-expected, y.CompareTo(x));
    }

    [Theory]
    [InlineData("10", "1e1", "20", "0")]
    [InlineData("10", "1Ki", "1034", "-1014")]
    [InlineData("0", "50", "50", "-50")]
    [InlineData("50", "0", "50", "50")]
    [InlineData("0", "0", "0", "0")]
    public void Add_and_Sub(string a, string b, string sum, string difference)
    {
        Assert.Equal(Quantity.Parse(sum), Quantity.Parse(a).Add(Quantity.Parse(b)));
        Assert.Equal(Quantity.Parse(difference), Quantity.Parse(a).Sub(Quantity.Parse(b)));
    }

    [Fact]
    public void Zero_receiver_adopts_the_other_format()
    {
        Assert.Equal("100m", Quantity.Parse("0").Add(Quantity.Parse("100m")).ToString());
        Assert.Equal("1Gi", Quantity.Parse("1Gi").Add(Quantity.Parse("0")).ToString());
        Assert.Equal("-1Gi", Quantity.Parse("0").Sub(Quantity.Parse("1Gi")).ToString());
        Assert.Equal(QuantityFormat.BinarySI, Quantity.FromInt64(10, QuantityFormat.BinarySI).Add(Quantity.FromInt64(1, QuantityFormat.DecimalSI)).Format);
    }

    [Fact]
    public void Int64_overflow_moves_to_the_exact_form()
    {
        var sum = Quantity.FromInt64(long.MaxValue, QuantityFormat.DecimalSI).Add(Quantity.FromInt64(1, QuantityFormat.DecimalSI));
        Assert.Equal("9223372036854775808", sum.ToString());
        Assert.False(sum.AsInt64(out _));
    }

    /// <summary>
    /// Beyond the model's exact range (200,000 digits) a sum is refused with its own exception type, which the CLI
    /// reports as an input error; just inside the range it is still exact.
    /// </summary>
    [Fact]
    public void Sums_beyond_the_exact_range_are_refused_as_out_of_range()
    {
        var e = Assert.Throws<QuantityRangeException>(() => Quantity.Parse("9e999999").Add(Quantity.Parse("1")));
        Assert.Equal("quantities of order 10^999999 and 10^0 are too far apart to add exactly (the sum needs more than 200000 digits)", e.Message);
        Assert.Equal("10e199998", Quantity.Parse("1e199999").Add(Quantity.Parse("0")).ToString()); // exponent rounded down to a multiple of 3
        Assert.Equal(1, Quantity.Parse("1e199990").Add(Quantity.Parse("1")).CompareTo(Quantity.Parse("1e199990")));
    }

    [Fact]
    public void Neg_of_MinValue_wraps_as_in_1_28_to_1_37()
    {
        var min = Quantity.FromInt64(long.MinValue, QuantityFormat.DecimalSI);
        Assert.Equal(min, min.Negate());
        Assert.Equal(Quantity.Zero, Quantity.Zero.Negate());
        Assert.Equal("0", Quantity.Parse("-0").Negate().ToString());
    }
}
