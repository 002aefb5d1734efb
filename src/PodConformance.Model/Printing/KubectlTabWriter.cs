using System.Text;

namespace PodConformance.Model.Printing;

/// <summary>
/// Column layout of Go <c>text/tabwriter</c> as kubectl configures it (<c>printers.GetNewTabWriter</c>: minwidth 6,
/// tabwidth 4, padding 3, pad char ' ', flag RememberWidths from the liggitt/tabwriter fork) (PRINT-019).
/// </summary>
/// <remarks>
/// A row is its cells joined by tabs: every cell but the last is tab-terminated and padded to its column
/// block's width (widest cell in the block, in runes, plus padding, at least minwidth); the last cell is written
/// as is, so lines never end in spaces. A column block is a run of consecutive lines that all have that
/// column; blocks nest as in Go's <c>format</c>. With RememberWidths a column never narrows across flushes,
/// which is what makes <c>kubectl get -w</c> lines line up with the header printed earlier.
/// Cells must not contain tab, newline, vertical tab or form feed (tabwriter would split them).
/// </remarks>
public sealed class KubectlTabWriter
{
    public const int MinWidth = 6;
    public const int TabWidth = 4;
    public const int Padding = 3;

    private readonly List<int> _remembered = [];

    /// <summary>Lays out the lines of one flush; every line ends with '\n'.</summary>
    public string Flush(IReadOnlyList<string[]> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var widths = new List<int>();
        var sb = new StringBuilder();
        Format(lines, sb, widths, 0, lines.Count);
        return sb.ToString();
    }

    private void Format(IReadOnlyList<string[]> lines, StringBuilder sb, List<int> widths, int line0, int line1)
    {
        int column = widths.Count;
        for (int current = line0; current < line1; current++)
        {
            if (column >= lines[current].Length - 1)
            {
                continue;
            }

            // A block of lines having a tab-terminated cell in this column starts here.
            WriteLines(lines, sb, widths, line0, current);
            line0 = current;
            int width = MinWidth;
            for (; current < line1; current++)
            {
                var line = lines[current];
                if (column >= line.Length - 1)
                {
                    break;
                }

                int w = RuneWidth(line[column]) + Padding;
                if (w > width)
                {
                    width = w;
                }
            }

            width = Remember(column, width);
            widths.Add(width);
            Format(lines, sb, widths, line0, current);
            widths.RemoveAt(widths.Count - 1);
            line0 = current;
        }

        WriteLines(lines, sb, widths, line0, line1);
    }

    /// <summary>RememberWidths: a column is never narrower than it has been in an earlier block or flush.</summary>
    private int Remember(int column, int width)
    {
        while (_remembered.Count <= column)
        {
            _remembered.Add(0);
        }

        if (_remembered[column] > width)
        {
            return _remembered[column];
        }

        _remembered[column] = width;
        return width;
    }

    private static void WriteLines(IReadOnlyList<string[]> lines, StringBuilder sb, List<int> widths, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            var line = lines[i];
            for (int j = 0; j < line.Length; j++)
            {
                sb.Append(line[j]);
                if (j < widths.Count)
                {
                    int pad = widths[j] - RuneWidth(line[j]);
                    if (pad > 0)
                    {
                        sb.Append(' ', pad);
                    }
                }
            }

            sb.Append('\n');
        }
    }

    /// <summary>utf8.RuneCount of the cell: one per code point, a lone surrogate counting as one (U+FFFD).</summary>
    internal static int RuneWidth(string text)
    {
        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }
}
