using PodConformance.Manifests.Nodes;

namespace PodConformance.Manifests.Parsing.Yaml;

/// <summary>A place in the text: the UTF-16 offset, the 1-based line and the 0-based column in characters (code points).</summary>
internal readonly record struct YamlMark(int Offset, int Line, int Column)
{
    public SourcePosition Position => new(Line, Column + 1);
}

internal enum YamlTokenKind : byte
{
    StreamStart,
    StreamEnd,
    VersionDirective,
    TagDirective,
    DocumentStart,
    DocumentEnd,
    BlockSequenceStart,
    BlockMappingStart,
    BlockEnd,
    FlowSequenceStart,
    FlowSequenceEnd,
    FlowMappingStart,
    FlowMappingEnd,
    BlockEntry,
    FlowEntry,
    Key,
    Value,
    Alias,
    Anchor,
    Tag,
    Scalar,
}

internal enum YamlScalarStyle : byte
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

/// <summary>
/// One token of the scanner. <see cref="Value"/> holds a scalar's text, an anchor's or alias's name, a tag's handle
/// or a %TAG directive's handle; <see cref="Suffix"/> a tag's suffix or a %TAG directive's prefix.
/// </summary>
internal readonly record struct YamlToken(
    YamlTokenKind Kind,
    YamlMark Start,
    YamlMark End,
    string? Value = null,
    string? Suffix = null,
    YamlScalarStyle Style = YamlScalarStyle.Plain,
    int Major = 0,
    int Minor = 0);

/// <summary>
/// A syntax error with the place it was found. Thrown inside the reader only (never out of it): the tree builder
/// turns it into a <see cref="SyntaxError"/>. The messages are go-yaml v2's problem texts, which is what kubectl
/// and the API server print after "yaml: line N: ".
/// </summary>
internal sealed class YamlSyntaxException(YamlMark mark, string message) : Exception(message)
{
    public YamlMark Mark { get; } = mark;
}
