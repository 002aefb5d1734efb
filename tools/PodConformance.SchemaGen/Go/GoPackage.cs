namespace PodConformance.SchemaGen.Go;

/// <summary>A parsed Go package of kubernetes/api or apimachinery: its path (<c>core/v1</c>), its types.go, and its imports' names (<c>metav1</c> → <c>meta/v1</c>).</summary>
internal sealed record GoPackage(string Path, GoFile File, IReadOnlyDictionary<string, string> Imports);
