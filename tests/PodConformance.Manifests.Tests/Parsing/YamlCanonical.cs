using System.Globalization;
using System.Numerics;
using System.Text;
using PodConformance.Manifests.Nodes;

namespace PodConformance.Manifests.Tests.Parsing;

/// <summary>
/// One line per document that says what go-yaml v2 decodes it to, in the notation of the corpus oracle
/// (YamlCorpus/oracle/main.go): <c>null</c>, <c>true</c>, <c>int:31</c>, <c>float:&lt;IEEE bits in hex&gt;</c>,
/// <c>str:"…"</c> (printable ASCII as is, any other code point as <c>\u{X}</c>), <c>[…]</c>, and mappings as Go
/// maps: keys sorted, the last of duplicate keys winning.
/// </summary>
internal static class YamlCanonical
{
    public static string Of(ManifestNode? node)
    {
        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, ManifestNode? node)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case ManifestScalar s:
                sb.Append(Scalar(s));
                break;
            case ManifestSequence seq:
                sb.Append('[');
                for (int i = 0; i < seq.Items.Length; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    Write(sb, seq.Items[i]);
                }

                sb.Append(']');
                break;
            case ManifestMapping map:
                var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
                foreach (var (key, value) in map.Entries)
                {
                    entries[Scalar(key)] = Of(value);
                }

                sb.Append('{').AppendJoin(',', entries.Select(e => e.Key + ":" + e.Value)).Append('}');
                break;
        }
    }

    private static string Scalar(ManifestScalar s) => s.Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Bool => ScalarResolver.IsTrue(s.Value) ? "true" : "false",
        ScalarKind.Int => Int(s.Value),
        ScalarKind.Float => Float(s.Value.Replace("_", "", StringComparison.Ordinal)),
        _ => "str:" + Quote(s.Value),
    };

    /// <summary>Go's strconv.ParseInt(s, 0, 64) after go-yaml removed underscores; past int64 and uint64 go-yaml makes it a float.</summary>
    private static string Int(string text)
    {
        string t = text.Replace("_", "", StringComparison.Ordinal);
        bool negative = t.StartsWith('-');
        if (t.StartsWith('+') || negative)
        {
            t = t[1..];
        }

        int radix = 10;
        if (t.Length > 1 && t[0] == '0')
        {
            (radix, t) = char.ToLowerInvariant(t[1]) switch
            {
                'x' => (16, t[2..]),
                'o' => (8, t[2..]),
                'b' => (2, t[2..]),
                _ => (8, t[1..]),
            };
        }

        BigInteger value = BigInteger.Zero;
        foreach (char c in t)
        {
            value = (value * radix) + (char.IsAsciiDigit(c) ? c - '0' : (char.ToLowerInvariant(c) - 'a' + 10));
        }

        if (negative)
        {
            value = -value;
        }

        return value >= long.MinValue && value <= ulong.MaxValue
            ? "int:" + value.ToString(CultureInfo.InvariantCulture)
            : Float(text);
    }

    private static string Float(string text)
    {
        double d = text.TrimStart('+') switch
        {
            ".inf" or ".Inf" or ".INF" => double.PositiveInfinity,
            "-.inf" or "-.Inf" or "-.INF" => double.NegativeInfinity,
            ".nan" or ".NaN" or ".NAN" => double.NaN,
            var t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        ulong bits = double.IsNaN(d) ? 0x7FF8000000000001UL : BitConverter.DoubleToUInt64Bits(d);
        return "float:" + bits.ToString("x", CultureInfo.InvariantCulture);
    }

    public static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c is '"' or '\\')
            {
                sb.Append('\\').Append(c);
            }
            else if (c is >= ' ' and < '\u007F')
            {
                sb.Append(c);
            }
            else
            {
                int cp = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? char.ConvertToUtf32(c, s[++i]) : c;
                sb.Append(CultureInfo.InvariantCulture, $"\\u{{{cp:X}}}");
            }
        }

        return sb.Append('"').ToString();
    }
}
