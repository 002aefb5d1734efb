using FsCheck;
using FsCheck.Fluent;
using PodConformance.Generators;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Eviction;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;

namespace PodConformance.Suite.Myths;

/// <summary>Pods with a priority and a memory working set, for the eviction-order myth.</summary>
internal static class EvictionCases
{
    internal sealed record Case(ValueList<(Pod Pod, long UsageMi)> Pods);

    private static readonly Gen<(Pod, long)> One =
        from pod in PodGen.Valid
        from priority in Gen.Elements(0, 0, 1000)
        from usage in Gen.Elements(16L, 64L, 256L, 700L, 1024L)
        select (pod with { Spec = pod.Spec with { Priority = priority, InitContainers = ValueList<Container>.Empty } }, usage);

    public static Gen<Case> Cases { get; } =
        from pods in Gen.ListOf(One, 2).Zip(Gen.ListOf(One, 1), (a, b) => a.Concat(b).ToList())
        select new Case(Named(pods));

    private static ValueList<(Pod, long)> Named(IReadOnlyList<(Pod, long)> pods) =>
        pods.Select((p, i) => (p.Item1 with { Metadata = p.Item1.Metadata with { Name = "pod-" + (char)('a' + i) } }, p.Item2)).ToValueList();

    public static IEnumerable<Case> Shrink(Case c)
    {
        if (c.Pods.Count > 2)
        {
            for (int i = 0; i < c.Pods.Count; i++)
            {
                yield return new Case(Named(c.Pods.Where((_, j) => j != i).ToList()));
            }
        }

        for (int i = 0; i < c.Pods.Count; i++)
        {
            var (pod, usage) = c.Pods[i];
            foreach (var smaller in PodShrinker.Shrink(pod).Take(6))
            {
                yield return new Case(c.Pods.SetItem(i, (smaller with { Spec = smaller.Spec with { Priority = pod.Spec.Priority } }, usage)));
            }
        }
    }

    private static ValueList<RankedPod> Rank(Case c, Profile profile)
    {
        var candidates = c.Pods.Select(p => new EvictionCandidate(p.Pod, new PodUsage { MemoryWorkingSetBytes = p.UsageMi * 1024 * 1024 })).ToList();
        return PodRanking.For(EvictionSignals.MemoryAvailable, DiskLayout.SingleFs, profile)!.Rank(candidates);
    }

    private static int ClassOrder(Pod pod, Profile profile) => QosCalculator.ComputePodQos(pod.Spec, profile) switch
    {
        QosClass.BestEffort => 0,
        QosClass.Burstable => 1,
        _ => 2,
    };

    /// <summary>The claim: in the ranking, classes never go backwards (no Burstable before a BestEffort…).</summary>
    public static bool RankedByClass(Case c, Profile profile)
    {
        var ranking = Rank(c, profile);
        for (int i = 1; i < ranking.Count; i++)
        {
            if (ClassOrder(ranking[i - 1].Pod, profile) > ClassOrder(ranking[i].Pod, profile))
            {
                return false;
            }
        }

        return true;
    }

    public static string Show(Case c)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var (pod, usage) in c.Pods)
        {
            sb.Append("# ").Append(pod.Metadata.Name).Append(": priority ").Append(pod.Spec.Priority ?? 0).Append(", using ").Append(usage).Append("Mi\n");
            sb.Append(PodManifestWriter.ToYaml(pod)).Append("---\n");
        }

        return sb.ToString();
    }

    public static string Explain(Case c, Profile profile)
    {
        var ranking = Rank(c, profile);
        var parts = ranking.Select(r => $"{r.Pod.Metadata.Name} ({QosCalculator.ComputePodQos(r.Pod.Spec, profile).ToApiString()}, priority {r.Facts.Priority}, {(r.Facts.ExceedsRequest ? "over" : "under")} its request)");
        return "The kubelet ranks by exceeds-request, then priority, then usage − request; the class is not a criterion: " + string.Join(" → ", parts) + ".";
    }
}
