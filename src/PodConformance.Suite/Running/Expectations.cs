using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PodConformance.Suite.Rules;

namespace PodConformance.Suite.Running;

/// <summary>
/// One known deviation: failures of <paramref name="Property"/> whose facet and kind match the globs (<c>*</c>, <c>?</c>)
/// are expected on this adapter, with why and where it is tracked. An adapter failure is never expected.
/// </summary>
public sealed record Expectation(string Property, string Facet, string Kind, string Reason, string Link)
{
    /// <summary>
    /// In how many of the <see cref="Runs"/> report runs merged into the file this signature occurred (0: the file
    /// records no runs). See <see cref="Expectations.Merge"/>.
    /// </summary>
    public int SeenInRuns { get; init; }

    /// <summary>How many report runs the file merges (0: none recorded, a file written from one run or by hand).</summary>
    public int Runs { get; init; }

    /// <summary>
    /// Seen in some merged runs but not all: the adapter shows it only sometimes, so a run without it is no sign of a
    /// fix (it never makes its property an unexpected pass). A new signature still fails the property.
    /// </summary>
    public bool Flaky => Runs > 0 && SeenInRuns < Runs;

    /// <summary>True when this entry expects <paramref name="signature"/>.</summary>
    public bool Matches(FailureSignature signature) =>
        string.Equals(Property, signature.Property, StringComparison.Ordinal) && Glob.Matches(Facet, signature.Facet) && Glob.Matches(Kind, signature.Kind);

    /// <summary><c>P-LIFE-PHASE [phase: differs]</c>, as signatures print.</summary>
    public override string ToString() => Property + " [" + Facet + ": " + Kind + "]";

    /// <summary><c>seen in 2 of 3 runs</c> for an entry of a merged file, else empty.</summary>
    public string SeenText() => Runs > 0
        ? "seen in " + SeenInRuns.ToString(System.Globalization.CultureInfo.InvariantCulture) + " of " + Runs.ToString(System.Globalization.CultureInfo.InvariantCulture) + (Runs == 1 ? " run" : " runs")
        : "";
}

/// <summary>A file of expectations is unreadable or malformed; the message names the file and the problem.</summary>
public sealed class ExpectationsException(string message) : Exception(message);

/// <summary>
/// WPT-style expectations for one adapter: the failure signatures (property, facet, kind of difference) it is known
/// to show, as JSON (format <see cref="Format"/>):
/// <code>{"format": "podconf.expectations/v2", "adapter": "process:./sim", "expectations": [
///   {"property": "P-QTY-PRINT", "facet": "string", "kind": "differs", "reason": "…", "link": "…"}]}</code>
/// A failing case whose signature matches an entry is an expected failure and the run goes on to the next case; any
/// other failure is a failure; an entry whose property passes is an unexpected pass. The version-1 format (property →
/// <c>{"expected": "fail"}</c>) is still read, with a deprecation warning, as "any signature of the property".
/// <para>
/// An adapter whose failures vary from run to run (real podman: timing decides which signatures a case shows) keeps
/// the union of several report runs (<see cref="Merge"/>): the file then says how many runs it merges
/// (<c>"runs": 3</c>) and each entry in how many it was seen (<c>"seenInRuns": 2</c>). An entry seen in fewer runs than
/// the file merges is <see cref="Expectation.Flaky"/>: not seeing it is never a failure. Files without <c>"runs"</c>
/// (deterministic adapters) keep the strict reading.
/// </para>
/// </summary>
public sealed class Expectations
{
    public const string Format = "podconf.expectations/v2";

    private readonly List<Expectation> _items;

    public static Expectations None { get; } = new("");

    /// <summary>
    /// <paramref name="runs"/> &gt; 0: the file merges that many report runs; every entry is stamped with it and must say
    /// in how many of them it was seen (1…runs). 0: no runs recorded, and the entries' own counts are dropped.
    /// </summary>
    public Expectations(string adapter, IEnumerable<Expectation>? items = null, IEnumerable<string>? warnings = null, int runs = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(runs);
        Adapter = adapter;
        Runs = runs;
        _items = [.. (items ?? []).Select(e => Stamp(e, runs)).OrderBy(e => e.Property, StringComparer.Ordinal).ThenBy(e => e.Facet, StringComparer.Ordinal).ThenBy(e => e.Kind, StringComparer.Ordinal)];
        Warnings = [.. warnings ?? []];
    }

