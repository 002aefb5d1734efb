using PodConformance.Model.Quantities;

namespace PodConformance.Model.Tests.Quantities;

/// <summary>
/// Ported from kubernetes/apimachinery pkg/api/resource/quantity_test.go, TestQuantityParse (table, its
/// "-" and "+" re-parse loops, and its invalid list), read at commit
/// 357557a670d84c30ef3b5355f02c11d8aba5a941; these rows are unchanged since 1.28.
/// Expected values are (mantissa, exponent, format) like upstream's decQuantity.
/// </summary>
public sealed class QuantityParseTests
{
    public static TheoryData<string, long, int, QuantityFormat> Table => new()
    {
        { "0", 0, 0, QuantityFormat.DecimalSI },
        { "0n", 0, 0, QuantityFormat.DecimalSI },
        { "0u", 0, 0, QuantityFormat.DecimalSI },
        { "0m", 0, 0, QuantityFormat.DecimalSI },
        { "0Ki", 0, 0, QuantityFormat.BinarySI },
        { "0k", 0, 0, QuantityFormat.DecimalSI },
        { "0Mi", 0, 0, QuantityFormat.BinarySI },
        { "0M", 0, 0, QuantityFormat.DecimalSI },
        { "0Gi", 0, 0, QuantityFormat.BinarySI },
        { "0G", 0, 0, QuantityFormat.DecimalSI },
        { "0Ti", 0, 0, QuantityFormat.BinarySI },
        { "0T", 0, 0, QuantityFormat.DecimalSI },
        { "1", 1, 0, QuantityFormat.DecimalSI },
        { "1Ki", 1024, 0, QuantityFormat.BinarySI },
        { "8Ki", 8 * 1024, 0, QuantityFormat.BinarySI },
        { "7Mi", 7L * 1024 * 1024, 0, QuantityFormat.BinarySI },
        { "6Gi", 6L * 1024 * 1024 * 1024, 0, QuantityFormat.BinarySI },
        { "5Ti", 5L * 1024 * 1024 * 1024 * 1024, 0, QuantityFormat.BinarySI },
        { "4Pi", 4L * 1024 * 1024 * 1024 * 1024 * 1024, 0, QuantityFormat.BinarySI },
        { "3Ei", 3L * 1024 * 1024 * 1024 * 1024 * 1024 * 1024, 0, QuantityFormat.BinarySI },
        { "10Ti", 10L * 1024 * 1024 * 1024 * 1024, 0, QuantityFormat.BinarySI },
        { "100Ti", 100L * 1024 * 1024 * 1024 * 1024, 0, QuantityFormat.BinarySI },
        { "5n", 5, -9, QuantityFormat.DecimalSI },
        { "4u", 4, -6, QuantityFormat.DecimalSI },
        { "3m", 3, -3, QuantityFormat.DecimalSI },
        { "9", 9, 0, QuantityFormat.DecimalSI },
        { "8k", 8, 3, QuantityFormat.DecimalSI },
        { "50k", 5, 4, QuantityFormat.DecimalSI },
        { "7M", 7, 6, QuantityFormat.DecimalSI },
        { "6G", 6, 9, QuantityFormat.DecimalSI },
        { "5T", 5, 12, QuantityFormat.DecimalSI },
        { "40T", 4, 13, QuantityFormat.DecimalSI },
        { "300T", 3, 14, QuantityFormat.DecimalSI },
        { "2P", 2, 15, QuantityFormat.DecimalSI },
        { "1E", 1, 18, QuantityFormat.DecimalSI },
        { "1E-3", 1, -3, QuantityFormat.DecimalExponent },
        { "1e3", 1, 3, QuantityFormat.DecimalExponent },
        { "1E6", 1, 6, QuantityFormat.DecimalExponent },
        { "1e9", 1, 9, QuantityFormat.DecimalExponent },
        { "1E12", 1, 12, QuantityFormat.DecimalExponent },
        { "1e15", 1, 15, QuantityFormat.DecimalExponent },
        { "1E18", 1, 18, QuantityFormat.DecimalExponent },
        { "1e14", 1, 14, QuantityFormat.DecimalExponent },
        { "1e13", 1, 13, QuantityFormat.DecimalExponent },
        { "100.035k", 100035, 0, QuantityFormat.DecimalSI },
        { "0.001", 1, -3, QuantityFormat.DecimalSI },
        { "0.0005k", 5, -1, QuantityFormat.DecimalSI },
        { "0.005", 5, -3, QuantityFormat.DecimalSI },
        { "0.05", 5, -2, QuantityFormat.DecimalSI },
        { "0.5", 5, -1, QuantityFormat.DecimalSI },
        { "0.00050k", 5, -1, QuantityFormat.DecimalSI },
        { "0.00500", 5, -3, QuantityFormat.DecimalSI },
        { "0.05000", 5, -2, QuantityFormat.DecimalSI },
        { "0.50000", 5, -1, QuantityFormat.DecimalSI },
        { "0.5e0", 5, -1, QuantityFormat.DecimalExponent },
        { "0.5e-1", 5, -2, QuantityFormat.DecimalExponent },
        { "0.5e-2", 5, -3, QuantityFormat.DecimalExponent },
        { "10.035M", 10035, 3, QuantityFormat.DecimalSI },
        { "1.2e3", 12, 2, QuantityFormat.DecimalExponent },
        { "1.3E+6", 13, 5, QuantityFormat.DecimalExponent },
        { "1.40e9", 14, 8, QuantityFormat.DecimalExponent },
        { "1.53E12", 153, 10, QuantityFormat.DecimalExponent },
        { "1.6e15", 16, 14, QuantityFormat.DecimalExponent },
        { "1.7E18", 17, 17, QuantityFormat.DecimalExponent },
        { "9.01", 901, -2, QuantityFormat.DecimalSI },
        { "8.1k", 81, 2, QuantityFormat.DecimalSI },
        { "7.123456M", 7123456, 0, QuantityFormat.DecimalSI },
        { "6.987654321G", 6987654321, 0, QuantityFormat.DecimalSI },
        { "5.444T", 5444, 9, QuantityFormat.DecimalSI },
        { "40.1T", 401, 11, QuantityFormat.DecimalSI },
        { "300.2T", 3002, 11, QuantityFormat.DecimalSI },
        { "2.5P", 25, 14, QuantityFormat.DecimalSI },
        { "1.01E", 101, 16, QuantityFormat.DecimalSI },
        { "3.001n", 4, -9, QuantityFormat.DecimalSI },
        { "1.1E-9", 2, -9, QuantityFormat.DecimalExponent },
        { "0.0000000001", 1, -9, QuantityFormat.DecimalSI },
        { "0.0000000005", 1, -9, QuantityFormat.DecimalSI },
        { "0.00000000050", 1, -9, QuantityFormat.DecimalSI },
        { "0.5e-9", 1, -9, QuantityFormat.DecimalExponent },
        { "0.9n", 1, -9, QuantityFormat.DecimalSI },
        { "0.00000012345", 124, -9, QuantityFormat.DecimalSI },
        { "0.00000012354", 124, -9, QuantityFormat.DecimalSI },
        { "9Ei", long.MaxValue, 0, QuantityFormat.BinarySI },
        { "9223372036854775807Ki", long.MaxValue, 0, QuantityFormat.BinarySI },
        { "12E", 12, 18, QuantityFormat.DecimalSI },
        { "100.035Ki", 10243584, -2, QuantityFormat.BinarySI },
        { "0.5Mi", 512 * 1024, 0, QuantityFormat.BinarySI },
        { "0.05Gi", 536870912, -1, QuantityFormat.BinarySI },
        { "0.025Ti", 274877906944, -1, QuantityFormat.BinarySI },
        { "0.000000000001Ki", 2, -9, QuantityFormat.DecimalSI },
        { ".001", 1, -3, QuantityFormat.DecimalSI },
        { ".0001k", 100, -3, QuantityFormat.DecimalSI },
        { "1.", 1, 0, QuantityFormat.DecimalSI },
        { "1.G", 1, 9, QuantityFormat.DecimalSI },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Parses_to_the_upstream_value_and_format(string input, long mantissa, int exponent, QuantityFormat format)
    {
        var expected = Quantity.FromScaled(mantissa, exponent, format);
        var got = Quantity.Parse(input);
        Assert.Equal(0, got.CompareTo(expected));
        Assert.Equal(format, got.Format);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Negated_input_parses_to_the_negated_value(string input, long mantissa, int exponent, QuantityFormat format)
    {
        var expected = Quantity.FromScaled(mantissa, exponent, format).Negate();
        var got = Quantity.Parse("-" + input);
        Assert.Equal(0, got.CompareTo(expected));
        Assert.Equal(format, got.Format);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Plus_prefixed_input_parses_to_the_same_value(string input, long mantissa, int exponent, QuantityFormat format)
    {
        var got = Quantity.Parse("+" + input);
        Assert.Equal(0, got.CompareTo(Quantity.FromScaled(mantissa, exponent, format)));
        Assert.Equal(format, got.Format);
    }

    /// <summary>TestQuantityParse's invalid list, plus the empty string; error kinds checked with kubectl v1.32.4.</summary>
    [Theory]
    [InlineData("", QuantityError.FormatWrong)]
    [InlineData("1.1.M", QuantityError.FormatWrong)]
    [InlineData("1+1.0M", QuantityError.FormatWrong)]
    [InlineData("0.1mi", QuantityError.Suffix)]
    [InlineData("0.1am", QuantityError.FormatWrong)]
    [InlineData("aoeu", QuantityError.FormatWrong)]
    [InlineData(".5i", QuantityError.Suffix)]
    [InlineData("1i", QuantityError.Suffix)]
    [InlineData("-3.01i", QuantityError.Suffix)]
    [InlineData("-3.01e-", QuantityError.Suffix)]
    [InlineData(" 1", QuantityError.FormatWrong)]
    [InlineData("1 ", QuantityError.FormatWrong)]
    [InlineData("1e", QuantityError.Suffix)]
    [InlineData("1ee3", QuantityError.Suffix)]
    [InlineData("1K", QuantityError.Suffix)]
    [InlineData("1KB", QuantityError.FormatWrong)]
    [InlineData("1e9223372036854775808", QuantityError.Suffix)]
    [InlineData(".e-10", QuantityError.Numeric)]
    [InlineData("-.e-10", QuantityError.Numeric)]
    public void Rejects_with_the_upstream_error(string input, QuantityError expected)
    {
        Assert.False(Quantity.TryParse(input, out _, out var error));
        Assert.Equal(expected, error);
        var thrown = Assert.Throws<QuantityFormatException>(() => Quantity.Parse(input));
        Assert.Equal(Quantity.ErrorText(expected), thrown.Message);
    }

    [Fact]
    public void Error_texts_are_kubernetes_own()
    {
        Assert.Equal("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'", Quantity.ErrorText(QuantityError.FormatWrong));
        Assert.Equal("unable to parse quantity's suffix", Quantity.ErrorText(QuantityError.Suffix));
        Assert.Equal("unable to parse numeric part of quantity", Quantity.ErrorText(QuantityError.Numeric));
    }

    /// <summary>Grammar corners of the real scanner, printed values checked with kubectl v1.32.4.</summary>
    [Theory]
    [InlineData("-", "0")]
    [InlineData("+", "0")]
    [InlineData("-000", "0")]
    [InlineData(".", "0")]
    [InlineData("+.", "0")]
    [InlineData("1.5Gi", "1536Mi")]
    [InlineData("0.1m", "100u")]
    [InlineData("1e99999999999", "10e1215752190")]
    [InlineData("1e9223372036854775807", "100e-3")]
    [InlineData("1e-99999", "1e-9")]
    [InlineData("8Ei", "9223372036854775807")]
    [InlineData("-0.0000000001", "-1n")]
    [InlineData("1e21", "1e21")]
    [InlineData("9999999999999999999", "9999999999999999999")]
    [InlineData("1E3", "1E3")]
    [InlineData("01k", "01k")]
    [InlineData("1.08", "1080m")]
    [InlineData("-1.1Ki", "-1126400m")]
    [InlineData("1.5e-2147483648", "150e2147483646")]
    [InlineData("100.035Ki", "102435840m")]
    public void Prints_what_kubectl_prints(string input, string expected)
    {
        Assert.Equal(expected, Quantity.Parse(input).ToString());
    }

    [Fact]
    public void Null_is_rejected_without_throwing()
    {
        Assert.False(Quantity.TryParse((string?)null, out var q, out var error));
        Assert.Equal(QuantityError.FormatWrong, error);
        Assert.True(q.IsZero);
    }
}
