using PodConformance.Manifests.Nodes;

namespace PodConformance.Manifests.Parsing;

/// <summary>One document of a stream: its root (null when the document is empty) and where it starts.</summary>
internal sealed record ParsedDocument(ManifestNode? Root, SourcePosition Position);

/// <summary>
/// The documents of a stream that parsed, plus the syntax error that stopped parsing, if any. Documents before
/// the error are still mapped: a broken last document should not hide good ones.
/// </summary>
internal sealed record ParsedStream(IReadOnlyList<ParsedDocument> Documents, SyntaxError? Error);

internal sealed record SyntaxError(SourcePosition Position, string Message);
