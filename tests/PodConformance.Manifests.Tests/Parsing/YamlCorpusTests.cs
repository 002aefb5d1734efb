using System.Text.Json;
using PodConformance.Manifests.Parsing;

namespace PodConformance.Manifests.Tests.Parsing;

/// <summary>
/// The YAML reader against go-yaml v2 on a corpus of cases (YamlCorpus/cases.json): for each input, the documents
/// go-yaml v2.4.0 decodes (one line each, <see cref="YamlCanonical"/>'s notation) and the error it stops at. The
/// expected values are go-yaml's own answers, recorded by YamlCorpus/regenerate.sh.
/// </summary>
public class YamlCorpusTests
{
    /// <summary>Where our message deliberately differs from go-yaml's (go-yaml's text would name Go types).</summary>
    private static readonly Dictionary<string, string> MessageDifferences = new(StringComparer.Ordinal)
    {
        ["mapping keys must be scalars"] = "invalid map key",
    };

    /// <summary>
    /// Cases where we refuse what go-yaml accepts, on purpose: nesting is bounded at
    /// <see cref="YamlTreeBuilder.MaxDepth"/> (as JSON is) where go-yaml allows 10,000 levels, and a flow collection
    /// as a simple key, which go-yaml v2.4.0's scanner loses track of (it drops the key's registration when the inner
    /// flow level closes) and libyaml reads, is read and then refused as a key, as go-yaml's decoder refuses it.
    /// </summary>
    private static readonly Dictionary<string, string> Deviations = new(StringComparer.Ordinal)
    {
        ["limit/deep-flow-300"] = "exceeded max depth of 256",
        ["limit/deep-block-300"] = "exceeded max depth of 256",
    };

    public static TheoryData<string> CaseNames() => [.. Corpus.Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Reads_as_go_yaml_does(string name)
    {
        var c = Corpus.Cases[name];

        var stream = YamlTreeBuilder.Parse(c.Yaml);

        var docs = stream.Documents.Select(d => YamlCanonical.Of(d.Root)).ToList();
        if (Deviations.TryGetValue(name, out var deviation))
        {
            Assert.Equal(deviation, stream.Error?.Message);
            return;
        }

        if (c.Error is null)
        {
            Assert.Null(stream.Error);
            Assert.Equal(c.Docs, docs);
            return;
        }

        Assert.NotNull(stream.Error);
        Assert.Equal(c.Docs, docs.Take(c.Docs.Count));
        string ours = stream.Error.Message;
        string theirs = GoProblem(c.Error);
        Assert.True(
            ours == theirs || (MessageDifferences.TryGetValue(ours, out var mapped) && theirs.StartsWith(mapped, StringComparison.Ordinal)),
            $"ours: {ours} at {stream.Error.Position}; go-yaml: {c.Error}");
    }

    /// <summary>"yaml: line 3: did not find expected key" → "did not find expected key".</summary>
    internal static string GoProblem(string error)
    {
        string s = error.StartsWith("yaml: ", StringComparison.Ordinal) ? error[6..] : error;
        if (s.StartsWith("line ", StringComparison.Ordinal))
        {
            int colon = s.IndexOf(": ", StringComparison.Ordinal);
            s = s[(colon + 2)..];
        }

        return s;
    }

    internal sealed record Case(string Name, string Yaml, List<string> Docs, string? Error);

    internal static class Corpus
    {
        public static readonly Dictionary<string, Case> Cases = Load();

        private static Dictionary<string, Case> Load()
        {
            var cases = new Dictionary<string, Case>(StringComparer.Ordinal);
            foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Parsing", "YamlCorpus"), "*.json"))
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(file));
                foreach (var e in doc.RootElement.EnumerateArray())
                {
                    string name = e.GetProperty("name").GetString()!;
                    var docs = e.GetProperty("docs").EnumerateArray().Select(d => d.GetString()!).ToList();
                    string? error = e.TryGetProperty("error", out var err) ? err.GetString() : null;
                    cases.Add(name, new Case(name, e.GetProperty("yaml").GetString()!, docs, error));
                }
            }

            return cases;
        }
    }
}
