using System.Text;

namespace PodConformance.Cli.Output;

/// <summary>
/// Aligned columns exactly as kubectl prints them: Go's text/tabwriter with minwidth 10, padding 3, blanks
/// (kubectl's GetNewTabWriter). Every column but the last is padded to max(widest cell + 3, 10).
/// </summary>
public sealed class TabTable
{
    private const int MinWidth = 10;
    private const int Padding = 3;
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public int Count => _rows.Count;

    public void WriteTo(TextWriter writer)
    {
        int columns = 0;
        foreach (var row in _rows)
        {
            columns = Math.Max(columns, row.Length);
        }

        var widths = new int[columns];
        foreach (var row in _rows)
        {
            for (int i = 0; i < row.Length - 1; i++)
            {
                widths[i] = Math.Max(widths[i], TextWidth(row[i]));
            }
        }

        var sb = new StringBuilder();
        foreach (var row in _rows)
        {
            sb.Clear();
            for (int i = 0; i < row.Length; i++)
            {
                sb.Append(row[i]);
                if (i < row.Length - 1)
                {
                    int width = Math.Max(widths[i] + Padding, MinWidth);
                    sb.Append(' ', width - TextWidth(row[i]));
                }
            }

            sb.Append('\n');
            writer.Write(sb.ToString());
        }
    }

    /// <summary>tabwriter counts runes, not UTF-16 units.</summary>
    private static int TextWidth(string s)
    {
        int n = 0;
        foreach (var _ in s.EnumerateRunes())
        {
            n++;
        }

        return n;
    }
}
