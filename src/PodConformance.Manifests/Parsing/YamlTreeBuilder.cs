using System.Collections.Immutable;
using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Parsing.Yaml;

namespace PodConformance.Manifests.Parsing;

/// <summary>
/// Builds <see cref="ManifestNode"/> trees from the project's YAML reader (<see cref="YamlParser"/>), keeping every
/// node's position and the scalar style, which decides whether <c>80</c> is a number or a string.
/// </summary>
/// <remarks>
/// Bounded for any input: nesting deeper than <see cref="MaxDepth"/> is refused (as JSON is), and aliases are
/// counted as go-yaml v2 counts them when it decodes (decode.go, v2.4.0: every node decoded, and every node reached
/// through an alias, in document order), refusing a document whose aliases expand past go-yaml's allowed ratio
/// ("document contains excessive aliasing"). Aliases share the anchored node, so the tree never grows by expansion.
/// </remarks>
internal static class YamlTreeBuilder
{
    /// <summary>The deepest nesting of collections accepted, the same bound as for JSON.</summary>
    public const int MaxDepth = 256;

    public static ParsedStream Parse(string text)
    {
        var documents = new List<ParsedDocument>();
        var parser = new YamlParser(text);
        try
        {
            parser.Next();
            while (true)
            {
                var start = parser.Next();
                if (start.Kind == YamlEventKind.StreamEnd)
                {
                    return new ParsedStream(documents, null);
                }

                var root = new DocumentBuilder().Read(parser);
                documents.Add(new ParsedDocument(root is ManifestScalar { IsNull: true } ? null : root, start.Start.Position));
            }
        }
        catch (YamlSyntaxException ex)
        {
            return new ParsedStream(documents, new SyntaxError(ex.Mark.Position, ex.Message));
        }
    }

    /// <summary>What a tag or, without one, the style and text make of a scalar, as go-yaml v2 resolves it.</summary>
    internal static ScalarKind Resolve(string? tag, YamlScalarStyle style, string value) => tag switch
    {
        null => style == YamlScalarStyle.Plain ? ScalarResolver.ResolvePlain(value) : ScalarKind.String,
        "tag:yaml.org,2002:int" => ScalarKind.Int,
        "tag:yaml.org,2002:float" => ScalarKind.Float,
        "tag:yaml.org,2002:bool" => ScalarKind.Bool,
        "tag:yaml.org,2002:null" => ScalarKind.Null,

        // "!" and unknown tags are not resolvable in go-yaml v2: the text stays a string.
        _ => ScalarKind.String,
    };

    private const string BinaryTag = "tag:yaml.org,2002:binary";

    private const string MergeTag = "tag:yaml.org,2002:merge";

