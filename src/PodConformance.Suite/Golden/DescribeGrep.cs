using System.Text;
using System.Text.RegularExpressions;

namespace PodConformance.Suite.Golden;

/// <summary>
/// <c>kubectl describe pod X | grep [-A N] PATTERN</c> over the model's rendered describe text (DESC-001), and the
/// comparison of what the tutorial shows for such a pipeline with what it really prints, line by line. The tutorial's
/// patterns ("QoS Class", "Last State", "Events") hold no regular-expression characters, so a fixed-string match is what
/// grep's basic regular expression matches.
/// </summary>
public static partial class DescribeGrep
{
    /// <summary>How a tutorial line relates to the line grep prints in its place.</summary>
    public enum Verdict
    {
        /// <summary>The same text, character for character.</summary>
        Exact,

        /// <summary>The same once runs of spaces are collapsed: the tutorial dropped kubectl's column padding.</summary>
        Spacing,

        /// <summary>The same except the RFC1123Z timestamp: the scenario's clock is not the tutorial's.</summary>
        Time,

        /// <summary>Different text (elided messages, other ages).</summary>
        Differs,

        /// <summary>grep prints fewer lines than the tutorial shows.</summary>
        Missing,
    }

    /// <summary>
    /// GNU grep on <paramref name="text"/>: every line containing <paramref name="pattern"/> and the
    /// <paramref name="after"/> lines following it; with <c>-A</c>, groups that do not touch are separated by <c>--</c>.
    /// </summary>
    public static IReadOnlyList<string> Grep(string text, string pattern, int after = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] lines = GoldenComparer.SplitLines(text);
        var output = new List<string>();
        int printedUpTo = -1; // index of the last line printed
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].Contains(pattern, StringComparison.Ordinal))
            {
                continue;
            }

            if (after > 0 && printedUpTo >= 0 && i > printedUpTo + 1)
            {
                output.Add("--");
            }

            int from = Math.Max(i, printedUpTo + 1);
            int to = Math.Min(lines.Length - 1, i + after);
            for (int k = from; k <= to; k++)
            {
                output.Add(lines[k]);
            }

            printedUpTo = Math.Max(printedUpTo, to);
        }

        return output;
    }

    /// <summary>Each tutorial line against the grep output line at the same place, with the verdict and both texts.</summary>
    public static IReadOnlyList<(Verdict Verdict, string Tutorial, string Actual)> Compare(IReadOnlyList<string> tutorial, IReadOnlyList<string> grepped)
    {
        ArgumentNullException.ThrowIfNull(tutorial);
        ArgumentNullException.ThrowIfNull(grepped);
        var result = new List<(Verdict, string, string)>(tutorial.Count);
        for (int i = 0; i < tutorial.Count; i++)
        {
            if (i >= grepped.Count)
            {
                result.Add((Verdict.Missing, tutorial[i], ""));
                continue;
            }

            string t = tutorial[i], a = grepped[i];
            Verdict v = t == a ? Verdict.Exact
                : Collapse(t) == Collapse(a) ? Verdict.Spacing
                : Collapse(Timestamp().Replace(t, "TIME")) == Collapse(Timestamp().Replace(a, "TIME")) ? Verdict.Time
                : Verdict.Differs;
            result.Add((v, t, a));
        }

        return result;
    }

    /// <summary>The comparison as golden lines: <c>exact | "…"</c>, <c>spacing | "…" / "…"</c>.</summary>
    public static IEnumerable<string> Describe(IReadOnlyList<(Verdict Verdict, string Tutorial, string Actual)> compared)
    {
        foreach (var (verdict, tutorial, actual) in compared)
        {
            var sb = new StringBuilder(verdict.ToString().ToLowerInvariant()).Append(": \"").Append(tutorial).Append('"');
            if (verdict != Verdict.Exact)
            {
                sb.Append(" / kubectl: \"").Append(actual).Append('"');
            }

            yield return sb.ToString();
        }
    }

    private static string Collapse(string s) => Spaces().Replace(s.Trim(), " ");

    [GeneratedRegex(" {2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    /// <summary>Go's time.RFC1123Z text.</summary>
    [GeneratedRegex(@"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d [+-]\d{4}", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();
}
