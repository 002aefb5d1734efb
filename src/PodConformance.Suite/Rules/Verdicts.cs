using System.Globalization;
using System.Text;

namespace PodConformance.Suite.Rules;

/// <summary>
/// Comparison helpers shared by the catalogue: most properties compare a facet rendered as lines, and a failure names
/// the sub-facet of the first differing line (<see cref="FacetOf"/>) and how it differs (<see cref="Kinds"/>).
/// </summary>
public static class Verdicts
{
    /// <summary>The sub-facet a pair of differing lines is about: the model's line, the adapter's (either may be null past the end).</summary>
    public delegate string FacetOf(string? expected, string? actual);

    /// <summary>Equal line lists pass; otherwise the first differing line (1-based) is the detail, with its facet and kind.</summary>
    public static Verdict Lines(IReadOnlyList<string> expected, IReadOnlyList<string> actual, FacetOf? facetOf = null)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        int n = Math.Max(expected.Count, actual.Count);
        for (int i = 0; i < n; i++)
        {
            string? e = i < expected.Count ? expected[i] : null;
            string? a = i < actual.Count ? actual[i] : null;
            if (string.Equals(e, a, StringComparison.Ordinal))
            {
                continue;
            }

            string detail = string.Create(CultureInfo.InvariantCulture, $"line {i + 1}: expected {e ?? "<nothing>"}, got {a ?? "<nothing>"}");
            if (Acceptance(e) is { } modelAccepts && Acceptance(a) is { } adapterAccepts ? modelAccepts != adapterAccepts : IsRejection(e) != IsRejection(a))
            {
                return Verdict.Fail(detail, "acceptance", IsRejection(e) || Acceptance(e) == false ? Kinds.Accepts : Kinds.Rejects);
            }

            string kind = actual.Count == 1 && actual[0].StartsWith("<no ", StringComparison.Ordinal) ? Kinds.NotReported
                : a is null ? Kinds.Missing
                : e is null ? Kinds.Extra
                : Kinds.Differs;
            return Verdict.Fail(detail, (facetOf ?? DefaultFacet)(e, a), kind);
        }

        return Verdict.Ok;
    }

    /// <summary>
    /// A comparison that renders both observations with <paramref name="view"/> and compares the lines. A view is a pure
    /// rendering: one observation compared with itself (the model checked against itself) is rendered once, so the model
    /// still computes the facet (and a failure of it still surfaces), and its lines equal themselves.
    /// </summary>
    public static Func<Cases.ConformanceCase, Observations.Observation, Observations.Observation, Verdict> ByView(Func<Observations.Observation, IReadOnlyList<string>> view, FacetOf? facetOf = null) =>
        (_, expected, actual) =>
        {
            var lines = view(expected);
            return Lines(lines, ReferenceEquals(expected, actual) ? lines : view(actual), facetOf);
        };

    /// <summary>Adds <paramref name="line"/> unless it repeats the previous one (projections of a timeline).</summary>
    public static void AddDistinct(List<string> lines, string line)
    {
        if (lines.Count == 0 || !string.Equals(lines[^1], line, StringComparison.Ordinal))
        {
            lines.Add(line);
        }
    }

    /// <summary>
    /// The label of a line: the path before <c> = </c> (defaulted fields), the label before <c>: </c>, else the first
    /// word; <c>deleted </c> prefixes are dropped and list indexes generalised (<c>[0]</c> → <c>[*]</c>), so a signature
    /// holds across cases.
    /// </summary>
    public static string DefaultFacet(string? expected, string? actual)
    {
        string line = expected ?? actual ?? "";
        if (line.StartsWith("deleted ", StringComparison.Ordinal))
        {
            line = line["deleted ".Length..];
        }

        if (line.StartsWith('<'))
        {
            return "observation";
        }

        if (line.StartsWith("rejected: ", StringComparison.Ordinal))
        {
            return "error";
        }

        int end = line.IndexOf(" = ", StringComparison.Ordinal);
        if (end < 0)
        {
            end = line.IndexOf(": ", StringComparison.Ordinal);
        }

        if (end < 0)
        {
            end = line.IndexOfAny([' ', '=']);
        }

        return GeneraliseIndexes(end < 0 ? line : line[..end]);
    }

    /// <summary>The first space-separated token position where two lines differ, named by <paramref name="names"/> (the last name for any later token).</summary>
    public static FacetOf TokenFacet(params string[] names) => (e, a) =>
    {
        string[] et = (e ?? "").Split(' ');
        string[] at = (a ?? "").Split(' ');
        for (int i = 0; i < Math.Max(et.Length, at.Length); i++)
        {
            if (!string.Equals(i < et.Length ? et[i] : null, i < at.Length ? at[i] : null, StringComparison.Ordinal))
            {
                return names[Math.Min(i, names.Length - 1)];
            }
        }

        return names[^1];
    };

    /// <summary><c>spec.containers[2].ports[0]</c> → <c>spec.containers[*].ports[*]</c>.</summary>
    public static string GeneraliseIndexes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.IndexOf('[', StringComparison.Ordinal) < 0)
        {
            return path;
        }

        var sb = new StringBuilder(path.Length);
        for (int i = 0; i < path.Length; i++)
        {
            sb.Append(path[i]);
            if (path[i] == '[')
            {
                int j = i + 1;
                while (j < path.Length && char.IsAsciiDigit(path[j]))
                {
                    j++;
                }

                if (j > i + 1 && j < path.Length && path[j] == ']')
                {
                    sb.Append('*');
                    i = j - 1;
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>True for <c>accepted</c>, false for <c>rejected…</c>, null for any other line.</summary>
    private static bool? Acceptance(string? line) =>
        line is null ? null
        : string.Equals(line, "accepted", StringComparison.Ordinal) ? true
        : line.StartsWith("rejected", StringComparison.Ordinal) ? false
        : null;

    private static bool IsRejection(string? line) => line is not null && line.StartsWith("rejected", StringComparison.Ordinal);
}
