using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Eviction;

/// <summary>
/// thresholdsMet, nodeConditions and byEvictionPriority (pkg/kubelet/eviction/helpers.go): when a threshold
/// fires, which node conditions that raises, and which met threshold the kubelet reclaims first.
/// </summary>
public static class ThresholdEvaluation
{
    /// <summary>
    /// A threshold is met when its quantity (percentages taken of capacity, plus the min-reclaim when
    /// <paramref name="enforceMinReclaim"/>) is strictly greater than what is available.
    /// </summary>
    public static bool IsMet(Threshold threshold, SignalObservation observed, bool enforceMinReclaim = false)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        var quantity = threshold.Value.Resolve(observed.Capacity);
        if (enforceMinReclaim && threshold.MinReclaim is { } reclaim)
        {
            quantity = quantity.Add(reclaim.Resolve(observed.Capacity));
        }

        return quantity.CompareTo(observed.Available) > 0;
    }

    /// <summary>The met thresholds in input order; a threshold with no observation for its signal is skipped.</summary>
    public static ValueList<Threshold> ThresholdsMet(IEnumerable<Threshold> thresholds, IReadOnlyDictionary<string, SignalObservation> observations, bool enforceMinReclaim = false)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(observations);
        var met = new List<Threshold>();
        foreach (var t in thresholds)
        {
            if (observations.TryGetValue(t.Signal, out var observed))
            {
                bool isMet = IsMet(t, observed, enforceMinReclaim);
                RuleCoverage.Hit(EvictionRules.ThresholdMet, isMet ? "met" : "not met");
                if (isMet)
                {
                    met.Add(t);
                }
            }
        }

        return new ValueList<Threshold>(met);
    }

    /// <summary>nodeConditions: the distinct pressure conditions of the thresholds, in first-seen order.</summary>
    public static ValueList<string> NodeConditions(IEnumerable<Threshold> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var result = new List<string>(3);
        foreach (var t in thresholds)
        {
            if (EvictionSignals.ConditionFor(t.Signal) is { } condition && !result.Contains(condition))
            {
                result.Add(condition);
            }
        }

        return new ValueList<string>(result);
    }

    /// <summary>
    /// byEvictionPriority: memory signals first, signals with no reclaimable resource last, the rest in input
    /// order. Go's Less is not a strict weak order and sort.Sort is unstable; the model uses the stable order
    /// those three groups describe.
    /// </summary>
    public static ValueList<Threshold> SortByEvictionPriority(IReadOnlyList<Threshold> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var result = new List<Threshold>(thresholds.Count);
        for (int group = 0; group < 3; group++)
        {
            foreach (var t in thresholds)
            {
                int g = EvictionSignals.IsMemory(t.Signal) ? 0 : EvictionSignals.ResourceFor(t.Signal) is null ? 2 : 1;
                if (g == group)
                {
                    result.Add(t);
                }
            }
        }

        return new ValueList<Threshold>(result);
    }

    /// <summary>getThresholdMetInfo: the first threshold reclaiming <paramref name="resource"/> that has an observation.</summary>
    public static bool TryGetThresholdMetInfo(string resource, IEnumerable<Threshold> thresholds, IReadOnlyDictionary<string, SignalObservation> observations, out Quantity quantity, out Quantity available)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(observations);
        foreach (var t in thresholds)
        {
            if (EvictionSignals.ResourceFor(t.Signal) == resource && observations.TryGetValue(t.Signal, out var observed))
            {
                quantity = t.Value.Resolve(observed.Capacity);
                available = observed.Available;
                return true;
            }
        }

        quantity = default;
        available = default;
        return false;
    }
}
