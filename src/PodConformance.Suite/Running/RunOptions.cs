using PodConformance.Model.Profiles;
using PodConformance.Suite.Rules;

namespace PodConformance.Suite.Running;

/// <summary>What a run is: the seed, the case budget, which properties, under which profile, with which timing tolerance.</summary>
public sealed record RunOptions
{
    /// <summary>The documented default seed, so two default runs see the same cases.</summary>
    public const ulong DefaultSeed = 20261124;

    public const int DefaultCount = 100;

    public ulong Seed { get; init; } = DefaultSeed;

    /// <summary>
    /// Cases per property; <see cref="PropertyFlags.Slow"/> properties get a tenth (at least one), and each property
    /// runs <see cref="ConformanceProperty.Weight"/> times that (<see cref="CountFor"/>).
    /// </summary>
    public int Count { get; init; } = DefaultCount;

    /// <summary>Comma-separated globs (<c>*</c>, <c>?</c>) over property IDs and covered spec IDs; null or empty selects all.</summary>
    public string? Rules { get; init; }

    public Profile Profile { get; init; } = Profile.Default;

    /// <summary>How far an adapter's timings may be from the model's; the model itself is compared exactly.</summary>
    public TimeSpan Tolerance { get; init; } = Catalog.DefaultTolerance;

    /// <summary>Record which spec rules and branches the oracle applied in each case (<see cref="PropertyResult.Coverage"/>).</summary>
    public bool Coverage { get; init; }

    /// <summary>
    /// How many times each property runs its cases (flake detection): the cases are the same each time, so any
    /// difference between the repeats is the adapter's nondeterminism.
    /// </summary>
    public int Repeat { get; init; } = 1;

    /// <summary>This run's part of the selected properties (CI machines splitting one run); null runs them all.</summary>
    public Shard? Shard { get; init; }

    /// <summary>
    /// How many properties run at once when the adapter is the in-process model (pure, so properties are independent
    /// and the report is the same in any order); 0 picks one per processor. Every other adapter runs one property at a
    /// time: a process, podman or a cluster is one stateful connection.
    /// </summary>
    public int Parallelism { get; init; }

    public int CountFor(ConformanceProperty property)
    {
        ArgumentNullException.ThrowIfNull(property);
        int count = (property.Flags & PropertyFlags.Slow) != 0 ? Math.Max(1, Count / 10) : Count;
        return checked(count * property.Weight);
    }

    /// <summary>True when <see cref="Rules"/> selects <paramref name="property"/> by its ID or by a spec ID it covers.</summary>
    public bool Selects(ConformanceProperty property)
    {
        ArgumentNullException.ThrowIfNull(property);
        if (string.IsNullOrWhiteSpace(Rules))
        {
            return true;
        }

        foreach (string raw in Rules.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Glob.Matches(raw, property.Id) || property.Covers.Any(id => Glob.Matches(raw, id)))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Shell-style globs, ordinal and case-sensitive: <c>*</c> any run, <c>?</c> one character.</summary>
/// <remarks>
/// Matched greedily with one backtracking point, the last <c>*</c>: time is at most pattern × text, whatever the
/// pattern. Until session 16 each <c>*</c> tried every split recursively, so a pattern of many stars that did not
/// match (<c>--rules '********************!'</c>) ran for minutes.
/// </remarks>
public static class Glob
{
    public static bool Matches(string pattern, string text)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(text);
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                // Let the star match nothing first; widen it by one character each time what follows fails.
                star = p++;
                mark = t;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
