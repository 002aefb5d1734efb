using PodConformance.Model.Oom;

namespace PodConformance.Suite.Tests.Mutation;

internal static partial class Mutants
{
    private static IEnumerable<Mutant> Oom()
    {
        yield return new Mutant(
            "oom-no-upper-clamp", "oom", OomRules.Clamp, "Burstable scores are not clamped below BestEffort (1000 instead of 999)",
            Injection.Stage,
            ModelPipeline.Real with
            {
                OomScore = (pod, c, capacity, profile) => OomScoreAdjust.ForContainer(pod, c, capacity, profile) is { Score: OomScoreAdjust.BestEffortOomScoreAdj - 1 } s && s.Rules.Contains(OomRules.Clamp)
                    ? OomScoreAdjust.BestEffortOomScoreAdj
                    : OomScoreAdjust.ForContainer(pod, c, capacity, profile).Score,
            });
    }
}
