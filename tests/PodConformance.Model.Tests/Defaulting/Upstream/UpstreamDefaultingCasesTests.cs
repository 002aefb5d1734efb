using System.Text.Json;
using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Tests.Support;

namespace PodConformance.Model.Tests.Defaulting.Upstream;

/// <summary>
/// Kubernetes' defaulting tests (pkg/apis/core/v1/defaults_test.go, copies named in cases.json with their commits; built by
/// generate.py, see README.md), each a manifest read with the schema of every release it names, defaulted under that
/// release and its gates (decode only, or with the create strategy), and compared field by field with upstream's
/// expectation: every expected field with exactly the JSON text upstream's json.Marshal gives, none of the absent ones,
/// nothing else under an exact prefix, and for detectDefaults cases exactly the listed fields added.
/// </summary>
public class UpstreamDefaultingCasesTests
{
    private static readonly Lazy<JsonDocument> File = new(() => JsonDocument.Parse(System.IO.File.ReadAllText(
        Path.Combine(RepoRoot.Path, "tests", "PodConformance.Model.Tests", "Defaulting", "Upstream", "cases.json"))));

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in File.Value.RootElement.GetProperty("cases").EnumerateArray())
        {
            data.Add(Key(c));
        }

        return data;
    }

    private static string Key(JsonElement c) => c.GetProperty("id").GetString() + "@" + c.GetProperty("source").GetString();

    private static JsonElement Case(string key)
    {
        foreach (var c in File.Value.RootElement.GetProperty("cases").EnumerateArray())
        {
            if (Key(c) == key)
            {
                return c;
            }
        }

        throw new ArgumentException("no case " + key, nameof(key));
    }

    private static KubernetesVersion Release(string text) =>
        KubernetesVersion.TryParse(text, out var v, out string error) ? v : throw new FormatException(text + ": " + error);

    /// <summary>
    /// The case's gates at a release; <c>*</c> is upstream's setAllFeatures: every gate of the release that is not locked
    /// to its default is set to the given value.
    /// </summary>
    internal static ValueMap<bool> Gates(JsonElement gates, KubernetesVersion version)
    {
        var pairs = new List<KeyValuePair<string, bool>>();
        foreach (var g in gates.EnumerateObject())
        {
            if (g.Name == "*")
            {
                foreach (var gate in FeatureGateCatalog.All)
                {
                    var stage = gate.StageAt(version);
                    if (stage is not null && !stage.Locked)
                    {
                        pairs.Add(KeyValuePair.Create(gate.Name, g.Value.GetBoolean()));
                    }
                }
            }
            else
            {
                pairs.Add(KeyValuePair.Create(g.Name, g.Value.GetBoolean()));
            }
        }

        return ValueMap.Create(pairs);
    }

    /// <summary>Every leaf of a pod's JSON (scalars, and empty objects as <c>{}</c>) by field path; map keys are segments.</summary>
    internal static SortedDictionary<string, string> Flatten(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var into = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Walk(doc.RootElement, "", into);
        return into;
    }

    private static void Walk(JsonElement e, string path, SortedDictionary<string, string> into)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                bool any = false;
                foreach (var p in e.EnumerateObject())
                {
                    any = true;
                    Walk(p.Value, path.Length == 0 ? p.Name : path + "." + p.Name, into);
                }

                if (!any && path.Length > 0)
                {
                    into[path] = "{}";
                }

                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item, path + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", into);
                    i++;
                }

                break;
            default:
                into[path] = e.GetRawText();
                break;
        }
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_agrees_at_every_release_it_names(string key)
    {
        var c = Case(key);
        string podJson = c.GetProperty("pod").GetRawText();
        var releases = c.GetProperty("releases").EnumerateArray().Select(r => Release(r.GetString()!)).ToList();
        Assert.NotEmpty(releases);
        bool create = c.GetProperty("path").GetString() == "create";
        foreach (var version in releases)
        {
            var profile = new Profile(version, Gates(c.GetProperty("gates"), version));
            var read = PodManifestReader.ReadText(podJson, key, version);
            Assert.True(read.Diagnostics.IsEmpty, $"{key} at {version}: the manifest reads with diagnostics: {string.Join("; ", read.Diagnostics)}");
            var pod = Assert.Single(read.Pods).Pod;
            var defaulted = create ? PodDefaulter.Apply(pod, profile) : PodDefaulter.Decode(pod, profile);
            var before = Flatten(PodManifestWriter.ToJson(pod));
            var after = Flatten(PodManifestWriter.ToJson(defaulted));
            var problems = new List<string>();
            var expect = c.GetProperty("expect").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            foreach (var (path, value) in expect)
            {
                if (!after.TryGetValue(path, out string? actual))
                {
                    problems.Add($"{path}: missing, expected {value}");
                }
                else if (actual != value)
                {
                    problems.Add($"{path}: {actual}, expected {value}");
                }
            }

            foreach (var absent in c.GetProperty("absent").EnumerateArray())
            {
                string path = absent.GetString()!;
                foreach (var leaf in after.Keys.Where(k => k == path || k.StartsWith(path + ".", StringComparison.Ordinal) || k.StartsWith(path + "[", StringComparison.Ordinal)))
                {
                    problems.Add($"{leaf}: {after[leaf]}, expected absent");
                }
            }

            foreach (var prefix in c.GetProperty("exact").EnumerateArray().Select(p => p.GetString()!))
            {
                foreach (var leaf in after.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && !expect.ContainsKey(k)))
                {
                    problems.Add($"{leaf}: {after[leaf]}, not expected under {prefix}");
                }
            }

            if (c.GetProperty("defaultedExactly").GetBoolean())
            {
                foreach (var (leaf, value) in after)
                {
                    if (!before.ContainsKey(leaf) && !expect.ContainsKey(leaf))
                    {
                        problems.Add($"{leaf}: {value}, defaulted but not in upstream's list");
                    }
                }

                foreach (var (path, _) in expect)
                {
                    if (before.ContainsKey(path) && path.EndsWith("emptyDir", StringComparison.Ordinal) is false)
                    {
                        problems.Add($"{path}: already in the manifest, so not defaulted");
                    }
                }
            }

            Assert.True(problems.Count == 0, $"{key} at {profile}:\n  " + string.Join("\n  ", problems));
        }
    }

    [Fact]
    public void Every_case_names_a_source_commit_and_the_data_says_what_could_not_be_expressed()
    {
        var root = File.Value.RootElement;
        var sources = root.GetProperty("sources");
        int cases = 0;
        foreach (var c in root.GetProperty("cases").EnumerateArray())
        {
            var source = sources.GetProperty(c.GetProperty("source").GetString()!);
            Assert.Matches("^[0-9a-f]{40}$", source.GetProperty("commit").GetString()!);
            Assert.StartsWith("Test", c.GetProperty("test").GetString()!, StringComparison.Ordinal);
            cases++;
        }

        Assert.True(cases >= 60, cases + " cases");
        foreach (var n in root.GetProperty("notExpressible").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(n.GetProperty("why").GetString()));
        }
    }
}
