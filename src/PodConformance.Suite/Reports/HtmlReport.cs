using System.Globalization;
using System.Text;
using PodConformance.Model.Time;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Running;
using static PodConformance.Suite.Reports.HtmlText;

namespace PodConformance.Suite.Reports;

/// <summary>
/// The run as one self-contained HTML page for people: header, a summary table, and for each failure the rule texts,
/// a lifecycle timeline picture (SVG) of model vs adapter, both observations side by side with differences marked,
/// the shrunk case and the replay command. Inline CSS and SVG only, no scripts, nothing loaded from elsewhere, and
/// the same bytes for the same run (times only with <c>timings</c>), so it can be kept and diffed like the others.
/// </summary>
public static class HtmlReport
{
    /// <param name="run">The run.</param>
    /// <param name="timings">Include elapsed times (then the page differs run to run).</param>
    /// <param name="specBase">
    /// Where the repository root is, relative to the page (<c>../</c>), so spec files become links; null when the page
    /// does not sit in a checkout (spec file names are then plain text, rule texts are quoted in the page anyway).
    /// </param>
    public static string Render(RunReport run, bool timings = false, string? specBase = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var w = new StringBuilder();
        w.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Append("<title>podconf run: ").Append(Escape(run.Adapter)).Append(" — ").Append(run.AsExpected ? "as expected" : "NOT as expected").Append("</title>\n");
        w.Append("<style>\n").Append(HtmlStyle.Css).Append("\n</style>\n</head>\n<body>\n<main>\n");
        Header(w, run, timings);
        Summary(w, run, timings, specBase);
        var failures = run.Results.Where(IsFailure).ToList();
        if (failures.Count > 0)
        {
            w.Append("<section id=\"failures\">\n<h2>Failures</h2>\n");
            foreach (var r in failures)
            {
                Failure(w, run, r, specBase);
            }

            w.Append("</section>\n");
        }

        // Known deviations get the same detail: what differs is what the expectation file accepted. Above them, the
        // signatures each expectation matched (and those it did not see).
        var expected = run.Results.Where(r => r.Outcome == Outcome.ExpectedFailure).ToList();
        var signatures = SignatureText.WithExpected(run).ToList();
        if (expected.Count > 0 || signatures.Count > 0)
        {
            w.Append("<section id=\"expected-failures\">\n<h2>Expected failures</h2>\n");
            if (signatures.Count > 0)
            {
                w.Append("<p class=\"muted\">Known deviations of this adapter, by failure signature (property, facet, kind of difference).</p>\n");
                w.Append("<table class=\"summary\">\n<thead><tr><th>property</th><th>signature</th><th>cases</th><th>reason</th><th>example</th></tr></thead>\n<tbody>\n");
                foreach (var r in signatures)
                {
                    foreach (var s in r.Signatures.Where(s => s.Expected is not null))
                    {
                        w.Append("<tr><td><code>").Append(Escape(r.Property.Id)).Append("</code></td><td><code>[").Append(Escape(s.Signature.Facet)).Append(": ").Append(Escape(s.Signature.Kind))
                            .Append("]</code></td><td>").Append(Int(s.Cases)).Append("</td><td>").Append(Escape(s.Expected!.Reason)).Append("</td><td class=\"note\">")
                            .Append(Escape(FailureText.Clean(s.Example?.Detail ?? ""))).Append("</td></tr>\n");
                    }

                    foreach (var e in r.NotSeen)
                    {
                        w.Append("<tr><td><code>").Append(Escape(r.Property.Id)).Append("</code></td><td><code>[").Append(Escape(e.Facet)).Append(": ").Append(Escape(e.Kind))
                            .Append("]</code></td><td>not seen</td><td>").Append(Escape(e.Reason)).Append("</td><td class=\"note\">").Append(Escape(SignatureText.NotSeenNote(e))).Append("</td></tr>\n");
                    }
                }

                w.Append("</tbody>\n</table>\n");
            }

            foreach (var r in expected)
            {
                Failure(w, run, r, specBase);
            }

            w.Append("</section>\n");
        }

        Rules(w, run, specBase);
        w.Append("</main>\n</body>\n</html>\n");
        return w.ToString();
    }

    private static bool IsFailure(PropertyResult r) => r.Outcome is Outcome.Failed or Outcome.UnexpectedPass or Outcome.Error;

    /// <summary>Has a detail section (failures and expected failures), so its summary row links there.</summary>
    private static bool HasDetail(PropertyResult r) => IsFailure(r) || r.Outcome == Outcome.ExpectedFailure;

    /// <summary>Summary order: failures first, then expected failures, passes, skips; catalogue order within each.</summary>
    private static int Rank(PropertyResult r) => r.Outcome switch
    {
        Outcome.Failed or Outcome.UnexpectedPass => 0,
        Outcome.ExpectedFailure => 1,
        Outcome.Passed => 2,
        _ => 3,
    };

