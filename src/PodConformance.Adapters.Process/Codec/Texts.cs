using System.Buffers.Binary;
using System.Text.Json;

namespace PodConformance.Adapters.Process.Codec;

/// <summary>
/// The strings of a reply's tokens, remembered per thread by their raw bytes: a lifecycle reply says the same few dozen
/// texts (phases, states, reasons, condition texts, container names, the defaults' keys) hundreds of times, and a string
/// for each was most of what reading it allocated. Exact: <see cref="Utf8JsonReader.GetString"/> is a pure function of the
/// token's raw bytes (escaped or not), so a token whose bytes equal a remembered token's has its string; a miss reads the
/// token as before. A small direct-mapped table of short texts only, so what it keeps per thread is bounded.
/// </summary>
internal static class Texts
{
    private const int Bits = 10;
    private const int MaxLength = 128;

    [ThreadStatic]
    private static (byte[] Raw, string Text)[]? _table;

    /// <summary>Decodes as <see cref="Utf8JsonReader.GetString"/> decodes an unescaped token: invalid UTF-8 throws (an <see cref="ArgumentException"/>).</summary>
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The string (or property name) token's value, as <see cref="Utf8JsonReader.GetString"/> reads it.</summary>
    public static string Get(ref Utf8JsonReader r)
    {
        if (r.HasValueSequence || r.ValueSpan.Length > MaxLength)
        {
            return r.GetString()!;
        }

        var raw = r.ValueSpan;
        ref var slot = ref SlotOf(raw);
        if (slot.Raw is { } known && raw.SequenceEqual(known))
        {
            return slot.Text;
        }

        string text = r.GetString()!;
        slot = (raw.ToArray(), text);
        return text;
    }

    /// <summary>
    /// The value of a string token whose raw bytes (between the quotes) have no escape: the same string
    /// <see cref="Get(ref Utf8JsonReader)"/> gives for those bytes (an unescaped token's value is its bytes decoded), from
    /// the same table. Bytes that are not UTF-8 throw an <see cref="ArgumentException"/>, where the token reader throws.
    /// </summary>
    public static string GetUnescaped(ReadOnlySpan<byte> raw)
    {
        if (raw.Length > MaxLength)
        {
            return StrictUtf8.GetString(raw);
        }

        ref var slot = ref SlotOf(raw);
        if (slot.Raw is { } known && raw.SequenceEqual(known))
        {
            return slot.Text;
        }

        string text = StrictUtf8.GetString(raw);
        slot = (raw.ToArray(), text);
        return text;
    }

    private static ref (byte[] Raw, string Text) SlotOf(ReadOnlySpan<byte> raw)
    {
        var table = _table ??= new (byte[], string)[1 << Bits];
        return ref table[Slot(raw)];
    }

    /// <summary>A hash of the length and up to 24 bytes (head, middle, tail): O(1), and a collision only costs a miss.</summary>
    private static int Slot(ReadOnlySpan<byte> raw)
    {
        const ulong k = 0x9E3779B97F4A7C15UL;
        ulong h = (ulong)raw.Length * k;
        if (raw.Length >= 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(raw)) * k;
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(raw[^8..])) * k;
            if (raw.Length > 16)
            {
                h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(raw[((raw.Length >> 1) - 4)..])) * k;
            }
        }
        else
        {
            foreach (byte b in raw)
            {
                h = (h ^ b) * k;
            }
        }

        return (int)(h >> (64 - Bits));
    }
}
