using PodConformance.Model.Quantities;

namespace PodConformance.Model.Tests.Quantities;

/// <summary>
/// Printing. Tables ported from kubernetes/apimachinery pkg/api/resource/quantity_test.go at commit
/// 357557a670d84c30ef3b5355f02c11d8aba5a941: TestQuantityString, TestQuantityParseEmit, TestQuantityNeg,
/// TestNewSet, TestMilliNewSet, TestNewScaledSet; and quantity_example_test.go ExampleFormat. That commit
/// is newer than 1.37: its three DecimalSI rows above 10^18 (#140459) are replaced by the 1.28–1.37
/// behaviour in <see cref="Huge_DecimalSI_values_lose_their_suffix"/>.
/// </summary>
public sealed class QuantityStringTests
{
    public static TheoryData<long, int, QuantityFormat, string, string> StringTable => new()
    {
        { 1024 * 1024 * 1024, 0, QuantityFormat.BinarySI, "1Gi", "1024Mi" },
        { 300 * 1024 * 1024, 0, QuantityFormat.BinarySI, "300Mi", "307200Ki" },
        { 6 * 1024, 0, QuantityFormat.BinarySI, "6Ki", "" },
        { 1001L * 1024 * 1024 * 1024, 0, QuantityFormat.BinarySI, "1001Gi", "1025024Mi" },
        { 1024L * 1024 * 1024 * 1024, 0, QuantityFormat.BinarySI, "1Ti", "1024Gi" },
        { 5, 0, QuantityFormat.BinarySI, "5", "5000m" },
        { 500, -3, QuantityFormat.BinarySI, "500m", "0.5" },
        { 1, 9, QuantityFormat.DecimalSI, "1G", "1000M" },
        { 1000, 6, QuantityFormat.DecimalSI, "1G", "0.001T" },
        { 1000000, 3, QuantityFormat.DecimalSI, "1G", "" },
        { 1000000000, 0, QuantityFormat.DecimalSI, "1G", "" },
        { 1, -3, QuantityFormat.DecimalSI, "1m", "1000u" },
        { 80, -3, QuantityFormat.DecimalSI, "80m", "" },
        { 1080, -3, QuantityFormat.DecimalSI, "1080m", "1.08" },
        { 108, -2, QuantityFormat.DecimalSI, "1080m", "1080000000n" },
        { 10800, -4, QuantityFormat.DecimalSI, "1080m", "" },
        { 300, 6, QuantityFormat.DecimalSI, "300M", "" },
        { 1, 12, QuantityFormat.DecimalSI, "1T", "" },
        { 1, 18, QuantityFormat.DecimalSI, "1E", "" },
        { 1234567, 6, QuantityFormat.DecimalSI, "1234567M", "" },
        { 1234567, -3, QuantityFormat.BinarySI, "1234567m", "" },
        { 3, 3, QuantityFormat.DecimalSI, "3k", "" },
        { 1025, 0, QuantityFormat.BinarySI, "1025", "" },
        { 0, 0, QuantityFormat.DecimalSI, "0", "" },
        { 0, 0, QuantityFormat.BinarySI, "0", "" },
        { 1, 9, QuantityFormat.DecimalExponent, "1e9", ".001e12" },
        { 1, -3, QuantityFormat.DecimalExponent, "1e-3", "0.001e0" },
        { 1, -9, QuantityFormat.DecimalExponent, "1e-9", "1000e-12" },
        { 80, -3, QuantityFormat.DecimalExponent, "80e-3", "" },
        { 300, 6, QuantityFormat.DecimalExponent, "300e6", "" },
        { 1, 12, QuantityFormat.DecimalExponent, "1e12", "" },
        { 1, 3, QuantityFormat.DecimalExponent, "1e3", "" },
        { 3, 3, QuantityFormat.DecimalExponent, "3e3", "" },
        { 0, 0, QuantityFormat.DecimalExponent, "0", "00" },
        { 1, -9, QuantityFormat.DecimalSI, "1n", "" },
        { 80, -9, QuantityFormat.DecimalSI, "80n", "" },
        { 1080, -9, QuantityFormat.DecimalSI, "1080n", "" },
        { 108, -8, QuantityFormat.DecimalSI, "1080n", "" },
        { 10800, -10, QuantityFormat.DecimalSI, "1080n", "" },
        { 1, -6, QuantityFormat.DecimalSI, "1u", "" },
        { 80, -6, QuantityFormat.DecimalSI, "80u", "" },
        { 1080, -6, QuantityFormat.DecimalSI, "1080u", "" },
    };

    [Theory]
    [MemberData(nameof(StringTable))]
    public void Canonical_form_caching_and_alternates(long mantissa, int exponent, QuantityFormat format, string expect, string alternate)
    {
        var value = Quantity.FromScaled(mantissa, exponent, format);
        Assert.Equal(expect, value.ToString());

        // Parsing the canonical text caches exactly that text.
        var reparsed = Quantity.Parse(expect);
        Assert.Same(expect, reparsed.ToString());

        if (alternate.Length != 0)
        {
            var alt = Quantity.Parse(alternate);
            Assert.Equal(expect, alt.ToString());
            Assert.Equal(expect, alt.ToCanonicalString());
        }

        // Negation loop: never "-0".
        if (!value.IsZero)
        {
            Assert.Equal("-" + expect, value.Negate().ToString());
        }
    }

