using System.Collections.Immutable;
using System.Globalization;
using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Schema;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Manifests.Mapping;

/// <summary>Scalar fields with Kubernetes' typing: JSON numbers, booleans and strings are not interchangeable.</summary>
internal sealed partial class PodMapper
{
    /// <summary>A Go string (or named string type): any other JSON value is a type error; null leaves it empty.</summary>
    private string Str(ManifestNode node, string path, SchemaField field, string? mapPath = null) =>
        StrPointer(node, path, field, mapPath) ?? "";

    /// <summary>A *string: null is nil.</summary>
    private string? StrPointer(ManifestNode node, string path, SchemaField field, string? mapPath = null)
    {
        if (node is ManifestScalar { Kind: ScalarKind.String } s)
        {
            return s.Value;
        }

        if (node is not ManifestScalar { IsNull: true })
        {
            TypeError(node, path, field, mapPath);
        }

        return null;
    }

    /// <summary>
    /// A Go integer: the JSON number must be an integer in range (Go's strconv.ParseInt then OverflowInt);
    /// <c>1.5</c>, a string or an out-of-range number is <c>cannot unmarshal number 1.5 into … of type int32</c>.
    /// </summary>
    private long? Int64(ManifestNode node, string path, SchemaField field)
    {
        if (node is ManifestScalar { IsNull: true })
        {
            return null;
        }

        if (node is ManifestScalar { Kind: ScalarKind.Int or ScalarKind.Float } s
            && long.TryParse(JsonNumber.Text(s, IsJson), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long value)
            && (field.Kind != SchemaKind.Int32 || value is >= int.MinValue and <= int.MaxValue))
        {
            return value;
        }

        TypeError(node, path, field);
        return null;
    }

    private int? Int32(ManifestNode node, string path, SchemaField field) => (int?)Int64(node, path, field);

    private bool? Bool(ManifestNode node, string path, SchemaField field)
    {
        if (node is ManifestScalar { Kind: ScalarKind.Bool } s)
        {
            return ScalarResolver.IsTrue(s.Value);
        }

        if (node is not ManifestScalar { IsNull: true })
        {
            TypeError(node, path, field);
        }

        return null;
    }

    /// <summary>
    /// A resource.Quantity: its UnmarshalJSON takes a string or a bare number, the number's JSON text as the decoder sees
    /// it — JSON as written (<c>0.50</c> parses "0.50"), YAML after kubectl's sigs.k8s.io/yaml conversion (SCHEMA-006:
    /// <c>cpu: 0.50</c> arrives as <c>0.5</c>, <c>1e3</c> as <c>1000</c>, <c>010</c> as <c>8</c>), which decides the
    /// cached text and Go's internal form (QTY-020, VAL-031) — and anything else through ParseQuantity too, which rejects
    /// it; null is the zero quantity.
    /// </summary>
    private Quantity? QuantityValue(ManifestNode node, string path, SchemaField field)
    {
        _ = field;
        if (node is ManifestScalar { IsNull: true })
        {
            return null;
        }

        var error = QuantityError.FormatWrong;
        if (node is ManifestScalar s
            && Quantity.TryParse(s.Kind is ScalarKind.Int or ScalarKind.Float ? JsonNumber.Text(s, IsJson) : s.Value, out var quantity, out error))
        {
            return quantity;
        }

        Error(node.Position, path, Quantity.ErrorText(error));
        return null;
    }

    /// <summary>
    /// intstr.IntOrString: a JSON string is the name (even "80"); anything else is decoded as an int32 by
    /// encoding/json inside IntOrString.UnmarshalJSON, so its errors carry no struct context.
    /// </summary>
    private IntOrString IntOrStr(ManifestNode node, string path, SchemaField field)
    {
        _ = field;
        switch (node)
        {
            case ManifestScalar { Kind: ScalarKind.String } s:
                return IntOrString.FromString(s.Value);
            case ManifestScalar { IsNull: true }:
                return default;
            case ManifestScalar { Kind: ScalarKind.Int or ScalarKind.Float } n
                when int.TryParse(JsonNumber.Text(n, IsJson), System.Globalization.NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value):
                return IntOrString.FromInt(value);
            default:
                ValueTypeError(node, path, SchemaKind.Int32, "int32");
                return default;
        }
    }

