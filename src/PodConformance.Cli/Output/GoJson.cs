using System.Globalization;
using System.Text;
using PodConformance.Manifests.Nodes;

namespace PodConformance.Cli.Output;

/// <summary>
/// Go's <c>encoding/json</c> as kubectl prints with it: map keys sorted by byte order (kubectl prints objects as
/// unstructured maps), <c>&lt; &gt; &amp;</c> and U+2028/U+2029 escaped, <c>\b \f \n \r \t</c> and other control
/// characters as Go writes them (Go 1.22+), integers as written, floats as Go formats a float64.
/// <see cref="Indented"/> is <c>json.MarshalIndent(obj, "", "    ")</c> (<c>kubectl get -o json</c>);
/// <see cref="Compact"/> is <c>json.Marshal</c> (a map or list printed by a JSONPath template).
/// </summary>
public static class GoJson
{
    public static string Indented(ManifestNode node, bool sortKeys = true)
    {
        ArgumentNullException.ThrowIfNull(node);
        var sb = new StringBuilder();
        Write(sb, node, "    ", 0, sortKeys);
        return sb.ToString();
    }

    public static string Compact(ManifestNode node, bool sortKeys = true)
    {
        ArgumentNullException.ThrowIfNull(node);
        var sb = new StringBuilder();
        Write(sb, node, null, 0, sortKeys);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, ManifestNode node, string? indent, int depth, bool sortKeys)
    {
        switch (node)
        {
            case ManifestMapping m:
                if (m.Entries.IsEmpty)
                {
                    sb.Append("{}");
                    return;
                }

                sb.Append('{');
                bool first = true;
                foreach (var (key, value) in sortKeys ? Sorted(m) : m.Entries)
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    NewLine(sb, indent, depth + 1);
                    String(sb, key.Value);
                    sb.Append(indent is null ? ":" : ": ");
                    Write(sb, value, indent, depth + 1, sortKeys);
                }

                NewLine(sb, indent, depth);
                sb.Append('}');
                return;
            case ManifestSequence s:
                if (s.Items.IsEmpty)
                {
                    sb.Append("[]");
                    return;
                }

                sb.Append('[');
                for (int i = 0; i < s.Items.Length; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    NewLine(sb, indent, depth + 1);
                    Write(sb, s.Items[i], indent, depth + 1, sortKeys);
                }

                NewLine(sb, indent, depth);
                sb.Append(']');
                return;
            case ManifestScalar scalar:
                Scalar(sb, scalar);
                return;
        }
    }

    private static void Scalar(StringBuilder sb, ManifestScalar scalar)
    {
        switch (scalar.Kind)
        {
            case ScalarKind.Null:
                sb.Append("null");
                break;
            case ScalarKind.Bool:
                sb.Append(scalar.Value == "true" ? "true" : "false");
                break;
            case ScalarKind.Int when long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l):
                sb.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case ScalarKind.Int or ScalarKind.Float when double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d):
                sb.Append(GoFloat.Json(d));
                break;
            default:
                String(sb, scalar.Value);
                break;
        }
    }

    /// <summary>Map keys in Go's order: byte order of their UTF-8, which is code point order.</summary>
    internal static IEnumerable<KeyValuePair<ManifestScalar, ManifestNode>> Sorted(ManifestMapping m) =>
        m.Entries.OrderBy(e => e.Key.Value, CodePointComparer.Instance);

    private static void NewLine(StringBuilder sb, string? indent, int depth)
    {
        if (indent is null)
        {
            return;
        }

        sb.Append('\n');
        for (int i = 0; i < depth; i++)
        {
            sb.Append(indent);
        }
    }

    public static void String(StringBuilder sb, string s)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(s);
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: sb.Append(c); break;
            }
        }

        sb.Append('"');
    }
}

/// <summary>Orders strings by Unicode code point (= UTF-8 byte order), not by UTF-16 unit.</summary>
internal sealed class CodePointComparer : IComparer<string>
{
    public static CodePointComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        int n = Math.Min(x.Length, y.Length);
        for (int i = 0; i < n; i++)
        {
            char a = x[i], b = y[i];
            if (a == b)
            {
                continue;
            }

            // Surrogates (U+D800..DFFF) stand for code points above U+FFFF: they sort after U+E000..U+FFFF.
            int ka = char.IsSurrogate(a) ? a + 0x2000 : (a >= 0xE000 ? a - 0x800 : a);
            int kb = char.IsSurrogate(b) ? b + 0x2000 : (b >= 0xE000 ? b - 0x800 : b);
            return ka.CompareTo(kb);
        }

        return x.Length.CompareTo(y.Length);
    }
}
