using System.Globalization;
using System.Text;

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
                case '\r': break;
                default:
                    // Control characters other than tab and newline are not allowed in HTML text; show them as U+FFFD.
                    w.Append(char.IsControl(c) && c is not ('\n' or '\t') ? '\uFFFD' : c);
                    break;
            }
        }

        return w.ToString();
    }

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
