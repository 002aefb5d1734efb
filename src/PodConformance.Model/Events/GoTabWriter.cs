using System.Text;

namespace PodConformance.Model.Events;

/// <summary>
/// Go's <c>text/tabwriter</c> as kubectl describe configures it (minwidth 0, padding 2, pad char ' ', no flags):
/// tab-terminated cells, the text after a line's last tab is not aligned, and a column's width is decided over
/// a block of consecutive lines that all have that column. A line with fewer cells ends the block, so a
/// multi-line message splits the table into separately aligned blocks, as real output does.
/// </summary>
/// <remarks>
/// The tabwriter reads every byte of the text, values included (describe escapes only ESC and CR before it,
/// DESC-002): a <c>\v</c> ends a cell as a tab does (its "soft" cell differs only under DiscardEmptyColumns, which
/// kubectl does not set), and a <c>\f</c> ends the line as a newline does and flushes, so the lines after it are
/// aligned on their own; both are consumed, the <c>\f</c> printed as <c>\n</c>. Until session 16 the model kept them
/// as text. An unterminated last line keeps an empty cell after its last tab out of the table, as Flush adds the
/// current cell only when it holds text.
/// </remarks>
internal static class GoTabWriter
{
    private const int Padding = 2;

    private static readonly char[] CellEnds = ['\t', '\v'];

    public static string Format(string text) => Format(text, 0, Padding, ' ');

    /// <summary>The tabwriter with other settings than kubectl's (no flags, a pad character other than tab), for Go's own test table.</summary>
    internal static string Format(string text, int minWidth, int padding, char padChar)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length * 2);
        int start = 0;
        while (true)
        {
            int formFeed = text.IndexOf('\f', start);
            if (formFeed < 0)
            {
                FormatFlushed(sb, text[start..], minWidth, padding, padChar);
                return sb.ToString();
            }

            // The form feed's line is terminated as by a newline, then everything buffered is written.
            FormatFlushed(sb, string.Concat(text.AsSpan(start, formFeed - start), "\n"), minWidth, padding, padChar);
            start = formFeed + 1;
        }
    }

    /// <summary>Text without form feeds, as one buffer that Flush writes.</summary>
    private static void FormatFlushed(StringBuilder sb, string text, int minWidth, int padding, char padChar)
    {
        var lines = new List<string[]>();
        int start = 0;
        while (start < text.Length)
        {
            int nl = text.IndexOf('\n', start);
            int end = nl < 0 ? text.Length : nl;
            var cells = text[start..end].Split(CellEnds);
            if (nl < 0 && cells.Length > 1 && cells[^1].Length == 0)
            {
                // Flush adds the current cell only when it holds text.
                cells = cells[..^1];
            }

            lines.Add(cells);
            start = end + 1;
        }

        int before = sb.Length;
        var widths = new List<int>();
        new Block(sb, lines, minWidth, padding, padChar).Format(widths, 0, lines.Count);
        if (text.Length > 0 && text[^1] != '\n' && sb.Length > before)
        {
            // An unterminated last line is written without the newline the loop added.
            sb.Length--;
        }
    }

    private readonly struct Block(StringBuilder sb, List<string[]> lines, int minWidth, int padding, char padChar)
    {
        /// <summary>Lines [line0, line1) given the widths of the columns to the left; mirrors tabwriter's format().</summary>
        public void Format(List<int> widths, int line0, int line1)
        {
            int column = widths.Count;
            for (int i = line0; i < line1; i++)
            {
                if (column >= lines[i].Length - 1)
                {
                    continue;
                }

                WriteLines(widths, line0, i);
                line0 = i;
                int width = minWidth;
                for (; i < line1 && column < lines[i].Length - 1; i++)
                {
                    width = Math.Max(width, CellWidth(lines[i][column]) + padding);
                }

                widths.Add(width);
                Format(widths, line0, i);
                widths.RemoveAt(widths.Count - 1);
                line0 = i;
                i--;
            }

            WriteLines(widths, line0, line1);
        }

        private void WriteLines(List<int> widths, int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                var cells = lines[i];
                for (int j = 0; j < cells.Length; j++)
                {
                    sb.Append(cells[j]);
                    if (j < widths.Count && j < cells.Length - 1)
                    {
                        sb.Append(padChar, widths[j] - CellWidth(cells[j]));
                    }
                }

                sb.Append('\n');
            }
        }
    }

    /// <summary>tabwriter counts runes (UTF-8 code points), not UTF-16 units.</summary>
    private static int CellWidth(string cell)
    {
        int n = 0;
        foreach (var _ in cell.EnumerateRunes())
        {
            n++;
        }

        return n;
    }
}
