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
