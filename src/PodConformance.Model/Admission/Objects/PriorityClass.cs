namespace PodConformance.Model.Admission.Objects;

/// <summary>The parts of a scheduling.k8s.io/v1 PriorityClass the Priority admission plugin reads (ADM-040…044).</summary>
public sealed record PriorityClass
{
    public string Name { get; init; } = "";

    public int Value { get; init; }

    public bool GlobalDefault { get; init; }

    /// <summary>Defaulted to <c>PreemptLowerPriority</c> when the object is created (scheduling/v1 SetDefaults_PriorityClass).</summary>
    public string PreemptionPolicy { get; init; } = "PreemptLowerPriority";

    /// <summary>
    /// The two classes every API server creates at start-up (the scheduling storage's post-start hook):
    /// <c>system-node-critical</c> 2000001000 and <c>system-cluster-critical</c> 2000000000 (ADM-041).
    /// </summary>
    public static IReadOnlyList<PriorityClass> SystemClasses { get; } =
    [
        new PriorityClass { Name = "system-node-critical", Value = 2000001000 },
        new PriorityClass { Name = "system-cluster-critical", Value = 2000000000 },
    ];
}
