using System.Reflection;

namespace PodConformance.Suite.Reports;

/// <summary>The text of a spec rule, from the <c>spec/*.md</c> tables embedded in this assembly (so failure reports can quote it).</summary>
public static class SpecText
{
    private static readonly Lazy<IReadOnlyDictionary<string, (string File, string Text)>> Rules = new(Load);

    /// <summary>The rule column of <paramref name="id"/>'s table row and its file, or null when the spec has no such row.</summary>
    public static (string File, string Text)? Rule(string id) => Rules.Value.TryGetValue(id, out var r) ? r : null;

    public static IReadOnlyCollection<string> Ids => (IReadOnlyCollection<string>)Rules.Value.Keys;

    private static SortedDictionary<string, (string File, string Text)> Load()
    {
        var rules = new SortedDictionary<string, (string, string)>(StringComparer.Ordinal);
        var assembly = typeof(SpecText).Assembly;
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("spec/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            foreach (var (id, text) in ParseRows(reader.ReadToEnd()))
            {
                rules.TryAdd(id, (name, text));
            }
        }

        return rules;
    }

    /// <summary>Rows <c>| ABC-123 | rule | …</c> of Markdown tables: the ID and the second cell.</summary>
    public static IEnumerable<(string Id, string Text)> ParseRows(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        foreach (string raw in markdown.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (!line.StartsWith('|'))
            {
                continue;
            }

            var cells = SplitCells(line);
            if (cells.Count >= 2 && Rules_IsId(cells[0]))
            {
                yield return (cells[0], cells[1]);
            }
        }
    }

    private static bool Rules_IsId(string cell) => Suite.Rules.RuleIds.IsSpecId(cell);

    /// <summary>Cells of a table row; <c>\|</c> is an escaped bar inside a cell.</summary>
    private static List<string> SplitCells(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        for (int i = 1; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '\\' && i + 1 < line.Length && line[i + 1] == '|')
            {
                current.Append('|');
                i++;
            }
            else if (c == '|')
            {
                cells.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        return cells;
    }
}