    /// <summary>
    /// metav1.Time: RFC 3339. Kept in UTC and truncated to whole seconds, because that is all the API server
    /// stores and prints (metav1.Time marshals with time.RFC3339). A non-string is rejected by the
    /// encoding/json call inside Time.UnmarshalJSON (no struct context).
    /// </summary>
    private DateTimeOffset? Time(ManifestNode node, string path, SchemaField field)
    {
        _ = field;
        if (node is ManifestScalar { IsNull: true })
        {
            return null;
        }

        if (node is not ManifestScalar { Kind: ScalarKind.String } s)
        {
            ValueTypeError(node, path, SchemaKind.String, "string");
            return null;
        }

        if (DateTimeOffset.TryParseExact(s.Value, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            long ticks = value.UtcTicks;
            return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        }

        Error(s.Position, path, $"expected an RFC 3339 timestamp, got {s.Describe()} ({s.Value})");
        return null;
    }

    internal static readonly string[] TimeFormats =
    [
        "yyyy'-'MM'-'dd'T'HH':'mm':'ssK",
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'FFFFFFFK",
    ];

    /// <summary>metav1.FieldsV1: any JSON value, kept as its compact JSON text; null is nil.</summary>
    private static string? RawJson(ManifestNode node) =>
        node is ManifestScalar { IsNull: true } ? null : Writing.JsonTreeWriter.Compact(node);

    private ValueList<string> StringList(ManifestNode node, string path, SchemaField field)
    {
        var items = Items(node, path, field);
        if (items.Count == 0)
        {
            return default;
        }

        var builder = ImmutableArray.CreateBuilder<string>(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            builder.Add(Str(items[i], Index(path, i), field.Item!));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>A list; <paramref name="read"/> gets each item with the element's schema field.</summary>
    private ValueList<T> List<T>(ManifestNode node, string path, SchemaField field, Func<ManifestNode, string, SchemaField, T> read)
    {
        var items = Items(node, path, field);
        if (items.Count == 0)
        {
            return default;
        }

        var builder = ImmutableArray.CreateBuilder<T>(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            builder.Add(read(items[i], Index(path, i), field.Item!));
        }

        return builder.MoveToImmutable();
    }

    private ValueList<T> StructList<T>(ManifestNode node, string path, SchemaField field, Func<ManifestNode, string, SchemaField, T> read) =>
        List(node, path, field, read);

    /// <summary>The entries of a map (a repeated key's later value only, as kubectl sends it); null is the nil map.</summary>
    private List<KeyValuePair<ManifestScalar, ManifestNode>> MapEntries(ManifestNode node, string path, SchemaField field)
    {
        var result = new List<KeyValuePair<ManifestScalar, ManifestNode>>();
        if (node is not ManifestMapping mapping)
        {
            if (node is not ManifestScalar { IsNull: true })
            {
                TypeError(node, path, field);
            }

            return result;
        }

        var entries = mapping.Entries;
        var replaced = KubectlRepeatedKeys.Replaced(entries);
        for (int i = 0; i < entries.Length; i++)
        {
            // A repeated map key: kubectl sends the later value only (SCHEMA-008).
            if (replaced is null || !replaced[i])
            {
                result.Add(entries[i]);
            }
        }

        return result;
    }

    private ValueMap<string> StringMap(ManifestNode node, string path, SchemaField field)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in MapEntries(node, path, field))
        {
            builder[key.Value] = Str(value, Child(path, key.Value), field.Item!, mapPath: path);
        }

        return new ValueMap<string>(builder.ToImmutable());
    }

    /// <summary>A ResourceList; a null value is a zero quantity, as Quantity's JSON decoding of null gives.</summary>
    private ValueMap<Quantity> ResourceList(ManifestNode node, string path, SchemaField field)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, Quantity>(StringComparer.Ordinal);
        foreach (var (key, value) in MapEntries(node, path, field))
        {
            builder[key.Value] = QuantityValue(value, Child(path, key.Value), field.Item!) ?? Quantity.Zero;
        }

        return new ValueMap<Quantity>(builder.ToImmutable());
    }

    /// <summary>Go's strconv.ParseInt(s, 0, 64) after go-yaml dropped underscores; JSON integers are plain decimal.</summary>
    internal static bool TryParseGoInt(string text, out long value)
    {
        value = 0;
        ReadOnlySpan<char> s = text.Contains('_', StringComparison.Ordinal) ? text.Replace("_", "", StringComparison.Ordinal) : text;
        bool negative = false;
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        int radix = 10;
        if (s.Length > 1 && s[0] == '0')
        {
            radix = s[1] switch
            {
                'x' or 'X' => 16,
                'o' or 'O' => 8,
                'b' or 'B' => 2,
                _ => 0,
            };
            s = radix == 0 ? s[1..] : s[2..];
            radix = radix == 0 ? 8 : radix;
        }

        if (s.Length == 0)
        {
            return false;
        }

        ulong magnitude = 0;
        foreach (char c in s)
        {
            int digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiHexDigit(c) ? (c | 0x20) - 'a' + 10 : 99;
            if (digit >= radix)
            {
                return false;
            }

            if (magnitude > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
            {
                return false;
            }

            magnitude = (magnitude * (ulong)radix) + (ulong)digit;
        }

        if (negative ? magnitude > 9223372036854775808UL : magnitude > long.MaxValue)
        {
            return false;
        }

        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return true;
    }
}
