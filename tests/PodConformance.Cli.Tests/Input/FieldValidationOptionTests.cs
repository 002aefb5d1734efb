using PodConformance.Cli.Input;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Validation;

namespace PodConformance.Cli.Tests.Input;

/// <summary>
/// SCHEMA-009: <c>--validate</c> split as pflag splits a string flag with <c>NoOptDefVal</c> (spf13/pflag <c>flag.go</c>
/// <c>parseLongArg</c> at <c>01748d80</c>: <c>--flag=arg</c>, else <c>NoOptDefVal</c>, else the next argument; <c>--</c>
/// ends the flags in <c>parseArgs</c>), and read as kubectl's <c>GetValidationDirective</c> (kubernetes/kubernetes
/// <c>staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go</c>).
/// </summary>
public class FieldValidationOptionTests
{
    [Theory]
    [InlineData("validate|--validate|-f|x", "validate|--validate=strict|-f|x")]
    [InlineData("validate|--validate|warn", "validate|--validate=strict|warn")]
    [InlineData("validate|--validate=", "validate|--validate|")]
    [InlineData("validate|--validate=warn", "validate|--validate=warn")]
    [InlineData("validate|--validate=-x", "validate|--validate=-x")]
    [InlineData("validate|--|--validate|--validate=", "validate|--|--validate|--validate=")]
    [InlineData("validate|--validatex|--Validate", "validate|--validatex|--Validate")]
    public void KubectlSyntax_says_what_pflag_reads(string args, string expected)
    {
        Assert.Equal(expected.Split('|'), FieldValidationOption.KubectlSyntax(args.Split('|')));
    }

    /// <summary>Every spelling strconv.ParseBool takes (Go's strconv/atob.go), and kubectl's three words.</summary>
    [Theory]
    [InlineData("1", FieldValidation.Strict)]
    [InlineData("t", FieldValidation.Strict)]
    [InlineData("T", FieldValidation.Strict)]
    [InlineData("TRUE", FieldValidation.Strict)]
    [InlineData("true", FieldValidation.Strict)]
    [InlineData("True", FieldValidation.Strict)]
    [InlineData("strict", FieldValidation.Strict)]
    [InlineData("0", FieldValidation.Ignore)]
    [InlineData("f", FieldValidation.Ignore)]
    [InlineData("F", FieldValidation.Ignore)]
    [InlineData("FALSE", FieldValidation.Ignore)]
    [InlineData("false", FieldValidation.Ignore)]
    [InlineData("False", FieldValidation.Ignore)]
    [InlineData("ignore", FieldValidation.Ignore)]
    [InlineData("warn", FieldValidation.Warn)]
    public void Parse_maps_kubectls_spellings(string value, FieldValidation expected)
    {
        Assert.Equal(expected, FieldValidationOption.Parse(value));
        Assert.True(FieldValidationOption.IsValue(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Strict")]
    [InlineData("WARN")]
    [InlineData("tRuE")]
    [InlineData("yes")]
    [InlineData("2")]
    public void Parse_refuses_anything_else_with_kubectls_text(string value)
    {
        var e = Assert.Throws<UserInputException>(() => FieldValidationOption.Parse(value));
        Assert.Equal("--validate: invalid - validate option " + GoQuote.Quote(value) + "; must be one of: strict (or true), warn, ignore (or false)", e.Message);
        Assert.False(FieldValidationOption.IsValue(value));
    }
}
