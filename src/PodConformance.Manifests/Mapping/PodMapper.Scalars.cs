using System.Collections.Immutable;
using System.Globalization;
using PodConformance.Manifests.Nodes;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Manifests.Mapping;

/// <summary>Scalar fields with Kubernetes' typing: JSON numbers, booleans and strings are not interchangeable.</summary>
internal sealed partial class PodMapper
{
    private bool TryScalar(ManifestNode node, string path, string expected, out ManifestScalar scalar)
    {
        if (node is ManifestScalar s)
        {
            scalar = s;
            return true;
        }

        Error(node.Position, path, $"expected {expected}, got {node.Describe()}");
        scalar = null!;
        return false;
    }

    /// <summary>A Go string: a number or boolean is a type error there (quote it); null leaves it empty.</summary>
    private string Str(ManifestNode node, string path)
    {
        if (!TryScalar(node, path, "a string", out var s) || s.IsNull)
        {
            return "";
        }

        if (s.Kind != ScalarKind.String)
        {
            Error(s.Position, path, $"expected a string, got {s.Describe()} ({s.Value}); quote it");
            return "";
        }

        return s.Value;
    }

    private long? Int64(ManifestNode node, string path, long min = long.MinValue, long max = long.MaxValue)
    {
        if (!TryScalar(node, path, "an integer", out var s) || s.IsNull)
        {
            return null;
        }

        if (s.Kind != ScalarKind.Int || !TryParseGoInt(s.Value, out long value))
        {
            Error(s.Position, path, $"expected an integer, got {s.Describe()} ({s.Value})");
            return null;
        }

        if (value < min || value > max)
        {
            Error(s.Position, path, $"integer {s.Value} is out of range");
            return null;
        }

        return value;
    }

    private int? Int32(ManifestNode node, string path) => (int?)Int64(node, path, int.MinValue, int.MaxValue);

    private bool? Bool(ManifestNode node, string path)
    {
        if (!TryScalar(node, path, "a boolean", out var s) || s.IsNull)
        {
            return null;
        }

        if (s.Kind != ScalarKind.Bool)
        {
            Error(s.Position, path, $"expected a boolean, got {s.Describe()} ({s.Value})");
            return null;
        }

        return ScalarResolver.IsTrue(s.Value);
    }

    /// <summary>
    /// A resource.Quantity: a string or a bare number, taken as written (<c>cpu: 0.5</c> parses "0.5") because
    /// Quantity's JSON decoding accepts both. An invalid quantity is an error: the API server rejects it at decode.
    /// </summary>
    private Quantity? QuantityValue(ManifestNode node, string path)
    {
        if (!TryScalar(node, path, "a quantity", out var s) || s.IsNull)
        {
            return null;
        }

        if (Quantity.TryParse(s.Value, out var quantity, out var error))
        {
            return quantity;
        }

        Error(s.Position, path, Quantity.ErrorText(error));
        return null;
    }

    /// <summary>intstr.IntOrString: a JSON number is the int, a string (even "80") is the name.</summary>
    private IntOrString IntOrStr(ManifestNode node, string path)
    {
        if (!TryScalar(node, path, "an integer or a string", out var s) || s.IsNull)
        {
            return default;
        }

        if (s.Kind == ScalarKind.String)
        {
            return IntOrString.FromString(s.Value);
        }

        int? value = Int32(node, path);
        return value is null ? default : IntOrString.FromInt(value.Value);
    }

    /// <summary>
    /// metav1.Time: RFC 3339. Kept in UTC and truncated to whole seconds, because that is all the API server
    /// stores and prints (metav1.Time marshals with time.RFC3339).
    /// </summary>
    private DateTimeOffset? Time(ManifestNode node, string path)
    {
        if (!TryScalar(node, path, "a timestamp", out var s) || s.IsNull)
        {
            return null;
        }

        if (s.Kind == ScalarKind.String && DateTimeOffset.TryParseExact(
                s.Value,
                TimeFormats,
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var value))
        {
            long ticks = value.UtcTicks;
            return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        }

        Error(s.Position, path, $"expected an RFC 3339 timestamp, got {s.Describe()} ({s.Value})");
        return null;
    }

    private static readonly string[] TimeFormats =
    [
        "yyyy'-'MM'-'dd'T'HH':'mm':'ssK",
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'FFFFFFFK",
    ];

    private ValueList<string> StringList(ManifestNode node, string path)
    {
        var items = Items(node, path);
        if (items.Count == 0)
        {
            return default;
        }

        var builder = ImmutableArray.CreateBuilder<string>(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            builder.Add(Str(items[i], Index(path, i)));
        }

        return builder.MoveToImmutable();
    }

    private ValueList<T> List<T>(ManifestNode node, string path, Func<ManifestNode, string, T> read)
    {
        var items = Items(node, path);
        if (items.Count == 0)
        {
            return default;
        }

        var builder = ImmutableArray.CreateBuilder<T>(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            builder.Add(read(items[i], Index(path, i)));
        }

        return builder.MoveToImmutable();
    }

    private ValueMap<string> StringMap(ManifestNode node, string path)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Fields(node, path))
        {
            builder[key.Value] = Str(value, Child(path, key.Value));
        }

        return new ValueMap<string>(builder.ToImmutable());
    }

    /// <summary>A ResourceList; a null value is a zero quantity, as Quantity's JSON decoding of null gives.</summary>
    private ValueMap<Quantity> ResourceList(ManifestNode node, string path)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, Quantity>(StringComparer.Ordinal);
        foreach (var (key, value) in Fields(node, path))
        {
            builder[key.Value] = QuantityValue(value, Child(path, key.Value)) ?? Quantity.Zero;
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
