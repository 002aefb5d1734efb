using PodConformance.Model.Printing;

namespace PodConformance.Cli.Output;

/// <summary>Rows collected, then printed with kubectl's column layout (the model's <see cref="KubectlTabWriter"/>).</summary>
public sealed class TabTable
{
    private readonly List<string[]> _rows = [];

    /// <summary>Adds a row; cells come from input, so control characters are escaped (a TAB would shift columns).</summary>
    public void Add(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        for (int i = 0; i < cells.Length; i++)
        {
            cells[i] = Printable.Escape(cells[i]);
        }

        _rows.Add(cells);
    }

    public int Count => _rows.Count;

    public void WriteTo(TextWriter writer) => writer.Write(new KubectlTabWriter().Flush(_rows));

    /// <summary>With <paramref name="noHeaders"/>, the first row (the header) is left out and widths come from the rest, as kubectl's --no-headers.</summary>
    public void WriteTo(TextWriter writer, bool noHeaders)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(new KubectlTabWriter().Flush(noHeaders && _rows.Count > 0 ? _rows.GetRange(1, _rows.Count - 1) : _rows));
    }
}
