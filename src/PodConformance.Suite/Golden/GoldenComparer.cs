using System.Globalization;
using System.Text;

namespace PodConformance.Suite.Golden;

/// <summary>
/// Compares golden texts line by line (the files are written deterministically, so byte equality is the
/// contract) and explains a difference as a unified diff with context plus the path of the first changed
/// YAML field (<c>expected.lifecycle.samples[3].status</c>), so a failing test says what drifted at a glance.
/// </summary>
public static class GoldenComparer
{
    public const int DefaultContext = 3;

    public static GoldenDiff Compare(string expected, string actual, string expectedLabel = "committed", string actualLabel = "generated", int context = DefaultContext)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        expected = Normalize(expected);
        actual = Normalize(actual);
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return GoldenDiff.Same;
        }

        string[] a = SplitLines(expected);
        string[] b = SplitLines(actual);
        var ops = Diff(a, b);
        int firstChange = ops.FindIndex(o => o.Kind != ' ');
        var first = ops[firstChange];
        // The path is read from whichever side has the changed line; removals come first in a hunk.
        string path = first.Kind == '-' ? YamlPath.At(a, first.A) : YamlPath.At(b, first.B);
        int line = (first.Kind == '-' ? first.A : first.B) + 1;

        var sb = new StringBuilder();
        sb.Append("first difference at ").Append(path.Length == 0 ? "(top level)" : path)
            .Append(" (line ").Append(line.ToString(CultureInfo.InvariantCulture)).Append(")\n");
        sb.Append("--- ").Append(expectedLabel).Append('\n');
        sb.Append("+++ ").Append(actualLabel).Append('\n');
        AppendHunks(sb, ops, context);
        return new GoldenDiff(false, path, line, sb.ToString());
    }

    /// <summary>CRLF and a missing final newline are not differences anyone should chase.</summary>
    private static string Normalize(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return text.Length > 0 && !text.EndsWith('\n') ? text + "\n" : text;
    }

    internal static string[] SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    /// <summary>One diff operation: ' ' keep, '-' only in expected, '+' only in actual; A/B are line indexes.</summary>
    internal readonly record struct Op(char Kind, int A, int B, string Line);

    /// <summary>Longest-common-subsequence diff after trimming the common prefix and suffix; golden files are small.</summary>
    internal static List<Op> Diff(string[] a, string[] b)
    {
        int prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        int suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        int n = a.Length - prefix - suffix, m = b.Length - prefix - suffix;
        var lcs = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
        {
            for (int j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var ops = new List<Op>(a.Length + b.Length);
        for (int k = 0; k < prefix; k++)
        {
            ops.Add(new Op(' ', k, k, a[k]));
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[prefix + x] == b[prefix + y])
            {
                ops.Add(new Op(' ', prefix + x, prefix + y, a[prefix + x]));
                x++;
                y++;
            }
            else if (y < m && (x == n || lcs[x, y + 1] > lcs[x + 1, y]))
            {
                ops.Add(new Op('+', prefix + x, prefix + y, b[prefix + y]));
                y++;
            }
            else
            {
                ops.Add(new Op('-', prefix + x, prefix + y, a[prefix + x]));
                x++;
            }
        }

        for (int k = 0; k < suffix; k++)
        {
            ops.Add(new Op(' ', a.Length - suffix + k, b.Length - suffix + k, a[a.Length - suffix + k]));
        }

        return ops;
    }

    private static void AppendHunks(StringBuilder sb, List<Op> ops, int context)
    {
        int i = 0;
        while (i < ops.Count)
        {
            int change = ops.FindIndex(i, o => o.Kind != ' ');
            if (change < 0)
            {
                break;
            }

            int start = Math.Max(i == 0 ? 0 : i, change - context);
            int end = change;
            // Extend the hunk while the next change is within 2*context unchanged lines.
            while (true)
            {
                int k = end;
                while (k < ops.Count && ops[k].Kind != ' ')
                {
                    k++;
                }

                int next = k < ops.Count ? ops.FindIndex(k, o => o.Kind != ' ') : -1;
                if (next >= 0 && next - k <= 2 * context)
                {
                    end = next;
                    continue;
                }

                end = Math.Min(ops.Count, k + context);
                break;
            }

            int aStart = ops[start].A, bStart = ops[start].B;
            int aCount = 0, bCount = 0;
            for (int k = start; k < end; k++)
            {
                if (ops[k].Kind != '+')
                {
                    aCount++;
                }

                if (ops[k].Kind != '-')
                {
                    bCount++;
                }
            }

            sb.Append("@@ -").Append(Range(aStart, aCount)).Append(" +").Append(Range(bStart, bCount)).Append(" @@\n");
            for (int k = start; k < end; k++)
            {
                sb.Append(ops[k].Kind).Append(ops[k].Line).Append('\n');
            }

            i = end;
        }
    }

    private static string Range(int start, int count) =>
        (count == 0 ? start : start + 1).ToString(CultureInfo.InvariantCulture) + "," + count.ToString(CultureInfo.InvariantCulture);
}
