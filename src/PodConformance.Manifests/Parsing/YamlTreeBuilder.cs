using System.Collections.Immutable;
using PodConformance.Manifests.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PodConformance.Manifests.Parsing;

/// <summary>
/// Builds <see cref="ManifestNode"/> trees from YamlDotNet's event parser. We stay at the event level (not
/// YamlDotNet's deserializer or representation model) to keep every node's position and the scalar style,
/// which decides whether <c>80</c> is a number or a string.
/// </summary>
internal static class YamlTreeBuilder
{
    public static ParsedStream Parse(string text)
    {
        var documents = new List<ParsedDocument>();
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out var start))
            {
                var anchors = new Dictionary<string, ManifestNode>(StringComparer.Ordinal);
                ManifestNode? root = null;
                if (!parser.Accept<DocumentEnd>(out _))
                {
                    root = ReadNode(parser, anchors);
                }

                parser.Consume<DocumentEnd>();
                if (root is ManifestScalar { IsNull: true })
                {
                    root = null;
                }

                documents.Add(new ParsedDocument(root, Position(start.Start)));
            }

            parser.Consume<StreamEnd>();
            return new ParsedStream(documents, null);
        }
        catch (YamlException ex)
        {
            return new ParsedStream(documents, new SyntaxError(Position(ex.Start), CleanMessage(ex)));
        }
    }

    private static ManifestNode ReadNode(IParser parser, Dictionary<string, ManifestNode> anchors)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of stream");
        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                if (anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    return target;
                }

                throw new YamlException(alias.Start, alias.End, $"unknown anchor '{alias.Value.Value}' referenced");

            case Scalar scalar:
            {
                parser.MoveNext();
                var node = new ManifestScalar(scalar.Value, Resolve(scalar), Position(scalar.Start));
                Remember(anchors, scalar.Anchor, node);
                return node;
            }

            case SequenceStart seq:
            {
                parser.MoveNext();
                var items = ImmutableArray.CreateBuilder<ManifestNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, anchors));
                }

                var node = new ManifestSequence(items.ToImmutable(), Position(seq.Start));
                Remember(anchors, seq.Anchor, node);
                return node;
            }

            case MappingStart map:
            {
                parser.MoveNext();
                var entries = ImmutableArray.CreateBuilder<KeyValuePair<ManifestScalar, ManifestNode>>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = ReadNode(parser, anchors);
                    var value = ReadNode(parser, anchors);
                    if (keyNode is not ManifestScalar key)
                    {
                        throw new YamlException(Mark(keyNode.Position), Mark(keyNode.Position), "mapping keys must be scalars");
                    }

                    entries.Add(new(key, value));
                }

                var node = new ManifestMapping(entries.ToImmutable(), Position(map.Start));
                Remember(anchors, map.Anchor, node);
                return node;
            }

            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
    }

    /// <summary>Quoted or <c>!!str</c>-tagged scalars are strings; plain ones resolve as go-yaml v2 does.</summary>
    private static ScalarKind Resolve(Scalar scalar)
    {
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
        {
            return scalar.Tag.Value switch
            {
                "tag:yaml.org,2002:int" => ScalarKind.Int,
                "tag:yaml.org,2002:float" => ScalarKind.Float,
                "tag:yaml.org,2002:bool" => ScalarKind.Bool,
                "tag:yaml.org,2002:null" => ScalarKind.Null,
                _ => ScalarKind.String,
            };
        }

        return scalar.Style == ScalarStyle.Plain ? ScalarResolver.ResolvePlain(scalar.Value) : ScalarKind.String;
    }

    private static void Remember(Dictionary<string, ManifestNode> anchors, AnchorName anchor, ManifestNode node)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }

    private static SourcePosition Position(Mark mark) => new((int)mark.Line, (int)mark.Column);

    private static Mark Mark(SourcePosition p) => new(0, p.Line, p.Column);

    /// <summary>YamlDotNet prefixes its messages with "(Line: …, Col: …) - (…): "; we print our own position.</summary>
    private static string CleanMessage(YamlException ex)
    {
        string message = ex.Message;
        if (message.StartsWith("(Line:", StringComparison.Ordinal))
        {
            int cut = message.IndexOf("): ", StringComparison.Ordinal);
            if (cut >= 0)
            {
                message = message[(cut + 3)..];
            }
        }

        return message;
    }
}
