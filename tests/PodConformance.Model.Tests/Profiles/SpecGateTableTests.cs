using System.Text;
using System.Text.Json;
using PodConformance.Model.Profiles;
using PodConformance.Model.Tests.Support;

namespace PodConformance.Model.Tests.Profiles;

/// <summary>
/// spec/profiles.md's gate table is generated (spec/gates/extract_feature_gates.py table); this renders the same table
/// from the embedded catalogue, <see cref="FeatureGateNames"/> and spec/gates/pod-create-effects.json (the model column of a
/// gate read to have no effect on a Pod create) and fails when the spec has drifted from any of them.
/// </summary>
public class SpecGateTableTests
{
    private const string Begin = "<!-- gates:begin -->\n";
    private const string End = "<!-- gates:end -->";

    [Fact]
    public void Spec_table_matches_the_catalog_and_the_wired_gates()
    {
        string spec = File.ReadAllText(Path.Combine(RepoRoot.Path, "spec", "profiles.md")).ReplaceLineEndings("\n");
        int a = spec.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length;
        int b = spec.IndexOf(End, StringComparison.Ordinal);
        Assert.True(a >= Begin.Length && b > a, "spec/profiles.md lacks the gates:begin/gates:end markers");
        string actual = spec[a..b];
        string expected = Render();
        Assert.True(expected == actual,
            "spec/profiles.md's gate table is out of date: run `python3 spec/gates/extract_feature_gates.py table`.\n"
            + FirstDifference(expected, actual));
    }

    /// <summary>A gate noted as having no Pod-create effect is a gate of the catalogue, and not wired (the two notes would contradict).</summary>
    [Fact]
    public void A_gate_without_a_pod_create_effect_is_known_and_not_wired()
    {
        var notes = PodCreateNotes();
        Assert.NotEmpty(notes);
        var wired = WiredNames();
        foreach (var (gate, note) in notes)
        {
            Assert.Contains(FeatureGateCatalog.All, g => g.Name == gate);
            Assert.DoesNotContain(gate, wired);
            Assert.StartsWith("none on a Pod create", note, StringComparison.Ordinal);
        }
    }

    private static HashSet<string> WiredNames() =>
        typeof(FeatureGateNames).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);

    /// <summary>spec/gates/pod-create-effects.json: gate name → the table's model column.</summary>
    private static Dictionary<string, string> PodCreateNotes()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "spec", "gates", "pod-create-effects.json")));
        return doc.RootElement.GetProperty("gates").EnumerateArray()
            .ToDictionary(g => g.GetProperty("name").GetString()!, g => g.GetProperty("model").GetString()!, StringComparer.Ordinal);
    }

    private static string Render()
    {
        var releases = Enumerable.Range(KubernetesVersion.Oldest.Minor, KubernetesVersion.Newest.Minor - KubernetesVersion.Oldest.Minor + 1)
            .Select(m => new KubernetesVersion(1, m)).ToList();
        var wired = WiredNames();
        var notes = PodCreateNotes();
        var sb = new StringBuilder();
        sb.Append("| gate | ").Append(string.Join(" | ", releases)).Append(" | model |\n");
        sb.Append("|---|").Append(string.Concat(Enumerable.Repeat("---|", releases.Count))).Append("---|\n");
        foreach (var gate in FeatureGateCatalog.All)
        {
            sb.Append("| ").Append(gate.Name).Append(" | ")
                .Append(string.Join(" | ", releases.Select(r => Cell(gate.StageAt(r)))))
                .Append(" | ").Append(wired.Contains(gate.Name) ? "wired" : notes.GetValueOrDefault(gate.Name, "no modelled effect yet")).Append(" |\n");
        }

        return sb.ToString();
    }

    private static string Cell(FeatureGateStage? row)
    {
        if (row is null)
        {
            return "-";
        }

        char stage = row.Stage switch
        {
            FeatureStage.Alpha => 'A',
            FeatureStage.Beta => 'B',
            FeatureStage.GA => 'G',
            _ => 'D',
        };
        return stage + (row.Default ? "1" : "0") + (row.Locked ? "L" : "") + (row.Verified ? "" : "?");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string el = i < e.Length ? e[i] : "(end)";
            string al = i < a.Length ? a[i] : "(end)";
            if (el != al)
            {
                return $"line {i + 1}: expected `{el}`, spec has `{al}`";
            }
        }

        return "";
    }
}
