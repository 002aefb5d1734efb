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

    /// <summary>
    /// core/v1 ServiceAccount: <b>not</b> cluster-scoped, and not in <see cref="All"/> (nothing lists or deletes it cluster-wide:
    /// the run's namespace holds it and goes with it). Here so that a case's account can be renamed and mapped back as a
    /// class is (<see cref="ClusterScopedNames"/>; <see cref="RunServiceAccounts"/> creates it). The ServiceAccount plugin's
    /// refusal names the request's namespace before the name (<c>error looking up service account NS/NAME: serviceaccount
    /// %q not found</c>, ADM-031), so <see cref="NotFound"/> is its tail only; the adapter's own retry for an account it created
    /// (<see cref="ClusterApi.CreatePodAsync"/>'s <c>createdAccount</c>) waits for one that admission does not see yet.
    /// </summary>
    public static ClusterScopedKind ServiceAccount { get; } = new("ServiceAccount", "serviceaccount", "", "serviceaccounts", "sa");

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

    /// <summary>The API group (version v1 for every kind here in every release the spec covers, 1.28 on; empty: the core group).</summary>
    public string Group { get; }

    /// <summary>The resource as RBAC and the URL name it (<c>runtimeclasses</c>).</summary>
    public string Resource { get; }

    /// <summary>The short tag in the names the adapter gives (<c>…-rc1</c>).</summary>
    public string Tag { get; }

    public string ApiVersion => Group.Length == 0 ? "v1" : Group + "/v1";

    /// <summary>The collection's path under the server's base URI (for a ServiceAccount, every namespace's).</summary>
    public string CollectionPath => Group.Length == 0 ? "api/v1/" + Resource : "apis/" + Group + "/v1/" + Resource;

    /// <summary><c>runtimeclasses.node.k8s.io</c>, as <c>kubectl auth can-i</c> and ClusterRoles spell it.</summary>
    public string QualifiedResource => Group.Length == 0 ? Resource : Resource + "." + Group;

    /// <summary><c>runtimeclass.node.k8s.io/NAME</c>, as <c>kubectl get -o name</c> prints an object.</summary>
    public string ObjectName(string name) => (Group.Length == 0 ? _singular : _singular + "." + Group) + "/" + name;

    /// <summary>
    /// The plugin's refusal detail for a pod naming <paramref name="name"/> when no such object exists (after <c>is forbidden: </c>;
    /// for a ServiceAccount the tail after the namespace and name, see <see cref="ServiceAccount"/>).
    /// </summary>
    public string NotFound(string name) =>
        this == RuntimeClass ? "pod rejected: RuntimeClass " + Model.Validation.GoQuote.Quote(name) + " not found"
        : this == PriorityClass ? "no PriorityClass with name " + name + " was found"
        : "serviceaccount " + Model.Validation.GoQuote.Quote(name) + " not found";

    public override string ToString() => Kind;
}
