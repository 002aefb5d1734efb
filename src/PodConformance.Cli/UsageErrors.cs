using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text;
using PodConformance.Cli.Output;

namespace PodConformance.Cli;

/// <summary>
/// Usage errors worded as kubectl (cobra) words them: an unknown verb with "Did you mean this?" and the nearest
/// verbs, an unknown flag with the nearest flag of that verb, and always where to read the verb's help.
/// </summary>
public static class UsageErrors
{
    public static string Describe(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var command = parsed.CommandResult.Command;
        string path = CommandPath(parsed.CommandResult);
        var sb = new StringBuilder();
        bool unknownVerb = false;
        // Like cobra, the first unknown token is the error: what follows it may be its value.
        foreach (string token in parsed.UnmatchedTokens.Take(1))
        {
            if (token.StartsWith('-') && !token.StartsWith("--", StringComparison.Ordinal) && token.Length > 1)
            {
                // pflag's parseShortArg: letters are read in turn (a boolean one goes on to the next, one that takes a
                // value ends the group); the first letter no shorthand of the verb has is reported with what is left of
                // the group from it: "unknown shorthand flag: 'O' in -O" (-wO: 'O' in -O).
                string group = token[1..];
                int at = 0;
                for (int i = 0; i < group.Length && group[i] != '='; i++)
                {
                    var option = command.Options.FirstOrDefault(o => o.Aliases.Prepend(o.Name).Contains("-" + group[i], StringComparer.Ordinal));
                    if (option is null)
                    {
                        at = i;
                        break;
                    }

                    if (option is not Option<bool>)
                    {
                        break;
                    }
                }

                sb.Append("podconf: unknown shorthand flag: '").Append(group[at]).Append("' in -").Append(group[at..]).Append('\n');
            }
            else if (token.StartsWith('-'))
            {
                string flag = token.Split('=', ':')[0];
                var names = command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).ToList();
                var near = Suggest.Nearest(flag, names);
                sb.Append("podconf: unknown flag: ").Append(flag);
                if (near.Count > 0)
                {
                    sb.Append(" (did you mean ").Append(near[0]).Append("?)");
                }

                sb.Append('\n');
            }
            else if (command.Subcommands.Count > 0)
            {
                unknownVerb = true;
                sb.Append("podconf: unknown command \"").Append(token).Append("\" for \"").Append(path).Append("\"\n");
                var near = Suggest.Nearest(token, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
                if (near.Count > 0)
                {
                    sb.Append("\nDid you mean this?\n");
                    foreach (string n in near)
                    {
                        sb.Append('\t').Append(n).Append('\n');
                    }

                    sb.Append('\n');
                }
            }
            else
            {
                sb.Append("podconf: unexpected argument \"").Append(token).Append("\" for \"").Append(path).Append("\"\n");
                if (Input.FieldValidationOption.IsValue(token) && AfterBareValidate(parsed, token))
                {
                    // `--validate warn`: pflag gives a flag with NoOptDefVal its value only after '=' (SCHEMA-009). Only
                    // right after the flag: `--no-headers false` is another flag's word.
                    sb.Append("podconf: ").Append(Input.FieldValidationOption.Name).Append(" takes its value after '=' only, as kubectl's (")
                        .Append(Input.FieldValidationOption.Name).Append('=').Append(token).Append("); alone it means ")
                        .Append(Input.FieldValidationOption.BareValue).Append('\n');
                }
            }
        }

        foreach (var error in parsed.Errors)
        {
            if (parsed.UnmatchedTokens.Count == 0 || !(error.Message.StartsWith("Unrecognized command or argument", StringComparison.Ordinal) || error.Message.StartsWith("Required command was not provided", StringComparison.Ordinal)))
            {
                sb.Append("podconf: ").Append(error.Message).Append('\n');
            }
        }

        sb.Append(unknownVerb ? "Run '" + path + " --help' for usage.\n" : "See '" + path + " --help' for usage.\n");
        return sb.ToString();
    }

    /// <summary>
    /// The lines for a flag pflag refused (<see cref="PflagSyntax"/>): its message, and for an unknown long flag the nearest
    /// flag of the verb, as <see cref="Describe"/> words an unknown flag.
    /// </summary>
    public static string Flag(Command command, string error)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(error);
        var sb = new StringBuilder("podconf: ").Append(error);
        const string Unknown = "unknown flag: ";
        if (error.StartsWith(Unknown, StringComparison.Ordinal))
        {
            var names = command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).ToList();
            var near = Suggest.Nearest(error[Unknown.Length..], names);
            if (near.Count > 0)
            {
                sb.Append(" (did you mean ").Append(near[0]).Append("?)");
            }
        }

        sb.Append('\n');
        const string Shorthand = "unknown shorthand flag: '";
        if (error.StartsWith(Shorthand, StringComparison.Ordinal) && error.Length > Shorthand.Length && error[Shorthand.Length] is (>= '0' and <= '9') or '.'
            && command.Arguments.Count > 0 && error.LastIndexOf(" in ", StringComparison.Ordinal) is int at and >= 0)
        {
            // `quantity -1`: pflag reads a word starting with '-' as flags; a negative value goes after `--`.
            string word = error[(at + 4)..];
            sb.Append("podconf: a value that starts with '-' goes after '--' (podconf ").Append(command.Name).Append(" -- ").Append(word).Append(")\n");
        }

        return sb.ToString();
    }

    /// <summary>
    /// Whether the stray word came right after <c>--validate</c> alone, which reaches the parser as <c>--validate</c> and
    /// its bare value (<see cref="Input.FieldValidationOption.KubectlSyntax"/>); <c>--validate=strict warn</c> reads the same.
    /// </summary>
    private static bool AfterBareValidate(ParseResult parsed, string token)
    {
        var tokens = parsed.Tokens;
        for (int i = 2; i < tokens.Count; i++)
        {
            if (tokens[i].Value == token && tokens[i - 1].Value == Input.FieldValidationOption.BareValue && tokens[i - 2].Value == Input.FieldValidationOption.Name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>podconf golden verify</c>: the verb as typed, from the root.</summary>
    public static string CommandPath(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var names = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult c)
            {
                names.Add(c.Command is RootCommand ? "podconf" : c.Command.Name);
            }
        }

        names.Reverse();
        return string.Join(" ", names);
    }
}
