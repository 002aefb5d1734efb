using System.Text;

namespace PodConformance.Model.Events;

/// <summary>
/// kubectl's <c>printers.WriteEscaped</c> (pkg/printers/terminal.go <c>terminalEscaper</c>, spec/describe.md DESC-002):
/// ESC becomes <c>^[</c> and CR the two characters <c>\r</c>, so a label or an event message cannot drive the terminal.
/// Everything describe prints goes through it, the Events block included, whether rendered alone or as part of the page.
/// </summary>
public static class TerminalEscape
{
    /// <summary>The text escaped; the same instance when nothing needs it.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny('\u001b', '\r') < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        Append(sb, text);
        return sb.ToString();
    }

    /// <summary>Appends the text escaped.</summary>
    public static void Append(StringBuilder sb, string text)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(text);
        foreach (char c in text)
        {
            switch (c)
            {
                case '\u001b': sb.Append("^["); break;
                case '\r': sb.Append("\\r"); break;
                default: sb.Append(c); break;
            }
        }
    }
}
