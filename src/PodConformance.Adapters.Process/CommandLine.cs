using System.Text;

namespace PodConformance.Adapters.Process;

/// <summary>
/// Splits <c>process:CMD ARGS</c> into argv the way a POSIX shell splits words, but with no shell: no
/// variables, globs, pipes or redirections, so what the user typed is exactly what runs. Single quotes are
/// literal; inside double quotes a backslash escapes <c>"</c> and <c>\</c>; outside quotes a backslash
/// escapes any character.
/// </summary>
public static class CommandLine
{
    public const string Prefix = "process:";

    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var args = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                if (inWord)
                {
                    args.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            if (c == '\'')
            {
                int end = text.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    throw new FormatException("unterminated single quote in " + Excerpt.Quote(text));
                }

                word.Append(text, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("unterminated double quote in " + Excerpt.Quote(text));
                    }

                    if (text[i] == '"')
                    {
                        break;
                    }

                    if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
                    {
                        i++;
                    }

                    word.Append(text[i]);
                    i++;
                }
            }
            else if (c == '\\')
            {
                if (i + 1 >= text.Length)
                {
                    throw new FormatException("trailing backslash in " + Excerpt.Quote(text));
                }

                word.Append(text[++i]);
            }
            else
            {
                word.Append(c);
            }
        }

        if (inWord)
        {
            args.Add(word.ToString());
        }

        return args;
    }

    /// <summary>The argv of an adapter spec <c>process:CMD ARGS</c>.</summary>
    public static IReadOnlyList<string> ParseSpec(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!spec.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new FormatException("a process adapter is written process:COMMAND [ARGS...], got " + Excerpt.Quote(spec));
        }

        var argv = Split(spec[Prefix.Length..]);
        if (argv.Count == 0)
        {
            throw new FormatException("process: needs a command, e.g. process:python3 adapter.py");
        }

        return argv;
    }

    /// <summary>argv back as text that <see cref="Split"/> reads to the same words (for names and messages).</summary>
    public static string Join(IEnumerable<string> argv)
    {
        ArgumentNullException.ThrowIfNull(argv);
        return string.Join(" ", argv.Select(QuoteWord));
    }

    private static string QuoteWord(string word)
    {
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or ':' or '=' or ',' or '+' or '@'))
        {
            return word;
        }

        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
