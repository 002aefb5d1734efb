using System.Globalization;
using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Profiles;

namespace PodConformance.Manifests.Tests.Schema;

/// <summary>
/// kubernetes/api's round-trip fixture (testdata/HEAD/core.v1.Pod.yaml, every field set; refs and commits in
/// Fixtures/api-testdata/README.md) reads at its own release with no warning and no error, and writing the
/// pod back gives the same fields with the same values (SCHEMA-001, SCHEMA-002).
/// </summary>
public sealed class ApiFixtureTests
{
    public static TheoryData<int> Minors() => [28, 29, 30, 31, 32, 33, 34, 35, 36, 37];

    [Theory]
    [MemberData(nameof(Minors))]
    public void Fixture_of_a_release_reads_without_warnings_or_errors(int minor)
    {
        var result = Read(minor);

        Assert.Empty(Fixtures.Printed(result));
        Assert.Single(result.Pods);
    }

    [Theory]
    [MemberData(nameof(Minors))]
    public void Fixture_of_a_release_writes_back_every_field(int minor)
    {
        var result = Read(minor);
        var original = Leaves(PodManifestReader.Parse(File.ReadAllText(PathOf(minor))).Documents[0].Root!);
        var written = Leaves(PodManifestWriter.ToTree(result.Pods[0].Pod));

        Assert.Equal(original, written);
    }

    /// <summary>
    /// Through JSON (struct order) and back: the same pod as YAML. Compared as written YAML because the fixture sets
    /// every volume source at once and <c>Volume.SourceKind</c> then names whichever came last.
    /// </summary>
    [Fact]
    public void Fixture_of_1_37_written_as_json_reads_back_to_the_same_pod()
    {
        var pod = Read(37).Pods[0].Pod;
        var again = PodManifestReader.ReadText(PodManifestWriter.ToJson(pod), "pod.json", new KubernetesVersion(1, 37));

        Assert.Empty(Fixtures.Printed(again));
        Assert.Equal(PodManifestWriter.ToYaml(pod), PodManifestWriter.ToYaml(again.Pods[0].Pod));
    }

    [Fact]
    public void Newest_fixture_read_at_the_oldest_release_warns_about_every_field_1_28_lacks()
    {
        var result = PodManifestReader.ReadFile(PathOf(37), new KubernetesVersion(1, 28));
        var warnings = result.Warnings.Select(w => w.Message).ToList();

        Assert.Contains("unknown field \"spec.volumes[0].emptyDir.mode\"", warnings);
        Assert.Contains("unknown field \"spec.containers[0].restartPolicyRules\"", warnings);
        Assert.Contains("unknown field \"spec.securityContext.appArmorProfile\"", warnings);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
    }

    private static string PathOf(int minor) => Fixtures.PathOf(string.Create(CultureInfo.InvariantCulture, $"api-testdata/core.v1.Pod.1.{minor}.yaml"));

    private static ManifestReadResult Read(int minor) => PodManifestReader.ReadFile(PathOf(minor), new KubernetesVersion(1, minor));

    /// <summary>Every scalar with its path (list indices kept, map keys sorted), so the comparison ignores key order.</summary>
    private static List<string> Leaves(ManifestNode node)
    {
        var list = new List<string>();
        Walk(node, "", list);
        list.Sort(StringComparer.Ordinal);
        return list;
    }

    private static void Walk(ManifestNode node, string path, List<string> into)
    {
        switch (node)
        {
            case ManifestMapping m:
                if (m.Entries.Length == 0)
                {
                    into.Add(path + " = {}");
                }

                foreach (var (k, v) in m.Entries)
                {
                    Walk(v, path + "." + k.Value, into);
                }

                break;
            case ManifestSequence s:
                for (int i = 0; i < s.Items.Length; i++)
                {
                    Walk(s.Items[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", into);
                }

                break;
            case ManifestScalar v:
                into.Add(path + " = " + v.Value);
                break;
        }
    }
}
