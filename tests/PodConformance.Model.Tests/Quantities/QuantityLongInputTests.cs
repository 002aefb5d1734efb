using System.Diagnostics;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Tests.Quantities;

/// <summary>
/// Issue 14 item 4: a quantity of a million digits is answered, not ground through for minutes. Printing used
/// BigInteger.ToString, quadratic in the digit count (a million digits: over 80 s on these machines for the string
/// alone); long inputs now keep their digits as text (BigAmount.DigitText). The bound is generous on purpose (the
/// work left is linear or BigInteger.Parse, a few seconds at most on a loaded machine), so the test does not flake,
/// while the old code could not meet it.
/// </summary>
public sealed class QuantityLongInputTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("-", "")]
    [InlineData("", "k")]
    [InlineData("", "e-3")]
    public void A_million_digit_quantity_is_answered_with_its_exact_text(string sign, string suffix)
    {
        string digits = "9" + new string('1', 999_998) + "7";
        var clock = Stopwatch.StartNew();
        var q = Quantity.Parse(sign + digits + suffix);
        string text = q.ToString();
        string canonical = q.ToCanonicalString();
        long value = q.Value();
        long milli = q.MilliValue();
        var defects = q.Defects;
        int order = q.CompareTo(Quantity.Parse("1"));
        var defaulted = q.RoundUp(-3); // API defaulting (DEF-017) rounds every resource list to milli
        string defaultedText = defaulted.ToString();
        bool same = defaulted.Equals(q);
        clock.Stop();

        Assert.True(same);
        Assert.Equal(canonical, defaultedText);

        string expected = suffix switch
        {
            "" => sign + digits,
            "k" => sign + digits + "k",
            _ => sign + digits + "e-3", // DecimalExponent keeps the e form
        };
        Assert.Equal(expected, canonical);
        Assert.Equal(expected, text);
        Assert.Equal(sign == "-" ? -1 : 1, order);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        _ = (value, milli, defects);
    }
}
