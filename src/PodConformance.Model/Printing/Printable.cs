using System.Buffers;
using System.Globalization;
using System.Text;

namespace PodConformance.Model.Printing;

/// <summary>
/// Makes text from input safe to print: control characters (C0, DEL, C1) become visible escapes (<c>\n</c>,
/// <c>\t</c>, <c>\r</c>, <c>\x1b</c>, <c>\u0085</c>), so that a key, name or value cannot move the cursor, retitle a
/// terminal (<c>ESC ] 0 ; … BEL</c>), clear it (<c>ESC [ 2 J</c>) or forge an extra line or column. One place for
/// every printer: diagnostics, tables, env lines, and the CLI's output streams as a last guard.
/// </summary>
public static class Printable
{
    private static readonly SearchValues<char> Controls = SearchValues.Create(ControlCharacters());

    public static bool NeedsEscape(ReadOnlySpan<char> text) => text.IndexOfAny(Controls) >= 0;

    /// <summary><paramref name="text"/> with every control character escaped; the same string when there is none.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = text.AsSpan().IndexOfAny(Controls);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        sb.Append(text, 0, first);
        Append(sb, text.AsSpan(first), keepLineBreaksAndTabs: false);
        return sb.ToString();
    }

    /// <summary>Appends <paramref name="text"/> escaped; LF and TAB kept when <paramref name="keepLineBreaksAndTabs"/> (whole output, not one value).</summary>
    public static void Append(StringBuilder sb, ReadOnlySpan<char> text, bool keepLineBreaksAndTabs)
    {
        ArgumentNullException.ThrowIfNull(sb);
        foreach (char c in text)
        {
            if (!IsControl(c) || (keepLineBreaksAndTabs && c is '\n' or '\t'))
            {
                sb.Append(c);
                continue;
            }

            switch (c)
            {
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    sb.Append(c < '\u0080' ? "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture) : "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
            }
        }
    }

    /// <summary>
    /// <paramref name="text"/> cut to at most about <paramref name="max"/> characters, saying how long it was:
    /// <c>12345678901234…(4761 chars)</c>. A 4,761-digit quantity would otherwise fill a terminal, a Markdown cell or
    /// an HTML column; the full value stays in the JSON report and the replay command reproduces it.
    /// </summary>
    public static string Shorten(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 24);
        if (text.Length <= max)
        {
            return text;
        }

        string suffix = "…(" + text.Length.ToString(CultureInfo.InvariantCulture) + " chars)";
        int keep = max - suffix.Length;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--; // never half a surrogate pair
        }

        return string.Concat(text.AsSpan(0, keep), suffix);
    }

    /// <summary>Every line of <paramref name="text"/> longer than <paramref name="max"/> shortened as <see cref="Shorten"/> does.</summary>
    public static string ShortenLines(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            int stop = end < 0 ? text.Length : end;
            sb.Append(stop - start > max ? Shorten(text[start..stop], max) : text.AsSpan(start, stop - start));
            if (end < 0)
            {
                break;
            }

            sb.Append('\n');
            start = end + 1;
        }

        return sb.ToString();
    }

    public static bool IsControl(char c) => c < ' ' || (c >= '\u007F' && c <= '\u009F');

    private static string ControlCharacters()
    {
        var sb = new StringBuilder();
        for (char c = '\0'; c <= '\u009F'; c++)
        {
            if (IsControl(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
