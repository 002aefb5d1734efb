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

        // Critical pods come from P-OOM-SCORE's pods naming a system PriorityClass (PriorityClassCases.SometimesSystemClass).
        yield return new Mutant(
            "oom-priority-not-critical", "oom", OomRules.CriticalPod, "a priority of 2000000000 or more does not make a pod critical (only static and mirror pods are): system-node-critical pods get their QoS score",
            Injection.Stage,
            ModelPipeline.Real with
            {
                OomScore = (pod, c, capacity, profile) => OomScoreAdjust.ForContainer(
                    CriticalPods.IsStaticPod(pod) || CriticalPods.IsMirrorPod(pod) ? pod : pod with { Spec = pod.Spec with { Priority = null } }, c, capacity, profile).Score,
            });

        yield return new Mutant(
            "oom-cluster-critical-protected", "oom", OomRules.NodeCritical, "every critical pod gets -997, system-cluster-critical ones too (the kubelet protects node-critical pods only)",
            Injection.Stage,
            ModelPipeline.Real with
            {
                OomScore = (pod, c, capacity, profile) => CriticalPods.IsCriticalPod(pod)
                    ? OomScoreAdjust.GuaranteedOomScoreAdj
                    : OomScoreAdjust.ForContainer(pod, c, capacity, profile).Score,
            });
    }
}
