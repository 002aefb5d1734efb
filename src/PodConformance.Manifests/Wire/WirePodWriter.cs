using System.Globalization;
using System.Text.Json;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Manifests.Wire;

/// <summary>
/// The direct writer of the pod a protocol request carries (spec/adapter-protocol.md, "Run"): the model straight into
/// the message's <see cref="Utf8JsonWriter"/>, with no output tree in between. It writes the bytes
/// <see cref="PodManifestWriter.WriteJson"/> writes (the tree of <c>PodTree</c> printed by <c>JsonTreeWriter.Emit</c>):
/// the same fields in the same order (Go's declaration order where the tree sorts by it), Go's omitempty rules as the
/// tree applies them, the same writer calls' bytes (a number's text is the number's invariant digits either way).
/// Generated writers (Generated/WirePodWriter.g.cs, tools/PodConformance.SchemaGen) write the generated records and
/// decide the order of every record with generated fields; the hand-written partial files are the twins of
/// Writing/PodTree*.cs and write the hand-written fields (tests/PodConformance.Adapters.Process.Tests/Wire: the same
/// bytes over the default run's pods and generated ones).
/// </summary>
public static partial class WirePodWriter
{
    /// <summary>The pod as a JSON value inside a larger document, in that writer's layout.</summary>
    public static void Write(Utf8JsonWriter w, Pod pod)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(pod);
        WritePod(w, pod);
    }

    /// <summary>
    /// A toleration as core/v1 writes it (omitempty), inside a larger document: the form of the pod's own
    /// <c>spec.tolerations</c>, shared with the protocol's RuntimeClass <c>scheduling.tolerations</c> (PROTO-015) so the
    /// two cannot drift apart. The pod writer itself calls the private twin, without these argument checks.
    /// </summary>
    public static void Write(Utf8JsonWriter w, Toleration toleration)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(toleration);
        WriteToleration(w, toleration);
    }

    /// <summary>A Go string with omitempty.</summary>
    private static void Str(Utf8JsonWriter w, ReadOnlySpan<byte> key, string value)
    {
        if (value.Length != 0)
        {
            w.WriteString(key, value);
        }
    }

    private static void StrAlways(Utf8JsonWriter w, ReadOnlySpan<byte> key, string value) => w.WriteString(key, value);

    /// <summary>A *string: omitted when nil, written even when empty.</summary>
    private static void StrPointer(Utf8JsonWriter w, ReadOnlySpan<byte> key, string? value)
    {
        if (value is not null)
        {
            w.WriteString(key, value);
        }
    }

    private static void Int(Utf8JsonWriter w, ReadOnlySpan<byte> key, long value)
    {
        if (value != 0)
        {
            w.WriteNumber(key, value);
        }
    }

    /// <summary>A pointer, by overload as the tree's <c>Int(key, long?)</c>: the hand-written twins call these as PodTree calls its own.</summary>
    private static void Int(Utf8JsonWriter w, ReadOnlySpan<byte> key, long? value) => IntPointer(w, key, value);

    private static void IntAlways(Utf8JsonWriter w, ReadOnlySpan<byte> key, long value) => w.WriteNumber(key, value);

    private static void IntPointer(Utf8JsonWriter w, ReadOnlySpan<byte> key, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(key, v);
        }
    }

    private static void Bool(Utf8JsonWriter w, ReadOnlySpan<byte> key, bool value)
    {
        if (value)
        {
            w.WriteBoolean(key, true);
        }
    }

    private static void Bool(Utf8JsonWriter w, ReadOnlySpan<byte> key, bool? value) => BoolPointer(w, key, value);

    private static void BoolAlways(Utf8JsonWriter w, ReadOnlySpan<byte> key, bool value) => w.WriteBoolean(key, value);

    private static void BoolPointer(Utf8JsonWriter w, ReadOnlySpan<byte> key, bool? value)
    {
        if (value is { } v)
        {
            w.WriteBoolean(key, v);
        }
    }

    private static void QuantityPointer(Utf8JsonWriter w, ReadOnlySpan<byte> key, Quantity? value)
    {
        if (value is { } v)
        {
            w.WriteString(key, v.ToString());
        }
    }

    private static void QuantityAlways(Utf8JsonWriter w, ReadOnlySpan<byte> key, Quantity value) => w.WriteString(key, value.ToString());

    private static void IntOrStr(Utf8JsonWriter w, ReadOnlySpan<byte> key, IntOrString value)
    {
        w.WritePropertyName(key);
        IntOrStrValue(w, value);
    }

    private static void IntOrStrPointer(Utf8JsonWriter w, ReadOnlySpan<byte> key, IntOrString? value)
    {
        if (value is { } v)
        {
            IntOrStr(w, key, v);
        }
    }

    private static void IntOrStrValue(Utf8JsonWriter w, IntOrString value)
    {
        if (value.StringValue is { } s)
        {
            w.WriteStringValue(s);
        }
        else
        {
            w.WriteNumberValue(value.IntValue);
        }
    }

    /// <summary>A non-pointer metav1.Time: always written, <c>null</c> when zero.</summary>
    private static void Time(Utf8JsonWriter w, ReadOnlySpan<byte> key, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            TimeText(w, key, v);
        }
        else
        {
            w.WriteNull(key);
        }
    }

    /// <summary>A *metav1.Time: omitted when nil.</summary>
    private static void TimePointer(Utf8JsonWriter w, ReadOnlySpan<byte> key, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            TimeText(w, key, v);
        }
    }

    /// <summary>RFC 3339 in UTC with whole seconds, as the tree's TimeNode formats it.</summary>
    private static void TimeText(Utf8JsonWriter w, ReadOnlySpan<byte> key, DateTimeOffset value)
    {
        Span<char> text = stackalloc char[64];
        if (!value.UtcDateTime.TryFormat(text, out int n, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("time does not fit its format");
        }

        w.WriteString(key, text[..n]);
    }

    /// <summary>A value kept as JSON text (metav1.FieldsV1), written back as the tree writes it: parsed, then printed.</summary>
    private static void Raw(Utf8JsonWriter w, ReadOnlySpan<byte> key, string? json)
    {
        if (json is not null)
        {
            w.WritePropertyName(key);
            JsonTreeWriter.Emit(w, Parsing.JsonTreeBuilder.Parse(json).Documents[0].Root ?? TreeBuilder.Null);
        }
    }

    private static void StringMap(Utf8JsonWriter w, ReadOnlySpan<byte> key, ValueMap<string> map)
    {
        if (map.IsEmpty)
        {
            return;
        }

        w.WriteStartObject(key);
        foreach (var (k, v) in map)
        {
            w.WriteString(k, v);
        }

        w.WriteEndObject();
    }

    /// <summary>Twin of TreeBuilder.ResourceList, <paramref name="keepEmpty"/> included.</summary>
    private static void ResourceList(Utf8JsonWriter w, ReadOnlySpan<byte> key, ValueMap<Quantity> map, bool keepEmpty = false)
    {
        if (map.IsEmpty && !keepEmpty)
        {
            return;
        }

        w.WriteStartObject(key);
        foreach (var (k, v) in map)
        {
            w.WriteString(k, v.ToString());
        }

        w.WriteEndObject();
    }

    private static void StringList(Utf8JsonWriter w, ReadOnlySpan<byte> key, ValueList<string> list)
    {
        if (!list.IsEmpty)
        {
            StringItems(w, key, list);
        }
    }

    /// <summary>A slice without omitempty: nil (empty) prints as null, as Go does.</summary>
    private static void StringListAlways(Utf8JsonWriter w, ReadOnlySpan<byte> key, ValueList<string> list)
    {
        if (list.IsEmpty)
        {
            w.WriteNull(key);
        }
        else
        {
            StringItems(w, key, list);
        }
    }

    private static void StringItems(Utf8JsonWriter w, ReadOnlySpan<byte> key, ValueList<string> list)
    {
        w.WriteStartArray(key);
        foreach (string s in list)
        {
            w.WriteStringValue(s);
        }

        w.WriteEndArray();
    }

    private static void IntList<T>(Utf8JsonWriter w, ReadOnlySpan<byte> key, ValueList<T> list)
        where T : System.Numerics.IBinaryInteger<T>
    {
        if (list.IsEmpty)
        {
            return;
        }

        // As raw values, as the tree writes every integer: in an indented layout a raw array item is not put on a line of its
        // own (in the protocol's compact layout the bytes are the number's either way).
        Span<byte> digits = stackalloc byte[20];
        w.WriteStartArray(key);
        foreach (var v in list)
        {
            if (!System.Buffers.Text.Utf8Formatter.TryFormat(long.CreateChecked(v), digits, out int n))
            {
                throw new InvalidOperationException("an integer does not fit 20 bytes");
            }

            w.WriteRawValue(digits[..n], skipInputValidation: true);
        }

        w.WriteEndArray();
    }

    /// <summary>A nil slice field, or each item, the way the tree's <c>List</c> writes it.</summary>
    /// <summary>An optional object: its key and value when set, nothing when null (Go's omitempty on a pointer).</summary>
    private static void Obj<T>(Utf8JsonWriter w, ReadOnlySpan<byte> key, T? value, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        if (value is not null)
        {
            w.WritePropertyName(key);
            write(w, value);
        }
    }

    /// <remarks><c>keepEmpty</c>: an empty list the request gave as <c>[]</c> (a non-nil Go slice, VAL-016) is written as <c>[]</c>.</remarks>
    private static void Items<T>(Utf8JsonWriter w, ReadOnlySpan<byte> key, ValueList<T> list, Action<Utf8JsonWriter, T> item, bool always = false, bool keepEmpty = false)
    {
        if (list.IsEmpty)
        {
            if (keepEmpty)
            {
                w.WriteStartArray(key);
                w.WriteEndArray();
            }
            else if (always)
            {
                w.WriteNull(key);
            }

            return;
        }

        w.WriteStartArray(key);
        foreach (var x in list)
        {
            item(w, x);
        }

        w.WriteEndArray();
    }
}
