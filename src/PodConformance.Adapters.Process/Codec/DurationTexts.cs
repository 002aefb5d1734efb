using System.Text.Json;
using PodConformance.Model.Time;

namespace PodConformance.Adapters.Process.Codec;

/// <summary>
/// Go duration texts of observation offsets, remembered per thread: a lifecycle observation writes an offset per sample
/// and per event, a few dozen distinct ones over hundreds of items, and each was formatted (or parsed) anew. A small
/// direct-mapped table, exact: formatting and parsing are pure functions, and a miss just computes.
/// </summary>
internal static class DurationTexts
{
    private const int Size = 64;

    [ThreadStatic]
    private static (long Ticks, string Text)[]? _formatted;

    [ThreadStatic]
    private static (byte[] Utf8, TimeSpan Value)[]? _parsed;

    [ThreadStatic]
    private static (long Ticks, byte[] Json)[]? _json;

    public static string Format(TimeSpan offset)
    {
        var table = _formatted ??= new (long, string)[Size];
        ref var slot = ref table[(int)((ulong)offset.Ticks * 0x9E3779B97F4A7C15UL >> 58)];
        if (slot.Text is not null && slot.Ticks == offset.Ticks)
        {
            return slot.Text;
        }

        string text = GoDuration.Format(offset);
        slot = (offset.Ticks, text);
        return text;
    }

    /// <summary>The offset's text as a JSON string in UTF-8, quotes included, as the protocol's writer writes it.</summary>
    public static byte[] FormatJson(TimeSpan offset)
    {
        var table = _json ??= new (long, byte[])[Size];
        ref var slot = ref table[(int)((ulong)offset.Ticks * 0x9E3779B97F4A7C15UL >> 58)];
        if (slot.Json is not null && slot.Ticks == offset.Ticks)
        {
            return slot.Json;
        }

        byte[] json = ObservationBytes.EncodeString(Format(offset));
        slot = (offset.Ticks, json);
        return json;
    }

    /// <summary>The string token's duration, as <see cref="GoDuration.TryParse"/> of its value reads it.</summary>
    public static bool TryParse(ref Utf8JsonReader r, out TimeSpan value)
    {
        if (r.ValueIsEscaped || r.HasValueSequence || r.ValueSpan.Length > 32)
        {
            return GoDuration.TryParse(r.GetString()!, out value, out _);
        }

        var raw = r.ValueSpan;
        var table = _parsed ??= new (byte[], TimeSpan)[Size];
        uint hash = 2166136261;
        foreach (byte b in raw)
        {
            hash = (hash ^ b) * 16777619;
        }

        ref var slot = ref table[hash % Size];
        if (slot.Utf8 is not null && raw.SequenceEqual(slot.Utf8))
        {
            value = slot.Value;
            return true;
        }

        if (!GoDuration.TryParse(r.GetString()!, out value, out _))
        {
            return false;
        }

        slot = (raw.ToArray(), value);
        return true;
    }
}
