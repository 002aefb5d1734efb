using PodConformance.Model.Printing;

namespace PodConformance.Cli.Output;

/// <summary>Rows collected, then printed with kubectl's column layout (the model's <see cref="KubectlTabWriter"/>).</summary>
public sealed class TabTable
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public int Count => _rows.Count;

    public void WriteTo(TextWriter writer) => writer.Write(new KubectlTabWriter().Flush(_rows));
}
