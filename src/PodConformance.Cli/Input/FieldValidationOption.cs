using System.CommandLine;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Validation;

namespace PodConformance.Cli.Input;

/// <summary>
/// <c>--validate[=strict|warn|ignore]</c>, read as kubectl reads it (k8s.io/kubectl <c>pkg/cmd/util/helpers.go</c>
/// <c>GetValidationDirective</c>): a Go boolean (<c>strconv.ParseBool</c>: true is <c>strict</c>, false is <c>ignore</c>),
/// else exactly <c>strict</c>, <c>warn</c> or <c>ignore</c>; the bare flag is <c>strict</c> (kubectl's <c>NoOptDefVal</c>).
/// </summary>
/// <remarks>
/// Without the flag podconf answers as <c>Warn</c>, the API server's default for a request that names no mode (and what
/// podconf always answered, issue 9), not as kubectl, whose own default is <c>strict</c> (SCHEMA-009).
/// </remarks>
public sealed class FieldValidationOption
{
    public Option<string?> Validate { get; } = new("--validate")
    {
        Description = "Unknown fields, as kubectl's --validate: strict (or true; the bare flag) refuses the pod as the API server does (BadRequest, exit 1), "
            + "warn prints a warning for each and goes on (podconf's default; kubectl's is strict), ignore (or false) drops them silently",
        HelpName = "strict|warn|ignore",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Validate);
    }

    public FieldValidation Read(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.GetResult(Validate) is not { } given)
        {
            return FieldValidation.Warn;
        }

        return given.Tokens.Count == 0 ? FieldValidation.Strict : Parse(given.Tokens[0].Value);
    }

    /// <summary>GetValidationDirective's mapping; anything else is a usage error worded as kubectl's.</summary>
    public static FieldValidation Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value switch
        {
            // strconv.ParseBool's spellings.
            "1" or "t" or "T" or "TRUE" or "true" or "True" or "strict" => FieldValidation.Strict,
            "0" or "f" or "F" or "FALSE" or "false" or "False" or "ignore" => FieldValidation.Ignore,
            "warn" => FieldValidation.Warn,
            _ => throw new UserInputException("--validate: invalid - validate option " + GoQuote.Quote(value) + "; must be one of: strict (or true), warn, ignore (or false)"),
        };
    }
}
