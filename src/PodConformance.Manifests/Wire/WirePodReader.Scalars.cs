using System.Buffers.Text;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using PodConformance.Manifests.Mapping;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Manifests.Wire;

/// <summary>
/// Values with the manifest reader's typing (Mapping/PodMapper.Scalars.cs), each positioned on its value token; only
/// the forms that reader accepts without a diagnostic are taken, anything else (a null too) gives up.
/// </summary>
static partial class WirePodReader
{
    internal static bool TakeString(ref Utf8JsonReader r, out string value)
    {
        value = "";
        if (r.TokenType != JsonTokenType.String)
        {
            return false;
        }

        value = r.GetString()!;
        return true;
    }

    internal static bool TakeBool(ref Utf8JsonReader r, out bool value)
    {
        value = r.TokenType == JsonTokenType.True;
        return r.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    /// <summary>A Go integer as the manifest reader takes a JSON number: its text parsed as a decimal integer in range.</summary>
    internal static bool TakeInt64(ref Utf8JsonReader r, out long value)
    {
        value = 0;
        if (r.TokenType != JsonTokenType.Number)
        {
            return false;
        }

        var text = r.ValueSpan;
        return text.IndexOfAny("."u8) < 0 && text.IndexOfAny("eE"u8) < 0
            && Utf8Parser.TryParse(text, out value, out int consumed) && consumed == text.Length;
    }

    internal static bool TakeInt32(ref Utf8JsonReader r, out int value)
    {
        value = 0;
        if (!TakeInt64(ref r, out long wide) || wide is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        value = (int)wide;
        return true;
    }

    /// <summary>resource.Quantity: a string or a bare number, parsed as written.</summary>
    internal static bool TakeQuantity(ref Utf8JsonReader r, out Quantity value)
    {
        value = Quantity.Zero;
        string? text = r.TokenType switch
        {
            JsonTokenType.String => r.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(r.ValueSpan),
            _ => null,
        };
        return text is not null && Quantity.TryParse(text, out value, out _);
    }

    /// <summary>intstr.IntOrString: a string is the name (even "80"), a number an int32.</summary>
    internal static bool TakeIntOrString(ref Utf8JsonReader r, out IntOrString value)
    {
        value = default;
        if (r.TokenType == JsonTokenType.String)
        {
            value = IntOrString.FromString(r.GetString()!);
            return true;
        }

        if (!TakeInt32(ref r, out int number))
        {
            return false;
        }

        value = IntOrString.FromInt(number);
        return true;
    }

    /// <summary>
    /// metav1.Time: RFC 3339, kept in UTC and truncated to whole seconds (the manifest reader's rule); null is the zero
    /// time, which the writer writes for an unset creationTimestamp.
    /// </summary>
    internal static bool TakeTime(ref Utf8JsonReader r, out DateTimeOffset? value)
    {
        value = null;
        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (r.TokenType != JsonTokenType.String
            || !DateTimeOffset.TryParseExact(r.GetString(), PodMapper.TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        long ticks = parsed.UtcTicks;
        value = new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return true;
    }

    internal static bool TakeStringList(ref Utf8JsonReader r, out ValueList<string> value) => TakeList(ref r, out value, TakeString);

    /// <summary>
    /// A list; an empty one is the nil slice (default), as the manifest reader gives it, and so is null (the writer writes
    /// null for an empty list whose field has no omitempty).
    /// </summary>
    internal static bool TakeList<T>(ref Utf8JsonReader r, out ValueList<T> value, ItemReader<T> read)
    {
        value = default;
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return r.TokenType == JsonTokenType.Null;
        }

        ImmutableArray<T>.Builder? builder = null;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (!read(ref r, out var item))
            {
                return false;
            }

            (builder ??= ImmutableArray.CreateBuilder<T>()).Add(item);
        }

        if (r.TokenType != JsonTokenType.EndArray)
        {
            return false;
        }

        if (builder is not null)
        {
            value = builder.Count == builder.Capacity ? builder.MoveToImmutable() : builder.ToImmutable();
        }

        return true;
    }

    internal static bool TakeStringMap(ref Utf8JsonReader r, out ValueMap<string> value) => TakeMap(ref r, out value, TakeString);

    internal static bool TakeResourceList(ref Utf8JsonReader r, out ValueMap<Quantity> value) => TakeMap(ref r, out value, TakeQuantity);

    /// <summary>A map (always a map, empty or not, as the manifest reader builds it; null is the empty map); a repeated key gives up.</summary>
    private static bool TakeMap<T>(ref Utf8JsonReader r, out ValueMap<T> value, ItemReader<T> read)
    {
        value = default;
        var builder = ImmutableSortedDictionary.CreateBuilder<string, T>(StringComparer.Ordinal);
        if (r.TokenType == JsonTokenType.Null)
        {
            value = new ValueMap<T>(builder.ToImmutable());
            return true;
        }

        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            string key = r.GetString()!;
            if (!r.Read() || !read(ref r, out var item) || !builder.TryAdd(key, item))
            {
                return false;
            }
        }

        if (r.TokenType != JsonTokenType.EndObject)
        {
            return false;
        }

        value = new ValueMap<T>(builder.ToImmutable());
        return true;
    }
}
