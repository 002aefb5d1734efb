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
    /// <summary>True when this entry expects <paramref name="signature"/>.</summary>
    public bool Matches(FailureSignature signature) =>
        string.Equals(Property, signature.Property, StringComparison.Ordinal) && Glob.Matches(Facet, signature.Facet) && Glob.Matches(Kind, signature.Kind);

    /// <summary><c>P-LIFE-PHASE [phase: differs]</c>, as signatures print.</summary>
    public override string ToString() => Property + " [" + Facet + ": " + Kind + "]";
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
/// </summary>
public sealed class Expectations
{
    public const string Format = "podconf.expectations/v2";

    private readonly List<Expectation> _items;

    public static Expectations None { get; } = new("");

    public Expectations(string adapter, IEnumerable<Expectation>? items = null, IEnumerable<string>? warnings = null)
    {
        Adapter = adapter;
        _items = [.. (items ?? []).OrderBy(e => e.Property, StringComparer.Ordinal).ThenBy(e => e.Facet, StringComparer.Ordinal).ThenBy(e => e.Kind, StringComparer.Ordinal)];
        Warnings = [.. warnings ?? []];
    }

    public string Adapter { get; }

    public IReadOnlyList<Expectation> Items => _items;

    /// <summary>What reading the file noticed (a deprecated format); the CLI prints them.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The entries of one property.</summary>
    public IReadOnlyList<Expectation> For(string propertyId) => [.. _items.Where(e => string.Equals(e.Property, propertyId, StringComparison.Ordinal))];

    /// <summary>The first entry expecting <paramref name="signature"/>, or null.</summary>
    public Expectation? Match(FailureSignature signature) => _items.FirstOrDefault(e => e.Matches(signature));

    public static Expectations Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExpectationsException(path + ": cannot read expectations: " + e.Message);
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
            if (!root.TryGetProperty("expectations", out var list))
            {
                return new Expectations(adapter);
            }

            return list.ValueKind switch
            {
                JsonValueKind.Array => new Expectations(adapter, ReadSignatures(list, displayName)),
                JsonValueKind.Object => new Expectations(adapter, ReadVersion1(list, displayName),
                    [displayName + ": deprecated expectations format (property → {\"expected\": \"fail\"}): each entry now expects any failure of its property; "
                     + "name signatures instead ({\"property\", \"facet\", \"kind\", \"reason\", \"link\"}), e.g. with --update-expectations"]),
                _ => throw new ExpectationsException(displayName + ": \"expectations\" must be a list of {property, facet, kind, reason, link}"),
            };
        }
    }

    private static List<Expectation> ReadSignatures(JsonElement list, string displayName)
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

            items.Add(new Expectation(property, facet, kind, reason, Text(entry, "link")));
            index++;
        }

        return items;
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
            w.WriteStartArray("expectations");
            foreach (var e in _items)
            {
                w.WriteStartObject();
                w.WriteString("property", e.Property);
                w.WriteString("facet", e.Facet);
                w.WriteString("kind", e.Kind);
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
}
