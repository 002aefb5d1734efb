using System.CommandLine;

namespace PodConformance.Cli;

/// <summary>
/// The arguments rewritten, before System.CommandLine parses them, to what pflag (kubectl's flag library, spf13/pflag
/// flag.go <c>parseArgs</c>, <c>parseShortArg</c>, <c>parseSingleShortArg</c>) would have read, where the two differ:
/// a single-valued flag given more than once keeps its last value (pflag's <c>Set</c> overwrites; System.CommandLine
/// refuses "expects a single argument but 2 were provided"), while a repeatable one (<c>-f</c>, <c>--objects</c>) keeps
/// every value; and a group of shorthands is read letter by letter, a boolean one going on to the next letter and one
/// that takes a value taking the rest of the group (after an optional <c>=</c>) or else the next argument
/// (<c>-wR</c>, <c>-wOyaml</c>, <c>-wO yaml</c>).
/// </summary>
/// <remarks>
/// Which flags are single-valued, boolean or repeatable is read from the verb's own option definitions (an option whose
/// arity allows at most one value is single-valued), so a new option needs nothing here. An unknown letter in a group is
/// left at the head of what remains of the group (<c>-wO</c> becomes <c>-w -O</c>), which the usage error then reports
/// as pflag does, <c>unknown shorthand flag: 'O' in -O</c> (pflag reports the group from the bad letter on).
/// Everything after a bare <c>--</c> is left alone, as pflag stops reading flags there; an unknown long flag is passed on
/// unchanged.
/// </remarks>
public static class PflagSyntax
{
    public static string[] Rewrite(RootCommand root, IReadOnlyList<string> args)
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

        var options = new List<Option>(command.Options);
        options.AddRange(ancestors.SelectMany(a => a.Options).Where(o => o.Recursive));

        // Each occurrence of a flag with the tokens it spans (a flag and its value), and the other tokens, in order.
        var pieces = new List<(Option? Option, string[] Tokens)>();
        while (i < args.Count)
        {
            string arg = args[i++];
            if (arg == "--")
            {
                pieces.Add((null, [.. args.Skip(i - 1)]));
                break;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                int eq = arg.IndexOf('=', StringComparison.Ordinal);
                var option = Find(options, eq < 0 ? arg : arg[..eq]);
                if (option is not null && eq < 0 && TakesValue(option) && i < args.Count)
                {
                    pieces.Add((option, [arg, args[i++]]));
                }
                else
                {
                    pieces.Add((option, [arg]));
                }
            }
            else if (arg.Length > 1 && arg[0] == '-')
            {
                i = ShortGroup(options, arg, args, i, pieces);
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

        return [.. result];
    }

    /// <summary>pflag's parseShortArg over one argument <c>-abc</c>; returns the index of the next argument.</summary>
    private static int ShortGroup(List<Option> options, string arg, IReadOnlyList<string> args, int next, List<(Option?, string[])> pieces)
    {
        string group = arg[1..];
        for (int at = 0; at < group.Length; at++)
        {
            var option = Find(options, "-" + group[at]);
            if (option is null || group[at] == '=')
            {
                // Unknown: what is left of the group goes on as one word, for the usage error to report as pflag does
                // (the whole argument when the first letter is unknown, so nothing changes for it).
                pieces.Add((null, [at == 0 ? arg : "-" + group[at..]]));
                return next;
            }

            string flag = "-" + group[at];
            bool attached = at + 1 < group.Length;
            if (!TakesValue(option))
            {
                if (attached && group[at + 1] == '=')
                {
                    pieces.Add((option, [flag + group[(at + 1)..]])); // -w=false
                    return next;
                }

                pieces.Add((option, [flag]));
                continue;
            }

            if (attached)
            {
                // '-f=arg' or '-farg': the rest of the group is the value.
                string value = group[at + 1] == '=' ? group[(at + 2)..] : group[(at + 1)..];
                pieces.Add((option, [flag, value]));
            }
            else if (next < args.Count)
            {
                pieces.Add((option, [flag, args[next++]]));
            }
            else
            {
                pieces.Add((option, [flag]));
            }

            return next;
        }

        return next;
    }

    private static bool TakesValue(Option option) => option is not Option<bool> && option.Arity.MaximumNumberOfValues > 0;

    private static Option? Find(List<Option> options, string name) =>
        options.FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name));
}