    /// <summary>
    /// A <c>!!binary</c> scalar is base64 (line breaks ignored, as Go's base64.StdEncoding does); the bytes become
    /// the string, invalid UTF-8 replaced by U+FFFD as encoding/json writes it.
    /// </summary>
    private static bool TryDecodeBinary(ref string value)
    {
        string compact = value.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        if (compact.AsSpan().IndexOfAny(" \t") >= 0)
        {
            return false;
        }

        var bytes = new byte[(compact.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(compact, bytes, out int written))
        {
            return false;
        }

        value = System.Text.Encoding.UTF8.GetString(bytes, 0, written);
        return true;
    }

    private sealed class Frame(bool mapping, SourcePosition position, string? anchor)
    {
        public readonly bool Mapping = mapping;
        public readonly SourcePosition Position = position;
        public readonly string? Anchor = anchor;
        public readonly ImmutableArray<KeyValuePair<ManifestScalar, ManifestNode>>.Builder? Entries = mapping ? ImmutableArray.CreateBuilder<KeyValuePair<ManifestScalar, ManifestNode>>() : null;
        public readonly ImmutableArray<ManifestNode>.Builder? Items = mapping ? null : ImmutableArray.CreateBuilder<ManifestNode>();
        public ManifestScalar? PendingKey;

        /// <summary>Nodes go-yaml would decode for this collection, itself included.</summary>
        public long Size = 1;
    }

    /// <summary>An anchored node, or the open collection it names (an alias to that would contain itself).</summary>
    private sealed class Anchored(ManifestNode? node, long size, Frame? open)
    {
        public ManifestNode? Node = node;
        public long Size = size;
        public Frame? Open = open;
    }

    private sealed class DocumentBuilder
    {
        private const long SizeCap = 1L << 50;
        private readonly List<Frame> _frames = [];
        private readonly Dictionary<string, Anchored> _anchors = new(StringComparer.Ordinal);
        private ManifestNode? _root;

        /// <summary>
        /// The first error go-yaml finds only when it decodes, after the whole document parsed: a syntax error later
        /// in the document wins over it, as in go-yaml. Counting goes on (it is arithmetic, the tree shares aliases).
        /// </summary>
        private YamlSyntaxException? _decodeError;

        /// <summary>go-yaml's decodeCount: the document node counts too.</summary>
        private long _decoded = 1;

        /// <summary>go-yaml's aliasCount: nodes decoded through an alias.</summary>
        private long _aliased;

        /// <summary>Scalars that are YAML 1.1 merge keys (go-yaml v2 isMerge: <c>&lt;&lt;</c> plain and untagged, or tagged <c>!!merge</c>).</summary>
        private readonly HashSet<ManifestScalar> _mergeKeys = new(ReferenceEqualityComparer.Instance);

        public ManifestNode? Read(YamlParser parser)
        {
            while (true)
            {
                var e = parser.Next();
                switch (e.Kind)
                {
                    case YamlEventKind.DocumentEnd:
                        if (_decodeError is not null)
                        {
                            throw _decodeError;
                        }

                        return _root;
                    case YamlEventKind.Scalar:
                    {
                        Count(e.Start, 1, 0);
                        string value = e.Value!;
                        if (e.Tag == BinaryTag && !TryDecodeBinary(ref value))
                        {
                            _decodeError ??= new YamlSyntaxException(e.Start, "!!binary value contains invalid base64 data");
                        }

                        var node = new ManifestScalar(value, Resolve(e.Tag, e.Style, value), e.Start.Position);
                        if (value == "<<" && ((e.Tag is null && e.Style == YamlScalarStyle.Plain) || e.Tag == MergeTag))
                        {
                            _mergeKeys.Add(node);
                        }
                        if (e.Anchor is { } name)
                        {
                            _anchors[name] = new Anchored(node, 1, null);
                        }

                        Add(node, 1);
                        break;
                    }

                    case YamlEventKind.Alias:
                    {
                        Count(e.Start, 1, 0);
                        if (!_anchors.TryGetValue(e.Value!, out var target))
                        {
                            throw new YamlSyntaxException(e.Start, $"unknown anchor '{e.Value}' referenced");
                        }

                        if (target.Node is null)
                        {
                            _decodeError ??= new YamlSyntaxException(e.Start, $"anchor '{e.Value}' value contains itself");
                            Add(new ManifestScalar("", ScalarKind.Null, e.Start.Position), 1);
                            break;
                        }

                        Count(e.Start, target.Size, target.Size);

                        // An alias of a "<<" scalar is an alias node to go-yaml, never a merge key: a copy that is not one.
                        var aliased = target.Node is ManifestScalar s && _mergeKeys.Contains(s) ? new ManifestScalar(s.Value, s.Kind, e.Start.Position) : target.Node;
                        Add(aliased, Saturate(1 + target.Size));
                        break;
                    }

                    case YamlEventKind.SequenceStart:
                    case YamlEventKind.MappingStart:
                    {
                        Count(e.Start, 1, 0);
                        if (_frames.Count >= MaxDepth)
                        {
                            throw new YamlSyntaxException(e.Start, $"exceeded max depth of {MaxDepth}");
                        }

                        var frame = new Frame(e.Kind == YamlEventKind.MappingStart, e.Start.Position, e.Anchor);
                        _frames.Add(frame);
                        if (e.Anchor is { } name)
                        {
                            _anchors[name] = new Anchored(null, 0, frame);
                        }

                        break;
                    }

                    case YamlEventKind.SequenceEnd:
                    case YamlEventKind.MappingEnd:
                    {
                        var frame = _frames[^1];
                        _frames.RemoveAt(_frames.Count - 1);
                        if (frame.PendingKey is not null)
                        {
                            throw new InvalidOperationException("a mapping ended between a key and its value");
                        }

                        ManifestNode node = frame.Mapping
                            ? new ManifestMapping(Merged(frame.Entries!), frame.Position)
                            : new ManifestSequence(frame.Items!.DrainToImmutable(), frame.Position);
                        if (frame.Anchor is { } name && _anchors.TryGetValue(name, out var anchored) && ReferenceEquals(anchored.Open, frame))
                        {
                            anchored.Node = node;
                            anchored.Size = frame.Size;
                            anchored.Open = null;
                        }

                        Add(node, frame.Size);
                        break;
                    }

                    default:
                        throw new InvalidOperationException($"unexpected {e.Kind} inside a document");
                }
            }
        }

        private static long Saturate(long size) => Math.Min(size, SizeCap);

        /// <summary>
        /// A mapping's entries with its merge keys applied as go-yaml v2 decodes them (decode.go <c>mapping</c> and
        /// <c>merge</c>, gopkg.in/yaml.v2 branch v2 at 7649d45; sigs.k8s.io/yaml, which the API server and kubectl
        /// decode YAML with, uses that decoder): in document order, a <c>&lt;&lt;</c> entry is replaced by the entries of
        /// the mapping it names (itself already merged), or of each mapping of a sequence from the last to the first;
        /// anything else is go-yaml's "map merge requires map or sequence of maps as the value". Keys that end up
        /// twice stay twice, so the mapper reports them as the strict decoder does ("key already set in map"; the API
        /// server's strict field validation refuses them), keeping the first.
        /// </summary>
        private ImmutableArray<KeyValuePair<ManifestScalar, ManifestNode>> Merged(ImmutableArray<KeyValuePair<ManifestScalar, ManifestNode>>.Builder entries)
        {
            bool any = false;
            for (int i = 0; i < entries.Count && !any; i++)
            {
                any = _mergeKeys.Contains(entries[i].Key);
            }

            if (!any)
            {
                return entries.DrainToImmutable();
            }

            var merged = ImmutableArray.CreateBuilder<KeyValuePair<ManifestScalar, ManifestNode>>(entries.Count);
            foreach (var entry in entries)
            {
                if (!_mergeKeys.Contains(entry.Key))
                {
                    merged.Add(entry);
                    continue;
                }

                switch (entry.Value)
                {
                    case ManifestMapping map:
                        merged.AddRange(map.Entries);
                        break;
                    case ManifestSequence list:
                        for (int i = list.Items.Length - 1; i >= 0; i--)
                        {
                            if (list.Items[i] is ManifestMapping item)
                            {
                                merged.AddRange(item.Entries);
                            }
                            else
                            {
                                WantMap(list.Items[i]);
                            }
                        }

                        break;
                    default:
                        WantMap(entry.Value);
                        break;
                }
            }

            return merged.ToImmutable();
        }

        private void WantMap(ManifestNode at) =>
            _decodeError ??= new YamlSyntaxException(new YamlMark(0, at.Position.Line, at.Position.Column - 1), "map merge requires map or sequence of maps as the value");

        private void Add(ManifestNode node, long size)
        {
            if (_frames.Count == 0)
            {
                _root = node;
                return;
            }

            var frame = _frames[^1];
            frame.Size = Saturate(frame.Size + size);
            if (!frame.Mapping)
            {
                frame.Items!.Add(node);
            }
            else if (frame.PendingKey is null)
            {
                if (node is not ManifestScalar key)
                {
                    _decodeError ??= new YamlSyntaxException(new YamlMark(0, node.Position.Line, node.Position.Column - 1), "mapping keys must be scalars");
                    key = new ManifestScalar("", ScalarKind.Null, node.Position);
                }

                frame.PendingKey = key;
            }
            else
            {
                frame.Entries!.Add(new(frame.PendingKey, node));
                frame.PendingKey = null;
            }
        }

        /// <summary>go-yaml v2's alias budget, checked as its decoder does after every node.</summary>
        private void Count(YamlMark at, long decoded, long aliased)
        {
            _decoded = Saturate(_decoded + decoded);
            _aliased = Saturate(_aliased + aliased);
            if (_decodeError is null && _aliased > 100 && _decoded > 1000 && (double)_aliased / _decoded > AllowedAliasRatio(_decoded))
            {
                _decodeError = new YamlSyntaxException(at, "document contains excessive aliasing");
            }
        }

        /// <summary>99% of nodes may come from aliases up to 400,000 decoded nodes, scaling down to 10% at 4,000,000.</summary>
        private static double AllowedAliasRatio(long decoded) => decoded switch
        {
            <= 400_000 => 0.99,
            >= 4_000_000 => 0.10,
            _ => 0.99 - (0.89 * ((decoded - 400_000) / 3_600_000.0)),
        };
    }
}