    [Theory]
    [InlineData("1Ki", "1Ki")]
    [InlineData("1Mi", "1Mi")]
    [InlineData("1Gi", "1Gi")]
    [InlineData("1024Mi", "1Gi")]
    [InlineData("1000M", "1G")]
    [InlineData(".001Ki", "1024m")]
    [InlineData(".000001Ki", "1024u")]
    [InlineData(".000000001Ki", "1024n")]
    [InlineData(".000000000001Ki", "2n")]
    public void ParseEmit(string input, string expect)
    {
        Assert.Equal(expect, Quantity.Parse(input).ToString());
        Assert.Equal("-" + expect, Quantity.Parse("-" + input).ToString());
    }

    /// <summary>The cached-input quirk: Go's String() echoes inputs it judges canonical (kubectl v1.32.4 agrees).</summary>
    [Theory]
    [InlineData("+100m", "100m")]
    [InlineData("1.253", "1253m")]
    [InlineData("01k", "1k")]
    [InlineData("1E3", "1e3")]
    [InlineData("1.", "1")]
    public void Cached_input_is_echoed_but_canonical_is_fresh(string input, string canonical)
    {
        var q = Quantity.Parse(input);
        Assert.Same(input, q.ToString());
        Assert.Equal(canonical, q.ToCanonicalString());
        Assert.Equal(canonical, q.Add(Quantity.Zero).ToString()); // arithmetic drops the cache
    }

    /// <summary>kubernetes/kubernetes #141249: 1.28–1.37 print the mantissa only (kubectl v1.32.4: 1000E → 1).</summary>
    [Theory]
    [InlineData("1000E", "1")]
    [InlineData("5000E", "5")]
    [InlineData("1000000E", "1")]
    [InlineData("10000E", "10")]
    [InlineData("1000000000000000000000", "1")]
    public void Huge_DecimalSI_values_lose_their_suffix(string input, string printed)
    {
        var q = Quantity.Parse(input);
        Assert.Equal(printed, q.ToString());
        Assert.True(q.Defects.HasFlag(QuantityDefects.SuffixDropped));
        Assert.False(Quantity.Parse("1E").Defects.HasFlag(QuantityDefects.SuffixDropped));
    }

    [Fact]
    public void Neg_of_nine_point_zero_one()
    {
        Assert.Equal("-9010m", Quantity.FromScaled(901, -2, QuantityFormat.DecimalSI).Negate().ToString());
        Assert.Equal("-9010e-3", Quantity.Parse("90100000000000000000e-19").Negate().ToString()); // decimal-backed, DecimalExponent
    }

    [Theory]
    [InlineData(1, QuantityFormat.DecimalSI, "1")]
    [InlineData(1000, QuantityFormat.DecimalSI, "1k")]
    [InlineData(1234000, QuantityFormat.DecimalSI, "1234k")]
    [InlineData(1024, QuantityFormat.BinarySI, "1Ki")]
    [InlineData(1000000, QuantityFormat.DecimalExponent, "1e6")]
    [InlineData(1024 * 1024, QuantityFormat.BinarySI, "1Mi")]
    public void NewSet(long value, QuantityFormat format, string expect)
    {
        var q = Quantity.FromInt64(value, format);
        Assert.Equal(expect, q.ToString());
        Assert.Equal(value, Quantity.Parse(q.ToString()).Value());
    }

    [Theory]
    [InlineData(1, QuantityFormat.DecimalSI, "1m", true)]
    [InlineData(1000, QuantityFormat.DecimalSI, "1", true)]
    [InlineData(1234000, QuantityFormat.DecimalSI, "1234", true)]
    [InlineData(1024, QuantityFormat.BinarySI, "1024m", false)]
    [InlineData(1000000, QuantityFormat.DecimalExponent, "1e3", true)]
    [InlineData(1024 * 1024, QuantityFormat.BinarySI, "1048576m", false)]
    public void MilliNewSet(long milli, QuantityFormat format, string expect, bool exact)
    {
        var q = Quantity.FromMilli(milli, format);
        Assert.Equal(expect, q.ToString());
        if (exact)
        {
            Assert.Equal(milli, Quantity.Parse(q.ToString()).MilliValue());
        }
    }

    [Theory]
    [InlineData(1, -9, "1n")]
    [InlineData(1000, -9, "1u")]
    [InlineData(1, -6, "1u")]
    [InlineData(1000, -6, "1m")]
    [InlineData(1, -3, "1m")]
    [InlineData(1000, -3, "1")]
    [InlineData(1, 0, "1")]
    [InlineData(0, -9, "0")]
    [InlineData(0, -6, "0")]
    [InlineData(0, -3, "0")]
    [InlineData(0, 0, "0")]
    public void NewScaledSet(long value, int scale, string expect)
    {
        var q = Quantity.FromScaled(value, scale, QuantityFormat.DecimalSI);
        Assert.Equal(expect, q.ToString());
        Assert.Equal(value, Quantity.Parse(q.ToString()).ScaledValue(scale));
    }

    /// <summary>quantity_example_test.go ExampleFormat.</summary>
    [Fact]
    public void ExampleFormat()
    {
        var memorySize = Quantity.FromInt64(5 * 1024 * 1024 * 1024L, QuantityFormat.BinarySI);
        Assert.Equal("memorySize = 5Gi", "memorySize = " + memorySize);
        var diskSize = Quantity.FromInt64(5 * 1000 * 1000 * 1000L, QuantityFormat.DecimalSI);
        Assert.Equal("diskSize = 5G", "diskSize = " + diskSize);
        var cores = Quantity.FromMilli(5300, QuantityFormat.DecimalSI);
        Assert.Equal("cores = 5300m", "cores = " + cores);
    }

    [Fact]
    public void Default_is_a_zero_that_prints_0()
    {
        Quantity q = default;
        Assert.Equal("0", q.ToString());
        Assert.True(q.IsZero);
        Assert.Equal(0, q.Value());
        Assert.Equal(Quantity.Zero, Quantity.Parse("0m"));
    }
}
