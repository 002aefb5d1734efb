using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Admission.Objects;

/// <summary>A core/v1 ResourceQuota: what the ResourceQuota admission plugin checks a new pod against (ADM-060…064).</summary>
public sealed record ResourceQuota
{
    public string Namespace { get; init; } = "default";

    public string Name { get; init; } = "";

    public ValueMap<Quantity> Hard { get; init; }

    /// <summary><c>Terminating</c>, <c>NotTerminating</c>, <c>BestEffort</c>, <c>NotBestEffort</c>, <c>PriorityClass</c>, <c>CrossNamespacePodAffinity</c>.</summary>
    public ValueList<string> Scopes { get; init; }

    public ValueList<ScopedResourceSelectorRequirement> ScopeSelector { get; init; }

    /// <summary>
    /// <c>status.hard</c>; null when the object has no status yet. The model then takes <c>spec.hard</c>, as the quota
    /// controller's first sync of an empty namespace writes it (ADM-062).
    /// </summary>
    public ValueMap<Quantity>? StatusHard { get; init; }

    /// <summary><c>status.used</c>; null when the object has no status yet (then zero for every hard resource, ADM-062).</summary>
    public ValueMap<Quantity>? StatusUsed { get; init; }
}

public sealed record ScopedResourceSelectorRequirement
{
    public string ScopeName { get; init; } = "";

    /// <summary><c>In</c>, <c>NotIn</c>, <c>Exists</c>, <c>DoesNotExist</c>.</summary>
    public string Operator { get; init; } = "";

    public ValueList<string> Values { get; init; }
}
