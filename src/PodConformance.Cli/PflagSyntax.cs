using System.CommandLine;

namespace PodConformance.Cli;

/// <summary>
/// The arguments rewritten, before System.CommandLine parses them, to what pflag (kubectl's flag library, spf13/pflag
/// flag.go <c>parseArgs</c>, <c>parseLongArg</c>, <c>parseShortArg</c>, <c>parseSingleShortArg</c>) would have read, where
/// the two differ: a single-valued flag given more than once keeps its last value (pflag's <c>Set</c> overwrites;
/// System.CommandLine refuses "expects a single argument but 2 were provided"), while a repeatable one (<c>-f</c>,
/// <c>--objects</c>) keeps every value; a group of shorthands is read letter by letter, a boolean one going on to the next
/// letter and one that takes a value taking the rest of the group (after an optional <c>=</c>) or else the next argument
/// (<c>-wR</c>, <c>-wOyaml</c>, <c>-wO yaml</c>); an underscore in a long flag's name reads as a dash, with kubectl's warning
/// (<c>--no_headers</c>; component-base cli/flag <c>WarnWordSepNormalizeFunc</c>); a long flag is named by what precedes its first <c>=</c> only
/// (System.CommandLine also splits at <c>:</c>, so it read <c>--validate:warn</c> as <c>--validate=warn</c>; pflag:
/// <c>unknown flag: --validate:warn</c>), and <c>--flag=</c> is the empty value, whichever flag it is; a boolean flag takes
/// a value only after <c>=</c>, read as Go's <c>strconv.ParseBool</c> (System.CommandLine gave it the next word when that
/// word was <c>true</c> or <c>false</c>, so <c>--no-headers false</c> printed headers).
/// </summary>
/// <remarks>
/// Which flags are single-valued, boolean or repeatable is read from the verb's own option definitions (an option whose
/// arity allows at most one value is single-valued), so a new option needs nothing here. On a verb without subverbs the
/// first flag pflag would refuse is <see cref="PflagArgs.Error"/>, in pflag's words (flag.go's <c>failf</c> texts and
/// errors.go), and nothing after it is read, as pflag stops there: <c>bad flag syntax: ---x</c>, <c>unknown flag: --x</c>,
/// <c>unknown shorthand flag: 'x' in -xyz</c>, <c>flag needs an argument: --filename</c> or <c>… 'f' in -f</c>, and
/// <c>invalid argument "x" for "--no-headers" flag: strconv.ParseBool: parsing "x": invalid syntax</c> (pflag's
/// <c>FlagSet.Set</c> names a flag with a shorthand <c>-w, --watch</c>). A word taken as a flag's value is handed to
/// System.CommandLine as <c>--name=value</c> (or the name and an empty word), so a value that looks like a flag (pflag's
/// <c>-f -o</c> reads a file named <c>-o</c>) stays a value. On a verb with subverbs (podconf itself, <c>golden</c>,
/// <c>cluster</c>, <c>adapter</c>) an unknown word is cobra's unknown command first, and the arguments go on unchanged for
/// <see cref="UsageErrors"/> to describe. Everything after a bare <c>--</c> is left alone, as pflag stops reading flags
/// there.
/// </remarks>
public static class PflagSyntax
{
    /// <summary>The arguments as pflag would read them for System.CommandLine, and pflag's first refusal (see the class).</summary>
    public static PflagArgs Read(RootCommand root, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        var result = new List<string>(args.Count);
        int i = 0;
        Command command = root;
        var ancestors = new List<Command>();
        while (i < args.Count && command.Subcommands.FirstOrDefault(c => c.Name == args[i] || c.Aliases.Contains(args[i])) is { } sub)
        {
            result.Add(args[i]);
            ancestors.Add(command);
            command = sub;
            i++;
        }

        string path = string.Join(" ", ancestors.Skip(1).Append(command).Where(c => c is not RootCommand).Select(c => c.Name).Prepend("podconf"));
        if (command.Subcommands.Count > 0)
        {
            // cobra finds the verb before it reads flags: an unknown word here is an unknown command, described later,
            // even beside --help or --version (cobra's Find refuses it before either is looked at; System.CommandLine
            // would answer them and drop the error).
            var rest = args.Skip(i).ToList();
            int end = rest.IndexOf("--") is int dash and >= 0 ? dash : rest.Count;
            if (rest.Take(end).Any(w => w.Length > 0 && w[0] != '-'))
            {
                rest = [.. rest.Take(end).Where(w => !IsHelpOrVersion(command, w)), .. rest.Skip(end)];
            }

            result.AddRange(rest);
            return new PflagArgs([.. result], command, path, null, []);
        }

        var options = new List<Option>(command.Options);
        options.AddRange(ancestors.SelectMany(a => a.Options).Where(o => o.Recursive));

        // Each occurrence of a flag with the tokens it spans (a flag and its value), and the other tokens, in order.
        var pieces = new List<(Option? Option, string[] Tokens)>();
        var warnings = new List<string>();
        string? error = null;
        while (i < args.Count && error is null)
        {
            string arg = args[i++];
            if (arg == "--")
            {
                pieces.Add((null, [.. args.Skip(i - 1)]));
                break;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                error = LongFlag(options, arg, args, ref i, pieces, warnings);
            }
            else if (arg.Length > 1 && arg[0] == '-')
            {
                error = ShortGroup(options, arg, args, ref i, pieces);
            }
            else
            {
                pieces.Add((null, [arg]));
            }
        }

        var last = new Dictionary<Option, int>();
        for (int p = 0; p < pieces.Count; p++)
        {
            if (pieces[p].Option is { } option && option.Arity.MaximumNumberOfValues <= 1)
            {
                last[option] = p;
            }
        }

        for (int p = 0; p < pieces.Count; p++)
        {
            if (pieces[p].Option is { } option && last.TryGetValue(option, out int kept) && kept != p)
            {
                continue; // pflag: a later occurrence overwrites this one
            }

            result.AddRange(pieces[p].Tokens);
        }

        return new PflagArgs([.. result], command, path, error, warnings);
    }

