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
    private const int Size = 256;

    /// <summary>The whole seconds the direct paths take: far below where Go's nanosecond count would overflow.</summary>
    public const long MaxWholeSeconds = 1_000_000_000;

    [ThreadStatic]
    private static (long Ticks, string Text)[]? _formatted;

    [ThreadStatic]
    private static (byte[] Utf8, TimeSpan Value)[]? _parsed;

    [ThreadStatic]
    private static (long Ticks, byte[] Json)[]? _json;

    public static string Format(TimeSpan offset)
    {
        var table = _formatted ??= new (long, string)[Size];
        ref var slot = ref table[(int)((ulong)offset.Ticks * 0x9E3779B97F4A7C15UL >> 56)];
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
        ref var slot = ref table[(int)((ulong)offset.Ticks * 0x9E3779B97F4A7C15UL >> 56)];
        if (slot.Json is not null && slot.Ticks == offset.Ticks)
        {
            return slot.Json;
        }

        byte[] json = ObservationBytes.EncodeString(Format(offset));
        slot = (offset.Ticks, json);
        return json;
    }

    /// <summary>Decodes as <see cref="Utf8JsonReader.GetString"/> decodes an unescaped token: invalid UTF-8 throws.</summary>
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The string token's duration, as <see cref="GoDuration.TryParse"/> of its value reads it.</summary>
    public static bool TryParse(ref Utf8JsonReader r, out TimeSpan value)
    {
        if (r.ValueIsEscaped || r.HasValueSequence || r.ValueSpan.Length > 32)
        {
            return GoDuration.TryParse(r.GetString()!, out value, out _);
        }

        return TryParseUnescaped(r.ValueSpan, out value);
    }

    /// <summary>
    /// The same from a string token's raw bytes without an escape (its value is those bytes decoded; bytes that are not
    /// UTF-8 throw an <see cref="ArgumentException"/>, where the token reader throws).
    /// </summary>
    public static bool TryParseUnescaped(ReadOnlySpan<byte> raw, out TimeSpan value)
    {
        if (TryParseWholeSeconds(raw, out value))
        {
            return true;
        }

        if (raw.Length > 32)
        {
            return GoDuration.TryParse(StrictUtf8.GetString(raw), out value, out _);
        }

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

        if (!GoDuration.TryParse(StrictUtf8.GetString(raw), out value, out _))
        {
            return false;
        }

        slot = (raw.ToArray(), value);
        return true;
    }

    /// <summary>
    /// <c>[H h][M m]S s</c> with at most 6, 6 and 9 digits (no sign, no fraction): the sum of its parts, which is what Go's
    /// ParseDuration (<see cref="GoDuration.TryParse"/>) reads from it, and far from overflowing. Anything else is left to it.
    /// </summary>
    public static bool TryParseWholeSeconds(ReadOnlySpan<byte> text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        long seconds = 0;
        int at = 0;
        if (Part(text, ref at, (byte)'h', 6, out long hours))
        {
            seconds += hours * 3600;
        }

        if (Part(text, ref at, (byte)'m', 6, out long minutes))
        {
            seconds += minutes * 60;
        }

        if (!Part(text, ref at, (byte)'s', 9, out long secs) || at != text.Length)
        {
            return false;
        }

        value = TimeSpan.FromTicks((seconds + secs) * TimeSpan.TicksPerSecond);
        return true;
    }

    /// <summary>Digits (1 to <paramref name="maxDigits"/>) then <paramref name="unit"/> at <paramref name="at"/>; moves past them when so.</summary>
    private static bool Part(ReadOnlySpan<byte> text, ref int at, byte unit, int maxDigits, out long number)
    {
        number = 0;
        int i = at;
        while (i < text.Length && i - at <= maxDigits && char.IsAsciiDigit((char)text[i]))
        {
            number = (number * 10) + (text[i] - '0');
            i++;
        }

        if (i == at || i - at > maxDigits || i >= text.Length || text[i] != unit)
        {
            number = 0;
            return false;
        }

        at = i + 1;
        return true;
    }
}
