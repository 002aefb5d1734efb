using System.Collections.Frozen;

namespace PodConformance.Manifests.Objects;

/// <summary>
/// The json field names of the <c>--objects</c> kinds, per Go struct, for the strict-decoding unknown-field warning
/// (<see cref="UnknownObjectFields"/>, spec/admission.md ADM-019). The Pod schema data (spec/api) holds only the types
/// reachable from Pod, so these structs are a table here; the types they share with Pod (ObjectMeta, Toleration,
/// LocalObjectReference) are taken from that schema data instead. Facts read from kubernetes/api (json tags of the
/// structs named below) at <c>v0.28.15</c> (efcef04c33c1bd224bd25650bafeadae87fe0fb6) and at the 1.37 commit of spec/api
/// (master 10b39a39bcee995dfe7cd5e8e7b922be5e46f1e2): the same field names at both, so one table serves every release.
/// Files: <c>core/v1/types.go</c> (ServiceAccount, ObjectReference, LimitRange, LimitRangeSpec, LimitRangeItem,
/// ResourceQuota, ResourceQuotaSpec, ScopeSelector, ScopedResourceSelectorRequirement, ResourceQuotaStatus, ConfigMap,
/// Secret), <c>scheduling/v1/types.go</c> (PriorityClass), <c>node/v1/types.go</c> (RuntimeClass, Overhead, Scheduling).
/// <c>apiVersion</c> and <c>kind</c> are the inline <c>metav1.TypeMeta</c>, flattened as Go's decoder sees it.
/// </summary>
internal static class ObjectFieldTable
{
    /// <summary>A field: its json name, the struct its value decodes into (null: a scalar, map or list of scalars), and whether it is a list of that struct.</summary>
    internal readonly record struct Field(string Json, string? Struct = null, bool List = false);

    /// <summary>Struct name → its fields. A struct not here is looked up in the Pod schema data.</summary>
    internal static readonly FrozenDictionary<string, FrozenDictionary<string, Field>> Structs = new Dictionary<string, Field[]>(StringComparer.Ordinal)
    {
        ["ServiceAccount"] =
        [
            new("apiVersion"), new("kind"), new("metadata", "ObjectMeta"),
            new("secrets", "ObjectReference", List: true), new("imagePullSecrets", "LocalObjectReference", List: true),
            new("automountServiceAccountToken"),
        ],
        ["ObjectReference"] = [new("kind"), new("namespace"), new("name"), new("uid"), new("apiVersion"), new("resourceVersion"), new("fieldPath")],
        ["PriorityClass"] =
        [
            new("apiVersion"), new("kind"), new("metadata", "ObjectMeta"),
            new("value"), new("globalDefault"), new("description"), new("preemptionPolicy"),
        ],
        ["LimitRange"] = [new("apiVersion"), new("kind"), new("metadata", "ObjectMeta"), new("spec", "LimitRangeSpec")],
        ["LimitRangeSpec"] = [new("limits", "LimitRangeItem", List: true)],
        ["LimitRangeItem"] = [new("type"), new("max"), new("min"), new("default"), new("defaultRequest"), new("maxLimitRequestRatio")],
        ["ResourceQuota"] =
        [
            new("apiVersion"), new("kind"), new("metadata", "ObjectMeta"),
            new("spec", "ResourceQuotaSpec"), new("status", "ResourceQuotaStatus"),
        ],
        ["ResourceQuotaSpec"] = [new("hard"), new("scopes"), new("scopeSelector", "ScopeSelector")],
        ["ScopeSelector"] = [new("matchExpressions", "ScopedResourceSelectorRequirement", List: true)],
        ["ScopedResourceSelectorRequirement"] = [new("scopeName"), new("operator"), new("values")],
        ["ResourceQuotaStatus"] = [new("hard"), new("used")],
        ["RuntimeClass"] =
        [
            new("apiVersion"), new("kind"), new("metadata", "ObjectMeta"),
            new("handler"), new("overhead", "Overhead"), new("scheduling", "Scheduling"),
        ],
        ["Overhead"] = [new("podFixed")],
        ["Scheduling"] = [new("nodeSelector"), new("tolerations", "Toleration", List: true)],
        ["ConfigMap"] = [new("apiVersion"), new("kind"), new("metadata", "ObjectMeta"), new("immutable"), new("data"), new("binaryData")],
        ["Secret"] = [new("apiVersion"), new("kind"), new("metadata", "ObjectMeta"), new("immutable"), new("data"), new("stringData"), new("type")],
    }.ToFrozenDictionary(
        e => e.Key,
        e => e.Value.ToFrozenDictionary(f => f.Json, StringComparer.Ordinal),
        StringComparer.Ordinal);
}
