namespace PodConformance.Suite.Adapters;

/// <summary>
/// What an adapter can observe. A rule that needs a capability the adapter lacks is reported as
/// skipped (unsupported), never as passed.
/// </summary>
[Flags]
public enum Capability
{
    None = 0,

    /// <summary>Parse and print resource quantities.</summary>
    Quantity = 1,

    /// <summary>Create-time defaulting and validation (accepted, or rejected with field errors).</summary>
    Admission = 2,

    /// <summary><c>status.qosClass</c> as set at create.</summary>
    Qos = 4,

    /// <summary>Status timelines: phase, conditions, container states, restarts, the kubectl row.</summary>
    Lifecycle = 8,

    /// <summary>Resolved container environment.</summary>
    Env = 16,

    /// <summary>Per-container OOM score adjust.</summary>
    OomScore = 32,

    /// <summary>Node-pressure eviction order.</summary>
    Eviction = 64,

    /// <summary>Scheduling onto the scenario's nodes (capacity, labels, taints, cordons) and scheduling gates, seen in the lifecycle facet.</summary>
    Scheduling = 128,

    /// <summary>
    /// Receives a case's RuntimeClass objects (<c>PodCase.RuntimeClasses</c>, ADM-014…018) and answers as a cluster that holds
    /// exactly those classes. Not a facet: no property needs it. An adapter without it is never given such a case (a cluster
    /// without the classes would answer differently, a false failure); it answers the case "not performed" (not checked).
    /// </summary>
    RuntimeClasses = 256,

    /// <summary>
    /// Receives a case's PriorityClass objects (<c>PodCase.PriorityClasses</c>, ADM-040…044) and answers as a cluster whose own
    /// PriorityClasses are exactly those (besides the two system classes). Not a facet, as <see cref="RuntimeClasses"/>: an
    /// adapter without it is never given such a case and answers it "not performed".
    /// </summary>
    PriorityClasses = 512,

    /// <summary>
    /// Receives a case's ServiceAccount objects (<c>PodCase.ServiceAccounts</c>, ADM-030…036) and answers as a cluster whose
    /// pod namespace holds exactly those accounts (and its <c>default</c> one). Not a facet, as <see cref="PriorityClasses"/>:
    /// an adapter without it is never given such a case and answers it "not performed" (session 15).
    /// </summary>
    ServiceAccounts = 1024,

    All = Quantity | Admission | Qos | Lifecycle | Env | OomScore | Eviction | Scheduling | RuntimeClasses | PriorityClasses | ServiceAccounts,
}

public static class CapabilityNames
{
    public static string Format(Capability c)
    {
        if (c == Capability.None)
        {
            return "none";
        }

        var parts = new List<string>();
        foreach (var value in Enum.GetValues<Capability>())
        {
            if (value is Capability.None or Capability.All)
            {
                continue;
            }

            if ((c & value) != 0)
            {
                parts.Add(ToName(value));
            }
        }

        return string.Join(",", parts);
    }

    public static string ToName(Capability c) => c switch
    {
        Capability.Quantity => "quantity",
        Capability.Admission => "admission",
        Capability.Qos => "qos",
        Capability.Lifecycle => "lifecycle",
        Capability.Env => "env",
        Capability.OomScore => "oom-score",
        Capability.Eviction => "eviction",
        Capability.Scheduling => "scheduling",
        Capability.RuntimeClasses => "runtime-classes",
        Capability.PriorityClasses => "priority-classes",
        Capability.ServiceAccounts => "service-accounts",
        _ => c.ToString(),
    };

    public static bool TryParse(string name, out Capability c)
    {
        foreach (var value in Enum.GetValues<Capability>())
        {
            if (value is not (Capability.None or Capability.All) && string.Equals(ToName(value), name, StringComparison.Ordinal))
            {
                c = value;
                return true;
            }
        }

        c = Capability.None;
        return false;
    }
}
