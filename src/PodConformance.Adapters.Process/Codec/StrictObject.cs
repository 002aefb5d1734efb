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

    /// <summary>
    /// The names asked for, in a small array rather than a set: an object has a handful of fields, and a set grew
    /// (and reallocated) several times per object, thousands of objects per lifecycle observation.
    /// </summary>
    private string[] _read = new string[8];
    private int _readCount;

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
        if (_readCount == _read.Length)
        {
            Array.Resize(ref _read, _read.Length * 2);
        }

        _read[_readCount++] = name;
        return _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    public JsonElement Required(string name) =>
        Optional(name) ?? throw new ProtocolException(Child(name), "required field is missing");

    // The typed reads build the field's path only for an error message.
    public string RequiredString(string name) => AsString(Required(name), name);

    public string OptionalString(string name) => Optional(name) is { } v ? AsString(v, name) : "";

    public bool RequiredBool(string name) => AsBool(Required(name), name);

    public bool OptionalBool(string name) => Optional(name) is { } v && AsBool(v, name);

    public long RequiredInt64(string name)
    {
        var v = Required(name);
        return v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n) ? n : StrictJson.Int64(v, Child(name));
    }

    public int? OptionalInt32(string name)
    {
        if (Optional(name) is not { } v)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int n) ? n : StrictJson.Int32(v, Child(name));
    }

    private string AsString(JsonElement v, string name) =>
        v.ValueKind == JsonValueKind.String ? v.GetString()! : StrictJson.String(v, Child(name));

    private bool AsBool(JsonElement v, string name) => v.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => StrictJson.Bool(v, Child(name)),
    };

    public void RejectUnknown()
    {
        foreach (var property in _element.EnumerateObject())
        {
            if (!WasRead(property) && !property.Name.StartsWith("x-", StringComparison.Ordinal))
            {
                throw new ProtocolException(Child(property.Name), "unknown field");
            }
        }
    }

    private bool WasRead(JsonProperty property)
    {
        for (int i = 0; i < _readCount; i++)
        {
            if (property.NameEquals(_read[i]))
            {
                return true;
            }
        }

        return false;
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
