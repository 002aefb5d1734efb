using System.Globalization;
using System.Text;
using PodConformance.Model.Printing;
using PodConformance.Suite.Running;

namespace PodConformance.Suite.Reports;

/// <summary>A Markdown summary for CI step summaries ($GITHUB_STEP_SUMMARY): totals, a table, failures in details blocks.</summary>
public static class MarkdownReport
{
    public static string Render(RunReport run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var w = new StringBuilder();
        w.Append("## podconf run: ").Append(Printable.Escape(run.Adapter)).Append('\n').Append('\n');
        w.Append(CultureInfo.InvariantCulture, $"Kubernetes {run.Profile}, seed `{run.Options.Seed}`, {run.Options.Count} cases per property.\n\n");
        w.Append("**").Append(ConsoleReport.Totals(run)).Append("**\n\n");
        w.Append("| property | result | cases | note |\n|---|---|---|---|\n");
        foreach (var r in run.Results)
        {
            string note = r.Outcome switch
            {
                Outcome.Passed => "",
                Outcome.ExpectedFailure => SignatureText.Note(r),
                _ => r.Counterexample?.Detail ?? r.Reason,
            };
            w.Append("| `").Append(r.Property.Id).Append("` | ").Append(RunText.Outcome(r.Outcome)).Append(" | ")
                .Append(r.CasesRun.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(Cell(note)).Append(" |\n");
        }

        var expected = SignatureText.WithExpected(run).ToList();
        if (expected.Count > 0)
        {
            w.Append("\n### Expected failures\n\n| property | signature | cases | reason |\n|---|---|---|---|\n");
            foreach (var r in expected)
            {
                foreach (var s in r.Signatures.Where(s => s.Expected is not null))
                {
                    w.Append("| `").Append(r.Property.Id).Append("` | ").Append(Cell("[" + s.Signature.Facet + ": " + s.Signature.Kind + "]")).Append(" | ")
                        .Append(s.Cases.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(Cell(s.Expected!.Reason)).Append(" |\n");
                }

                foreach (var e in r.NotSeen)
                {
                    w.Append("| `").Append(r.Property.Id).Append("` | ").Append(Cell("[" + e.Facet + ": " + e.Kind + "]")).Append(" | not seen").Append(e.Flaky ? " (flaky, " + e.SeenText() + ")" : "").Append(" | ").Append(Cell(e.Reason)).Append(" |\n");
                }
            }
        }

        foreach (var r in run.Results.Where(r => r.Outcome is Outcome.Failed or Outcome.UnexpectedPass or Outcome.Error))
        {
            w.Append("\n<details><summary>").Append(r.Property.Id).Append(": ").Append(Cell(r.Property.Title)).Append("</summary>\n\n```\n")
                .Append(FailureText.Render(run, r).Replace("```", "'''", StringComparison.Ordinal)).Append("```\n\n</details>\n");
        }

        return w.ToString();
    }

    /// <summary>A table cell: one line, control characters escaped, at most 200 characters, no column or tag breaks.</summary>
    private static string Cell(string text) =>
        Printable.Shorten(Printable.Escape(text.Replace("\n", " ", StringComparison.Ordinal)), 200).Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
