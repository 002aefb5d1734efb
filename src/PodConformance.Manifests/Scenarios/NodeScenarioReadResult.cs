using System.Collections.Immutable;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Simulation;

namespace PodConformance.Manifests.Scenarios;

/// <summary>A node-scenario file read: the scenario (null when anything is wrong), its Pods, and every problem with its position.</summary>
public sealed record NodeScenarioReadResult(NodeScenario? Scenario, ImmutableArray<LoadedPod> Pods, ImmutableArray<ManifestDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
