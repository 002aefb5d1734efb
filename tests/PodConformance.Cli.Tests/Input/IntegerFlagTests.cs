using PodConformance.Cli.Input;
using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Input;

/// <summary>
/// podconf's number flags read as pflag's <c>IntVar</c>/<c>Uint64Var</c>: Go's <c>strconv.ParseInt(s, 0, 64)</c> and
/// <c>ParseUint(s, 0, 64)</c>. Expected values follow Go's strconv/atoi.go (go1.22: base-0 prefixes <c>0b</c>, <c>0o</c>,
/// <c>0x</c> and a lone leading <c>0</c> for octal, needing a digit after a two-letter prefix; <c>underscoreOK</c>;
/// <c>NumError.Error</c> = <c>strconv.FUNC: parsing QUOTED: ERR</c>; ParseInt reports with the whole input, sign included).
/// </summary>
public class IntegerFlagTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("42", 42L)]
    [InlineData("+42", 42L)]
    [InlineData("-42", -42L)]
    [InlineData("0x1F", 31L)]
    [InlineData("0X1f", 31L)]
    [InlineData("0o17", 15L)]
    [InlineData("017", 15L)]
    [InlineData("0b101", 5L)]
    [InlineData("1_000", 1000L)]
    [InlineData("0x_1", 1L)]
    [InlineData("-0b1", -1L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void ParseInt_reads_what_go_reads(string text, long expected)
    {
        Assert.True(IntegerFlag.TryParseInt(text, out long value, out string? error), error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("", "strconv.ParseInt: parsing \"\": invalid syntax")]
    [InlineData("+", "strconv.ParseInt: parsing \"+\": invalid syntax")]
    [InlineData("abc", "strconv.ParseInt: parsing \"abc\": invalid syntax")]
    [InlineData(" 5", "strconv.ParseInt: parsing \" 5\": invalid syntax")]
    [InlineData("1e3", "strconv.ParseInt: parsing \"1e3\": invalid syntax")]
    [InlineData("08", "strconv.ParseInt: parsing \"08\": invalid syntax")]
    [InlineData("0x", "strconv.ParseInt: parsing \"0x\": invalid syntax")]
    [InlineData("_1", "strconv.ParseInt: parsing \"_1\": invalid syntax")]
    [InlineData("1_", "strconv.ParseInt: parsing \"1_\": invalid syntax")]
    [InlineData("1__0", "strconv.ParseInt: parsing \"1__0\": invalid syntax")]
    [InlineData("9223372036854775808", "strconv.ParseInt: parsing \"9223372036854775808\": value out of range")]
    [InlineData("-9223372036854775809", "strconv.ParseInt: parsing \"-9223372036854775809\": value out of range")]
    [InlineData("99999999999999999999", "strconv.ParseInt: parsing \"99999999999999999999\": value out of range")]
    public void ParseInt_refuses_what_go_refuses_in_its_words(string text, string expected)
    {
        Assert.False(IntegerFlag.TryParseInt(text, out _, out string? error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("18446744073709551615", true, "")]
    [InlineData("18446744073709551616", false, "strconv.ParseUint: parsing \"18446744073709551616\": value out of range")]
    [InlineData("-1", false, "strconv.ParseUint: parsing \"-1\": invalid syntax")]
    public void ParseUint_is_gos(string text, bool ok, string expected)
    {
        Assert.Equal(ok, IntegerFlag.TryParseUint(text, out _, out string? error));
        Assert.Equal(expected, error ?? "");
    }

    /// <summary>
    /// On the command line: pflag's FlagSet.Set error (<c>invalid argument %q for %q flag: %v</c>), never .NET's
    /// <c>Cannot parse argument 'abc' for option '--count' as expected type 'System.Int32'</c>; Go's spellings are numbers.
    /// </summary>
    [Theory]
    [InlineData("run|--count|abc", "podconf: invalid argument \"abc\" for \"--count\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax\nSee 'podconf run --help' for usage.\n")]
    [InlineData("run|--repeat| 2", "podconf: invalid argument \" 2\" for \"--repeat\" flag: strconv.ParseInt: parsing \" 2\": invalid syntax\nSee 'podconf run --help' for usage.\n")]
    [InlineData("myths|--seed|-1", "podconf: invalid argument \"-1\" for \"--seed\" flag: strconv.ParseUint: parsing \"-1\": invalid syntax\nSee 'podconf myths --help' for usage.\n")]
    [InlineData("diff|--from|1.36|--max-changes|1.5", "podconf: invalid argument \"1.5\" for \"--max-changes\" flag: strconv.ParseInt: parsing \"1.5\": invalid syntax\nSee 'podconf diff --help' for usage.\n")]
    // Beyond int but within Go's int: the verb's own range check answers, as it would for pflag's value.
    [InlineData("run|--count|99999999999", "podconf: --count: must be a number of cases from 1 to 1000000\nSee 'podconf run --help' for usage.\n")]
    public void Flags_refuse_in_pflags_words(string args, string error)
    {
        var r = CliRun.Run(args.Split('|'));
        Assert.Equal(error, r.Error);
        Assert.Equal(2, r.ExitCode);
    }

    [Fact]
    public void A_base_prefixed_count_is_a_count()
    {
        var hex = CliRun.Run("run", "--rules", "P-QTY-PARSE", "--count", "0x10");
        var plain = CliRun.Run("run", "--rules", "P-QTY-PARSE", "--count", "16");
        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(plain, hex);
    }
}
