using PodConformance.Model.Collections;

namespace PodConformance.Model.Simulation;

/// <summary>
/// Something that happens to the cluster at a time of the scenario (spec/scenario.md, <c>steps</c>), as a client's
/// API call would: one action per step.
/// </summary>
public sealed record ScenarioStep
{
    /// <summary>When, from the start of the run.</summary>
    public TimeSpan At { get; init; }

    /// <summary>The pod a pod action applies to (by name).</summary>
    public string Pod { get; init; } = "";

    /// <summary>
    /// Remove scheduling gates from <see cref="Pod"/> (a pod update; gates can only be removed): null when the step
    /// does something else, empty for every gate, else the names to remove.
    /// </summary>
    public ValueList<string>? RemoveSchedulingGates { get; init; }

    /// <summary>An object a client creates (a ConfigMap, Secret or Service); null when the step does something else.</summary>
    public ClusterObject? Create { get; init; }

    /// <summary>
    /// A condition a controller writes into the pod's status (a pods/status patch, SIM-015), typically a readiness
    /// gate's: null when the step does something else. A condition type the kubelet owns is refused by the reader.
    /// </summary>
    public StepCondition? SetCondition { get; init; }

    /// <summary>A condition type a controller removes from the pod's status (SIM-015); null when the step does something else.</summary>
    public string? RemoveCondition { get; init; }
}

/// <summary>The type and status (<c>True</c>, <c>False</c>, <c>Unknown</c>) of a condition a step writes.</summary>
public sealed record StepCondition(string Type, string Status);
