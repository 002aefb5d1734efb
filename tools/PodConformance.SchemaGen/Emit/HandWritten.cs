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

    /// <summary>
    /// A hand-written record's mapping. <see cref="OutOfLineExcept"/>, when set, keeps the record's generated properties
    /// out of line, in one shared object, except the json fields it lists (<c>"outOfLine": {"inline": [...]}</c>): a
    /// record the hot paths copy with <c>with</c> (PodSpec) then copies only its common fields, however many fields the
    /// API adds.
    /// </summary>
    public sealed record TypeMap(string Record, IReadOnlyDictionary<string, string> Properties, IReadOnlyDictionary<string, Projection> Projections, IReadOnlySet<string>? OutOfLineExcept = null);

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

            HashSet<string>? outOfLineExcept = null;
            if (t.Value.TryGetProperty("outOfLine", out var outOfLine))
            {
                outOfLineExcept = new HashSet<string>(StringComparer.Ordinal);
                foreach (var inline in outOfLine.GetProperty("inline").EnumerateArray())
                {
                    outOfLineExcept.Add(inline.GetString()!);
                }
            }

            types[t.Name] = new TypeMap(t.Value.GetProperty("record").GetString()!, props, projections, outOfLineExcept);
        }

        return new HandWritten { Types = types };
    }

    /// <summary>The json fields kept inline when <paramref name="record"/>'s generated properties live out of line; null when they do not.</summary>
    public IReadOnlySet<string>? OutOfLineExcept(string record)
    {
        foreach (var t in Types.Values)
        {
            if (t.Record == record && t.OutOfLineExcept is not null)
            {
                return t.OutOfLineExcept;
            }
        }

        return null;
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
