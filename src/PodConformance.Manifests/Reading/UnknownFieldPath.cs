using System.Text;

namespace PodConformance.Manifests.Reading;

/// <summary>
/// Where an unknown field (SCHEMA-002) was met: the path of the object that holds it, from its object's root
/// (<c>spec.containers[0]</c>, empty at the root), and the key as written. <see cref="Path"/> is the text the strict
/// decoder prints (sigs.k8s.io/json <c>newFieldError</c>: the field stack joined with the key).
/// </summary>
/// <remarks>
/// The key is kept apart because it is the user's text (it may hold <c>.</c> or <c>[</c>), while the parent is made of
/// json names and list indices only (a Pod has no map whose values are structs, so no map key reaches a parent path);
/// <see cref="CompareInDecoderOrder"/> relies on that to split the parent.
/// </remarks>
public sealed record UnknownFieldPath(string Parent, string Key)
{
    public string Path => Parent.Length == 0 ? Key : Parent + "." + Key;

    public override string ToString() => Path;

    /// <summary>
    /// The order in which the API server's strict decoder meets two unknown fields of an object kubectl sends (SCHEMA-009):
    /// kubectl re-encodes the object it read as a map, and Go's encoding/json writes map keys sorted by byte (UTF-8 code
    /// point) order, so the decoder walks the object depth first with each mapping's keys sorted and each list in order.
    /// </summary>
    public static int CompareInDecoderOrder(UnknownFieldPath? a, UnknownFieldPath? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        if (a is null || b is null)
        {
            return a is null ? -1 : 1;
        }

        var sa = Segments(a);
        var sb = Segments(b);
        for (int i = 0; i < sa.Count && i < sb.Count; i++)
        {
            var (na, ia) = sa[i];
            var (nb, ib) = sb[i];
            int c = na is not null && nb is not null ? CompareCodePoints(na, nb) : na is null && nb is null ? ia.CompareTo(ib) : na is null ? -1 : 1;
            if (c != 0)
            {
                return c;
            }
        }

        return sa.Count.CompareTo(sb.Count);
    }

    /// <summary>Go's <c>strings.Compare</c> on UTF-8: code point order (UTF-16 ordinal order differs above U+D7FF).</summary>
    internal static int CompareCodePoints(string a, string b)
    {
        int i = 0;
        int j = 0;
        while (i < a.Length && j < b.Length)
        {
            _ = Rune.DecodeFromUtf16(a.AsSpan(i), out var ra, out int na);
            _ = Rune.DecodeFromUtf16(b.AsSpan(j), out var rb, out int nb);
            if (ra != rb)
            {
                return ra.Value.CompareTo(rb.Value);
            }

            i += na;
            j += nb;
        }

        return i == a.Length ? (j == b.Length ? 0 : -1) : 1;
    }

    /// <summary>The parent's names and indices, then the key (a name, whatever it holds).</summary>
    private static List<(string? Name, int Index)> Segments(UnknownFieldPath p)
    {
        var segments = new List<(string?, int)>();
        string parent = p.Parent;
        int start = 0;
        for (int i = 0; i <= parent.Length; i++)
        {
            if (i < parent.Length && parent[i] is not ('.' or '['))
            {
                continue;
            }

            if (i > start)
            {
                segments.Add((parent[start..i], 0));
            }

            if (i < parent.Length && parent[i] == '[')
            {
                int close = parent.IndexOf(']', i);
                close = close < 0 ? parent.Length : close;
                _ = int.TryParse(parent.AsSpan(i + 1, close - i - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index);
                segments.Add((null, index));
                i = close;
            }

            start = i + 1;
        }

        segments.Add((p.Key, 0));
        return segments;
    }
}
