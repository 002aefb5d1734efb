using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PodConformance.Suite.Golden;

/// <summary>
/// Reads golden YAML back into a <see cref="GoldenNode"/> tree. Every scalar is kept as its string (typing is
/// the case model's business); a file that is not one YAML document of that shape is an error with a position.
/// </summary>
public static class GoldenYamlReader
{
    /// <exception cref="FormatException">Not valid YAML, or uses anchors/aliases (golden files never do).</exception>
    public static GoldenNode Read(string text, string displayName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            parser.Consume<DocumentStart>();
            var root = ReadNode(parser);
            parser.Consume<DocumentEnd>();
            return root;
        }
        catch (YamlException e)
        {
            throw new FormatException(displayName + ":" + e.Start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + e.Message, e);
        }
    }

    private static GoldenNode ReadNode(IParser parser)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            bool typed = scalar.Style == ScalarStyle.Plain && Manifests.Nodes.ScalarResolver.ResolvePlain(scalar.Value) is Manifests.Nodes.ScalarKind.Int or Manifests.Nodes.ScalarKind.Bool or Manifests.Nodes.ScalarKind.Float;
            return new GoldenScalar(scalar.Value, typed);
        }

        if (parser.TryConsume<SequenceStart>(out _))
        {
            var items = new List<GoldenNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser));
            }

            return new GoldenList(items);
        }

        if (parser.TryConsume<MappingStart>(out _))
        {
            var entries = new List<KeyValuePair<string, GoldenNode>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = parser.Consume<Scalar>();
                entries.Add(KeyValuePair.Create(key.Value, ReadNode(parser)));
            }

            return new GoldenMap(entries);
        }

        var current = parser.Current;
        throw new YamlException(current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty, "unsupported YAML node " + current?.GetType().Name);
    }
}
