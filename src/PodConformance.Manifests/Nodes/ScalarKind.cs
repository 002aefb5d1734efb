namespace PodConformance.Manifests.Nodes;

/// <summary>
/// What a scalar resolves to before it meets a Go field. Kubernetes converts YAML to JSON first
/// (sigs.k8s.io/yaml over go-yaml v2), so an unquoted <c>80</c> is a JSON number and an unquoted
/// <c>yes</c> is a JSON boolean; the mapper needs this to reject them where Go would.
/// </summary>
public enum ScalarKind
{
    String,
    Int,
    Float,
    Bool,
    Null,
}
