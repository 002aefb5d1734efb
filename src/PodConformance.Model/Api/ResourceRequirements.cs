using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Api;

public sealed partial record ResourceRequirements
{
    public ValueMap<Quantity> Limits { get; init; }

    public ValueMap<Quantity> Requests { get; init; }

    /// <summary>
    /// <c>claims</c> was given as a list, even an empty one: Go decodes <c>claims: []</c> to a non-nil empty slice, which
    /// validation tells from an absent list where it tests <c>!= nil</c> or compares with <c>reflect.DeepEqual</c> —
    /// pod-level <c>spec.resources.claims</c> is Forbidden (VAL-342) and an ephemeral container's <c>resources</c> is set
    /// (VAL-016) — while <see cref="Claims"/> cannot tell it from absent.
    /// </summary>
    public bool ClaimsGiven { get; init; }

    /// <summary>
    /// <c>limits</c> was given as an empty map (<c>limits: {}</c>): Go decodes it to a non-nil empty map, which
    /// <c>validateFieldAllowList</c>'s <c>reflect.DeepEqual</c> counts as set, so an ephemeral container's <c>resources</c>
    /// is Forbidden (VAL-016); <see cref="Limits"/> cannot tell it from absent. Set by the readers only for an empty map
    /// (so a decoded pod with limits equals one built in code); meaningless once <see cref="Limits"/> has entries.
    /// </summary>
    public bool LimitsGivenEmpty { get; init; }

    /// <summary><c>requests</c> was given as an empty map (<c>requests: {}</c>); as <see cref="LimitsGivenEmpty"/>.</summary>
    public bool RequestsGivenEmpty { get; init; }

    /// <summary>
    /// The struct differs from Go's zero value (what <c>reflect.DeepEqual</c> with <c>ResourceRequirements{}</c> sees):
    /// any entry, or any of the three collections given, even empty (non-nil in Go).
    /// </summary>
    public bool IsSetInGo() =>
        !Limits.IsEmpty || !Requests.IsEmpty || !Claims.IsEmpty || ClaimsGiven || LimitsGivenEmpty || RequestsGivenEmpty;

    public static ResourceRequirements Empty { get; } = new();
}

/// <summary>Resource names the model gives meaning to (core/v1 ResourceName constants).</summary>
public static class ResourceNames
{
    public const string Cpu = "cpu";
    public const string Memory = "memory";
    public const string EphemeralStorage = "ephemeral-storage";
    public const string Storage = "storage";
    public const string Pods = "pods";
    public const string HugePagesPrefix = "hugepages-";
    public const string DefaultNamespacePrefix = "kubernetes.io/";
    public const string RequestsPrefix = "requests.";
}
