using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PodConformance.Suite.Running;

/// <summary>One known deviation: the property is expected to fail on this adapter, why, and where it is tracked.</summary>
public sealed record Expectation(string Property, string Reason, string Link);

/// <summary>A file of expectations is unreadable or malformed; the message names the file and the problem.</summary>
public sealed class ExpectationsException(string message) : Exception(message);

/// <summary>
/// WPT-style expectations for one adapter, as JSON:
/// <code>{"adapter": "process:./sim", "expectations": {"P-QTY-PRINT": {"expected": "fail", "reason": "…", "link": "…"}}}</code>
/// Only <c>fail</c> is an expectation (everything else is expected to pass). A known failure becomes
/// <see cref="Outcome.ExpectedFailure"/>; a pass of an expected failure is <see cref="Outcome.UnexpectedPass"/>.
/// </summary>
public sealed class Expectations
{
    private readonly SortedDictionary<string, Expectation> _byProperty = new(StringComparer.Ordinal);

    public static Expectations None { get; } = new("");

    public Expectations(string adapter, IEnumerable<Expectation>? items = null)
    {
        Adapter = adapter;
        foreach (var e in items ?? [])
        {
            _byProperty[e.Property] = e;
        }
    }

    public string Adapter { get; }

    public IReadOnlyCollection<Expectation> Items => _byProperty.Values;

    public Expectation? For(string propertyId) => _byProperty.TryGetValue(propertyId, out var e) ? e : null;

    /// <summary>The result as the expectation sees it.</summary>
    public PropertyResult Apply(PropertyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (For(result.Property.Id) is not { } expected)
        {
            return result;
        }

        return result.Outcome switch
        {
            // A flaky property stays a failure: an expectation declares a deviation the adapter always shows.
            Outcome.Failed when !Repeats.IsFlaky(result) => result with { Outcome = Outcome.ExpectedFailure, Reason = "expected failure (" + expected.Reason + "): " + result.Reason },
            Outcome.Passed => result with { Outcome = Outcome.UnexpectedPass, Reason = "expected to fail (" + expected.Reason + ") but passed; remove it from the expectations" },
            _ => result,
        };
    }

    public static Expectations Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExpectationsException(path + ": cannot read expectations: " + e.Message);
        }

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
            var items = new List<Expectation>();
            if (root.TryGetProperty("expectations", out var list))
            {
                if (list.ValueKind != JsonValueKind.Object)
                {
                    throw new ExpectationsException(displayName + ": \"expectations\" must be an object: property ID → {expected, reason, link}");
                }

                foreach (var entry in list.EnumerateObject())
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

                    items.Add(new Expectation(entry.Name, reason, Text(entry.Value, "link")));
                }
            }

            return new Expectations(adapter, items);
        }
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    /// <summary>Deterministic JSON (sorted by property, LF line ends).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("adapter", Adapter);
            w.WriteStartObject("expectations");
            foreach (var e in _byProperty.Values)
            {
                w.WriteStartObject(e.Property);
                w.WriteString("expected", "fail");
                w.WriteString("reason", e.Reason);
                w.WriteString("link", e.Link);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>
    /// Expectations for the failures of <paramref name="run"/>: existing entries keep their reason and link, new
    /// failures get the failure detail as reason; entries for properties that now pass are dropped.
    /// </summary>
    public Expectations Update(RunReport run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var items = new List<Expectation>();
        foreach (var r in run.Results)
        {
            if (r.Outcome is Outcome.Failed or Outcome.ExpectedFailure)
            {
                items.Add(For(r.Property.Id) ?? new Expectation(r.Property.Id, "fails: " + (r.Counterexample?.Detail ?? r.Reason), ""));
            }
            else if (r.Outcome == Outcome.Skipped && For(r.Property.Id) is { } kept)
            {
                items.Add(kept);
            }
        }

        return new Expectations(run.Adapter, items);
    }
}
