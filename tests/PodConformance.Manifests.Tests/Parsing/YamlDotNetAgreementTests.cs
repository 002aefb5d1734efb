using System.Globalization;
using PodConformance.Manifests.Parsing.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PodConformance.Manifests.Tests.Parsing;

/// <summary>
/// The project's YAML reader replaced YamlDotNet's parser; on every input both accept (the corpus's valid cases and
/// every YAML fixture, the tutorial's manifests among them) they must produce the same events: kind, anchor, tag, value,
/// style and where each starts.
/// </summary>
public class YamlDotNetAgreementTests
{
    /// <summary>Where YamlDotNet 18.1 departs from go-yaml v2 and we follow go-yaml (the corpus test checks that side).</summary>
    private static readonly Dictionary<string, string> YamlDotNetDifferences = new(StringComparer.Ordinal)
    {
        ["corpus:flow/pairs-in-sequence"] = "YamlDotNet places a single-pair mapping in a flow sequence at 1:1; we place it at its key",
        ["corpus:error/flow-missing-comma"] = "the same single-pair mapping in a flow sequence",
        ["corpus:scalar/bom"] = "YamlDotNet keeps a byte order mark in the first key; go-yaml skips it",
        ["corpus:doc/multiple"] = "an empty document's null is placed at the next token, as go-yaml does, not after '---'",
    };

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var (name, c) in YamlCorpusTests.Corpus.Cases)
        {
            if (c.Error is null && !YamlDotNetDifferences.ContainsKey("corpus:" + name))
            {
                data.Add("corpus:" + name);
            }
        }

        foreach (string file in GoldenFiles())
        {
            data.Add("file:" + file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Events_agree(string input)
    {
        string text = input.StartsWith("corpus:", StringComparison.Ordinal)
            ? YamlCorpusTests.Corpus.Cases[input["corpus:".Length..]].Yaml
            : File.ReadAllText(Path.Combine(FixturesDir, input["file:".Length..]));
        List<string> theirs;
        try
        {
            theirs = YamlDotNetEvents(text);
        }
        catch (YamlException)
        {
            return; // YamlDotNet refuses what go-yaml accepts (its own deviations); nothing to compare.
        }

        Assert.Equal(theirs, OurEvents(text));
    }

    private static string FixturesDir => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private static IEnumerable<string> GoldenFiles()
    {
        foreach (string path in Directory.EnumerateFiles(FixturesDir, "*.yaml", SearchOption.AllDirectories))
        {
            yield return Path.GetRelativePath(FixturesDir, path);
        }
    }

    private static List<string> OurEvents(string text)
    {
        var events = new List<string>();
        var parser = new YamlParser(text);
        while (!parser.Done)
        {
            var e = parser.Next();
            string at = string.Create(CultureInfo.InvariantCulture, $"{e.Start.Line}:{e.Start.Column + 1}");
            events.Add(e.Kind switch
            {
                YamlEventKind.Scalar => $"=VAL {at} {e.Anchor} {e.Tag} {e.Style} {YamlCanonical.Quote(e.Value!)}",
                YamlEventKind.Alias => $"=ALI {at} {e.Value}",
                YamlEventKind.SequenceStart => $"+SEQ {at} {e.Anchor} {e.Tag} {(e.Flow ? "flow" : "block")}",
                YamlEventKind.MappingStart => $"+MAP {at} {e.Anchor} {e.Tag} {(e.Flow ? "flow" : "block")}",
                YamlEventKind.SequenceEnd => "-SEQ",
                YamlEventKind.MappingEnd => "-MAP",
                YamlEventKind.DocumentStart => "+DOC",
                YamlEventKind.DocumentEnd => "-DOC",
                YamlEventKind.StreamStart => "+STR",
                _ => "-STR",
            });
        }

        return events;
    }

    private static List<string> YamlDotNetEvents(string text)
    {
        var events = new List<string>();
        var parser = new Parser(new StringReader(text));
        while (parser.MoveNext())
        {
            var e = parser.Current!;
            string at = string.Create(CultureInfo.InvariantCulture, $"{e.Start.Line}:{e.Start.Column}");
            events.Add(e switch
            {
                Scalar s => $"=VAL {at} {Anchor(s.Anchor)} {Tag(s.Tag)} {Style(s.Style)} {YamlCanonical.Quote(s.Value)}",
                AnchorAlias a => $"=ALI {at} {a.Value.Value}",
                SequenceStart s => $"+SEQ {at} {Anchor(s.Anchor)} {Tag(s.Tag)} {(s.Style == SequenceStyle.Flow ? "flow" : "block")}",
                MappingStart m => $"+MAP {at} {Anchor(m.Anchor)} {Tag(m.Tag)} {(m.Style == MappingStyle.Flow ? "flow" : "block")}",
                SequenceEnd => "-SEQ",
                MappingEnd => "-MAP",
                DocumentStart => "+DOC",
                DocumentEnd => "-DOC",
                StreamStart => "+STR",
                _ => "-STR",
            });
        }

        return events;
    }

    private static string Anchor(AnchorName a) => a.IsEmpty ? "" : a.Value;

    private static string Tag(TagName t) => t.IsEmpty ? "" : t.Value;

    private static YamlScalarStyle Style(ScalarStyle s) => s switch
    {
        ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
        ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
        ScalarStyle.Literal => YamlScalarStyle.Literal,
        ScalarStyle.Folded => YamlScalarStyle.Folded,
        _ => YamlScalarStyle.Plain,
    };
}
