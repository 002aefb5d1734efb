using PodConformance.Model.Api;

namespace PodConformance.Generators;

/// <summary>A pod made invalid by one named mutation; reports print the mutation's name and expected rule.</summary>
public sealed record InvalidPodCase(Pod Pod, PodMutation Mutation)
{
    public override string ToString() => Mutation.Name + " (" + Mutation.Rule + "): " + Pod;
}