    private static void Header(StringBuilder w, RunReport run, bool timings)
    {
        w.Append("<header>\n<h1>podconf run — adapter <code>").Append(Escape(run.Adapter)).Append("</code></h1>\n<dl class=\"facts\">\n");
        string gates = RunText.FeatureGates(run.Profile);
        Fact(w, "Kubernetes", run.Profile.Version.ToString());
        Fact(w, "feature gates", gates.Length == 0 ? "defaults of the release" : gates);
        Fact(w, "seed", run.Options.Seed.ToString(CultureInfo.InvariantCulture));
        Fact(w, "cases per property", Int(run.Options.Count));
        Fact(w, "rules", string.IsNullOrEmpty(run.Options.Rules) ? "all" : run.Options.Rules.Replace(",", ", ", StringComparison.Ordinal)); // breaks between globs, not inside an ID
        Fact(w, "tolerance", GoDuration.Format(run.Options.Tolerance));
        if (timings)
        {
            Fact(w, "elapsed", Seconds(TimeSpan.FromTicks(run.Results.Sum(r => r.Elapsed.Ticks))));
        }

        w.Append("</dl>\n<p class=\"totals ").Append(run.AsExpected ? "ok" : "bad").Append("\">").Append(Escape(ConsoleReport.Totals(run))).Append("</p>\n</header>\n");
    }

    private static void Fact(StringBuilder w, string name, string value) =>
        w.Append("<dt>").Append(Escape(name)).Append("</dt><dd>").Append(Escape(value)).Append("</dd>\n");

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + "s";

    private static string Badge(Outcome o) =>
        "<span class=\"badge " + RunText.OutcomeKey(o) + "\">" + Escape(RunText.Outcome(o)) + "</span>";

