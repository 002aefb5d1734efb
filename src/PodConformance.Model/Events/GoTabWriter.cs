using System.Text;

namespace PodConformance.Model.Events;

/// <summary>
/// Go's <c>text/tabwriter</c> as kubectl describe configures it (minwidth 0, padding 2, pad char ' ', no flags):
/// tab-terminated cells, the text after a line's last tab is not aligned, and a column's width is decided over
/// a block of consecutive lines that all have that column. A line with fewer cells ends the block, so a
/// multi-line message splits the table into separately aligned blocks, as real output does.
/// </summary>
internal static class GoTabWriter
{
    private const int Padding = 2;

    public static string Format(string text)
    {
        var lines = new List<string[]>();
        int start = 0;
        while (start < text.Length)
        {
            int nl = text.IndexOf('\n', start);
            int end = nl < 0 ? text.Length : nl;
            lines.Add(text[start..end].Split('\t'));
            start = end + 1;
        }

        var sb = new StringBuilder(text.Length * 2);
        var widths = new List<int>();
        FormatBlock(sb, lines, widths, 0, lines.Count);
        if (text.Length > 0 && text[^1] != '\n')
        {
            // An unterminated last line is written without the newline the loop added.
            sb.Length--;
        }

        return sb.ToString();
    }

    /// <summary>Lines [line0, line1) given the widths of the columns to the left; mirrors tabwriter's format().</summary>
    private static void FormatBlock(StringBuilder sb, List<string[]> lines, List<int> widths, int line0, int line1)
    {
        int column = widths.Count;
        for (int i = line0; i < line1; i++)
        {
            if (column >= lines[i].Length - 1)
            {
                continue;
            }

            WriteLines(sb, lines, widths, line0, i);
            line0 = i;
            int width = 0;
            for (; i < line1 && column < lines[i].Length - 1; i++)
            {
                width = Math.Max(width, CellWidth(lines[i][column]) + Padding);
            }

            widths.Add(width);
            FormatBlock(sb, lines, widths, line0, i);
            widths.RemoveAt(widths.Count - 1);
            line0 = i;
            i--;
        }

        WriteLines(sb, lines, widths, line0, line1);
    }

    private static void WriteLines(StringBuilder sb, List<string[]> lines, List<int> widths, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            var cells = lines[i];
            for (int j = 0; j < cells.Length; j++)
            {
                sb.Append(cells[j]);
                if (j < widths.Count && j < cells.Length - 1)
                {
                    sb.Append(' ', widths[j] - CellWidth(cells[j]));
                }
            }

            sb.Append('\n');
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
