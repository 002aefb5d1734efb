using PodConformance.Model.Quantities;

namespace PodConformance.Model.Tests.Quantities;

public class QuantityRoundUpTests
{
    /// <summary>
    /// kubernetes/apimachinery pkg/api/resource/quantity_test.go TestQuantityRoundUp (int64 form; the
    /// asDec loop needs Go's AsDec, which the model does not expose): value, and whether it was exact.
    /// </summary>
    [Theory]
    [InlineData("9.01", -3, "9.01", true)]
    [InlineData("9.01", -2, "9.01", true)]
    [InlineData("9.01", -1, "9.1", false)]
    [InlineData("9.01", 0, "10", false)]
    [InlineData("9.01", 1, "10", false)]
    [InlineData("9.01", 2, "100", false)]
    [InlineData("-9.01", -3, "-9.01", true)]
    [InlineData("-9.01", -2, "-9.01", true)]
    [InlineData("-9.01", -1, "-9.1", false)]
    [InlineData("-9.01", 0, "-10", false)]
    [InlineData("-9.01", 1, "-10", false)]
    [InlineData("-9.01", 2, "-100", false)]
    public void RoundUp_matches_upstream(string input, int scale, string expected, bool exact)
    {
        var rounded = Quantity.Parse(input).RoundUp(scale, out bool wasExact);
        Assert.Equal(0, rounded.CompareTo(Quantity.Parse(expected)));
        Assert.Equal(exact, wasExact);
        Assert.Equal(QuantityFormat.DecimalSI, rounded.Format);
    }

    /// <summary>
    /// API defaulting rounds to milli scale (DEF-017). The int64 form keeps its echoed text when nothing
    /// changes; any change, and any decimal-backed value, prints canonically afterwards (apimachinery RoundUp).
    /// </summary>
    [Theory]
    [InlineData("100m", "100m")]
    [InlineData("+100m", "+100m")]
    [InlineData("0.1m", "1m")]
    [InlineData("1.0001", "1001m")]
    [InlineData("-0.1m", "-1m")]
    [InlineData("1.5Gi", "1536Mi")]
    [InlineData("1e-4", "1e-3")]
    [InlineData("12e-4", "2e-3")]
    public void RoundUp_to_milli_prints_as_the_api_server_stores_it(string input, string stored) =>
        Assert.Equal(stored, Quantity.Parse(input).RoundUp(-3).ToString());
}
