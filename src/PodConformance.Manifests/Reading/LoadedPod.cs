using PodConformance.Manifests.Nodes;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Reading;

/// <summary>
/// A Pod read from a manifest and where it came from: the 0-based document of the stream and, for
/// <c>kind: List</c>/<c>PodList</c>, the 0-based index in <c>items</c> (-1 otherwise).
/// </summary>
public sealed record LoadedPod(Pod Pod, string File, int Document, int ItemIndex, SourcePosition Position);

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
    int ItemIndex);
