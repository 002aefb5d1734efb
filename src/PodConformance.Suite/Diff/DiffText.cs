using System.Globalization;
using System.Text;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Reports;

namespace PodConformance.Suite.Diff;

/// <summary>
/// <c>podconf diff</c> for a person planning an upgrade: the feature gates that change (data), then each property
/// with the changes the search found, every one as a minimal case and the two releases' views side by side.
/// Byte-identical for the same inputs.
/// </summary>
public static class DiffText
{
    /// <summary>Differing lines printed per change; a pod one release rejects differs in every defaulted field.</summary>
    public const int MaxEditLines = 8;

    public static string Render(ReleaseDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        string a = diff.From.ToString();
        string b = diff.To.ToString();
        var w = new StringBuilder();
        w.Append(CultureInfo.InvariantCulture, $"Pod behaviour from Kubernetes {a} to {b}\n");
        w.Append(CultureInfo.InvariantCulture,
            $"found by the model: {diff.Count} generated cases per property answered under both releases (seed {diff.Seed}), each change shrunk to a minimal case\n");
        w.Append("each release is given a case as its API server would receive it: the manifest decoded with that release's Pod API (a field it lacks is\n")
            .Append("dropped with a warning, SCHEMA-002, as under fieldValidation=Warn; kubectl's default --validate=strict refuses such a pod, SCHEMA-009),\n")
            .Append("run with the case's own feature gates, or not compared where a release refuses them (spec/guides/diff.md)\n\n");

        var podGates = diff.Gates.Where(g => g.PodRelevance.Length != 0).ToList();
        w.Append("Feature gates of Pods whose stage or default changes (spec/profiles.md; modelled: the model's rules read it, Pod API: a Pod field carries it):\n");
        if (podGates.Count == 0)
        {
            w.Append("  none\n");
        }
        else
        {
            var rows = new List<string[]> { new[] { "GATE", a, b, "WHY LISTED" } };
            rows.AddRange(podGates.Select(g => new[] { g.Name, GateChange.Cell(g.From, g.OnFrom), GateChange.Cell(g.To, g.OnTo), g.PodRelevance }));
            AppendColumns(w, rows, "  ");
        }

        int otherGates = diff.Gates.Count - podGates.Count;
        if (otherGates > 0)
        {
            w.Append(CultureInfo.InvariantCulture, $"  and {Plural(otherGates, "gate")} of other areas (-o json lists every gate)\n");
        }

        w.Append("\nPod API fields that differ (spec/api/").Append(diff.From.Version.ToString()).Append(".json and ").Append(diff.To.Version.ToString()).Append(".json, from kubernetes/api):\n");
        if (diff.Schema.Count == 0)
        {
            w.Append("  none\n");
        }
        else
        {
            var rows = new List<string[]> { new[] { "FIELD", "CHANGE", "WHAT", "SEEN AT" } };
            rows.AddRange(diff.Schema.Select(c => new[]
            {
                c.Field, SchemaWord(c.Kind),
                c.Kind == SchemaChangeKind.ValuesChanged ? c.To : c.Kind == SchemaChangeKind.TypeChanged ? c.From + " -> " + c.To : c.From.Length == 0 ? c.To : c.From,
                c.Path + (c.AlsoAt.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" (+{c.AlsoAt.Count} more)")),
            }));
            AppendColumns(w, rows, "  ");
        }

        foreach (var area in diff.Areas)
        {
            var p = area.Property;
            w.Append('\n').Append(p.Id).Append(": ");
            if (area.NotSearched is { } why)
            {
                w.Append("not searched (").Append(why).Append(")\n");
                continue;
            }

            string tried = area.VariantsWalked == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{area.CasesTried} cases")
                : string.Create(CultureInfo.InvariantCulture, $"{area.CasesTried} cases and {Plural(area.VariantsWalked, "variant")} ({area.VariantCasesTried} cases)");
            string refused = area.RefusedCount == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"; {area.RefusedCount} of them not compared (below)");
            w.Append(area.Changes.Count == 0
                ? "no change found in " + tried + refused + "\n"
                : string.Create(CultureInfo.InvariantCulture, $"{Plural(area.Changes.Count, "change")} in {tried} ({p.Spec}){refused}\n"));
            if (area.RefusedCount > 0)
            {
                w.Append(CultureInfo.InvariantCulture, $"  {Plural(area.RefusedCount, "case")} not compared, as a release cannot be given them:\n");
                foreach (var r in area.Refused)
                {
                    w.Append(CultureInfo.InvariantCulture, $"    at {r.Release}, {Plural(r.Cases, "case")}: {r.Reason}\n");
                }
            }

            if (area.Changes.Count == 0)
            {
                continue;
            }

