using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Eviction;
using PodConformance.Model.Oom;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;

namespace PodConformance.Suite.Tests.Mutation;

internal static partial class Mutants
{
    /// <summary>QoS classes and oom_score_adj, bent at their stages.</summary>
    private static IEnumerable<Mutant> Scores()
    {
        yield return new Mutant(
            "qos-first-container-decides", "qos", QosRules.Combine, "the pod's QoS class is its first regular container's (the classes are not combined)",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Qos = (spec, profile) => spec.Resources is null || !profile.IsEnabled(FeatureGateNames.PodLevelResources)
                    ? QosCalculator.ComputePodQos(spec with { InitContainers = [], Containers = spec.Containers.IsEmpty ? spec.Containers : ValueList.Of(spec.Containers[0]) }, profile)
                    : QosCalculator.ComputePodQos(spec, profile),
            });

        yield return new Mutant(
            "qos-ignores-pod-level-resources", "qos", QosRules.PodLevel, "spec.resources (pod-level) is ignored: the class comes from the containers",
            Injection.Stage,
            ModelPipeline.Real with { Qos = (spec, profile) => QosCalculator.ComputePodQos(spec with { Resources = null }, profile) });

        yield return new Mutant(
            "oom-guaranteed-998", "oom", OomRules.Guaranteed, "Guaranteed containers get -998 (Kubernetes: -997)",
            Injection.Stage,
            ModelPipeline.Real with { OomScore = (pod, c, capacity, profile) => BendScore(pod, c, capacity, profile, OomRules.Guaranteed, s => s == OomScoreAdjust.GuaranteedOomScoreAdj ? s - 1 : s) });

        yield return new Mutant(
            "oom-besteffort-999", "oom", OomRules.BestEffort, "BestEffort containers get 999 (Kubernetes: 1000)",
            Injection.Stage,
            ModelPipeline.Real with { OomScore = (pod, c, capacity, profile) => BendScore(pod, c, capacity, profile, OomRules.BestEffort, s => s == OomScoreAdjust.BestEffortOomScoreAdj ? s - 1 : s) });

        yield return new Mutant(
            "oom-burstable-off-by-one", "oom", OomRules.BurstableFormula, "the Burstable formula rounds one point higher (1000 − 1000·request/capacity, plus one)",
            Injection.Stage,
            ModelPipeline.Real with { OomScore = (pod, c, capacity, profile) => BendScore(pod, c, capacity, profile, OomRules.BurstableFormula, s => s + 1, unless: OomRules.Clamp) });
    }

    private static int BendScore(Pod pod, Container c, long capacity, Profile profile, string rule, Func<int, int> bend, string? unless = null)
    {
        var score = OomScoreAdjust.ForContainer(pod, c, capacity, profile);
        return score.Rules.Contains(rule) && (unless is null || !score.Rules.Contains(unless)) ? bend(score.Score) : score.Score;
    }

    /// <summary>The environment and the Downward API, bent through the pod whose environment is resolved.</summary>
    private static IEnumerable<Mutant> Downward()
    {
        yield return new Mutant(
            "env-from-prefix-ignored", "env", EnvRules.EnvFrom, "envFrom's prefix is not prepended to the imported names",
            Injection.Stage,
            ModelPipeline.Real with { EnvPod = pod => MapContainers(pod, c => c with { EnvFrom = [.. c.EnvFrom.Select(f => f with { Prefix = "" })] }) });

        yield return new Mutant(
            "expand-keeps-escape", "env", ExpandRules.Syntax, "$$ is kept as $$ instead of becoming a literal $",
            Injection.Stage,
            ModelPipeline.Real with { EnvPod = pod => MapContainers(pod, c => c with { Env = [.. c.Env.Select(e => e with { Value = e.Value.Replace("$$", "$$$$", StringComparison.Ordinal) })] }) });

        yield return new Mutant(
            "downward-namespace-is-name", "downward", DownwardRules.Metadata, "fieldRef metadata.namespace resolves to the pod's name",
            Injection.Stage,
            ModelPipeline.Real with
            {
                EnvPod = pod => MapContainers(pod, c => c with
                {
                    Env = [.. c.Env.Select(e => e.ValueFrom?.FieldRef is { FieldPath: "metadata.namespace" } f ? e with { ValueFrom = e.ValueFrom with { FieldRef = f with { FieldPath = "metadata.name" } } } : e)],
                }),
            });

        yield return new Mutant(
            "downward-divisor-ignored", "downward", DownwardRules.ResourceField, "resourceFieldRef's divisor is ignored (values always in base units)",
            Injection.Stage,
            ModelPipeline.Real with
            {
                EnvPod = pod => MapContainers(pod, c => c with
                {
                    Env = [.. c.Env.Select(e => e.ValueFrom?.ResourceFieldRef is { Divisor: not null } r ? e with { ValueFrom = e.ValueFrom with { ResourceFieldRef = r with { Divisor = null } } } : e)],
                }),
            });
    }

    private static Pod WithoutRequests(Pod pod)
    {
        var bent = MapContainers(pod, c => c with { Resources = c.Resources with { Requests = default } });
        return bent with { Spec = bent.Spec with { Resources = bent.Spec.Resources is { } r ? r with { Requests = default } : null } };
    }

    private static Pod MapContainers(Pod pod, Func<Container, Container> map) =>
        pod with { Spec = pod.Spec with { InitContainers = [.. pod.Spec.InitContainers.Select(map)], Containers = [.. pod.Spec.Containers.Select(map)] } };

    /// <summary>The eviction manager's ranking, bent through the pods it is given.</summary>
    private static IEnumerable<Mutant> Eviction()
    {
        yield return new Mutant(
            "evict-ignores-priority", "eviction", EvictionRules.MemoryRanking, "memory-pressure ranking ignores priority (exceeds-request, then usage only)",
            Injection.Stage,
            ModelPipeline.Real with { EvictionPod = p => CriticalPods.IsCriticalPod(p) ? p : p with { Spec = p.Spec with { Priority = 0 } } });

        yield return new Mutant(
            "evict-critical-pods", "eviction", EvictionRules.CriticalNeverEvicted, "critical pods (static, mirror, system priority) are ranked and evicted like any other",
            Injection.Stage,
            ModelPipeline.Real with
            {
                EvictionPod = p => !CriticalPods.IsCriticalPod(p) ? p : p with
                {
                    Metadata = p.Metadata with { Annotations = ValueMap.Create(p.Metadata.Annotations.Where(a => !a.Key.StartsWith("kubernetes.io/config.", StringComparison.Ordinal))) },
                    Spec = p.Spec with { Priority = 0 },
                },
            });

        yield return new Mutant(
            "evict-ignores-requests", "eviction", EvictionRules.EffectiveRequest, "ranking ignores requests: every pod exceeds its request by its whole usage",
            Injection.Stage,
            ModelPipeline.Real with { EvictionPod = WithoutRequests });
    }
}
