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

    /// <summary>How many of the names asked for are present: when it equals the object's field count, no field is unknown.</summary>
    private int _present;

    // The path is built only when asked for (an error message): a field's object is its parent and its name, an item of
    // a list also its index, until then, so reading thousands of objects builds no path strings.
    private readonly StrictObject? _parent;
    private readonly string _segment;
    private readonly int _index;
    private string? _path;

    private StrictObject(JsonElement element, StrictObject? parent, string segment, int index)
    {
        _element = element;
        _parent = parent;
        _segment = segment;
        _index = index;
    }

    public string Path => _path ??= ItemPath(_parent is null ? _segment : _parent.Child(_segment), _index);

    public static StrictObject Of(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object ? new StrictObject(element, null, path, -1) : throw Wrong(path, "an object", element);

    private static string ItemPath(string listPath, int index) =>
        index < 0 ? listPath : listPath + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    public string Child(string name) => Path.Length == 0 ? name : Path + "." + name;

    /// <summary>The field, or null when absent or JSON null (null and absent mean the same on this protocol).</summary>
    public JsonElement? Optional(string name)
    {
        bool first = true;
        for (int i = 0; i < _readCount; i++)
        {
            if (string.Equals(_read[i], name, StringComparison.Ordinal))
            {
                first = false;
                break;
            }
        }

        if (first)
        {
            if (_readCount == _read.Length)
            {
                Array.Resize(ref _read, _read.Length * 2);
            }

            _read[_readCount++] = name;
        }

        if (!_element.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (first)
        {
            _present++;
        }

        return value.ValueKind != JsonValueKind.Null ? value : null;
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

    /// <summary>The field's object, or null when absent or JSON null.</summary>
    public StrictObject? OptionalObject(string name) => Optional(name) is { } v ? Item(v, name, -1) : null;

    /// <summary>The field's array of objects, each read by <paramref name="read"/>; empty when absent or JSON null.</summary>
    public Model.Collections.ValueList<T> OptionalObjects<T>(string name, Func<StrictObject, T> read)
    {
        if (Optional(name) is not { } array)
        {
            return Model.Collections.ValueList<T>.Empty;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Wrong(Child(name), "an array", array);
        }

        var items = new T[array.GetArrayLength()];
        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            items[i] = read(Item(item, name, i));
            i++;
        }

        return new Model.Collections.ValueList<T>(System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(items));
    }

    /// <summary>The field's array of strings; empty when absent or JSON null.</summary>
    public Model.Collections.ValueList<string> OptionalStrings(string name)
    {
        if (Optional(name) is not { } array)
        {
            return Model.Collections.ValueList<string>.Empty;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Wrong(Child(name), "an array", array);
        }

        var items = new string[array.GetArrayLength()];
        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            items[i] = item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Wrong(ItemPath(Child(name), i), "a string", item);
            i++;
        }

        return new Model.Collections.ValueList<string>(System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(items));
    }

    /// <summary>The field's object of strings (a string map); empty when absent or JSON null.</summary>
    public Model.Collections.ValueMap<string> OptionalStringMap(string name)
    {
        if (Optional(name) is not { } obj)
        {
            return Model.Collections.ValueMap<string>.Empty;
        }

        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw Wrong(Child(name), "an object", obj);
        }

        var items = new (string, string)[obj.GetPropertyCount()];
        int i = 0;
        foreach (var property in obj.EnumerateObject())
        {
            var v = property.Value;
            items[i++] = (property.Name, v.ValueKind == JsonValueKind.String ? v.GetString()! : throw Wrong(Child(name) + "." + property.Name, "a string", v));
        }

        return Model.Collections.ValueMap.Of(items);
    }

    /// <summary>A required Go duration string (<c>1m30s</c>), the form scenario files use.</summary>
    public TimeSpan RequiredDuration(string name)
    {
        var v = Required(name);
        if (v.ValueKind != JsonValueKind.String)
        {
            throw Wrong(Child(name), "a string", v);
        }

        return Model.Time.GoDuration.TryParse(v.GetString()!, out var value, out string error) ? value : throw new ProtocolException(Child(name), error);
    }

    private StrictObject Item(JsonElement e, string name, int index) =>
        e.ValueKind == JsonValueKind.Object ? new StrictObject(e, this, name, index) : throw Wrong(ItemPath(Child(name), index), "an object", e);

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
        // Duplicate fields are a parse error, and each name asked for is counted once: equal counts mean every field was asked for.
        if (_present == _element.GetPropertyCount())
        {
            return;
        }

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