    /// <summary>pflag's parseLongArg over <c>--name[=value]</c>; an error in pflag's words, or null.</summary>
    private static string? LongFlag(List<Option> options, string arg, IReadOnlyList<string> args, ref int next, List<(Option?, string[])> pieces, List<string> warnings)
    {
        string name = arg[2..];
        if (name.Length == 0 || name[0] == '-' || name[0] == '=')
        {
            return "bad flag syntax: " + arg;
        }

        int eq = name.IndexOf('=', StringComparison.Ordinal);
        string flag = eq < 0 ? arg : arg[..(eq + 2)];
        var option = Find(options, flag);
        if (option is null && flag.Contains('_', StringComparison.Ordinal) && Find(options, flag.Replace('_', '-')) is { } normalized)
        {
            // kubectl's flags are normalized by component-base's WarnWordSepNormalizeFunc (kubectl cmd.go
            // SetGlobalNormalizationFunc): '_' reads as '-', with a warning once per spelling.
            option = normalized;
            string warning = "using an underscore in a flag name is not supported. " + flag[2..] + " has been converted to " + flag[2..].Replace('_', '-') + ".";
            if (!warnings.Contains(warning))
            {
                warnings.Add(warning);
            }
        }

        if (option is null)
        {
            return "unknown flag: " + flag;
        }

        string? value = eq < 0 ? null : name[(eq + 1)..];
        if (option is Option<bool>)
        {
            return Boolean(option, value, pieces);
        }

        if (!TakesValue(option))
        {
            pieces.Add((option, [arg])); // --help, --version
            return null;
        }

        if (value is null)
        {
            if (next >= args.Count)
            {
                return "flag needs an argument: " + arg;
            }

            value = args[next++];
        }

        pieces.Add((option, Valued(option, value)));
        return null;
    }

