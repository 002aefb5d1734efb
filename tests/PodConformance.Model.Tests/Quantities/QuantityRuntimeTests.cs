using System.Diagnostics;
using System.Globalization;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Tests.Quantities;

/// <summary>Allocation, culture and hostile-input budgets: the non-functional promises of the model.</summary>
public sealed class QuantityRuntimeTests
{
    private static readonly string[] Mix = ["100m", "128Mi", "1.5Gi", "2", "500M", "1e3", "+100m", "01k", "-0.0000000001", "1.08"];

    [Fact]
    public void Parsing_int64_representable_strings_allocates_nothing()
    {
        long sink = 0;
        for (int i = 0; i < 100; i++)
        {
            foreach (var s in Mix)
            {
                Quantity.TryParse(s, out var q, out _);
                sink += q.Sign;
            }
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            foreach (var s in Mix)
            {
                Quantity.TryParse(s, out var q, out _);
                sink += q.Sign;
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.NotEqual(-1, sink);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    public void Output_does_not_depend_on_culture(string culture)
    {
        string[] inputs = ["1.5Gi", "-1.1Ki", "0.1m", "1e-3", "1000E", "12345678901234567890123.5", "-1E", "1e99999999999"];
        var invariant = Run(inputs);
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(invariant, Run(inputs));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Theory]
    [InlineData("1e99999999999")]
    [InlineData("1e-99999999999")]
    [InlineData("1e2147483648")]
    [InlineData("-1.5e-2147483647")]
    [InlineData("12345678901234567890e-2000000000")]
    [InlineData("12345678901234567890e2000000000")]
    public void Huge_exponents_are_answered_at_once(string input)
    {
        var watch = Stopwatch.StartNew();
        var q = Quantity.Parse(input);
        _ = q.ToString();
        _ = q.MilliValue();
        _ = q.CompareTo(Quantity.Parse("1"));
        _ = q.Defects;
        Assert.True(watch.ElapsedMilliseconds < 2000, watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Go_hangs_where_the_model_answers_and_says_so()
    {
        // The exponent truncates to -2^31, whose negation wraps again inside inf.Dec: Go holds 10^(2^31) and
        // then writes it out to round to nano (kubectl v1.32.4 never returns). The model gives Go's answer.
        var q = Quantity.Parse("1e2147483648");
        Assert.Equal("100e2147483646", q.ToString());
        Assert.True(q.Defects.HasFlag(QuantityDefects.UpstreamIntractable));
        Assert.True(q.Defects.HasFlag(QuantityDefects.ExponentTruncated));
    }

    [Fact]
    public void A_hundred_thousand_digits_parse_and_print()
    {
        string digits = "1" + new string('7', 99_999);
        var watch = Stopwatch.StartNew();
        var q = Quantity.Parse(digits);
        Assert.Equal(digits, q.ToString());
        Assert.Equal(q, Quantity.Parse(digits + ".000"));
        Assert.True(watch.ElapsedMilliseconds < 20000, "a bound on never hanging, not a benchmark");
    }

    private static string Run(string[] inputs)
    {
        var parts = new List<string>();
        foreach (var s in inputs)
        {
            var q = Quantity.Parse(s);
            parts.Add(q + "|" + q.ToCanonicalString() + "|" + q.Value().ToString(CultureInfo.InvariantCulture) + "|" + q.MilliValue().ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(";", parts);
    }
}
