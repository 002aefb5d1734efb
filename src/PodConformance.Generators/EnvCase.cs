using PodConformance.Model.Api;
using PodConformance.Model.ContainerEnv;

namespace PodConformance.Generators;

/// <summary>A pod whose containers read env, and the objects and node facts of its namespace that env reads.</summary>
public sealed record EnvCase(Pod Pod, EnvInputs Objects)
{
    /// <summary>Feature gates the case adds to the run's profile (<see cref="GateSwitch"/>; empty: none), as <c>PodCase.Gates</c>.</summary>
    public Model.Collections.ValueMap<bool> Gates { get; init; }
}
