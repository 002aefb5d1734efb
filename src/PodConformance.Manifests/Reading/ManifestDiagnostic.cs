using System.Globalization;
using PodConformance.Manifests.Nodes;

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

    public override string ToString()
    {
        string where = Position.IsKnown
            ? string.Create(CultureInfo.InvariantCulture, $"{File}:{Position.Line}:{Position.Column}")
            : File;
        return Path.Length == 0 ? $"{where}: {Message}" : $"{where}: {Path}: {Message}";
    }
}
