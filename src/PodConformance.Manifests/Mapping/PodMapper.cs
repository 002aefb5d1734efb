using System.Collections.Frozen;
using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Reading;

namespace PodConformance.Manifests.Mapping;

/// <summary>
/// Maps <see cref="ManifestNode"/> trees onto the model's records, field by field, the way Go's strict JSON
/// decoding of core/v1 would: type errors and duplicate keys are errors with field paths, unknown fields are
/// warnings, known-but-unmodelled fields are listed. Hand-written per type (no reflection) so every field's
/// Kubernetes typing rule is explicit. One instance per read; diagnostics accumulate in it.
/// </summary>
internal sealed partial class PodMapper(string file)
{
    private readonly List<ManifestDiagnostic> _diagnostics = [];
    private readonly List<NotModelledField> _notModelled = [];

    public string File { get; } = file;

    public IReadOnlyList<ManifestDiagnostic> Diagnostics => _diagnostics;

    public IReadOnlyList<NotModelledField> NotModelled => _notModelled;

    /// <summary>Number of errors so far; a caller compares before and after a document to know if it failed.</summary>
    public int ErrorCount { get; private set; }

    public void Error(SourcePosition position, string path, string message)
    {
        ErrorCount++;
        _diagnostics.Add(new ManifestDiagnostic(DiagnosticSeverity.Error, File, position, path, message));
    }

    public void Warning(SourcePosition position, string path, string message) =>
        _diagnostics.Add(new ManifestDiagnostic(DiagnosticSeverity.Warning, File, position, path, message));

    internal static string Child(string path, string key) => path.Length == 0 ? key : path + "." + key;

    internal static string Index(string path, int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}[{index}]");

    /// <summary>
    /// The entries of a mapping with duplicates removed (and reported, as Go's strict decoder does). A null node
    /// is an empty mapping (Go decodes JSON null into a struct as a no-op); anything else is a type error.
    /// </summary>
    private List<KeyValuePair<ManifestScalar, ManifestNode>> Fields(ManifestNode node, string path)
    {
        var result = new List<KeyValuePair<ManifestScalar, ManifestNode>>();
        if (node is not ManifestMapping mapping)
        {
            if (node is not ManifestScalar { IsNull: true })
            {
                Error(node.Position, path, $"expected a mapping, got {node.Describe()}");
            }

            return result;
        }

        var entries = mapping.Entries;
        for (int i = 0; i < entries.Length; i++)
        {
            var key = entries[i].Key;
            bool duplicate = false;
            for (int j = 0; j < i; j++)
            {
                if (string.Equals(entries[j].Key.Value, key.Value, StringComparison.Ordinal))
                {
                    Error(key.Position, Child(path, key.Value), $"duplicate field \"{key.Value}\" (first at {entries[j].Key.Position})");
                    duplicate = true;
                    break;
                }
            }

            if (!duplicate)
            {
                result.Add(entries[i]);
            }
        }

        return result;
    }

    /// <summary>The items of a list; null is the empty list (Go's nil slice).</summary>
    private IReadOnlyList<ManifestNode> Items(ManifestNode node, string path)
    {
        if (node is ManifestSequence sequence)
        {
            return sequence.Items;
        }

        if (node is not ManifestScalar { IsNull: true })
        {
            Error(node.Position, path, $"expected a list, got {node.Describe()}");
        }

        return [];
    }

    /// <summary>
    /// A key the mapper did not handle: known to Kubernetes but not to the model (listed), or unknown
    /// (warned in the API server's words, and dropped as the API server drops it).
    /// </summary>
    private void Other(ManifestScalar key, string path, FrozenSet<string> notModelled)
    {
        string fieldPath = Child(path, key.Value);
        if (notModelled.Contains(key.Value))
        {
            _notModelled.Add(new NotModelledField(File, key.Position, fieldPath));
        }
        else
        {
            Warning(key.Position, "", $"unknown field \"{fieldPath}\"");
        }
    }
}
