using System.Text.Json;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Admission;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Tests.Support;
using PodConformance.Tests.Shared;

namespace PodConformance.Model.Tests.Validation.Upstream.Spec;

/// <summary>
/// Kubernetes' pod validation test cases for scheduling, DNS, naming and claim fields (cases.json, built by generate.py
/// from validation_test.go ≈1.30; cases-1.37.json, from the 1.37 copies and, for the container functions, the 1.33-1.36
/// ones; see README.md), each read as a manifest with the schema of every release it names and created under that
/// release and its gates as the API server creates it (PodCreate: defaulting, admission plugins, PrepareForCreate's drop
/// of gated-off fields, validation): the verdict, the errors (each expected text a prefix of the actual error, in order,
/// none missing or extra) and the upstream test's pinned substring must all agree. Until session 10 the harness ran
/// defaulting and validation only, which kept four vectors whose field a real create drops first (README.md).
/// </summary>
public class UpstreamSpecCasesTests
{
    /// <summary>cases.json: the ≈1.30 test file (kubecraft copy); cases-1.37.json: the 1.37-development one (fork copy).</summary>
    private static readonly Dictionary<string, Lazy<JsonDocument>> Files = new(StringComparer.Ordinal)
    {
        ["cases.json"] = Load("cases.json"),
        ["cases-1.37.json"] = Load("cases-1.37.json"),
    };

    private static Lazy<JsonDocument> Load(string file) => new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "tests", "PodConformance.Model.Tests", "Validation", "Upstream", "spec", file))));

    public static TheoryData<string, string> CaseIds()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, doc) in Files)
        {
            foreach (var c in doc.Value.RootElement.GetProperty("cases").EnumerateArray())
            {
                data.Add(file, c.GetProperty("id").GetString()!);
            }
        }

        return data;
    }

    private static JsonElement Case(string file, string id)
    {
        foreach (var c in Files[file].Value.RootElement.GetProperty("cases").EnumerateArray())
        {
            if (c.GetProperty("id").GetString() == id)
            {
                return c;
            }
        }

        throw new ArgumentException("no case " + id, nameof(id));
    }

    /// <summary>
    /// The cluster objects a case gives (optional <c>runtimeClasses</c>: name and <c>podFixed</c> overhead), for the tests
    /// whose input is only valid beside one (TestValidateOverhead's success case: a pod overhead needs a RuntimeClass with
    /// the same overhead, ADM-013/018); none otherwise.
    /// </summary>
    private static AdmissionObjects Objects(JsonElement c)
    {
        if (!c.TryGetProperty("runtimeClasses", out var classes))
        {
            return AdmissionObjects.None;
        }

        var list = new List<RuntimeClass>();
        foreach (var rc in classes.EnumerateArray())
        {
            bool hasOverhead = rc.TryGetProperty("podFixed", out var podFixed);
            list.Add(new RuntimeClass
            {
                Name = rc.GetProperty("name").GetString()!,
                Handler = rc.GetProperty("handler").GetString()!,
                HasOverhead = hasOverhead,
                PodFixed = hasOverhead
                    ? ValueMap.Create(podFixed.EnumerateObject().Select(q => KeyValuePair.Create(q.Name, Quantity.Parse(q.Value.GetString()!))))
                    : default,
            });
        }

        return new AdmissionObjects { RuntimeClasses = [.. list] };
    }

    private static KubernetesVersion Release(string text) =>
        KubernetesVersion.TryParse(text, out var v, out string error) ? v : throw new FormatException(text + ": " + error);

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_agrees_at_every_release_it_names(string file, string id)
    {
        var c = Case(file, id);
        string podJson = c.GetProperty("pod").GetRawText();
        var expected = c.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        string? contains = c.GetProperty("contains").ValueKind == JsonValueKind.String ? c.GetProperty("contains").GetString() : null;
        var gates = ValueMap.Create(c.GetProperty("gates").EnumerateObject().Select(g => KeyValuePair.Create(g.Name, g.Value.GetBoolean())));
        var releases = c.GetProperty("releases").EnumerateArray().Select(r => Release(r.GetString()!)).ToList();
        Assert.NotEmpty(releases);
        var objects = Objects(c);
        foreach (var version in releases)
        {
            var profile = new Profile(version, gates);
            var read = PodManifestReader.ReadText(podJson, id, version);
            Assert.True(read.Diagnostics.IsEmpty, $"{id} at {version}: the manifest reads with diagnostics: {string.Join("; ", read.Diagnostics)}");
            var pod = Assert.Single(read.Pods).Pod;
            // The whole create (CreateAnswer: PodCreate.Run): decode defaults, the mutating admission plugins,
            // PrepareForCreate (whose dropDisabledFields removes gated-off fields first), then validation. A plugin that
            // refuses the pod answers with its Forbidden message, which the case's single entry must then begin.
            var answer = CreateAnswer.Of(pod, profile, objects);
            var result = answer.Validation;
            var actual = answer.Lines;
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

    [Theory]
    [InlineData("cases.json", "cca2926a83a37bcdfd655c6f1d6fe39056698ec3", 100)]
    [InlineData("cases-1.37.json", "50b500bcc862923961072fc8597251f8cc534abd", 10)]
    public void Every_case_names_its_source_and_the_data_says_what_could_not_be_expressed(string file, string commit, int atLeast)
    {
        var root = Files[file].Value.RootElement;
        Assert.Equal(commit, root.GetProperty("source").GetProperty("commit").GetString());
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

        Assert.True(upstream > atLeast, upstream + " upstream cases in " + file);
        foreach (var n in root.GetProperty("notExpressible").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(n.GetProperty("why").GetString()));
        }
    }
}