    private static void Summary(StringBuilder w, RunReport run, bool timings, string? specBase)
    {
        w.Append("<section id=\"summary\">\n<h2>Properties</h2>\n<table class=\"summary\">\n<thead><tr><th>property</th><th>result</th><th>cases</th>");
        if (timings)
        {
            w.Append("<th>time</th>");
        }

        w.Append("<th class=\"rules\">covered rules</th><th class=\"spec\">spec</th><th>note</th></tr></thead>\n<tbody>\n");
        foreach (var r in run.Results.OrderBy(Rank))
        {
            var p = r.Property;
            w.Append("<tr><td><code>");
            if (HasDetail(r))
            {
                w.Append("<a href=\"#").Append(Anchor("fail-", p.Id)).Append("\">").Append(Escape(p.Id)).Append("</a>");
            }
            else
            {
                w.Append(Escape(p.Id));
            }

            w.Append("</code><br><span class=\"muted\">").Append(Escape(p.Title)).Append("</span></td>");
            w.Append("<td>").Append(Badge(r.Outcome)).Append("</td><td>").Append(Int(r.CasesRun)).Append("</td>");
            if (timings)
            {
                w.Append("<td>").Append(Seconds(r.Elapsed)).Append("</td>");
            }

            w.Append("<td class=\"rules\">").Append(string.Join(" ", p.Covers.Select(RuleLink))).Append("</td>");
            w.Append("<td class=\"spec\">").Append(SpecLink(p.Spec, specBase)).Append("</td>");
            string note = r.Outcome switch
            {
                Outcome.Passed => "",
                Outcome.ExpectedFailure => SignatureText.Note(r),
                Outcome.Failed when r.Counterexample is { } c => c.Detail,
                _ => r.Reason,
            };
            w.Append("<td class=\"note\">").Append(Short(note, 200)).Append("</td></tr>\n");
        }

        w.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string RuleLink(string id) =>
        "<a href=\"#" + Anchor("rule-", id) + "\">" + Escape(id) + "</a>";

    /// <summary>A spec file (<c>spec/qos.md</c>, or a resource name of the same form) as a link when the repository is known.</summary>
    private static string SpecLink(string file, string? specBase) => specBase is null
        ? "<code>" + Escape(file) + "</code>"
        : "<a href=\"" + Escape(specBase + file) + "\"><code>" + Escape(file) + "</code></a>";

    private static void Failure(StringBuilder w, RunReport run, PropertyResult r, string? specBase)
    {
        var p = r.Property;
        w.Append(r.Outcome == Outcome.ExpectedFailure ? "<article class=\"failure expected\" id=\"" : "<article class=\"failure\" id=\"").Append(Anchor("fail-", p.Id)).Append("\">\n");
        w.Append("<h3>").Append(Badge(r.Outcome)).Append(' ').Append("<code>").Append(Escape(p.Id)).Append("</code> — ").Append(Escape(p.Title)).Append("</h3>\n");
        w.Append("<p><b>why:</b> ").Append(Short(r.Reason, FailureText.LineLimit)).Append("</p>\n");
        w.Append("<p class=\"muted\">spec: ").Append(SpecLink(p.Spec, specBase)).Append(" · Kubernetes source: <code>").Append(Escape(p.Source)).Append("</code></p>\n");
        w.Append("<h4>Rules checked</h4>\n<ul class=\"rules\">\n");
        foreach (string id in p.Covers)
        {
            w.Append("<li>").Append(RuleLink(id)).Append(": ").Append(RuleText(SpecText.Rule(id)?.Text)).Append("</li>\n");
        }

        w.Append("</ul>\n");
        if (r.Counterexample is { } c)
        {
            if ((p.Needs & Capability.Lifecycle) != 0 && (c.Expected.Lifecycle is not null || c.Actual.Lifecycle is not null))
            {
                w.Append("<h4>Lifecycle: model (expected) vs adapter (actual)</h4>\n<div class=\"timeline-box\">\n");
                w.Append(LifecycleTimeline.Render(c.Expected.Lifecycle, c.Actual.Lifecycle, p.Id + ": lifecycle of the shrunk case, model vs adapter " + run.Adapter));
                w.Append("</div>\n");
            }

            w.Append("<h4>Observed (model = expected, adapter = actual)</h4>\n");
            Observed(w, p.View(c.Expected), p.View(c.Actual));
            foreach (var (side, failure) in new[] { ("model", c.Expected.Failure), ("adapter", c.Actual.Failure) })
            {
                if (failure is not null)
                {
                    w.Append("<p><b>").Append(side).Append(" failed on the case:</b></p>\n<pre>").Append(ShortLines(failure, FailureText.LineLimit)).Append("</pre>\n");
                }
            }

            w.Append("<h4>Shrunk case</h4>\n<p class=\"muted\">").Append(Escape(string.Create(CultureInfo.InvariantCulture,
                $"case {c.CaseIndex + 1} of the seed, shrunk {Plural.Times(c.Shrinks)} (from {Model.Printing.Printable.Shorten(c.Original.Describe(), 120)}); {Model.Printing.Printable.Shorten(c.Detail, FailureText.LineLimit)}"))).Append("</p>\n");
            w.Append("<pre>").Append(ShortLines(CaseText.Render(c.Shrunk), FailureText.LineLimit)).Append("</pre>\n");
        }

        w.Append("<h4>Replay</h4>\n<pre>").Append(Escape(RunText.Replay(run, r))).Append("</pre>\n</article>\n");
    }

    /// <summary>The compared lines in two columns, rows that differ marked in colour and with the word "differs".</summary>
    private static void Observed(StringBuilder w, IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        w.Append("<table class=\"observed\">\n<thead><tr><th></th><th>model</th><th>adapter</th></tr></thead>\n<tbody>\n");
        int n = Math.Max(expected.Count, actual.Count);
        for (int i = 0; i < n; i++)
        {
            string? e = i < expected.Count ? expected[i] : null;
            string? a = i < actual.Count ? actual[i] : null;
            bool same = string.Equals(e, a, StringComparison.Ordinal);
            w.Append(same ? "<tr>" : "<tr class=\"diff\">").Append("<td class=\"mark\">").Append(same ? "" : "≠ differs").Append("</td>");
            w.Append("<td>").Append(e is null ? "<i>(none)</i>" : Short(e, 200)).Append("</td><td>").Append(a is null ? "<i>(none)</i>" : Short(a, 200)).Append("</td></tr>\n");
        }

        w.Append("</tbody>\n</table>\n");
    }

    /// <summary>A rule's text, escaped, with its Markdown code spans (<c>`…`</c>) set as code as the spec shows them.</summary>
    private static string RuleText(string? text)
    {
        if (text is null)
        {
            return "<i>(no text in the spec)</i>";
        }

        string[] parts = Escape(text).Split('`');
        if (parts.Length % 2 == 0)
        {
            return Escape(text);
        }

        var w = new StringBuilder();
        for (int i = 0; i < parts.Length; i++)
        {
            w.Append(i % 2 == 1 ? "<code>" + parts[i] + "</code>" : parts[i].Replace("**", "", StringComparison.Ordinal));
        }

        return w.ToString();
    }

    /// <summary>The text of every rule the run's properties cover, so rule links resolve inside the page (no network, no checkout needed).</summary>
    private static void Rules(StringBuilder w, RunReport run, string? specBase)
    {
        var ids = run.Results.SelectMany(r => r.Property.Covers).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        // Folded: failures quote their rules already; browsers unfold it when a rule link points inside.
        w.Append("<section id=\"rules\">\n<details>\n<summary><h2>Spec rules covered (").Append(Int(ids.Count)).Append(")</h2></summary>\n<dl class=\"spec\">\n");
        foreach (string id in ids)
        {
            var rule = SpecText.Rule(id);
            w.Append("<dt id=\"").Append(Anchor("rule-", id)).Append("\">").Append(Escape(id));
            if (rule is { } found)
            {
                w.Append(" <span class=\"muted\">(").Append(SpecLink(found.File, specBase)).Append(")</span>");
            }

            w.Append("</dt><dd>").Append(RuleText(rule?.Text)).Append("</dd>\n");
        }

        w.Append("</dl>\n</details>\n</section>\n");
    }
}
