using System.Globalization;
using System.Text;
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

        w.Append("why: ").Append(result.Reason).Append('\n');
        if (result.Outcome == Outcome.Failed && result.Signatures.LastOrDefault(s => s.Expected is null) is { } failed)
        {
            w.Append("signature: ").Append(failed.Signature.ToString()).Append('\n');
        }

        foreach (string line in SignatureText.Lines(result).Where(l => !l.StartsWith("UNEXPECTED", StringComparison.Ordinal)))
        {
            w.Append(line).Append('\n');
        }
        if (result.Counterexample is { } c)
        {
            w.Append(CultureInfo.InvariantCulture, $"case {c.CaseIndex + 1} of the seed, shrunk {c.Shrinks} times (from {c.Original.Describe()}):\n");
            w.Append(Indent(CaseText.Render(c.Shrunk)));
            w.Append("observed (model = expected | adapter = actual):\n");
            w.Append(SideBySide(p.View(c.Expected), p.View(c.Actual)));
        }

        if (result.Outcome != Outcome.Error || result.CasesRun > 0)
        {
            w.Append("replay: ").Append(RunText.Replay(run, result)).Append('\n');
        }
        return w.ToString();
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
            w.Append("  ").Append(mark).Append(' ').Append(e.PadRight(width)).Append(" | ").Append(a).Append('\n');
        }

        return w.ToString();
    }

    private static string Indent(string text) =>
        string.Concat(text.Split('\n').Select((l, i) => l.Length == 0 ? (i == 0 ? "\n" : "") : "    " + l + "\n"));
}
