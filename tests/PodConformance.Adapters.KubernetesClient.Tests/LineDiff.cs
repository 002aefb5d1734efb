using System.Text;

namespace PodConformance.Adapters.KubernetesClient.Tests;

/// <summary>A plain line diff (LCS) for golden-file failures: enough to see what drifted.</summary>
internal static class LineDiff
{
    public static string Of(string expected, string actual)
    {
        string[] a = expected.Split('\n');
        string[] b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
        {
            for (int j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var sb = new StringBuilder();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                sb.Append("+ ").Append(b[y++]).Append('\n');
            }
            else
            {
                sb.Append("- ").Append(a[x++]).Append('\n');
            }
        }

        return sb.ToString();
    }
}
