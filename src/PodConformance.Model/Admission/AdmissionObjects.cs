using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Admission;

/// <summary>
/// The cluster state the admission plugins read: the objects passed with <c>--objects</c>, on top of what every fresh
/// cluster has (the <c>default</c> ServiceAccount of each namespace, the two system PriorityClasses).
/// </summary>
public sealed record AdmissionObjects
{
    public static AdmissionObjects None { get; } = new();

    public ValueList<ServiceAccount> ServiceAccounts { get; init; }

    public ValueList<PriorityClass> PriorityClasses { get; init; }

    public ValueList<LimitRange> LimitRanges { get; init; }

    public ValueList<ResourceQuota> ResourceQuotas { get; init; }

    /// <summary>
    /// The RuntimeClasses given. A cluster has none of its own; when any is given the given ones are taken to be all
    /// of them (ADM-014), since RuntimeClasses are a cluster's few, cluster-wide objects, installed together.
    /// </summary>
    public ValueList<RuntimeClass> RuntimeClasses { get; init; }

    /// <summary>
    /// Whether the PriorityClasses given are all of the cluster's own besides the two system classes, so a class that is
    /// not here is known to be missing (ADM-042) although <see cref="Missing"/> assumes other objects exist. A generated
    /// case's classes (<c>PodCase.PriorityClasses</c>) are: the case describes the whole cluster it is compared on, and a
    /// ServiceAccount it names must still be assumed. <c>--objects</c> leaves it false (ADM-098: a class not given is
    /// assumed, unless <c>--objects-complete</c>).
    /// </summary>
    public bool PriorityClassesComplete { get; init; }

    /// <summary>Whether a PriorityClass that is not here is refused (ADM-042) rather than assumed (ADM-098).</summary>
    public bool PriorityClassesKnown => Missing == MissingObjects.NotFound || PriorityClassesComplete;

    /// <summary>
    /// Whether the ServiceAccounts given are all of their namespace's (the namespace's <c>default</c> one always exists,
    /// given or not), so an account that is not here is known to be missing (ADM-031) although <see cref="Missing"/> assumes
    /// other objects exist. A generated case's accounts (<c>PodCase.ServiceAccounts</c>, session 15) are, as its
    /// PriorityClasses are (<see cref="PriorityClassesComplete"/>); <c>--objects</c> leaves it false (ADM-098).
    /// </summary>
    public bool ServiceAccountsComplete { get; init; }

    /// <summary>Whether a ServiceAccount that is not here is refused (ADM-031) rather than assumed (ADM-098).</summary>
    public bool ServiceAccountsKnown => Missing == MissingObjects.NotFound || ServiceAccountsComplete;

    /// <summary>What a reference to an object that is not here means (ADM-098).</summary>
    public MissingObjects Missing { get; init; } = MissingObjects.AssumeExists;

    /// <summary>The ServiceAccount <paramref name="name"/> of <paramref name="ns"/>: given, else the namespace's default one, else null.</summary>
    public ServiceAccount? FindServiceAccount(string ns, string name)
    {
        foreach (var sa in ServiceAccounts)
        {
            if (sa.Namespace == ns && sa.Name == name)
            {
                return sa;
            }
        }

        return name == "default" ? ServiceAccount.DefaultFor(ns) : null;
    }

    /// <summary>A PriorityClass by name: a system class, else one given.</summary>
    public PriorityClass? FindPriorityClass(string name)
    {
        foreach (var pc in PriorityClass.SystemClasses)
        {
            if (pc.Name == name)
            {
                return pc;
            }
        }

        foreach (var pc in PriorityClasses)
        {
            if (pc.Name == name)
            {
                return pc;
            }
        }

        return null;
    }

    /// <summary>A RuntimeClass by name, else null.</summary>
    public RuntimeClass? FindRuntimeClass(string name)
    {
        foreach (var rc in RuntimeClasses)
        {
            if (rc.Name == name)
            {
                return rc;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a RuntimeClass that is not here is known to be missing (ADM-014): with <c>--objects-complete</c>, or when
    /// any RuntimeClass was given. Otherwise the model cannot know the cluster's classes and says "not checked".
    /// </summary>
    public bool RuntimeClassesKnown => Missing == MissingObjects.NotFound || !RuntimeClasses.IsEmpty;
}

/// <summary>How the model treats a reference to a ServiceAccount or PriorityClass it was not given.</summary>
public enum MissingObjects
{
    /// <summary>
    /// The object is assumed to exist (with no settings of its own); the create goes on and the result lists what this
    /// assumption left unchecked. The default: a manifest is usually checked without the cluster it will meet.
    /// </summary>
    AssumeExists,

    /// <summary>The objects given are the whole cluster: a missing reference is rejected as the API server would.</summary>
    NotFound,
}
