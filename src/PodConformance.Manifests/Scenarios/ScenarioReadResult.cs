using System.Collections.Immutable;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Simulation;

namespace PodConformance.Manifests.Scenarios;

/// <summary>A scenario file read: the scenario (null when it has errors) and every problem found, with positions.</summary>
public sealed record ScenarioReadResult(Scenario? Scenario, ImmutableArray<ManifestDiagnostic> Diagnostics)
{
    public bool HasErrors
    {
        get
        {
            foreach (var d in Diagnostics)
            {
                if (d.IsError)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
