namespace PodConformance.Model.Printing;

/// <summary>
/// The text of <c>kubectl get pods</c> (and <c>-o wide</c>, <c>--no-headers</c>): upper-cased column names, then one
/// line per row, laid out by <see cref="KubectlTabWriter"/>. For <c>--watch</c>, keep one
/// <see cref="KubectlTabWriter"/> and call <see cref="Lines"/> per event so widths are remembered.
/// </summary>
public static class PodTable
{
    /// <summary>The column names of the pod table definition, upper-cased as kubectl prints them.</summary>
    public static readonly string[] Headers = ["NAME", "READY", "STATUS", "RESTARTS", "AGE"];

    /// <summary>The priority-1 columns added by <c>-o wide</c>.</summary>
    public static readonly string[] WideHeaders = ["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"];

    /// <summary>
    /// The whole table. No rows gives an empty string: kubectl then prints "No resources found…" to stderr,
    /// not a header.
    /// </summary>
    public static string Format(IReadOnlyList<PodRow> rows, bool wide = false, bool noHeaders = false)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return "";
        }

        return Lines(new KubectlTabWriter(), rows, wide, !noHeaders);
    }

    /// <summary>One flush of <paramref name="writer"/>: optionally the header, then the rows.</summary>
    public static string Lines(KubectlTabWriter writer, IReadOnlyList<PodRow> rows, bool wide, bool header)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        var lines = new List<string[]>(rows.Count + 1);
        if (header)
        {
            lines.Add(wide ? WideHeaders : Headers);
        }

        foreach (var row in rows)
        {
            lines.Add(row.Cells(wide));
        }

        return writer.Flush(lines);
    }
}
