using PodConformance.Model.Events;

namespace PodConformance.Model.Tests.Events;

/// <summary>
/// Go's <c>text/tabwriter</c> (DESC-002): the rows of Go's own test table that use no flags and a pad character other
/// than tab (the settings kubectl's are among; the Escape byte 0xff is left out, as no valid UTF-8 text holds it), from
/// golang/go <c>src/text/tabwriter/tabwriter_test.go</c> at commit 4d68b147014912302b8648db9ddf8d8c806b10c8, each with
/// its test name; minwidth, padding and padchar as there (tabwidth is not read without tab padding).
/// </summary>
public class GoTabWriterTests
{
    [Theory]
    [InlineData("1", 8, 1, '.', "", "")]
    [InlineData("2", 8, 1, '.', "\n\n\n", "\n\n\n")]
    [InlineData("3", 8, 1, '.', "a\nb\nc", "a\nb\nc")]
    [InlineData("4a", 8, 1, '.', "\t", "")]
    [InlineData("5", 8, 1, '.', "*\t*", "*.......*")]
    [InlineData("5b", 8, 1, '.', "*\t*\n", "*.......*\n")]
    [InlineData("5c", 8, 1, '.', "*\t*\t", "*.......*")]
    [InlineData("6", 8, 1, '.', "\t\n", "........\n")]
    [InlineData("7a", 8, 1, '.', "a) foo", "a) foo")]
    [InlineData("7b", 8, 1, ' ', "b) foo\tbar", "b) foo  bar")]
    [InlineData("7c", 8, 1, '.', "c) foo\tbar\t", "c) foo..bar")]
    [InlineData("7d", 8, 1, '.', "d) foo\tbar\n", "d) foo..bar\n")]
    [InlineData("7e", 8, 1, '.', "e) foo\tbar\t\n", "e) foo..bar.....\n")]
    [InlineData("8", 8, 1, '*', "Hello, world!\n", "Hello, world!\n")]
    [InlineData("9a", 1, 0, '.', "1\t2\t3\t4\n11\t222\t3333\t44444\n", "1.2..3...4\n11222333344444\n")]
    [InlineData("9c", 1, 0, '.', "1\t2\t3\t4\f11\t222\t3333\t44444\n", "1234\n11222333344444\n")]
    [InlineData("10a", 5, 0, '.', "1\t2\t3\t4\n", "1....2....3....4\n")]
    [InlineData("10b", 5, 0, '.', "1\t2\t3\t4\t\n", "1....2....3....4....\n")]
    [InlineData("11", 8, 1, '.', "本\tb\tc\naa\t\u672c\u672c\u672c\tcccc\tddddd\naaa\tbbbb\n", "本.......b.......c\naa......本本本.....cccc....ddddd\naaa.....bbbb\n")]
    [InlineData("12b", 2, 0, ' ', "a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n", "a  b  c\naa bbbcccc\naaabbbb\n")]
    [InlineData("12c", 8, 1, '_', "a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n", "a_______b_______c\naa______bbb_____cccc\naaa_____bbbb\n")]
    [InlineData("13a", 4, 1, '-', "4444\t日本語\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n",
        "4444------日本語-22--1---333\n999999999-22\n7---------22\n------------------88888888\n\n666666-666666-666666----4444\n1------1------999999999-0000000000\n")]
    [InlineData("13b", 4, 3, '.', "4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n",
        "4444........333...22...1...333\n999999999...22\n7...........22\n....................88888888\n\n666666...666666...666666......4444\n1........1........999999999...0000000000\n")]
    [InlineData("15a", 4, 0, '.', "a\t\tb", "a.......b")]
    public void Go_tabwriter_test_table(string name, int minWidth, int padding, char padChar, string src, string expected) =>
        Assert.True(expected == GoTabWriter.Format(src, minWidth, padding, padChar), name);

    /// <summary>
    /// Go's rows 15c and 16b write <c>\v</c> under DiscardEmptyColumns, which kubectl does not set; without it a <c>\v</c>
    /// cell is a tab's (only <c>discardable</c> reads the difference in format()), so 15c's input gives 15a's output.
    /// </summary>
    [Fact]
    public void A_vertical_tab_ends_a_cell_as_a_tab_does_without_flags()
    {
        Assert.Equal("a.......b", GoTabWriter.Format("a\v\vb", 4, 0, '.'));
        Assert.Equal(GoTabWriter.Format("Labels:\tx\nAnnotations:\tk: a\tb\n"), GoTabWriter.Format("Labels:\tx\nAnnotations:\tk: a\vb\n"));
    }

    /// <summary>A form feed ends the line and flushes: the lines after it are aligned without those before (row 9c).</summary>
    [Fact]
    public void A_form_feed_is_a_newline_that_ends_the_alignment()
    {
        Assert.Equal("Name:  web\nNamespace:  default\n", GoTabWriter.Format("Name:\tweb\fNamespace:\tdefault\n"));
        Assert.Equal("Name:       web\nNamespace:  default\n", GoTabWriter.Format("Name:\tweb\nNamespace:\tdefault\n"));
        Assert.Equal("a\n\nb", GoTabWriter.Format("a\n\fb"));
    }
}
