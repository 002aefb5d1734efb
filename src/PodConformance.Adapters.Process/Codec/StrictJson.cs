using System.Text.Json;
using PodConformance.Model.Collections;
using PodConformance.Model.Time;

namespace PodConformance.Adapters.Process.Codec;

/// <summary>Typed reads of single JSON values with the path in every error; no coercion (<c>"1"</c> is not 1).</summary>
internal static class StrictJson
{
    /// <summary>Duplicate keys are an error: which of two values an adapter meant is not ours to guess.</summary>
    public static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false, MaxDepth = 256 };

    public static JsonDocument Parse(string line)
    {
        try
        {
            return JsonDocument.Parse(line, Options);
        }
        catch (JsonException e)
        {
            throw new ProtocolException("", "not valid JSON (" + e.Message + ")");
        }
    }

    /// <summary>
    /// The same from the line's UTF-8 bytes (valid UTF-8, so the very bytes <see cref="Parse(string)"/> would transcode the
    /// text to): the same document and the same errors, without the string. The document reads <paramref name="utf8"/> in
    /// place: dispose it before the bytes change.
    /// </summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            return JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException e)
        {
            throw new ProtocolException("", "not valid JSON (" + e.Message + ")");
        }
    }

    public static string String(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw StrictObject.Wrong(path, "a string", e);

    public static bool Bool(JsonElement e, string path) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw StrictObject.Wrong(path, "a boolean", e),
    };

    public static long Int64(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out long v) ? v : throw StrictObject.Wrong(path, "an integer (int64)", e);

    public static int Int32(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int v) ? v : throw StrictObject.Wrong(path, "an integer (int32)", e);

    /// <summary>A Go duration string (<c>1m30s</c>, <c>500ms</c>), the form scenario files use.</summary>
    public static TimeSpan Duration(JsonElement e, string path)
    {
        string text = String(e, path);
        if (!GoDuration.TryParse(text, out var value, out string error))
        {
            throw new ProtocolException(path, error);
        }

        return value;
    }

    public static ValueList<T> List<T>(JsonElement? e, string path, Func<JsonElement, string, T> read)
    {
        if (e is not { } array)
        {
            return ValueList<T>.Empty;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw StrictObject.Wrong(path, "an array", array);
        }

        var items = new T[array.GetArrayLength()];
        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            items[i] = read(item, path + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
            i++;
        }

        return new ValueList<T>(System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(items));
    }

    public static ValueMap<T> Map<T>(JsonElement? e, string path, Func<JsonElement, string, T> read)
    {
        if (e is not { } obj)
        {
            return ValueMap<T>.Empty;
        }

        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw StrictObject.Wrong(path, "an object", obj);
        }

        var items = new List<(string, T)>();
        foreach (var property in obj.EnumerateObject())
        {
            items.Add((property.Name, read(property.Value, path + "." + property.Name)));
        }

        return ValueMap.Of([.. items]);
    }

    public static ValueList<string> Strings(JsonElement? e, string path) => List(e, path, String);

    public static ValueMap<string> StringMap(JsonElement? e, string path) => Map(e, path, String);
}