            w.Append("  ").Append(p.Title).Append('\n');
            for (int i = 0; i < area.Changes.Count; i++)
            {
                var c = area.Changes[i];
                string where = c.Variant is { } variant ? "variant " + variant + ", case " : "case ";
                w.Append(CultureInfo.InvariantCulture, $"  change {i + 1}: {where}{c.CaseIndex + 1}, shrunk {Plural(c.Shrinks, "time")}:\n");
                foreach (string line in CaseText.Render(c.Case).Split('\n'))
                {
                    if (line.Length > 0)
                    {
                        w.Append("    ").Append(line).Append('\n');
                    }
                }

                if (c.Case is PodCase { Gates.IsEmpty: false } gated)
                {
                    w.Append("    both releases run with its feature gates: ").Append(GatesText(gated, diff)).Append('\n');
                }

                AppendDropped(w, a, c.DroppedFrom);
                AppendDropped(w, b, c.DroppedTo);
                w.Append("    what the model answers (").Append(p.Id).Append("'s view):\n");
                w.Append(LineDiff(a, b, c.From, c.To, "    "));
            }
        }

        int properties = diff.Areas.Count(x => x.NotSearched is null);
        w.Append(CultureInfo.InvariantCulture,
            $"\n{Plural(diff.Gates.Count, "feature gate change")}, {Plural(diff.Schema.Count, "API field change")}, {Plural(diff.ChangeCount, "behaviour change")} in {Plural(properties, "property", "properties")}\n");
        return w.ToString();
    }

    /// <summary>
    /// A case's gates with each release's default beside them, so a change seen only with a gate set against a release's
    /// default reads as such (every gate of a compared case exists in both releases: ReleaseCase refuses the others).
    /// </summary>
    private static string GatesText(PodCase c, ReleaseDiff diff)
    {
        var parts = new List<string>(c.Gates.Count);
        foreach (var (name, on) in c.Gates)
        {
            parts.Add(name + "=" + Bool(on) + " (default at " + diff.From + " " + Bool(diff.From.IsEnabled(name)) + ", at " + diff.To + " " + Bool(diff.To.IsEnabled(name)) + ")");
        }

        return string.Join(", ", parts);
    }

    private static string Bool(bool b) => b ? "true" : "false";

    /// <summary>What one release's decoder dropped from the case's manifest: the answer under it is for the pod without it.</summary>
    private static void AppendDropped(StringBuilder w, string release, IReadOnlyList<string> dropped)
    {
        if (dropped.Count == 0)
        {
            return;
        }

        w.Append("    at ").Append(release).Append(": ").Append(string.Join(", ", dropped))
            .Append(" (dropped by ").Append(release).Append("'s decoding, SCHEMA-002: its answer is for the pod without ")
            .Append(dropped.Count == 1 ? "it" : "them").Append(")\n");
    }

    /// <summary>
    /// The two views as a line diff (longest common subsequence): <c>-</c> lines only the older release shows,
    /// <c>+</c> lines only the newer one shows; shared lines are counted, not printed.
    /// </summary>
    public static string LineDiff(string fromHeader, string toHeader, IReadOnlyList<string> from, IReadOnlyList<string> to, string indent)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var w = new StringBuilder();
        w.Append(indent).Append("--- ").Append(fromHeader).Append('\n');
        w.Append(indent).Append("+++ ").Append(toHeader).Append('\n');
        int same = 0;
        int shown = 0;
        int hidden = 0;
        foreach (var (op, line) in Edits(from, to))
        {
            if (op == ' ')
            {
                same++;
            }
            else if (shown < MaxEditLines)
            {
                w.Append(indent).Append(op).Append(' ').Append(line).Append('\n');
                shown++;
            }
            else
            {
                hidden++;
            }
        }

        if (hidden > 0)
        {
            w.Append(indent).Append(CultureInfo.InvariantCulture, $"  … {Plural(hidden, "more differing line")} (-o json has them all)\n");
        }

        if (same > 0)
        {
            w.Append(indent).Append(CultureInfo.InvariantCulture, $"  ({Plural(same, "line")} the same in both)\n");
        }

        return w.ToString();
    }

    /// <summary>Edit script of two short line lists: ' ' kept, '-' removed, '+' added, in order.</summary>
    public static IReadOnlyList<(char Op, string Line)> Edits(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (int i = a.Count - 1; i >= 0; i--)
        {
            for (int j = b.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = string.Equals(a[i], b[j], StringComparison.Ordinal) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<(char, string)>();
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && string.Equals(a[x], b[y], StringComparison.Ordinal))
            {
                edits.Add((' ', a[x]));
                x++;
                y++;
            }
            else if (y >= b.Count || (x < a.Count && lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                edits.Add(('-', a[x]));
                x++;
            }
            else
            {
                edits.Add(('+', b[y]));
                y++;
            }
        }

        return edits;
    }

    private static void AppendColumns(StringBuilder w, List<string[]> rows, string indent)
    {
        var widths = new int[rows[0].Length];
        foreach (var row in rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (var row in rows)
        {
            w.Append(indent);
            for (int i = 0; i < row.Length; i++)
            {
                w.Append(i == row.Length - 1 ? row[i] : row[i].PadRight(widths[i] + 3));
            }

            w.Append('\n');
        }
    }

    private static string SchemaWord(SchemaChangeKind kind) => kind switch
    {
        SchemaChangeKind.Added => "added",
        SchemaChangeKind.Removed => "removed",
        SchemaChangeKind.TypeChanged => "type",
        _ => "values",
    };

    private static string Plural(int n, string one, string? many = null) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many ?? one + "s");
}
