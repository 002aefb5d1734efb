using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

public class QuantityCommandTests
{
    private const string FormatWrong = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    [Fact]
    public void Tsv_has_one_line_per_input_with_the_contract_columns()
    {
        var r = CliRun.WithStdin("100m\n1.5Gi\n+1k\nabc\n1 \n\n", "quantity", "-o", "tsv", "-f", "-");
        Assert.Equal(
            "100m\tok\t100m\t100m\tDecimalSI\t100\t1\n" +
            "1.5Gi\tok\t1536Mi\t1536Mi\tBinarySI\t1610612736000\t1610612736\n" +
            "+1k\tok\t+1k\t1k\tDecimalSI\t1000000\t1000\n" +
            "abc\terr\t\t\t\t\t\t" + FormatWrong + "\n" +
            "1 \terr\t\t\t\t\t\t" + FormatWrong + "\n" +
            "\terr\t\t\t\t\t\t" + FormatWrong + "\n",
            r.Out);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void Inputs_are_taken_exactly_as_given_and_escaped_in_tsv()
    {
        var r = CliRun.WithStdin("1\r\n2\t\n", "quantity", "-o", "tsv", "-f", "-");
        Assert.StartsWith("1\\r\terr\t", r.Out, StringComparison.Ordinal);
        Assert.Contains("\n2\\t\terr\t", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Suffix_error_uses_kubernetes_text()
    {
        var r = CliRun.WithStdin("1KB\n", "quantity", "-o", "tsv", "-f", "-");
        Assert.Equal("1KB\terr\t\t\t\t\t\t" + FormatWrong + "\n", r.Out);
        r = CliRun.WithStdin("5K\n", "quantity", "-o", "tsv", "-f", "-");
        Assert.Equal("5K\terr\t\t\t\t\t\tunable to parse quantity's suffix\n", r.Out);
    }

    [Fact]
    public void Table_for_people_with_exit_0_when_all_parse()
    {
        var r = CliRun.Run("quantity", "100m", "1e3");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(
            "INPUT   STRING   CANONICAL   FORMAT            MILLIVALUE   VALUE\n" +
            "100m    100m     100m        DecimalSI         100          1\n" +
            "1e3     1e3      1e3         DecimalExponent   1000000      1000\n",
            r.Out);
    }

    [Fact]
    public void Defects_are_flagged_as_warnings_on_stderr()
    {
        var r = CliRun.Run("quantity", "1000E");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("podconf: warning: 1000E: Kubernetes 1.28-1.37 print this value without its suffix", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_identical_under_other_cultures()
    {
        string input = "100m\n1.5Gi\n-0.5\n1e3\n12345678901234567890\n";
        var invariant = CliRun.WithStdin(input, "quantity", "-o", "tsv", "-f", "-");
        foreach (string culture in new[] { "de-DE", "tr-TR", "ar-SA", "fr-FR" })
        {
            Assert.Equal(invariant.Out, CliRun.RunInCulture(culture, input, "quantity", "-o", "tsv", "-f", "-").Out);
        }
    }

    [Fact]
    public void Missing_file_is_an_input_error_without_stack_trace()
    {
        var r = CliRun.Run("quantity", "-f", "/nonexistent/q.txt");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("podconf: /nonexistent/q.txt: no such file or directory\n", r.Error);
    }

    [Fact]
    public void Unknown_output_format_is_a_usage_error()
    {
        var r = CliRun.Run("quantity", "-o", "xml", "1");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("podconf: ", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_input_is_a_usage_error()
    {
        var r = CliRun.Run("quantity");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("give one or more VALUEs", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_values_carry_no_warning()
    {
        var r = CliRun.Run("quantity", "1.5Gi", "100m", "128Mi");
        Assert.Equal("", r.Error);
    }

    /// <summary>An input with no line at all answers nothing: an input error as <c>quantity</c> without VALUEs is (it printed nothing, exit 0).</summary>
    [Fact]
    public void An_empty_file_is_an_input_error()
    {
        var r = CliRun.WithStdin("", "quantity", "-o", "tsv", "-f", "-");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Equal("podconf: quantity: no quantity in <stdin> (an empty file; one quantity per line)\n", r.Error);

        var blank = CliRun.WithStdin("\n", "quantity", "-o", "tsv", "-f", "-");
        Assert.Equal(1, blank.ExitCode);
        Assert.StartsWith("\terr\t", blank.Out, StringComparison.Ordinal);

        var withValues = CliRun.WithStdin("", "quantity", "-o", "tsv", "-f", "-", "100m");
        Assert.Equal(0, withValues.ExitCode);
        Assert.StartsWith("100m\tok\t", withValues.Out, StringComparison.Ordinal);
    }
}
