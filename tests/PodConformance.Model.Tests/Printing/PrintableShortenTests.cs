using PodConformance.Model.Printing;

namespace PodConformance.Model.Tests.Printing;

public class PrintableShortenTests
{
    [Fact]
    public void A_short_value_is_the_same_string()
    {
        const string text = "100m";
        Assert.Same(text, Printable.Shorten(text, 40));
    }

    [Fact]
    public void A_long_value_is_cut_to_the_limit_and_says_its_length()
    {
        string digits = new('7', 4761);
        string shown = Printable.Shorten(digits, 40);
        Assert.Equal(40, shown.Length);
        Assert.EndsWith("…(4761 chars)", shown, StringComparison.Ordinal);
        Assert.StartsWith(new string('7', 27), shown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        string text = new string('a', 27) + "😀" + new string('b', 100); // the cut (28 kept) falls inside the pair
        string shown = Printable.Shorten(text, 40);
        Assert.Equal(new string('a', 27) + "…(129 chars)", shown);
    }

    [Fact]
    public void Only_long_lines_are_cut()
    {
        string text = "short\n" + new string('x', 300) + "\nend\n";
        Assert.Equal("short\n" + new string('x', 228) + "…(300 chars)\nend\n", Printable.ShortenLines(text, 240));
    }
}
