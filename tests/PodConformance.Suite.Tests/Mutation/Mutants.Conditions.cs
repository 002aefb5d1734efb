using PodConformance.Model.Kubelet;
using PodConformance.Model.Api;

namespace PodConformance.Suite.Tests.Mutation;

internal static partial class Mutants
{
    /// <summary>Pod conditions, bent on each snapshot the simulator published (the condition generator has no seam inside the simulator).</summary>
    private static IEnumerable<Mutant> Conditions()
    {
        yield return new Mutant(
            "cond-ready-while-containers-not-ready", "conditions", ConditionRules.Ready, "Ready is True whenever the pod is Running, whether its containers are ready or not",
            Injection.Stage,
            ModelPipeline.Real with { Snapshot = (pod, _) => pod.Status?.Phase == "Running" ? WithCondition(pod, "Ready", "True") : pod });

        yield return new Mutant(
            "cond-initialized-at-once", "conditions", ConditionRules.Initialized, "Initialized is True from the start, before the init containers have run",
            Injection.Stage,
            ModelPipeline.Real with { Snapshot = (pod, _) => WithCondition(pod, "Initialized", "True") });

        yield return new Mutant(
            "cond-unschedulable-without-reason", "conditions", ConditionRules.PodScheduled, "PodScheduled=False carries no reason (Unschedulable dropped)",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Snapshot = (pod, _) => pod.Status is { } s
                    ? pod with { Status = s with { Conditions = [.. s.Conditions.Select(c => c.Type == "PodScheduled" && c.Status == "False" ? c with { Reason = "" } : c)] } }
                    : pod,
            });
    }

    /// <summary>The condition <paramref name="type"/>, where the status lists it, set to <paramref name="status"/> with no reason.</summary>
    private static Pod WithCondition(Pod pod, string type, string status) => pod.Status is not { } s ? pod : pod with
    {
        Status = s with { Conditions = [.. s.Conditions.Select(c => c.Type == type ? c with { Status = status, Reason = "", Message = "" } : c)] },
    };
}