    /// <summary>pflag's parseShortArg over one argument <c>-abc</c>; an error in pflag's words, or null.</summary>
    private static string? ShortGroup(List<Option> options, string arg, IReadOnlyList<string> args, ref int next, List<(Option?, string[])> pieces)
    {
        string group = arg[1..];
        for (int at = 0; at < group.Length; at++)
        {
            var option = group[at] == '=' ? null : Find(options, "-" + group[at]);
            if (option is null)
            {
                return "unknown shorthand flag: " + GoRune(group[at]) + " in -" + group[at..];
            }

            bool attached = at + 1 < group.Length;
            if (option is Option<bool>)
            {
                if (attached && group[at + 1] == '=')
                {
                    return Boolean(option, group[(at + 2)..], pieces); // -w=false
                }

                pieces.Add((option, [option.Name + "=true"]));
                continue;
            }

            if (!TakesValue(option))
            {
                pieces.Add((option, ["-" + group[at]])); // -h
                continue;
            }

            string value;
            if (attached)
            {
                // '-f=arg' or '-farg': the rest of the group is the value.
                value = group[at + 1] == '=' ? group[(at + 2)..] : group[(at + 1)..];
            }
            else if (next < args.Count)
            {
                value = args[next++];
            }
            else
            {
                return "flag needs an argument: " + GoRune(group[at]) + " in -" + group[at..];
            }

            pieces.Add((option, Valued(option, value)));
            return null;
        }

        return null;
    }

    /// <summary>A boolean flag: true without a value, else the value as strconv.ParseBool reads it.</summary>
    private static string? Boolean(Option option, string? value, List<(Option?, string[])> pieces)
    {
        bool? parsed = value switch
        {
            null => true,
            "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
            "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
            _ => null,
        };
        if (parsed is not { } b)
        {
            string names = option.Aliases.FirstOrDefault(a => a.Length == 2 && a[0] == '-') is { } shorthand ? shorthand + ", " + option.Name : option.Name;
            return "invalid argument " + GoQuote(value!) + " for \"" + names + "\" flag: strconv.ParseBool: parsing " + GoQuote(value!) + ": invalid syntax";
        }

        pieces.Add((option, [option.Name + (b ? "=true" : "=false")]));
        return null;
    }

    /// <summary>
    /// The flag and its value as System.CommandLine must see them: joined by <c>=</c> so that a value starting with '-'
    /// stays a value, or the name and an empty word (System.CommandLine reads <c>--name=</c> as no value at all).
    /// </summary>
    private static string[] Valued(Option option, string value) =>
        value.Length == 0 ? [option.Name, ""] : [option.Name + "=" + value];

    /// <summary>A word naming the help or version option of <paramref name="command"/> (or the root's recursive help).</summary>
    private static bool IsHelpOrVersion(Command command, string word) =>
        word.StartsWith('-') && command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options)).Any(o =>
            o is System.CommandLine.Help.HelpOption or VersionOption && (o.Name == word || o.Aliases.Contains(word)));

    private static bool TakesValue(Option option) => option is not Option<bool> && option.Arity.MaximumNumberOfValues > 0;

    private static Option? Find(List<Option> options, string name) =>
        options.FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name));

    /// <summary>Go's <c>%q</c> of a rune, for the characters a flag letter can be (a printable one; else its escape).</summary>
    private static string GoRune(char c) => c switch
    {
        '\'' => "'\\''",
        '\\' => "'\\\\'",
        _ when char.IsControl(c) => "'\\x" + ((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + "'",
        _ => "'" + c + "'",
    };

    private static string GoQuote(string value) => PodConformance.Model.Validation.GoQuote.Quote(value);
}

/// <summary>
/// The arguments as pflag reads them, the verb they are for and its path as typed (<c>podconf golden verify</c>), and the
/// first flag pflag would refuse there, in pflag's words (null: none), and the warnings kubectl prints while reading the flags
/// (an underscore in a flag's name).
/// </summary>
public sealed record PflagArgs(string[] Args, Command Command, string CommandPath, string? Error, IReadOnlyList<string> Warnings);
