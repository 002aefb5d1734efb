namespace PodConformance.Adapters.Process;

/// <summary>
/// The last lines an adapter wrote to stderr, kept so a failure can quote them: a crashing adapter's
/// traceback is usually the best explanation there is. Bounded in lines and line length.
/// </summary>
internal sealed class StderrTail(int maxLines = 20, int maxLineLength = 500)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string line)
    {
        if (line.Length > maxLineLength)
        {
            line = line[..maxLineLength] + "…";
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > maxLines)
            {
                _lines.Dequeue();
            }
        }
    }

    public IReadOnlyList<string> Last(int count)
    {
        lock (_gate)
        {
            return _lines.Skip(Math.Max(0, _lines.Count - count)).ToArray();
        }
    }

    /// <summary><c>; stderr (last N lines): a | b</c>, or empty when the adapter wrote nothing.</summary>
    public string Describe(int count)
    {
        var lines = Last(count);
        if (lines.Count == 0)
        {
            return "";
        }

        return "; stderr (last " + lines.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " lines): "
            + string.Join(" | ", lines.Select(l => Excerpt.Quote(l, 300)));
    }
}
