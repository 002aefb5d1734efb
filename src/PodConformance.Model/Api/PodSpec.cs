using PodConformance.Model.Collections;

namespace PodConformance.Model.Api;

public sealed partial record PodSpec
{
    public ValueList<Container> InitContainers { get; init; }

    public ValueList<Container> Containers { get; init; }

    public ValueList<Container> EphemeralContainers { get; init; }

    public ValueList<Volume> Volumes { get; init; }

    /// <summary><c>Always</c>, <c>OnFailure</c> or <c>Never</c>; empty until defaulted.</summary>
    public string RestartPolicy { get; init; } = "";

    public long? TerminationGracePeriodSeconds { get; init; }

    public long? ActiveDeadlineSeconds { get; init; }

    public string DnsPolicy { get; init; } = "";

    public ValueMap<string> NodeSelector { get; init; }

    public string ServiceAccountName { get; init; } = "";

    public string NodeName { get; init; } = "";

    public bool HostNetwork { get; init; }

    public string SchedulerName { get; init; } = "";

    public ValueList<Toleration> Tolerations { get; init; }

    public string PriorityClassName { get; init; } = "";

    public int? Priority { get; init; }

    public ValueList<PodReadinessGate> ReadinessGates { get; init; }

    public bool? EnableServiceLinks { get; init; }

    /// <summary>Pod overhead from the RuntimeClass, added to the effective request.</summary>
    public ValueMap<Quantities.Quantity> Overhead { get; init; }

    public ValueList<PodSchedulingGate> SchedulingGates { get; init; }

    /// <summary>Pod-level resources (KEP-2837); null when not set, which differs from set-but-empty.</summary>
    public ResourceRequirements? Resources { get; init; }
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
