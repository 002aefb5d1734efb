using System.Globalization;
using PodConformance.Manifests.Nodes;
using PodConformance.Model.Printing;

namespace PodConformance.Manifests.Reading;

public enum DiagnosticSeverity
{
    /// <summary>The object was still loaded (unknown fields: the API server warns and drops them).</summary>
    Warning,

    /// <summary>The document was not loaded (the API server would reject it at decode time).</summary>
    Error,
}

/// <summary>
/// One problem in a manifest, printed as <c>file:line:col: path: message</c> so editors and people can jump to it.
/// <paramref name="Path"/> is the API field path (<c>spec.containers[0].resources.limits.cpu</c>) or empty.
/// </summary>
public sealed record ManifestDiagnostic(
    DiagnosticSeverity Severity,
    string File,
    SourcePosition Position,
    string Path,
    string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>
    /// Set on an unknown-field warning (SCHEMA-002) only: the field's path from its object's root, as the strict decoder
    /// names it. It ties the warning to its object (<see cref="LoadedPod.UnknownFields"/>), so a caller can apply a field
    /// validation mode (SCHEMA-009): refuse the object (Strict), print the warning (Warn) or drop it (Ignore).
    /// </summary>
    public UnknownFieldPath? UnknownField { get; init; }

    public override string ToString()
    {
        // File names, field paths (keys) and messages (which quote values) come from input: printed escaped.
        string file = Printable.Escape(File);
        string where = Position.IsKnown
            ? string.Create(CultureInfo.InvariantCulture, $"{file}:{Position.Line}:{Position.Column}")
            : file;
        return Path.Length == 0 ? $"{where}: {Printable.Escape(Message)}" : $"{where}: {Printable.Escape(Path)}: {Printable.Escape(Message)}";
    }
}
