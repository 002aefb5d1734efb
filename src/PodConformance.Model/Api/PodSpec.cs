using PodConformance.Model.Collections;

namespace PodConformance.Model.Api;

public sealed partial record PodSpec
{
    /// <summary>
    /// The hand-written fields most pods leave unset (and admission does not set), kept out of line in one shared object
    /// as the generated ones are (<c>_generated</c>) and as Container's are: defaulting, admission and the simulator copy
    /// the spec several times per pod (issue 12's admission path), and a copy then costs the common fields only. Setting
    /// one of these to a new value copies the small object; equality, hashing and printing still see every field.
    /// </summary>
    private RareFields _rare = RareFields.Empty;

    private sealed record RareFields
    {
        public static readonly RareFields Empty = new();

        public long? ActiveDeadlineSeconds { get; init; }

        public ValueMap<string> NodeSelector { get; init; }

        public bool HostNetwork { get; init; }

        public ValueList<PodReadinessGate> ReadinessGates { get; init; }

        public ValueMap<Quantities.Quantity> Overhead { get; init; }

        public bool OverheadGiven { get; init; }

        public ValueList<PodSchedulingGate> SchedulingGates { get; init; }

        public ResourceRequirements? Resources { get; init; }
    }

    public ValueList<Container> InitContainers { get; init; }

    public ValueList<Container> Containers { get; init; }

    public ValueList<Container> EphemeralContainers { get; init; }

    public ValueList<Volume> Volumes { get; init; }

    /// <summary><c>Always</c>, <c>OnFailure</c> or <c>Never</c>; empty until defaulted.</summary>
    public string RestartPolicy { get; init; } = "";

    public long? TerminationGracePeriodSeconds { get; init; }

    public long? ActiveDeadlineSeconds { get => _rare.ActiveDeadlineSeconds; init => _rare = _rare.ActiveDeadlineSeconds == value ? _rare : _rare with { ActiveDeadlineSeconds = value }; }

    public string DnsPolicy { get; init; } = "";

    public ValueMap<string> NodeSelector { get => _rare.NodeSelector; init => _rare = _rare.NodeSelector.IsSameAs(value) ? _rare : _rare with { NodeSelector = value }; }

    public string ServiceAccountName { get; init; } = "";

    public string NodeName { get; init; } = "";

    public bool HostNetwork { get => _rare.HostNetwork; init => _rare = _rare.HostNetwork == value ? _rare : _rare with { HostNetwork = value }; }

    public string SchedulerName { get; init; } = "";

    public ValueList<Toleration> Tolerations { get; init; }

    public string PriorityClassName { get; init; } = "";

    public int? Priority { get; init; }

    public ValueList<PodReadinessGate> ReadinessGates { get => _rare.ReadinessGates; init => _rare = _rare.ReadinessGates.IsSameAs(value) ? _rare : _rare with { ReadinessGates = value }; }

    public bool? EnableServiceLinks { get; init; }

    /// <summary>Pod overhead from the RuntimeClass, added to the effective request.</summary>
    public ValueMap<Quantities.Quantity> Overhead { get => _rare.Overhead; init => _rare = _rare.Overhead.IsSameAs(value) ? _rare : _rare with { Overhead = value }; }

    /// <summary>
    /// <c>spec.overhead</c> was given as a map, even an empty one: Go keeps <c>overhead: {}</c> as a non-nil map, which the
    /// RuntimeClass plugin refuses without a RuntimeClass (ADM-013), while <see cref="Overhead"/> cannot tell it from absent.
    /// </summary>
    public bool OverheadGiven { get => _rare.OverheadGiven; init => _rare = _rare.OverheadGiven == value ? _rare : _rare with { OverheadGiven = value }; }

    public ValueList<PodSchedulingGate> SchedulingGates { get => _rare.SchedulingGates; init => _rare = _rare.SchedulingGates.IsSameAs(value) ? _rare : _rare with { SchedulingGates = value }; }

    /// <summary>Pod-level resources (KEP-2837); null when not set, which differs from set-but-empty.</summary>
    public ResourceRequirements? Resources { get => _rare.Resources; init => _rare = ReferenceEquals(_rare.Resources, value) ? _rare : _rare with { Resources = value }; }
}

public sealed record Toleration
{
    public string Key { get; init; } = "";

    /// <summary><c>Exists</c> or <c>Equal</c>; empty means Equal.</summary>
    public string Operator { get; init; } = "";

    public string Value { get; init; } = "";

    public string Effect { get; init; } = "";

    public long? TolerationSeconds { get; init; }
}

public sealed record PodReadinessGate(string ConditionType);

public sealed record PodSchedulingGate(string Name);
