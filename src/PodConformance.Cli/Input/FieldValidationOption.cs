using System.CommandLine;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Validation;

namespace PodConformance.Cli.Input;

/// <summary>
/// <c>--validate[=strict|warn|ignore]</c>, parsed and read as kubectl does (SCHEMA-009). The flag is a pflag string flag
/// with <c>NoOptDefVal</c> <c>"strict"</c> (k8s.io/kubectl <c>pkg/cmd/util/helpers.go</c> <c>AddValidateFlags</c>), so pflag's
/// <c>parseLongArg</c> takes its value only after <c>=</c>: <c>--validate</c> alone is <c>strict</c> and never takes the next
/// word, <c>--validate=</c> is the empty value; a repeated flag keeps its last value. The value is then read by
/// <c>GetValidationDirective</c>: a Go boolean (<c>strconv.ParseBool</c>: true is <c>strict</c>, false is <c>ignore</c>),
/// else exactly <c>strict</c>, <c>warn</c> or <c>ignore</c>, case-sensitively; anything else is kubectl's error.
/// </summary>
/// <remarks>
/// System.CommandLine would give an optional value the next word (<c>--validate warn</c>) and drops an empty one
/// (<c>--validate=</c>), so <see cref="KubectlSyntax"/> rewrites the arguments before parsing to say what pflag would
/// have read, and the option itself then always has exactly one value per occurrence.
/// Without the flag podconf answers as <c>Warn</c>, the API server's default for a request that names no mode (and what
/// podconf always answered, issue 9), not as kubectl, whose own default is <c>strict</c>.
/// </remarks>
public sealed class FieldValidationOption
{
    /// <summary>The flag's name, as kubectl spells it.</summary>
    public const string Name = "--validate";

    /// <summary>kubectl's <c>NoOptDefVal</c>: what the bare flag means.</summary>
    public const string BareValue = "strict";

    public Option<string[]> Validate { get; } = new(Name)
    {
        Description = "Unknown fields, as kubectl's --validate: strict (or true; the bare flag) refuses the pod as the API server does (BadRequest), "
            + "warn prints a warning for each and goes on (podconf's default; kubectl's is strict), ignore (or false) drops them silently. "
            + "The value goes after '=' only (--validate=warn), as kubectl's",
        HelpName = "strict|warn|ignore",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Validate);
    }

    public FieldValidation Read(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        // pflag's Set on a repeated string flag overwrites: the last occurrence wins.
        return result.GetValue(Validate) is { Length: > 0 } given ? Parse(given[^1]) : FieldValidation.Warn;
    }

    /// <summary>
    /// The arguments as pflag would split them for <c>--validate</c>: a bare <c>--validate</c> becomes
    /// <c>--validate=strict</c> (its <c>NoOptDefVal</c>; the next argument stays a positional argument), and
    /// <c>--validate=</c> becomes <c>--validate</c> followed by an empty argument (System.CommandLine drops an empty value
    /// after <c>=</c>). Everything after a bare <c>--</c> is left alone, as pflag stops reading flags there.
    /// </summary>
    public static string[] KubectlSyntax(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rewritten = new List<string>(args.Count + 1);
        bool flags = true;
        foreach (string arg in args)
        {
            if (flags && arg == "--")
            {
                flags = false;
            }
            else if (flags && arg == Name)
            {
                rewritten.Add(Name + "=" + BareValue);
                continue;
            }
            else if (flags && arg == Name + "=")
            {
                rewritten.Add(Name);
                rewritten.Add("");
                continue;
            }

            rewritten.Add(arg);
        }

        return [.. rewritten];
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
            _ => throw new UserInputException(Name + ": invalid - validate option " + GoQuote.Quote(value) + "; must be one of: strict (or true), warn, ignore (or false)"),
        };
    }

    /// <summary>The words <see cref="Parse"/> takes: a usage error names them when one was given as a separate argument.</summary>
    public static bool IsValue(string word) => word is "1" or "t" or "T" or "TRUE" or "true" or "True" or "strict" or "0" or "f" or "F" or "FALSE" or "false" or "False" or "ignore" or "warn";
}
