using PodConformance.Model.Collections;
using PodConformance.Model.Eviction;

namespace PodConformance.Model.Simulation;

/// <summary>What a node-pressure run produced: every cycle that saw a met threshold, the evictions in order, and the events.</summary>
public sealed record NodePressureResult
{
    public ValueList<NodePressureCycle> Cycles { get; init; }

    public ValueList<NodeEviction> Evictions { get; init; }

    public ValueList<NodeEvent> Events { get; init; }

    /// <summary>Critical pods a cycle passed over (EVICT-007), by name, in first-skipped order.</summary>
    public ValueList<string> NeverEvicted { get; init; }

    /// <summary>The evicted pods' names, first evicted first.</summary>
    public ValueList<string> Order
    {
        get
        {
            var names = new string[Evictions.Count];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = Evictions[i].Pod;
            }

            return [.. names];
        }
    }
}

/// <summary>
/// One monitoring cycle with a met threshold: the observations, what the manager decided, and for each pod of the
/// ranking the comparator step that put it ahead of the next one (<see cref="Adjacent"/>, one fewer than the ranking).
/// </summary>
public sealed record NodePressureCycle(
    TimeSpan At,
    ValueList<Threshold> Met,
    ValueMap<SignalObservation> Observations,
    EvictionDecision Decision,
    ValueList<RankDecision> Adjacent);

/// <summary>An eviction: when, which pod, and the decision (ranking, why, message, status) that took it.</summary>
public sealed record NodeEviction(TimeSpan At, string Pod, EvictionDecision Decision);

/// <summary>An event as <c>kubectl get events</c> lists it: the object (<c>node/…</c>, <c>pod/…</c>), type, reason, message.</summary>
public sealed record NodeEvent(TimeSpan At, string Object, string Type, string Reason, string Message);