    public string Adapter { get; }

    /// <summary>How many report runs the file merges; 0 for a file that records none (strict: every entry is firm).</summary>
    public int Runs { get; }

    public IReadOnlyList<Expectation> Items => _items;

    /// <summary>What reading the file noticed (a deprecated format); the CLI prints them.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The entries of one property.</summary>
    public IReadOnlyList<Expectation> For(string propertyId) => [.. _items.Where(e => string.Equals(e.Property, propertyId, StringComparison.Ordinal))];

    /// <summary>The first entry expecting <paramref name="signature"/>, or null.</summary>
    public Expectation? Match(FailureSignature signature) => _items.FirstOrDefault(e => e.Matches(signature));

    private static Expectation Stamp(Expectation e, int runs)
    {
        if (runs == 0)
        {
            return e.Runs == 0 && e.SeenInRuns == 0 ? e : e with { Runs = 0, SeenInRuns = 0 };
        }

        if (e.SeenInRuns < 1 || e.SeenInRuns > runs)
        {
            throw new ArgumentException(e + ": seen in " + e.SeenInRuns.ToString(System.Globalization.CultureInfo.InvariantCulture) + " runs, must be 1…" + runs.ToString(System.Globalization.CultureInfo.InvariantCulture), nameof(runs));
        }

        return e.Runs == runs ? e : e with { Runs = runs };
    }

