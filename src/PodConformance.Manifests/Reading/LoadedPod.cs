using PodConformance.Manifests.Nodes;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Reading;

/// <summary>
/// A Pod read from a manifest and where it came from: the 0-based document of the stream and, for
/// <c>kind: List</c>/<c>PodList</c>, the 0-based index in <c>items</c> (-1 otherwise).
/// </summary>
public sealed record LoadedPod(Pod Pod, string File, int Document, int ItemIndex, SourcePosition Position)
{
    /// <summary>
    /// Set when the Pod is the pod template of a workload (a Deployment's <c>spec.template</c>, a CronJob's
    /// <c>spec.jobTemplate.spec.template</c>); <see cref="Position"/> is then the workload's.
    /// </summary>
    public PodTemplateSource? Template { get; init; }

    /// <summary>Set when the Pod was built around a fragment (a bare PodSpec or Container) the manifest gave without a kind.</summary>
    public ManifestFragment? Fragment { get; init; }

    /// <summary>The fields filled in to make a fragment a Pod (path = value), for the note that says so.</summary>
    public IReadOnlyList<string> Filled { get; init; } = [];

    /// <summary>
    /// The unknown-field warnings (SCHEMA-002) met while reading this object, in the order the reader met them (a
    /// mapping's own before those of the objects inside it; not the decoder's order, see <see cref="StrictDecoding.InDecoderOrder"/>); they are also among the
    /// read's diagnostics. Under <c>fieldValidation=Strict</c> the API server refuses the object for them (SCHEMA-009,
    /// <see cref="StrictDecoding"/>).
    /// </summary>
    public IReadOnlyList<ManifestDiagnostic> UnknownFields { get; init; } = [];
}

/// <summary>The workload a pod template came from, and where in it the template is (<c>spec.template</c>).</summary>
public sealed record PodTemplateSource(string Kind, string ApiVersion, string Name, string Namespace, string Path)
{
    /// <summary>A field path of the Pod (<c>spec.containers[0].image</c>) as a path of the workload (<c>spec.template.spec.containers[0].image</c>).</summary>
    public string Prefix(string podFieldPath)
    {
        ArgumentNullException.ThrowIfNull(podFieldPath);
        return podFieldPath.Length == 0 ? Path : Path + "." + podFieldPath;
    }

    /// <summary>
    /// MANI-051: a Pod's field error as the API server words it for the template. Core <c>ValidatePodTemplateSpec</c>
    /// validates the template's labels and annotations at <c>&lt;template&gt;.labels</c> / <c>&lt;template&gt;.annotations</c>,
    /// without <c>metadata</c> (pkg/apis/core/validation/validation.go at v1.36.3), so <c>metadata.labels[…]</c> becomes
    /// <c>spec.template.labels[…]</c>; every other path is <see cref="Prefix"/>'s.
    /// </summary>
    public string ErrorPath(string podFieldPath)
    {
        ArgumentNullException.ThrowIfNull(podFieldPath);
        return IsMetadataMap(podFieldPath, "metadata.labels") || IsMetadataMap(podFieldPath, "metadata.annotations")
            ? Path + "." + podFieldPath["metadata.".Length..]
            : Prefix(podFieldPath);
    }

    /// <summary>The inverse of <see cref="ErrorPath"/> for locating the error in the file: <c>spec.template.labels</c> is written at <c>spec.template.metadata.labels</c>.</summary>
    public string WrittenPath(string errorPath)
    {
        ArgumentNullException.ThrowIfNull(errorPath);
        string labels = Path + ".labels", annotations = Path + ".annotations";
        return IsMetadataMap(errorPath, labels) || IsMetadataMap(errorPath, annotations)
            ? Path + ".metadata." + errorPath[(Path.Length + 1)..]
            : errorPath;
    }

    private static bool IsMetadataMap(string path, string map) =>
        path.StartsWith(map, StringComparison.Ordinal) && (path.Length == map.Length || path[map.Length] is '[' or '.');
}

/// <summary>
/// An object of another kind (ConfigMap, Secret, Service, Node…): not an error, returned whole because later
/// steps need ConfigMaps and Secrets to resolve env.
/// </summary>
public sealed record ManifestObject(
    string ApiVersion,
    string Kind,
    string Name,
    string Namespace,
    ManifestMapping Raw,
    string File,
    int Document,
    int ItemIndex)
{
    /// <summary>True when the file was JSON: its numbers reach the decoder as written, YAML's after conversion (SCHEMA-006).</summary>
    public bool IsJson { get; init; }
}
