namespace PodConformance.Cli.Output;

/// <summary>
/// "Did you mean" as cobra (kubectl's command library) finds it: candidates within Levenshtein distance 2 of what
/// was typed, or that start with it, nearest first.
/// </summary>
public static class Suggest
{
    public const int MaxDistance = 2;

    public static IReadOnlyList<string> Nearest(string typed, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(candidates);
        var scored = new List<(int Distance, string Candidate)>();
        foreach (string c in candidates)
        {
            int d = Distance(typed.ToLowerInvariant(), c.ToLowerInvariant());
            if (d <= MaxDistance || (typed.Length > 0 && c.StartsWith(typed, StringComparison.OrdinalIgnoreCase)))
            {
                scored.Add((d, c));
            }
        }

        return scored.OrderBy(s => s.Distance).ThenBy(s => s.Candidate, StringComparer.Ordinal).Select(s => s.Candidate).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Levenshtein distance (insert, delete, substitute).</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
