using System.Text.Json;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Wire;

/// <summary>
/// The direct reader of the pod a protocol request carries (spec/adapter-protocol.md, "Run"): UTF-8 JSON straight
/// into the model, each record's fields read into locals and the record constructed once, no node tree, no field
/// paths. It reads what <see cref="Writing.PodManifestWriter.WriteJson"/> writes and gives up (null) on anything
/// unusual — a null, a type mismatch, an unknown, duplicate or escaped key, a field the newest release does not have,
/// raw JSON, a status — so that the caller reads the pod again with <see cref="Reading.PodManifestReader"/>, which
/// words every error: answers and error texts are the same either way. Generated readers
/// (Generated/WirePodReader.g.cs, tools/PodConformance.SchemaGen) read the generated records; the hand-written
/// partial files are the twins of the hand-written mapper readers (Mapping/PodMapper.*.cs) and agree with them
/// (tests/PodConformance.Manifests.Tests/Wire).
/// </summary>
public static partial class WirePodReader
{
    /// <summary>The pod, or null where the manifest reader must read it (an error, or something this reader does not take).</summary>
    public static Pod? TryRead(ReadOnlySpan<byte> json)
    {
        try
        {
            var r = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
            if (!r.Read() || !ReadPod(ref r, out var pod) || r.Read())
            {
                return null;
            }

            return pod;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // GetString of a string with an escaped lone surrogate, and the like: the manifest reader decides.
            return null;
        }
    }

    /// <summary>
    /// The pod whose object <paramref name="r"/> stands on (its <c>StartObject</c>), read from the caller's reader: a protocol
    /// request's reader, so the pod's bytes are parsed once, with the rest of the message, not once for the message and again
    /// for the pod (issue 12 item 6). On true the reader stands on the pod's <c>EndObject</c>. False gives up where
    /// <see cref="TryRead(ReadOnlySpan{byte})"/> gives null, and leaves the reader anywhere inside the pod: the caller must
    /// give up on the whole message then. The caller's options decide the depth limit and syntax; the fields this reader
    /// takes nest far less deep than any limit (it skips nothing: every value it accepts is a schema field's).
    /// </summary>
    public static bool TryRead(ref Utf8JsonReader r, out Pod? pod)
    {
        pod = null;
        try
        {
            if (!ReadPod(ref r, out var read))
            {
                return false;
            }

            pod = read;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Reads one value the reader stands on; false to give up.</summary>
    internal delegate bool ItemReader<T>(ref Utf8JsonReader r, out T value);

    /// <summary>Marks field <paramref name="bit"/> as read; false when it was already (a repeated key: the manifest reader keeps the later value, SCHEMA-008).</summary>
    internal static bool Mark(ref ulong seen, int bit)
    {
        ulong mask = 1UL << bit;
        if ((seen & mask) != 0)
        {
            return false;
        }

        seen |= mask;
        return true;
    }

    /// <summary>The next property's key as raw bytes, the reader moved onto its value; false at the object's end or for an escaped key.</summary>
    private static bool NextKey(ref Utf8JsonReader r, out ReadOnlySpan<byte> key)
    {
        key = default;
        if (!r.Read() || r.TokenType != JsonTokenType.PropertyName || r.ValueIsEscaped)
        {
            return false;
        }

        key = r.ValueSpan;
        return r.Read();
    }

    /// <summary>True when the reader ended an object normally (after <see cref="NextKey"/> returned false).</summary>
    private static bool AtEnd(ref Utf8JsonReader r) => r.TokenType == JsonTokenType.EndObject;
}
