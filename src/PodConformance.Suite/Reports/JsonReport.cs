using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PodConformance.Suite.Running;

namespace PodConformance.Suite.Reports;

/// <summary>
/// The run as JSON for tools: adapter, version, gates, seed, count, filter, per-property results with metadata, and
/// counterexamples (case YAML, both observations as the compared lines, the replay command). Deterministic:
/// elapsed times only with <c>timings</c>.
/// </summary>
public static class JsonReport
{
    public const string Format = "podconf.run/v1";

    public static string Render(RunReport run, bool timings = false)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("adapter", run.Adapter);
            w.WriteString("kubernetesVersion", run.Profile.Version.ToString());
            w.WriteString("featureGates", RunText.FeatureGates(run.Profile));
            w.WriteString("seed", run.Options.Seed.ToString(CultureInfo.InvariantCulture));
            w.WriteNumber("count", run.Options.Count);
            w.WriteString("rules", run.Options.Rules ?? "");
            w.WriteString("tolerance", Model.Time.GoDuration.Format(run.Options.Tolerance));
            w.WriteBoolean("asExpected", run.AsExpected);
            w.WriteNumber("casesReached", run.CasesReached);
            w.WriteStartObject("summary");
            foreach (var o in Enum.GetValues<Outcome>())
            {
                w.WriteNumber(RunText.OutcomeKey(o), run.Count(o));
            }

            w.WriteEndObject();
            w.WriteStartArray("results");
            foreach (var r in run.Results)
            {
                WriteResult(w, run, r, timings);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteResult(Utf8JsonWriter w, RunReport run, PropertyResult r, bool timings)
    {
        var p = r.Property;
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteString("title", p.Title);
        w.WriteString("outcome", RunText.OutcomeKey(r.Outcome));
        w.WriteNumber("cases", r.CasesRun);
        w.WriteNumber("casesReached", r.CasesReached);
        w.WriteString("reason", r.Reason);
        WriteSignatures(w, r);
        w.WriteStartArray("covers");
        foreach (string id in p.Covers)
        {
            w.WriteStringValue(id);
        }

        w.WriteEndArray();
        w.WriteString("spec", p.Spec);
        w.WriteString("source", p.Source);
        w.WriteString("needs", Adapters.CapabilityNames.Format(p.Needs));
        w.WriteString("flags", p.Flags.ToString());
        w.WriteString("since", p.Since.ToString());
        w.WriteString("gates", string.Join(",", p.Gates));
        if (timings)
        {
            w.WriteNumber("seconds", Math.Round(r.Elapsed.TotalSeconds, 3));
        }

        if (r.Coverage is { } tally)
        {
            WriteCoverage(w, p, tally);
        }

        if (r.Counterexample is { } c)
        {
            w.WriteStartObject("counterexample");
            w.WriteNumber("caseIndex", c.CaseIndex);
            w.WriteNumber("shrinks", c.Shrinks);
            w.WriteString("detail", c.Detail);
            w.WriteString("original", CaseText.Render(c.Original));
            w.WriteString("shrunk", CaseText.Render(c.Shrunk));
            WriteLines(w, "expected", p.View(c.Expected));
            WriteLines(w, "actual", p.View(c.Actual));
            w.WriteString("replay", RunText.Replay(run, r));
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// <c>coverage</c>: the cases counted, then every claimed rule (hit or not) and every other rule the oracle applied,
    /// each with its case count and the count of each named branch.
    /// </summary>
    private static void WriteCoverage(Utf8JsonWriter w, Rules.ConformanceProperty p, RuleTally tally)
    {
        w.WriteStartObject("coverage");
        w.WriteNumber("cases", tally.Cases);
        w.WriteNumber("floor", CoverageText.Floor);
        var claimed = CoverageText.ClaimedRules(p).ToHashSet(StringComparer.Ordinal);
        w.WriteStartArray("rules");
        var rules = claimed.Concat(tally.Hits.Keys.Select(h => h.Rule)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (string rule in rules)
        {
            w.WriteStartObject();
            w.WriteString("id", rule);
            w.WriteBoolean("claimed", claimed.Contains(rule));
            w.WriteNumber("cases", tally.For(rule));
            w.WriteStartObject("branches");
            foreach (var (branch, n) in tally.BranchesOf(rule))
            {
                w.WriteNumber(branch, n);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary><c>signatures</c>: each failure signature seen, expected or not, with its cases and first example; <c>notSeen</c>: expectations no case matched.</summary>
    private static void WriteSignatures(Utf8JsonWriter w, PropertyResult r)
    {
        w.WriteStartArray("signatures");
        foreach (var s in r.Signatures)
        {
            w.WriteStartObject();
            w.WriteString("facet", s.Signature.Facet);
            w.WriteString("kind", s.Signature.Kind);
            w.WriteNumber("cases", s.Cases);
            w.WriteBoolean("expected", s.Expected is not null);
            if (s.Expected is { } e)
            {
                w.WriteString("reason", e.Reason);
                w.WriteString("link", e.Link);
            }

            if (s.Example is { } x)
            {
                w.WriteNumber("caseIndex", x.CaseIndex);
                w.WriteNumber("shrinks", x.Shrinks);
                w.WriteString("detail", x.Detail);
                w.WriteString("shrunk", CaseText.Render(x.Shrunk));
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("notSeen");
        foreach (var e in r.NotSeen)
        {
            w.WriteStartObject();
            w.WriteString("facet", e.Facet);
            w.WriteString("kind", e.Kind);
            w.WriteString("reason", e.Reason);
            w.WriteString("link", e.Link);
            if (e.Runs > 0)
            {
                // An entry of a file merged from several report runs: flaky ones may be absent without failing.
                w.WriteNumber("seenInRuns", e.SeenInRuns);
                w.WriteNumber("runs", e.Runs);
                w.WriteBoolean("flaky", e.Flaky);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteLines(Utf8JsonWriter w, string name, IReadOnlyList<string> lines)
    {
        w.WriteStartArray(name);
        foreach (string line in lines)
        {
            w.WriteStringValue(line);
        }

        w.WriteEndArray();
    }
}
