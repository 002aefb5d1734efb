using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Eviction;
using PodConformance.Model.Profiles;
using static PodConformance.Model.Tests.Eviction.EvictionPods;

namespace PodConformance.Model.Tests.Eviction;

/// <summary>Ranking and victim invariants (spec/eviction.md) over generated pods, with fixed seeds.</summary>
public class EvictionProperties
{
    private static readonly Profile P = Profile.Default;
    private static readonly string[] Memory = ["", "1Mi", "64Mi", "128Mi", "1Gi"];
    private static readonly string[] Usage = ["0", "1Mi", "64Mi", "100Mi", "128Mi", "2Gi"];

    private static Gen<EvictionCandidate> CandidateGen(int index) =>
        from priority in Gen.Elements(-1, 0, 0, 1, 1000, 2_000_000_000)
        from request in Gen.Elements(Memory)
        from used in Gen.Elements(Usage)
        from processes in Gen.Choose(0, 40)
        from stats in Gen.Elements(true, true, true, false)
        from mirror in Gen.Elements(false, false, false, true)
        let pod = Pod("p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), priority, Req(memory: request))
        let annotated = mirror ? pod with { Metadata = pod.Metadata with { Annotations = ValueMap.Of(("kubernetes.io/config.mirror", "")) } } : pod
        select new EvictionCandidate(annotated, stats ? new PodUsage { MemoryWorkingSetBytes = Bytes(used), ProcessCount = processes } : null);

    private static readonly Gen<EvictionCandidate[]> Candidates =
        from n in Gen.Choose(0, 8)
        from list in Many(n)
        select list;

    private static Gen<EvictionCandidate[]> Many(int count)
    {
        Gen<EvictionCandidate[]> acc = Gen.Constant(Array.Empty<EvictionCandidate>());
        for (int i = 0; i < count; i++)
        {
            var g = CandidateGen(i);
            acc = from xs in acc from x in g select xs.Append(x).ToArray();
        }

        return acc;
    }

    private static readonly string[] Signals = [EvictionSignals.MemoryAvailable, EvictionSignals.PidAvailable, EvictionSignals.NodeFsAvailable];

    [Property(Replay = "(20261201,11)", MaxTest = 300)]
    public Property Ranking_is_a_total_order_and_stable() =>
        Prop.ForAll(Arb.From(Candidates), Arb.From(Gen.Elements(Signals)), (pods, signal) =>
        {
            var ranking = PodRanking.For(signal, DiskLayout.SingleFs, P)!;
            var ranked = ranking.Rank(pods);
            bool ok = ranked.Count == pods.Length;
            for (int i = 0; i + 1 < ranked.Count; i++)
            {
                int c = ranking.Compare(ranked[i].Facts, ranked[i + 1].Facts, out _);
                int inputA = Array.IndexOf(pods, ranked[i].Candidate);
                int inputB = Array.IndexOf(pods, ranked[i + 1].Candidate);
                ok &= c < 0 || (c == 0 && inputA < inputB);
            }

            // Ranking the ranking again changes nothing (a total order has one sorted form).
            var again = ranking.Rank([.. InOrder(ranked)]);
            for (int i = 0; i < ranked.Count; i++)
            {
                ok &= ReferenceEquals(again[i].Candidate, ranked[i].Candidate) || (ranking.Compare(again[i].Facts, ranked[i].Facts, out _) == 0);
            }

            return ok.Label("EVICT-006");
        });

    [Property(Replay = "(20261201,13)", MaxTest = 300)]
    public Property A_pod_under_its_request_never_ranks_before_one_over_it() =>
        Prop.ForAll(Arb.From(Candidates), pods =>
        {
            var ranked = PodRanking.For(EvictionSignals.MemoryAvailable, DiskLayout.SingleFs, P)!.Rank(pods);
            bool seenUnder = false;
            foreach (var r in ranked)
            {
                if (!r.Facts.HasStats)
                {
                    continue;
                }

                if (r.Facts.ExceedsRequest && seenUnder)
                {
                    return false.Label($"{r.Pod.Metadata.Name} exceeds but ranks after a pod within its request");
                }

                seenUnder |= !r.Facts.ExceedsRequest;
            }

            return true.Label("EVICT-001");
        });

    [Property(Replay = "(20261201,15)", MaxTest = 300)]
    public Property Critical_pods_are_never_chosen() =>
        Prop.ForAll(Arb.From(Candidates), Arb.From(Gen.Elements(Signals)), (pods, signal) =>
        {
            var d = EvictionManager.NextVictim(new EvictionCycle
            {
                MetThresholds = [new Threshold(signal, ThresholdValue.OfPercentage(0.5f))],
                Pods = pods,
            }, P);
            bool anyNonCritical = pods.Any(c => !Model.Oom.CriticalPods.IsCriticalPod(c.Pod));
            return (d.Victim is null ? !anyNonCritical : !Model.Oom.CriticalPods.IsCriticalPod(d.Victim)).Label("EVICT-007/008");
        });

    private static IEnumerable<EvictionCandidate> InOrder(ValueList<RankedPod> ranked)
    {
        foreach (var r in ranked)
        {
            yield return r.Candidate;
        }
    }
}
