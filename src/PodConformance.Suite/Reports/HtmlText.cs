using System.Globalization;
using System.Text;
using PodConformance.Model.Printing;

namespace PodConformance.Suite.Reports;

/// <summary>
/// HTML escaping and number formatting for the HTML report: every text from a run (case YAML, adapter errors, reasons)
/// goes through <see cref="Escape"/>, so nothing an adapter or a generated quantity says can become markup.
/// </summary>
public static class HtmlText
{
    /// <summary>Text for element content and attribute values (double- or single-quoted).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var w = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': w.Append("&amp;"); break;
                case '<': w.Append("&lt;"); break;
                case '>': w.Append("&gt;"); break;
                case '"': w.Append("&quot;"); break;
                case '\'': w.Append("&#39;"); break;
                default:
                    // Control characters other than tab and newline are not allowed in HTML text: shown as escapes
                    // (\r, \x1b), as the terminal and the other reports show them.
                    if (Printable.IsControl(c) && c is not ('\n' or '\t'))
                    {
                        Printable.Append(w, [c], keepLineBreaksAndTabs: false);
                    }
                    else
                    {
                        w.Append(c);
                    }

                    break;
            }
        }

        return w.ToString();
    }

    /// <summary>Escaped and cut to <paramref name="max"/> characters, saying the length (<see cref="Printable.Shorten"/>).</summary>
    public static string Short(string text, int max) => Escape(Printable.Shorten(text, max));

    /// <summary>Escaped, every line cut to <paramref name="max"/> characters.</summary>
    public static string ShortLines(string text, int max) => Escape(Printable.ShortenLines(text, max));

    /// <summary>An id usable in <c>id</c> and <c>href="#…"</c> (letters, digits, '-', '_'; others become '-').</summary>
    public static string Anchor(string prefix, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return prefix + new string(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
    }

    /// <summary>An SVG coordinate: invariant culture, at most one decimal, no exponent.</summary>
    public static string Num(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
