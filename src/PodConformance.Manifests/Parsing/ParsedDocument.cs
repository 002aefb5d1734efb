using PodConformance.Manifests.Nodes;

namespace PodConformance.Manifests.Parsing;

/// <summary>One document of a stream: its root (null when the document is empty) and where it starts.</summary>
internal sealed record ParsedDocument(ManifestNode? Root, SourcePosition Position);

/// <summary>
/// The documents of a stream that parsed, plus the syntax error that stopped parsing, if any. Documents before
/// the error are still mapped: a broken last document should not hide good ones.
/// </summary>
internal sealed record ParsedStream(IReadOnlyList<ParsedDocument> Documents, SyntaxError? Error)
{
    /// <summary>For JSON with an error: the byte offset where the value that failed begins (after the values read).</summary>
    public int FailedValueStart { get; init; }

    /// <summary>How many of <see cref="Documents"/>, from the first, were read as JSON (the rest as YAML, MANI-012).</summary>
    public int JsonDocuments { get; init; }
}

internal sealed record SyntaxError(SourcePosition Position, string Message);
