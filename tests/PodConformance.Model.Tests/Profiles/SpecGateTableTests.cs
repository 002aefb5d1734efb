using System.Text;
using PodConformance.Model.Profiles;
using PodConformance.Model.Tests.Support;

namespace PodConformance.Model.Tests.Profiles;

/// <summary>
/// spec/profiles.md's gate table is generated (spec/gates/extract_feature_gates.py table); this renders the same table
/// from the embedded catalogue and <see cref="FeatureGateNames"/> and fails when the spec has drifted from either.
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

    private static string Render()
    {
        var releases = Enumerable.Range(KubernetesVersion.Oldest.Minor, KubernetesVersion.Newest.Minor - KubernetesVersion.Oldest.Minor + 1)
            .Select(m => new KubernetesVersion(1, m)).ToList();
        var wired = typeof(FeatureGateNames).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append("| gate | ").Append(string.Join(" | ", releases)).Append(" | model |\n");
        sb.Append("|---|").Append(string.Concat(Enumerable.Repeat("---|", releases.Count))).Append("---|\n");
        foreach (var gate in FeatureGateCatalog.All)
        {
            sb.Append("| ").Append(gate.Name).Append(" | ")
                .Append(string.Join(" | ", releases.Select(r => Cell(gate.StageAt(r)))))
                .Append(" | ").Append(wired.Contains(gate.Name) ? "wired" : "no modelled effect yet").Append(" |\n");
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
