using System.Globalization;
using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Manifests.Coverage;

/// <summary>
/// The fields a manifest sets that no model rule checks (ADM-099, <see cref="CheckedFields"/>), one entry per unchecked
/// part: the path is cut at the first segment no checked pattern reaches (<c>spec.affinity</c>,
/// <c>spec.containers[0].securityContext</c>), so a large unchecked subtree is one line.
/// </summary>
public static class UncheckedFields
{
    private static readonly Matcher Checked = new(CheckedFields.Patterns);

    /// <summary>The unchecked parts of <paramref name="submitted"/>, the pod as decoded from the manifest, in document order.</summary>
    public static ValueList<NotChecked> Of(Pod submitted)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        var found = new List<NotChecked>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Walk(PodManifestWriter.ToTree(submitted), [], [], found, seen);
        return found.ToValueList();
    }

    private static void Walk(ManifestNode node, List<string> shape, List<string> concrete, List<NotChecked> found, HashSet<string> seen)
    {
        switch (node)
        {
            case ManifestMapping m:
                foreach (var (key, value) in m.Entries)
                {
                    shape.Add(key.Value);
                    concrete.Add(key.Value);
                    Walk(value, shape, concrete, found, seen);
                    shape.RemoveAt(shape.Count - 1);
                    concrete.RemoveAt(concrete.Count - 1);
                }

                break;
            case ManifestSequence s:
                for (int i = 0; i < s.Items.Length; i++)
                {
                    shape[^1] += "[]";
                    concrete[^1] += "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                    Walk(s.Items[i], shape, concrete, found, seen);
                    shape[^1] = shape[^1][..^2];
                    concrete[^1] = concrete[^1][..concrete[^1].LastIndexOf('[')];
                }

                break;
            case ManifestScalar { IsNull: true }:
                break;
            default:
                if (Checked.Matches(shape) && !Interpreted(shape))
                {
                    return;
                }

                int cut = Checked.Reach(shape) + 1;
                string shapeKey = string.Join(".", shape.Take(cut));
                if (seen.Add(shapeKey))
                {
                    found.Add(new NotChecked(string.Join(".", concrete.Take(cut)), "no model rule checks this field yet"));
                }

                break;
        }
    }

    private static bool Interpreted(List<string> shape)
    {
        if (shape.Count != 3 || shape[0] != "metadata" || shape[1] != "annotations")
        {
            return false;
        }

        foreach (string prefix in CheckedFields.InterpretedAnnotationPrefixes)
        {
            if (shape[2].StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The patterns split into segments, matched segment by segment.</summary>
    private sealed class Matcher(IReadOnlyList<string> patterns)
    {
        private readonly string[][] _patterns = [.. patterns.Select(p => p.Split('.'))];

        public bool Matches(List<string> path)
        {
            foreach (var p in _patterns)
            {
                if (Match(p, path))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>How many leading segments of <paramref name="path"/> some pattern shares (at least 1 less than the path).</summary>
        public int Reach(List<string> path)
        {
            int best = 0;
            foreach (var p in _patterns)
            {
                int n = 0;
                while (n < p.Length && n < path.Count - 1 && Segment(p[n], path[n]))
                {
                    if (p[n] == "**")
                    {
                        return path.Count - 1;
                    }

                    n++;
                }

                best = Math.Max(best, n);
            }

            return best;
        }

        private static bool Match(string[] p, List<string> path)
        {
            for (int i = 0; i < p.Length; i++)
            {
                if (p[i] == "**")
                {
                    return true;
                }

                if (i >= path.Count || !Segment(p[i], path[i]))
                {
                    return false;
                }
            }

            return p.Length == path.Count;
        }

        private static bool Segment(string pattern, string segment) =>
            pattern == "*" || pattern == segment;
    }
}
