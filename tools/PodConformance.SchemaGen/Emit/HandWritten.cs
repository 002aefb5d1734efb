using System.Text.Json;

namespace PodConformance.SchemaGen.Emit;

/// <summary>
/// HandWritten.json: which Go types the hand-written model records represent and which json field each of
/// their properties owns. A field owned as <see cref="Projection"/> stores only one sub-field in the property
/// (<c>exec.command</c> → <c>ExecCommand</c>); the sub-type's other fields become generated properties of the
/// owner, named <see cref="Projection.Rest"/> + Go name.
/// </summary>
internal sealed class HandWritten
{
    public sealed record Projection(string Property, string Value, string? Rest);

    public sealed record TypeMap(string Record, IReadOnlyDictionary<string, string> Properties, IReadOnlyDictionary<string, Projection> Projections);

    public required IReadOnlyDictionary<string, TypeMap> Types { get; init; }

    public static HandWritten Load()
    {
        using var stream = typeof(HandWritten).Assembly.GetManifestResourceStream("HandWritten.json")
            ?? throw new InvalidOperationException("HandWritten.json is not embedded");
        using var doc = JsonDocument.Parse(stream);
        var types = new Dictionary<string, TypeMap>(StringComparer.Ordinal);
        foreach (var t in doc.RootElement.GetProperty("types").EnumerateObject())
        {
            var props = new Dictionary<string, string>(StringComparer.Ordinal);
            var projections = new Dictionary<string, Projection>(StringComparer.Ordinal);
            foreach (var f in t.Value.GetProperty("fields").EnumerateObject())
            {
                if (f.Value.ValueKind == JsonValueKind.String)
                {
                    props[f.Name] = f.Value.GetString()!;
                }
                else
                {
                    projections[f.Name] = new Projection(
                        f.Value.GetProperty("property").GetString()!,
                        f.Value.GetProperty("value").GetString()!,
                        f.Value.TryGetProperty("rest", out var rest) ? rest.GetString() : null);
                }
            }

            types[t.Name] = new TypeMap(t.Value.GetProperty("record").GetString()!, props, projections);
        }

        return new HandWritten { Types = types };
    }

    public bool IsHandWrittenRecord(string record)
    {
        foreach (var t in Types.Values)
        {
            if (t.Record == record)
            {
                return true;
            }
        }

        return false;
    }
}
