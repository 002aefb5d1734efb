using System.Text.Json;

namespace PodConformance.Adapters.Process.Codec;

/// <summary>
/// Reads one JSON object field by field and, at the end, rejects any field nobody asked for: an adapter's
/// typo (<c>milivalue</c>) must fail loudly rather than silently drop a facet. Fields whose names start with
/// <c>x-</c> are extensions and always ignored (spec/adapter-protocol.md, "Unknown fields").
/// </summary>
internal sealed class StrictObject
{
    private readonly JsonElement _element;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private StrictObject(JsonElement element, string path)
    {
        _element = element;
        Path = path;
    }

    public string Path { get; }

    public static StrictObject Of(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Wrong(path, "an object", element);
        }

        return new StrictObject(element, path);
    }

    public string Child(string name) => Path.Length == 0 ? name : Path + "." + name;

    /// <summary>The field, or null when absent or JSON null (null and absent mean the same on this protocol).</summary>
    public JsonElement? Optional(string name)
    {
        _read.Add(name);
        return _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    public JsonElement Required(string name) =>
        Optional(name) ?? throw new ProtocolException(Child(name), "required field is missing");

    public string RequiredString(string name) => StrictJson.String(Required(name), Child(name));

    public string OptionalString(string name) => Optional(name) is { } v ? StrictJson.String(v, Child(name)) : "";

    public bool RequiredBool(string name) => StrictJson.Bool(Required(name), Child(name));

    public bool OptionalBool(string name) => Optional(name) is { } v && StrictJson.Bool(v, Child(name));

    public long RequiredInt64(string name) => StrictJson.Int64(Required(name), Child(name));

    public int? OptionalInt32(string name) => Optional(name) is { } v ? StrictJson.Int32(v, Child(name)) : null;

    public void RejectUnknown()
    {
        foreach (var property in _element.EnumerateObject())
        {
            if (!_read.Contains(property.Name) && !property.Name.StartsWith("x-", StringComparison.Ordinal))
            {
                throw new ProtocolException(Child(property.Name), "unknown field");
            }
        }
    }

    public static ProtocolException Wrong(string path, string expected, JsonElement actual) =>
        new(path, "expected " + expected + ", got " + Describe(actual));

    public static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "the string " + Excerpt.Quote(e.GetString() ?? "", 60),
        JsonValueKind.Number => "the number " + e.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => e.ValueKind.ToString(),
    };
}
