using System.Globalization;

namespace PodConformance.Suite.Running;

/// <summary>
/// Part <see cref="Index"/> of <see cref="Count"/> (1-based) of a run's properties, for splitting one run across CI
/// machines: the selected properties (after <c>--rules</c>) are dealt round-robin in catalogue order, so the shards are
/// disjoint, together hold every property, and each property's result is the one the whole run gives (its cases come
/// from the seed and the case index alone); the shards' reports merge by concatenation.
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>True when the property at <paramref name="position"/> (0-based, in the selection) belongs to this shard.</summary>
    public bool Holds(int position) => position % Count == Index - 1;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>Reads <c>i/n</c> with 1 ≤ i ≤ n; null and an error otherwise.</summary>
    public static Shard? Parse(string text, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0
            && int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out int i)
            && int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            && n >= 1 && i >= 1 && i <= n)
        {
            error = "";
            return new Shard(i, n);
        }

        error = "\"" + text + "\" is not i/n with 1 <= i <= n (e.g. 2/4)";
        return null;
    }
}
