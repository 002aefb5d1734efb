using System.Globalization;
using System.Text;
using PodConformance.Model.Printing;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Running;

namespace PodConformance.Suite.Reports;

/// <summary>The run as printed to a terminal or CI log: a header, one row per property, the failures, the totals.</summary>
public static class ConsoleReport
{
    /// <summary>The run's first line and a blank line: what is checked, against what, with which seed (printed before the first case).</summary>
    public static string Header(string adapter, Profile profile, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var w = new StringBuilder();
        w.Append(CultureInfo.InvariantCulture, $"podconf run: adapter {Printable.Escape(adapter)}, Kubernetes {profile}, seed {options.Seed}, {Plural.Of(options.Count, "case")} per property");
        if (options.Repeat > 1)
        {
            w.Append(CultureInfo.InvariantCulture, $", each run {options.Repeat} times");
        }

        if (options.Shard is { } shard)
        {
            w.Append(", shard ").Append(shard.ToString());
        }

        return w.Append("\n\n").ToString();
    }

    /// <param name="run">The run.</param>
    /// <param name="timings">A TIME column.</param>
    /// <param name="header">Start with <see cref="Header"/> (false when it was printed before the run).</param>
    public static string Render(RunReport run, bool timings = false, bool header = true)
    {
        ArgumentNullException.ThrowIfNull(run);
        var w = new StringBuilder();
        if (header)
        {
            w.Append(Header(run.Adapter, run.Profile, run.Options));
        }

        var rows = new List<string[]> { timings ? ["PROPERTY", "RESULT", "CASES", "TIME", "NOTE"] : ["PROPERTY", "RESULT", "CASES", "NOTE"] };
        foreach (var r in run.Results)
        {
            string cases = r.CasesRun.ToString(CultureInfo.InvariantCulture);
            string note = Note(r);
            rows.Add(timings
                ? [r.Property.Id, RunText.Outcome(r.Outcome), cases, r.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + "s", note]
                : [r.Property.Id, RunText.Outcome(r.Outcome), cases, note]);
        }

        w.Append(new KubectlTabWriter().Flush(rows));
        foreach (var r in run.Results.Where(r => r.Outcome is Outcome.Failed or Outcome.UnexpectedPass or Outcome.Error))
        {
            w.Append('\n').Append(FailureText.Render(run, r));
        }

        var expected = SignatureText.WithExpected(run).ToList();
        if (expected.Count > 0)
        {
            w.Append("\nexpected failures (known deviations of this adapter, by signature):\n");
            foreach (var r in expected)
            {
                foreach (string line in SignatureText.Lines(r))
                {
                    w.Append("  ").Append(line).Append('\n');
                }

                foreach (var s in r.Signatures.Where(s => s.Expected is not null && s.Example is not null))
                {
                    w.Append(CultureInfo.InvariantCulture, $"    {s.Signature.Property} example: case {s.Example!.CaseIndex + 1}, shrunk {Plural.Times(s.Example.Shrinks)}: {s.Example.Detail.Replace('\n', ' ')}\n");
                }
            }
        }

        if (run.Results.Any(r => r.Coverage is not null))
        {
            w.Append('\n').Append(CoverageText.Render(run));
        }

        w.Append('\n').Append(Totals(run)).Append('\n');
        return w.ToString();
    }

    public static string Totals(RunReport run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Plural.Of(run.Results.Count, "property", "properties")}: {run.Count(Outcome.Passed)} passed, {run.Count(Outcome.Failed)} failed, {Plural.Of(run.Count(Outcome.ExpectedFailure), "expected failure")}, {Plural.Of(run.Count(Outcome.UnexpectedPass), "unexpected pass", "unexpected passes")}, {Plural.Of(run.Count(Outcome.Error), "error")}, {run.Count(Outcome.Skipped)} skipped — {(run.AsExpected ? "as expected" : run.CasesReached == 0 ? "NOT as expected: no case reached the adapter" : "NOT as expected")}");
    }

    private static string Note(PropertyResult r)
    {
        string note = r.Outcome switch
        {
            Outcome.Passed => "",
            Outcome.ExpectedFailure => SignatureText.Note(r),
            Outcome.Failed when r.Counterexample is { } c => c.Detail,
            _ => r.Reason,
        };
        return Printable.Shorten(Printable.Escape(note.Replace('\n', ' ')), 100);
    }
}
