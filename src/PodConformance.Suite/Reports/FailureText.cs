using System.Globalization;
using System.Text;
using PodConformance.Model.Printing;
using PodConformance.Suite.Running;

namespace PodConformance.Suite.Reports;

/// <summary>
/// A failure as a person reads it: the property and the spec rules it checks (with their text), the shrunk case as
/// YAML, the model's and the adapter's observation side by side, and the command that replays it.
/// </summary>
public static class FailureText
{
    public static string Render(RunReport run, PropertyResult result)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(result);
        var p = result.Property;
        var w = new StringBuilder();
        w.Append("=== ").Append(RunText.Outcome(result.Outcome)).Append(": ").Append(p.Id).Append(" — ").Append(p.Title).Append('\n');
        w.Append("spec: ").Append(p.Spec).Append("   source: ").Append(p.Source).Append('\n');
        foreach (string id in p.Covers)
        {
            if (SpecText.Rule(id) is { } rule)
            {
                w.Append("  ").Append(id).Append(": ").Append(rule.Text).Append('\n');
            }
        }

        w.Append("why: ").Append(Printable.Shorten(result.Reason, LineLimit)).Append('\n');
        if (result.Outcome == Outcome.Failed && result.Signatures.LastOrDefault(s => s.Expected is null) is { } failed)
        {
            w.Append("signature: ").Append(failed.Signature.ToString()).Append('\n');
        }

        foreach (string line in SignatureText.Lines(result).Where(l => !l.StartsWith("UNEXPECTED", StringComparison.Ordinal)))
        {
            w.Append(Printable.Shorten(line, LineLimit)).Append('\n');
        }

        if (result.Counterexample is { } c)
        {
            w.Append(CultureInfo.InvariantCulture, $"case {c.CaseIndex + 1} of the seed, shrunk {Plural.Times(c.Shrinks)} (from {Printable.Shorten(c.Original.Describe(), 120)}):\n");
            w.Append(Indent(Printable.ShortenLines(CaseText.Render(c.Shrunk), LineLimit)));
            w.Append("observed (model = expected | adapter = actual):\n");
            w.Append(SideBySide(p.View(c.Expected), p.View(c.Actual)));
        }

        if (result.Outcome != Outcome.Error || result.CasesRun > 0)
        {
            w.Append("replay: ").Append(RunText.Replay(run, result)).Append('\n');
        }

        return Escaped(w.ToString());
    }

    /// <summary>
    /// The longest value line a failure prints (the reason, a line of the case); longer ones (a 4,761-digit quantity)
    /// are cut, saying their length. Long enough for an adapter's error with its command line; the spec's rule texts
    /// are podconf's own and printed whole.
    /// </summary>
    public const int LineLimit = 400;

    /// <summary>The longest value of one side-by-side column.</summary>
    private const int CellLimit = 110;

    /// <summary>
    /// Report text made safe and short: control characters from a case or an adapter shown as escapes (LF and TAB
    /// kept), every line cut to <see cref="LineLimit"/>.
    /// </summary>
    public static string Clean(string text) => Printable.ShortenLines(Escaped(text), LineLimit);

    /// <summary>Control characters shown as escapes, LF and TAB kept (terminal, Markdown and JUnit print failures through this).</summary>
    private static string Escaped(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 16);
        Printable.Append(sb, text, keepLineBreaksAndTabs: true);
        return sb.ToString();
    }

    /// <summary>Two columns; lines that differ are marked with <c>!</c>.</summary>
    public static string SideBySide(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        int width = Math.Max("model".Length, expected.Count == 0 ? 0 : expected.Max(l => l.Length));
        width = Math.Min(width, 70);
        var w = new StringBuilder();
        w.Append("    ").Append("model".PadRight(width)).Append(" | adapter\n");
        int n = Math.Max(expected.Count, actual.Count);
        for (int i = 0; i < n; i++)
        {
            string e = i < expected.Count ? expected[i] : "";
            string a = i < actual.Count ? actual[i] : "";
            char mark = string.Equals(e, a, StringComparison.Ordinal) ? ' ' : '!';
            (e, a) = (Cell(e), Cell(a));
            w.Append("  ").Append(mark).Append(' ').Append(e.PadRight(width)).Append(" | ").Append(a).Append('\n');
        }

        return w.ToString();
    }

    /// <summary>One value of a column: on one line, and short enough that both columns stay in view.</summary>
    private static string Cell(string value) => Printable.Shorten(Printable.Escape(value), CellLimit);

    private static string Indent(string text) =>
        string.Concat(text.Split('\n').Select((l, i) => l.Length == 0 ? (i == 0 ? "\n" : "") : "    " + l + "\n"));
}
