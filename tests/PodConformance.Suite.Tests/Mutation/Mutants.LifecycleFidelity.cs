using PodConformance.Model.Kubelet;
using PodConformance.Model.Simulation;

namespace PodConformance.Suite.Tests.Mutation;

/// <summary>Mutants of issue 11's lifecycle and node rules, bent through the simulator's rule seam (<see cref="SimulatorRules"/>).</summary>
internal static partial class Mutants
{
    private static IEnumerable<Mutant> LifecycleFidelity()
    {
        yield return new Mutant(
            "restart-pull-shows-creating", "container status", PhaseRules.KeepsTerminatedUntilRestart,
            "a restart that pulls its image shows waiting ContainerCreating instead of the exited instance (the phase falls back to Pending)",
            Injection.Stage,
            ModelPipeline.Real with { Simulator = SimulatorRules.Default with { KeepsTerminatedState = (_, _) => false } });
    }
}
