using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Generators;

/// <summary>A pod made invalid by one named mutation; reports print the mutation's name and expected rule.</summary>
public sealed record InvalidPodCase(Pod Pod, PodMutation Mutation)
{
    /// <summary>The gates the case adds to the run's profile (<see cref="PodMutation.GatesFor"/>; empty: none).</summary>
    public ValueMap<bool> Gates { get; init; }

    public override string ToString() => Mutation.Name + " (" + Mutation.Rule + "): " + Pod;
}
