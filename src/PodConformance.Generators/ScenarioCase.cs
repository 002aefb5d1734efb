using PodConformance.Model.Api;
using PodConformance.Model.Simulation;

namespace PodConformance.Generators;

/// <summary>What an adapter is asked to run: one pod and the scenario scripting its containers (keyed by the pod's name).</summary>
public sealed record ScenarioCase(Pod Pod, Scenario Scenario)
{
    /// <summary>Feature gates the case needs on over the run's profile (RestartAllContainers cases); empty: none.</summary>
    public Model.Collections.ValueMap<bool> Gates { get; init; }
}