    public static Expectations Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Worded as podconf words every unreadable input (Cli InputFile), not with .NET's exception text.
            string why = e switch
            {
                FileNotFoundException => "no such file",
                DirectoryNotFoundException => "no such file or directory",
                UnauthorizedAccessException when Directory.Exists(path) => "is a directory (give a file)",
                UnauthorizedAccessException => "permission denied",
                _ => e.Message,
            };
            throw new ExpectationsException(path + ": cannot read expectations: " + why);
        }

        // Invalid UTF-8 is refused with its place, not read as U+FFFD (issue 14).
        string text = Manifests.Reading.Utf8Input.Decode(bytes, out var problem) ?? throw new ExpectationsException(path + ":" + problem);
        return Parse(text, path);
    }

    public static Expectations Parse(string text, string displayName)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new ExpectationsException(displayName + ": not valid JSON: " + e.Message);
        }

        using (doc)
        {
            try
            {
                return FromJson(doc.RootElement, displayName);
            }
            catch (InvalidOperationException)
            {
                // System.Text.Json will not turn an escaped lone surrogate ("\ud800") into a string.
                throw new ExpectationsException(displayName + ": not valid JSON: a string holds an unpaired surrogate escape (\\uD800-\\uDFFF)");
            }
        }
    }

    private static Expectations FromJson(JsonElement root, string displayName)
    {
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ExpectationsException(displayName + ": expected an object with \"adapter\" and \"expectations\"");
            }

            string adapter = root.TryGetProperty("adapter", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()! : "";
            int runs = ReadRuns(root, displayName);
            if (!root.TryGetProperty("expectations", out var list))
            {
                return new Expectations(adapter, runs: runs);
            }

            if (runs > 0 && list.ValueKind != JsonValueKind.Array)
            {
                throw new ExpectationsException(displayName + ": \"runs\" needs \"expectations\" as a list of {property, facet, kind, seenInRuns, reason, link}");
            }

            return list.ValueKind switch
            {
                JsonValueKind.Array => new Expectations(adapter, ReadSignatures(list, displayName, runs), runs: runs),
                JsonValueKind.Object => new Expectations(adapter, ReadVersion1(list, displayName),
                    [displayName + ": deprecated expectations format (property → {\"expected\": \"fail\"}): each entry now expects any failure of its property; "
                     + "name signatures instead ({\"property\", \"facet\", \"kind\", \"reason\", \"link\"}), e.g. with --update-expectations"]),
                _ => throw new ExpectationsException(displayName + ": \"expectations\" must be a list of {property, facet, kind, reason, link}"),
            };
        }
    }

    /// <summary>The optional <c>"runs"</c>: a whole number ≥ 1; 0 when absent.</summary>
    private static int ReadRuns(JsonElement root, string displayName)
    {
        if (!root.TryGetProperty("runs", out var r))
        {
            return 0;
        }

        return r.ValueKind == JsonValueKind.Number && r.TryGetInt32(out int runs) && runs >= 1
            ? runs
            : throw new ExpectationsException(displayName + ": runs: must be a whole number ≥ 1 (how many report runs the file merges), got " + r.GetRawText());
    }

    private static List<Expectation> ReadSignatures(JsonElement list, string displayName, int runs)
    {
        var items = new List<Expectation>();
        int index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            string where = displayName + ": expectations[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            if (entry.ValueKind != JsonValueKind.Object)
            {
                throw new ExpectationsException(where + ": must be an object {property, facet, kind, reason, link}");
            }

            string property = Required(entry, "property", where);
            string facet = Required(entry, "facet", where);
            string kind = Required(entry, "kind", where);
            string reason = Text(entry, "reason");
            if (reason.Length == 0)
            {
                throw new ExpectationsException(where + ".reason: required (say why the deviation is known)");
            }

            items.Add(new Expectation(property, facet, kind, reason, Text(entry, "link")) { SeenInRuns = SeenInRuns(entry, where, runs), Runs = runs });
            index++;
        }

        return items;
    }

    /// <summary><c>"seenInRuns"</c>: required (1…runs) when the file merges runs, refused when it does not.</summary>
    private static int SeenInRuns(JsonElement entry, string where, int runs)
    {
        string bound = runs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!entry.TryGetProperty("seenInRuns", out var v))
        {
            return runs == 0 ? 0 : throw new ExpectationsException(where + ".seenInRuns: required (the file merges " + bound + " runs): in how many of them the signature was seen");
        }

        if (runs == 0)
        {
            throw new ExpectationsException(where + ".seenInRuns: needs \"runs\" (how many report runs the file merges) at the top of the file");
        }

        return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int seen) && seen >= 1 && seen <= runs
            ? seen
            : throw new ExpectationsException(where + ".seenInRuns: must be a whole number from 1 to " + bound + " (the file's runs), got " + v.GetRawText());
    }

    private static List<Expectation> ReadVersion1(JsonElement map, string displayName)
    {
        var items = new List<Expectation>();
        foreach (var entry in map.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Object)
            {
                throw new ExpectationsException(displayName + ": expectations." + entry.Name + ": must be an object {expected, reason, link}");
            }

            string expected = Text(entry.Value, "expected");
            if (!string.Equals(expected, "fail", StringComparison.Ordinal))
            {
                throw new ExpectationsException(displayName + ": expectations." + entry.Name + ".expected: must be \"fail\" (got \"" + expected + "\"); passing properties need no entry");
            }

            string reason = Text(entry.Value, "reason");
            if (reason.Length == 0)
            {
                throw new ExpectationsException(displayName + ": expectations." + entry.Name + ".reason: required (say why the deviation is known)");
            }

            items.Add(new Expectation(entry.Name, "*", "*", reason, Text(entry.Value, "link")));
        }

        return items;
    }

    private static string Required(JsonElement e, string name, string where)
    {
        string value = Text(e, name);
        return value.Length > 0 ? value : throw new ExpectationsException(where + "." + name + ": required");
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    /// <summary>Deterministic JSON (sorted by property, facet, kind; LF line ends).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("adapter", Adapter);
            if (Runs > 0)
            {
                w.WriteNumber("runs", Runs);
            }

            w.WriteStartArray("expectations");
            foreach (var e in _items)
            {
                w.WriteStartObject();
                w.WriteString("property", e.Property);
                w.WriteString("facet", e.Facet);
                w.WriteString("kind", e.Kind);
                if (Runs > 0)
                {
                    w.WriteNumber("seenInRuns", e.SeenInRuns);
                }

                w.WriteString("reason", e.Reason);
                w.WriteString("link", e.Link);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>
    /// Expectations that expect every failure of <paramref name="properties"/>: an <c>--update-expectations</c> run uses
    /// them so that it goes through every case and sees every signature, as a run under the updated file will.
    /// </summary>
    public static Expectations CollectingAll(string adapter, IEnumerable<ConformanceProperty> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return new Expectations(adapter, properties.Select(p => new Expectation(p.Id, "*", "*", "collected for --update-expectations", "")));
    }

    /// <summary>
    /// A result of a <see cref="CollectingAll"/> run as these expectations (its update) see it: each signature with the
    /// entry that now expects it; a property without failures passed.
    /// </summary>
    public PropertyResult Relabel(PropertyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Outcome is Outcome.Skipped or Outcome.Error)
        {
            return result with { NotSeen = For(result.Property.Id) };
        }

        var signatures = result.Signatures.Select(s => s with { Expected = Match(s.Signature) }).ToList();
        if (signatures.Count == 0)
        {
            return result with { Outcome = Outcome.Passed, Reason = "", Signatures = [], NotSeen = [] };
        }

        bool allExpected = signatures.All(s => s.Expected is not null);
        return result with
        {
            Outcome = allExpected ? Outcome.ExpectedFailure : Outcome.Failed,
            Reason = "expected failure: " + string.Join("; ", signatures.Select(s => s.Signature + " in " + s.Cases.ToString(System.Globalization.CultureInfo.InvariantCulture) + " case(s) (" + (s.Expected?.Reason ?? "not expected") + ")")),
            Signatures = signatures,
            NotSeen = [.. For(result.Property.Id).Where(e => !signatures.Any(s => e.Matches(s.Signature)))],
        };
    }

    /// <summary>
    /// Expectations for the failures of <paramref name="run"/>: every signature a property showed, existing entries
    /// that matched it kept with their reason and link, new ones with the failure's detail as reason. Entries of
    /// properties that passed are dropped; those of skipped or errored properties are kept (nothing was learned).
    /// </summary>
    public Expectations Update(RunReport run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var items = new List<Expectation>();
        foreach (var r in run.Results)
        {
            if (r.Outcome is Outcome.Skipped or Outcome.Error)
            {
                items.AddRange(For(r.Property.Id));
                continue;
            }

            foreach (var seen in r.Signatures)
            {
                var entry = Match(seen.Signature)
                    ?? new Expectation(seen.Signature.Property, seen.Signature.Facet, seen.Signature.Kind, "fails: " + (seen.Example?.Detail ?? r.Reason), "");
                if (!items.Contains(entry))
                {
                    items.Add(entry);
                }
            }
        }

        return new Expectations(run.Adapter, items);
    }

    /// <summary>
    /// These expectations with one more report run merged in: the union of the signatures seen over all merged runs,
    /// for an adapter whose failures vary from run to run. Each entry counts the runs it was seen in; an entry this run
    /// did not see is kept (and becomes <see cref="Expectation.Flaky"/>), with its reason and link; a new signature gets
    /// an entry seen once, with the failure's detail as reason. <paramref name="results"/> must come from a run that
    /// collected every signature (<see cref="CollectingAll"/>). A file that records no runs counts as one run in which
    /// each of its entries was seen (it was written from one run), an empty one as none. A property skipped in this run
    /// taught nothing, nor one ended by an error about the signatures it did not reach: those entries are kept
    /// uncounted, so they read as flaky.
    /// </summary>
    public Expectations Merge(string adapter, IEnumerable<PropertyResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        int before = Runs > 0 ? Runs : _items.Count > 0 ? 1 : 0;
        var seen = new int[_items.Count];
        for (int i = 0; i < _items.Count; i++)
        {
            seen[i] = Runs > 0 ? _items[i].SeenInRuns : 1;
        }

        var counted = new bool[_items.Count];
        var added = new List<Expectation>();
        foreach (var r in results)
        {
            foreach (var s in r.Signatures)
            {
                int index = _items.FindIndex(e => e.Matches(s.Signature));
                if (index >= 0)
                {
                    // One run counts once per entry, however many of its signatures the entry's globs match.
                    if (!counted[index])
                    {
                        counted[index] = true;
                        seen[index]++;
                    }
                }
                else if (!added.Exists(e => e.Matches(s.Signature)))
                {
                    added.Add(new Expectation(s.Signature.Property, s.Signature.Facet, s.Signature.Kind, "fails: " + (s.Example?.Detail ?? r.Reason), "") { SeenInRuns = 1 });
                }
            }
        }

        var items = _items.Select((e, i) => e with { SeenInRuns = seen[i] }).Concat(added);
        return new Expectations(adapter, items, runs: before + 1);
    }
}
