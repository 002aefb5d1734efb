using System.Globalization;

namespace PodConformance.SchemaGen.Go;

/// <summary>
/// Chooses the tag of k8s.io/api (and apimachinery) that stands for Kubernetes 1.NN: the newest final
/// <c>v0.NN.P</c>; when a minor has no final tag yet (1.37 at the time of writing), its newest pre-release
/// (<c>v0.NN.0-beta.0</c> beats <c>-alpha.3</c>).
/// </summary>
internal static class ReleaseTags
{
    public static string Pick(IReadOnlyList<string> tags, int minor)
    {
        string prefix = "v0." + minor.ToString(CultureInfo.InvariantCulture) + ".";
        string? best = null;
        foreach (string tag in tags)
        {
            if (tag.StartsWith(prefix, StringComparison.Ordinal) && Parse(tag) is not null
                && (best is null || Compare(tag, best) > 0))
            {
                best = tag;
            }
        }

        return best ?? throw new InvalidOperationException($"no tag {prefix}* found");
    }

    public static bool IsPreRelease(string tag) => tag.Contains('-', StringComparison.Ordinal);

    /// <summary>Semantic-version order: patch, then a final release above its pre-releases, then pre-release identifiers.</summary>
    private static int Compare(string a, string b)
    {
        var (pa, prea) = Parse(a)!.Value;
        var (pb, preb) = Parse(b)!.Value;
        if (pa != pb)
        {
            return pa.CompareTo(pb);
        }

        if (prea.Length == 0 || preb.Length == 0)
        {
            return prea.Length == 0 ? (preb.Length == 0 ? 0 : 1) : -1;
        }

        string[] xa = prea.Split('.');
        string[] xb = preb.Split('.');
        for (int i = 0; i < Math.Min(xa.Length, xb.Length); i++)
        {
            bool na = int.TryParse(xa[i], NumberStyles.None, CultureInfo.InvariantCulture, out int ia);
            bool nb = int.TryParse(xb[i], NumberStyles.None, CultureInfo.InvariantCulture, out int ib);
            int c = na && nb ? ia.CompareTo(ib) : na ? -1 : nb ? 1 : string.CompareOrdinal(xa[i], xb[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return xa.Length.CompareTo(xb.Length);
    }

    private static (int Patch, string Pre)? Parse(string tag)
    {
        string[] parts = tag[1..].Split('.', 3);
        if (parts.Length != 3)
        {
            return null;
        }

        string patch = parts[2];
        string pre = "";
        int dash = patch.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            pre = patch[(dash + 1)..];
            patch = patch[..dash];
        }

        return int.TryParse(patch, NumberStyles.None, CultureInfo.InvariantCulture, out int p) ? (p, pre) : null;
    }
}
