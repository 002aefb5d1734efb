using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Oom;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Eviction;

/// <summary>One monitoring cycle's input: thresholds already past their grace periods, observations, active pods.</summary>
public sealed record EvictionCycle
{
    public ValueList<Threshold> MetThresholds { get; init; }

    public IReadOnlyDictionary<string, SignalObservation> Observations { get; init; } = new Dictionary<string, SignalObservation>(StringComparer.Ordinal);

    public ValueList<EvictionCandidate> Pods { get; init; }

    public DiskLayout Layout { get; init; } = DiskLayout.SingleFs;
}

/// <summary>The cycle's outcome: at most one victim, the ranking, and why the victim came first.</summary>
public sealed record EvictionDecision
{
    public Pod? Victim { get; init; }

    public string? Signal { get; init; }

    public string? Resource { get; init; }

    public ValueList<RankedPod> Ranking { get; init; }

    /// <summary>Critical pods ranked ahead of the victim and passed over (evictPod refuses them).</summary>
    public ValueList<string> SkippedCritical { get; init; }

    /// <summary>For every pod ranked after the victim, the comparator step that put the victim first.</summary>
    public ValueList<RankDecision> Why { get; init; }

    public string Message { get; init; } = "";

    /// <summary>The victim's status after eviction: Failed, Evicted, the message, a DisruptionTarget condition.</summary>
    public PodStatus? EvictedStatus { get; init; }

    public ValueList<string> Rules { get; init; }

    /// <summary>Why no pod was chosen, when none was.</summary>
    public string? NoVictimReason { get; init; }
}

/// <summary>
/// The pod-choosing half of the kubelet's synchronize loop (pkg/kubelet/eviction/eviction_manager.go): pick
/// the threshold to reclaim, rank the active pods for its signal, and evict the first non-critical one —
/// exactly one per cycle. Node-level reclaim (image and container GC) is assumed to have been insufficient.
/// </summary>
public static class EvictionManager
{
    public const string DisruptionTarget = "DisruptionTarget";
    public const string TerminationByKubelet = "TerminationByKubelet";

    public static EvictionDecision NextVictim(EvictionCycle cycle, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(profile);
        if (cycle.MetThresholds.Count == 0)
        {
            return new EvictionDecision { NoVictimReason = "no eviction threshold is met" };
        }

        var sorted = ThresholdEvaluation.SortByEvictionPriority([.. cycle.MetThresholds]);
        Threshold? toReclaim = null;
        foreach (var t in sorted)
        {
            if (EvictionSignals.ResourceFor(t.Signal) is not null)
            {
                toReclaim = t;
                break;
            }
        }

        if (toReclaim is null)
        {
            return new EvictionDecision { NoVictimReason = "no met threshold has a reclaimable resource" };
        }

        string resource = EvictionSignals.ResourceFor(toReclaim.Signal)!;
        var ranking = PodRanking.For(toReclaim.Signal, cycle.Layout, profile)!;
        if (cycle.Pods.Count == 0)
        {
            return new EvictionDecision { Signal = toReclaim.Signal, Resource = resource, NoVictimReason = "thresholds are met, but no pods are active to evict" };
        }

        var ranked = ranking.Rank([.. cycle.Pods]);
        var skipped = new List<string>();
        var rules = new List<string> { EvictionRules.ThresholdOrder, ranking.Rule, EvictionRules.EffectiveRequest, EvictionRules.StableTies };
        RuleCoverage.Hit(EvictionRules.ThresholdOrder, sorted.Count > 1 ? "several thresholds met" : "one threshold met");
        RuleCoverage.Hit(ranking.Rule);
        RuleCoverage.Hit(EvictionRules.EffectiveRequest);
        RuleCoverage.Hit(EvictionRules.StableTies);
        for (int i = 0; i < ranked.Count; i++)
        {
            var candidate = ranked[i];
            if (CriticalPods.IsCriticalPod(candidate.Pod))
            {
                RuleCoverage.Hit(EvictionRules.CriticalNeverEvicted, "a critical pod is passed over");
                skipped.Add(candidate.Pod.Metadata.Name);
                continue;
            }

            if (skipped.Count > 0)
            {
                rules.Add(EvictionRules.CriticalNeverEvicted);
            }

            rules.Add(EvictionRules.OnePerCycle);
            rules.Add(EvictionRules.EvictionMessage);
            rules.Add(EvictionRules.EvictedStatus);
            RuleCoverage.Hit(EvictionRules.OnePerCycle);
            RuleCoverage.Hit(EvictionRules.EvictionMessage);
            RuleCoverage.Hit(EvictionRules.EvictedStatus);
            var why = new List<RankDecision>();
            for (int j = i + 1; j < ranked.Count; j++)
            {
                var other = ranked[j];
                ranking.Compare(candidate.Facts, other.Facts, out var step);
                if (ranking.Rule == EvictionRules.MemoryRanking)
                {
                    RuleCoverage.Hit(EvictionRules.MemoryRanking, step switch
                    {
                        RankStep.ExceedsRequest => "decided by exceeding the request",
                        RankStep.Priority => "decided by priority",
                        RankStep.Usage => "decided by usage above the request",
                        _ => "a tie: input order",
                    });
                }

                if (!candidate.Facts.HasStats && other.Facts.HasStats && step != RankStep.Priority)
                {
                    RuleCoverage.Hit(EvictionRules.NoStatsFirst);
                }
                why.Add(new RankDecision(candidate.Pod.Metadata.Name, other.Pod.Metadata.Name, step, PodRanking.Describe(step, candidate.Facts, other.Facts)));
            }

            string message = EvictionMessage.Build(resource, candidate.Pod, candidate.Candidate.Usage, sorted, cycle.Observations, profile);
            return new EvictionDecision
            {
                Victim = candidate.Pod,
                Signal = toReclaim.Signal,
                Resource = resource,
                Ranking = ranked,
                SkippedCritical = new ValueList<string>(skipped),
                Why = new ValueList<RankDecision>(why),
                Message = message,
                EvictedStatus = EvictedStatus(candidate.Pod, message),
                Rules = new ValueList<string>(rules),
            };
        }

        RuleCoverage.Hit(EvictionRules.CriticalNeverEvicted, "every pod is critical: none evicted");
        rules.Add(EvictionRules.CriticalNeverEvicted);
        return new EvictionDecision
        {
            Signal = toReclaim.Signal,
            Resource = resource,
            Ranking = ranked,
            SkippedCritical = new ValueList<string>(skipped),
            Rules = new ValueList<string>(rules),
            NoVictimReason = "every active pod is critical; the kubelet cannot evict any",
        };
    }

    /// <summary>
    /// The status TerminatePodAbnormallyAndWait leaves: phase Failed, reason Evicted, the message, and the
    /// DisruptionTarget condition (PodDisruptionConditions, on by default in every release covered).
    /// </summary>
    public static PodStatus EvictedStatus(Pod pod, string message)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var previous = pod.Status ?? new PodStatus();
        var conditions = new List<PodCondition>();
        foreach (var c in previous.Conditions)
        {
            if (c.Type != DisruptionTarget)
            {
                conditions.Add(c);
            }
        }

        conditions.Add(new PodCondition { Type = DisruptionTarget, Status = "True", Reason = TerminationByKubelet, Message = message });
        return previous with { Phase = "Failed", Reason = EvictionMessage.Reason, Message = message, Conditions = new ValueList<PodCondition>(conditions) };
    }
}
