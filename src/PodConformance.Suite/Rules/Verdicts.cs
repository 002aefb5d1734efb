using System.Globalization;

namespace PodConformance.Suite.Rules;

/// <summary>Comparison helpers shared by the catalogue: most properties compare a facet rendered as lines.</summary>
public static class Verdicts
{
    /// <summary>Equal line lists pass; otherwise the first differing line (1-based) is the detail.</summary>
    public static Verdict Lines(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        int n = Math.Max(expected.Count, actual.Count);
        for (int i = 0; i < n; i++)
        {
            string e = i < expected.Count ? expected[i] : "<nothing>";
            string a = i < actual.Count ? actual[i] : "<nothing>";
            if (!string.Equals(e, a, StringComparison.Ordinal))
            {
                return Verdict.Fail(string.Create(CultureInfo.InvariantCulture, $"line {i + 1}: expected {e}, got {a}"));
            }
        }

        return Verdict.Ok;
    }

    /// <summary>A comparison that renders both observations with <paramref name="view"/> and compares the lines.</summary>
    public static Func<Cases.ConformanceCase, Observations.Observation, Observations.Observation, Verdict> ByView(Func<Observations.Observation, IReadOnlyList<string>> view) =>
        (_, expected, actual) => Lines(view(expected), view(actual));

    /// <summary>Adds <paramref name="line"/> unless it repeats the previous one (projections of a timeline).</summary>
    public static void AddDistinct(List<string> lines, string line)
    {
        if (lines.Count == 0 || !string.Equals(lines[^1], line, StringComparison.Ordinal))
        {
            lines.Add(line);
        }
    }
}
