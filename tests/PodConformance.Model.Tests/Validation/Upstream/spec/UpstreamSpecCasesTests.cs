using System.Text.Json;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Tests.Support;
using PodConformance.Model.Validation;

namespace PodConformance.Model.Tests.Validation.Upstream.Spec;

/// <summary>
/// Kubernetes' pod validation test cases for scheduling, DNS, naming and claim fields (cases.json, built by generate.py
/// from validation_test.go ≈1.30; see README.md), each read as a manifest with the schema of every release it names,
/// defaulted and validated under that release and its gates: the verdict, the errors (each expected text a prefix of
/// the actual error, in order, none missing or extra) and the upstream test's pinned substring must all agree.
/// </summary>
public class UpstreamSpecCasesTests
{
    private static readonly Lazy<JsonDocument> Data = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "tests", "PodConformance.Model.Tests", "Validation", "Upstream", "spec", "cases.json"))));

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in Data.Value.RootElement.GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("id").GetString()!);
        }

        return data;
    }

    private static JsonElement Case(string id)
    {
        foreach (var c in Data.Value.RootElement.GetProperty("cases").EnumerateArray())
        {
            if (c.GetProperty("id").GetString() == id)
            {
                return c;
            }
        }

        throw new ArgumentException("no case " + id, nameof(id));
    }

    private static KubernetesVersion Release(string text) =>
        KubernetesVersion.TryParse(text, out var v, out string error) ? v : throw new FormatException(text + ": " + error);

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_agrees_at_every_release_it_names(string id)
    {
        var c = Case(id);
        string podJson = c.GetProperty("pod").GetRawText();
        var expected = c.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        string? contains = c.GetProperty("contains").ValueKind == JsonValueKind.String ? c.GetProperty("contains").GetString() : null;
        var gates = ValueMap.Create(c.GetProperty("gates").EnumerateObject().Select(g => KeyValuePair.Create(g.Name, g.Value.GetBoolean())));
        var releases = c.GetProperty("releases").EnumerateArray().Select(r => Release(r.GetString()!)).ToList();
        Assert.NotEmpty(releases);
        foreach (var version in releases)
        {
            var profile = new Profile(version, gates);
            var read = PodManifestReader.ReadText(podJson, id, version);
            Assert.True(read.Diagnostics.IsEmpty, $"{id} at {version}: the manifest reads with diagnostics: {string.Join("; ", read.Diagnostics)}");
            var pod = Assert.Single(read.Pods).Pod;
            var result = PodValidator.Validate(PodDefaulter.Apply(pod, profile), profile);
            var actual = result.Errors.Select(e => e.ToString()).ToList();
            string where = $"{id} at {profile}:\n  expected {expected.Count}: {string.Join("\n    ", expected)}\n  actual {actual.Count}: {string.Join("\n    ", actual)}";
            Assert.True(expected.Count == actual.Count, where);
            for (int i = 0; i < expected.Count; i++)
            {
                Assert.True(actual[i].StartsWith(expected[i], StringComparison.Ordinal), where);
            }

            if (contains is not null)
            {
                Assert.Contains(contains, result.ToAggregateString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_case_names_its_source_and_the_data_says_what_could_not_be_expressed()
    {
        var root = Data.Value.RootElement;
        Assert.Equal("cca2926a83a37bcdfd655c6f1d6fe39056698ec3", root.GetProperty("source").GetProperty("commit").GetString());
        int upstream = 0;
        foreach (var c in root.GetProperty("cases").EnumerateArray())
        {
            string origin = c.GetProperty("origin").GetString()!;
            Assert.True(origin is "upstream" or "model", c.GetProperty("id").GetString());
            upstream += origin == "upstream" ? 1 : 0;
            if (origin == "model")
            {
                Assert.False(string.IsNullOrEmpty(c.GetProperty("note").GetString()), "model case without a note: " + c.GetProperty("id").GetString());
            }
        }

        Assert.True(upstream > 100, upstream + " upstream cases");
        foreach (var n in root.GetProperty("notExpressible").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(n.GetProperty("why").GetString()));
        }
    }
}
