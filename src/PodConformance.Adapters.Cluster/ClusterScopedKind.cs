namespace PodConformance.Adapters.Cluster;

/// <summary>
/// A kind of cluster-scoped object the adapter may create for a case (<c>--cluster-scoped-objects</c>): its API path, the
/// resource RBAC names, and the text its admission plugin refuses a pod with when the pod names an object of this kind
/// that does not exist (matched to tell "not visible yet" from an answer, and mapped back to the case's names).
/// </summary>
public sealed class ClusterScopedKind
{
    /// <summary>
    /// node.k8s.io/v1 RuntimeClass. The RuntimeClass plugin's refusal (plugin/pkg/admission/runtimeclass/admission.go,
    /// <c>prepareObjects</c>): <c>pod rejected: RuntimeClass %q not found</c> (spec/admission.md ADM-014).
    /// </summary>
    public static ClusterScopedKind RuntimeClass { get; } = new("RuntimeClass", "runtimeclass", "node.k8s.io", "runtimeclasses", "rc");

    /// <summary>
    /// scheduling.k8s.io/v1 PriorityClass. The Priority plugin's refusal (plugin/pkg/admission/priority/admission.go,
    /// <c>admitPod</c>): <c>no PriorityClass with name %v was found</c> (spec/admission.md ADM-042).
    /// </summary>
    public static ClusterScopedKind PriorityClass { get; } = new("PriorityClass", "priorityclass", "scheduling.k8s.io", "priorityclasses", "pc");

    public static IReadOnlyList<ClusterScopedKind> All { get; } = [RuntimeClass, PriorityClass];

    private readonly string _singular;

    private ClusterScopedKind(string kind, string singular, string group, string resource, string tag)
    {
        Kind = kind;
        _singular = singular;
        Group = group;
        Resource = resource;
        Tag = tag;
    }

    /// <summary>The object's <c>kind</c>.</summary>
    public string Kind { get; }

    /// <summary>The API group (version v1 for both kinds in every release the spec covers, 1.28 on).</summary>
    public string Group { get; }

    /// <summary>The resource as RBAC and the URL name it (<c>runtimeclasses</c>).</summary>
    public string Resource { get; }

    /// <summary>The short tag in the names the adapter gives (<c>…-rc1</c>).</summary>
    public string Tag { get; }

    public string ApiVersion => Group + "/v1";

    /// <summary>The collection's path under the server's base URI.</summary>
    public string CollectionPath => "apis/" + Group + "/v1/" + Resource;

    /// <summary><c>runtimeclasses.node.k8s.io</c>, as <c>kubectl auth can-i</c> and ClusterRoles spell it.</summary>
    public string QualifiedResource => Resource + "." + Group;

    /// <summary><c>runtimeclass.node.k8s.io/NAME</c>, as <c>kubectl get -o name</c> prints an object.</summary>
    public string ObjectName(string name) => _singular + "." + Group + "/" + name;

    /// <summary>The plugin's refusal detail for a pod naming <paramref name="name"/> when no such object exists (after <c>is forbidden: </c>).</summary>
    public string NotFound(string name) => this == RuntimeClass
        ? "pod rejected: RuntimeClass " + Model.Validation.GoQuote.Quote(name) + " not found"
        : "no PriorityClass with name " + name + " was found";

    public override string ToString() => Kind;
}
