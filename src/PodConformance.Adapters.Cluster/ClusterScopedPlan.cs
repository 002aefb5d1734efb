using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Validation;

namespace PodConformance.Adapters.Cluster;

/// <summary>
/// An object of a case the cluster must hold under a run-unique name: its kind, the case's name for it and its body
/// without metadata (<see cref="Content"/>, also the key under which equal objects of one run are created once).
/// <see cref="Content"/> null: the case says the object does not exist, so the pod's reference is renamed to a name no
/// object has, and the cluster answers "not found" as the model does (ADM-014) even where it has its own object of the
/// case's name.
/// </summary>
public sealed record WantedObject(ClusterScopedKind Kind, string Name, string? Content);

/// <summary>
/// What a case needs of cluster-scoped objects (spec/adapter-cluster.md, "Cluster-scoped objects"): the objects the pod's
/// references name, or why the case cannot be acted out. Only the object a reference names matters to the pod's create
/// (each plugin reads the one class the pod names), so a case's other classes are not created.
/// </summary>
public sealed record ClusterScopedPlan(IReadOnlyList<WantedObject> Wanted, string? NotPerformed)
{
    public static ClusterScopedPlan None { get; } = new([], null);

    /// <summary>
    /// The plan for <paramref name="pod"/> with the case's RuntimeClasses (ADM-012: once any is given, the given ones are
    /// all of the cluster's, so a name not among them must be "not found") and PriorityClasses (a name among them is
    /// created; the two system classes exist everywhere and are left as named; once any is given they are all of the
    /// cluster's own, <c>PodCase.PriorityClasses</c>, so a name not among them must be "not found", ADM-042, and is renamed
    /// to the stand-in no object has, as a missing RuntimeClass is). A <c>globalDefault</c> PriorityClass is never created:
    /// while it exists every pod created on the cluster without a class gets its priority.
    /// </summary>
    public static ClusterScopedPlan For(Pod pod, ValueList<RuntimeClass> runtimeClasses, ValueList<PriorityClass> priorityClasses)
    {
        ArgumentNullException.ThrowIfNull(pod);
        foreach (var pc in priorityClasses)
        {
            if (pc.GlobalDefault)
            {
                return new([], "the case needs a globalDefault PriorityClass (" + pc.Name + "), which the cluster adapter never creates: while it existed, every pod created on the cluster without a priorityClassName would get its priority");
            }
        }

        var wanted = new List<WantedObject>(2);
        if (!runtimeClasses.IsEmpty && pod.Spec.RuntimeClassName is { Length: > 0 } rcName)
        {
            RuntimeClass? found = null;
            foreach (var rc in runtimeClasses)
            {
                if (rc.Name == rcName)
                {
                    found = rc;
                    break;
                }
            }

            if (found is not null && Unnameable(ClusterScopedKind.RuntimeClass, rcName) is { } why)
            {
                return new([], why);
            }

            wanted.Add(new WantedObject(ClusterScopedKind.RuntimeClass, rcName, found is null ? null : ClusterScopedJson.RuntimeClassContent(found)));
        }

        if (!priorityClasses.IsEmpty && pod.Spec.PriorityClassName is { Length: > 0 } pcName && !IsSystemPriorityClass(pcName))
        {
            PriorityClass? found = null;
            foreach (var pc in priorityClasses)
            {
                if (pc.Name == pcName)
                {
                    found = pc;
                    break;
                }
            }

            if (found is not null && Unnameable(ClusterScopedKind.PriorityClass, pcName) is { } why)
            {
                return new([], why);
            }

            wanted.Add(new WantedObject(ClusterScopedKind.PriorityClass, pcName, found is null ? null : ClusterScopedJson.PriorityClassContent(found)));
        }

        return wanted.Count == 0 ? None : new(wanted, null);
    }

    /// <summary>The two classes every API server creates (ADM-041): they exist under their own names.</summary>
    public static bool IsSystemPriorityClass(string name)
    {
        foreach (var pc in PriorityClass.SystemClasses)
        {
            if (pc.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Why no cluster can hold an object of the case's name, or null. Both kinds are named as DNS subdomains
    /// (apimachinery <c>NameIsDNSSubdomain</c>); a PriorityClass name starting with <c>system-</c> is reserved
    /// (pkg/apis/scheduling/validation <c>ValidatePriorityClass</c>). Such a case would compare the model with a cluster
    /// that cannot exist.
    /// </summary>
    private static string? Unnameable(ClusterScopedKind kind, string name)
    {
        var errors = NameRules.NameIsDnsSubdomain(name, prefix: false);
        if (errors.Length > 0)
        {
            return "the case's " + kind.Kind + " " + GoQuote.Quote(name) + " cannot exist on a cluster: " + string.Join("; ", errors);
        }

        return kind == ClusterScopedKind.PriorityClass && name.StartsWith("system-", StringComparison.Ordinal)
            ? "the case's PriorityClass " + GoQuote.Quote(name) + " cannot exist on a cluster: names starting with 'system-' are reserved for the system's classes"
            : null;
    }
}
