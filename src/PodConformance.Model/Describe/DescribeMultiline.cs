using System.Text;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Describe;

/// <summary>
/// describe.go's multi-line maps and lists (DESC-014, DESC-041, DESC-043): the first item on the title's line, the rest
/// after a tab, so they align under it. Map keys come sorted (ValueMap's ordinal order, Go's sort.Strings on UTF-8
/// bytes; the two differ only between surrogate pairs and U+E000–U+FFFF).
/// </summary>
internal static class DescribeMultiline
{
    /// <summary>kubectl's <c>maxAnnotationLen</c>.</summary>
    public const int MaxAnnotationLength = 140;

    /// <summary><c>printLabelsMultiline</c>: <c>key=value</c> per line, <c>&lt;none&gt;</c> when empty.</summary>
    public static void Labels(DescribeWriter w, string title, ValueMap<string> labels)
    {
        w.Write(DescribeWriter.Level0, title + ":\t");
        if (labels.IsEmpty)
        {
            w.WriteLine("<none>");
            return;
        }

        bool first = true;
        foreach (var (key, value) in labels)
        {
            if (!first)
            {
                w.Write(DescribeWriter.Level0, "\t");
            }

            w.Write(DescribeWriter.Level0, key + "=" + value + "\n");
            first = false;
        }
    }

    /// <summary>
    /// <c>printAnnotationsMultiline</c>: <c>key: value</c>; a value with a newline, or longer than 140 bytes with its key
    /// and ": ", goes under its key, line by line, each cut at 138 bytes with "...". The last-applied configuration is skipped.
    /// </summary>
    public static void Annotations(DescribeWriter w, string title, ValueMap<string> annotations, string skip)
    {
        w.Write(DescribeWriter.Level0, title + ":\t");
        bool first = true;
        foreach (var (key, raw) in annotations)
        {
            if (key == skip)
            {
                continue;
            }

            if (!first)
            {
                w.Write(DescribeWriter.Level0, "\t");
            }

            first = false;
            string value = raw.EndsWith('\n') ? raw[..^1] : raw;
            if (GoText.ByteLength(value) + GoText.ByteLength(key) + 2 > MaxAnnotationLength || value.Contains('\n', StringComparison.Ordinal))
            {
                w.Write(DescribeWriter.Level0, key + ":\n");
                foreach (string line in value.Split('\n'))
                {
                    w.Write(DescribeWriter.Level0, "\t  " + Shorten(line, MaxAnnotationLength - 2) + "\n");
                }
            }
            else
            {
                w.Write(DescribeWriter.Level0, key + ": " + value + "\n");
            }
        }

        if (first)
        {
            w.WriteLine("<none>");
        }
    }

    /// <summary>
    /// DESC-043 <c>printTolerationsMultilineWithIndent</c>: sorted by key (Go's sort.Slice, which is an insertion sort, so
    /// stable, up to 12 items; the model is stable at any length), <c>key=value:Effect</c>, <c>op=Exists</c> for an Exists
    /// toleration without a value, <c>for Ns</c> with tolerationSeconds.
    /// </summary>
    public static void Tolerations(DescribeWriter w, string title, ValueList<Toleration> tolerations)
    {
        w.Write(DescribeWriter.Level0, title + ":\t");
        if (tolerations.IsEmpty)
        {
            w.WriteLine("<none>");
            return;
        }

        var sorted = tolerations.Select((t, i) => (t, i)).OrderBy(x => x.t.Key, StringComparer.Ordinal).ThenBy(x => x.i).Select(x => x.t).ToArray();
        for (int i = 0; i < sorted.Length; i++)
        {
            var t = sorted[i];
            var sb = new StringBuilder();
            if (i != 0)
            {
                sb.Append('\t');
            }

            sb.Append(t.Key);
            if (t.Value.Length != 0)
            {
                sb.Append('=').Append(t.Value);
            }

            if (t.Effect.Length != 0)
            {
                sb.Append(':').Append(t.Effect);
            }

            if (t.Operator == "Exists" && t.Value.Length == 0)
            {
                sb.Append(t.Key.Length != 0 || t.Effect.Length != 0 ? " op=Exists" : "op=Exists");
            }

            if (t.TolerationSeconds is { } seconds)
            {
                sb.Append(" for ").Append(GoText.Int(seconds)).Append('s');
            }

            w.Write(DescribeWriter.Level0, sb.Append('\n').ToString());
        }
    }

    /// <summary>
    /// DESC-044 <c>describeTopologySpreadConstraints</c>: nothing when there are none; sorted by topology key,
    /// <c>KEY:WHEN when max skew N is exceeded[ for selector SEL]</c>.
    /// </summary>
    public static void TopologySpreadConstraints(DescribeWriter w, ValueList<TopologySpreadConstraint> constraints)
    {
        if (constraints.IsEmpty)
        {
            return;
        }

        var sorted = constraints.Select((c, i) => (c, i)).OrderBy(x => x.c.TopologyKey, StringComparer.Ordinal).ThenBy(x => x.i).Select(x => x.c).ToArray();
        w.Write(DescribeWriter.Level0, "Topology Spread Constraints:\t");
        for (int i = 0; i < sorted.Length; i++)
        {
            var c = sorted[i];
            string line = (i != 0 ? "\t" : "") + c.TopologyKey + ":" + c.WhenUnsatisfiable + " when max skew " + GoText.Int(c.MaxSkew) + " is exceeded"
                + (c.LabelSelector is { } selector ? " for selector " + FormatLabelSelector(selector) : "") + "\n";
            w.Write(DescribeWriter.Level0, line);
        }
    }

    /// <summary>
    /// apimachinery <c>metav1.FormatLabelSelector</c>: requirements sorted by key, <c>k=v</c>, <c>k in (a,b)</c>,
    /// <c>k notin (a,b)</c>, <c>k</c>, <c>!k</c>, values sorted; none at all prints <c>&lt;none&gt;</c>. A selector kubectl
    /// could not parse prints <c>&lt;error&gt;</c>; the model does not check keys and values (admitted pods are valid).
    /// </summary>
    public static string FormatLabelSelector(LabelSelector selector)
    {
        var requirements = new List<(string Key, string Text)>();
        foreach (var (key, value) in selector.MatchLabels)
        {
            requirements.Add((key, key + "=" + value));
        }

        foreach (var e in selector.MatchExpressions)
        {
            var values = e.Values.OrderBy(v => v, StringComparer.Ordinal).ToArray();
            string text = e.Operator switch
            {
                "In" => e.Key + " in (" + string.Join(",", values) + ")",
                "NotIn" => e.Key + " notin (" + string.Join(",", values) + ")",
                "Exists" => e.Key,
                "DoesNotExist" => "!" + e.Key,
                _ => "",
            };
            if (text.Length == 0)
            {
                return "<error>";
            }

            requirements.Add((e.Key, text));
        }

        if (requirements.Count == 0)
        {
            return "<none>";
        }

        return string.Join(",", requirements.Select((r, i) => (r, i)).OrderBy(x => x.r.Key, StringComparer.Ordinal).ThenBy(x => x.i).Select(x => x.r.Text));
    }

    /// <summary>kubectl's <c>shorten</c>: the first <paramref name="max"/> bytes and "..." when longer.</summary>
    public static string Shorten(string s, int max) => GoText.ByteLength(s) > max ? GoText.ByteSlice(s, max) + "..." : s;
}
