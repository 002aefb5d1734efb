using PodConformance.Model.Profiles;

namespace PodConformance.Model.Scheduling;

/// <summary>
/// PodTopologySpread's Filter (SCHED-017): for each <c>DoNotSchedule</c> constraint the node must carry the topology
/// key (else <see cref="ErrReasonNodeLabelNotMatch"/>, unresolvable), and the pods matching the constraint's selector in
/// the node's domain, plus one when the pod matches its own selector, minus the global minimum over the eligible
/// domains (0 when fewer domains than minDomains), must not exceed maxSkew (else
/// <see cref="ErrReasonConstraintsNotMatch"/>, Unschedulable: preemption may help). The counts are
/// <see cref="TopologySpreadState"/>, computed once per pod in PreFilter over all nodes. ScheduleAnyway constraints
/// and the scheduler's default constraints (ScheduleAnyway only) are scoring, not filtering.
/// </summary>
public sealed class PodTopologySpreadPlugin : IFilterPlugin
{
    public const string PluginName = "PodTopologySpread";
    public const string ErrReasonConstraintsNotMatch = "node(s) didn't match pod topology spread constraints";
    public const string ErrReasonNodeLabelNotMatch = ErrReasonConstraintsNotMatch + " (missing required label)";

    public static PodTopologySpreadPlugin Instance { get; } = new();

    public string Name => PluginName;

    public string Rule => SchedulingRules.TopologySpread;

    /// <summary>Computes the counts; a pod without DoNotSchedule constraints is skipped (upstream keeps an empty state that passes every node: the same outcome).</summary>
    public FilterStatus? PreFilter(SchedulingPod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var state = TopologySpreadState.Compute(pod);
        pod.Spread = state;
        return state.Constraints.Count == 0 ? FilterStatus.Skip(PluginName) : null;
    }

    public FilterStatus? Filter(SchedulingPod pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        var state = pod.Spread ??= TopologySpreadState.Compute(pod);
        for (int i = 0; i < state.Constraints.Count; i++)
        {
            var c = state.Constraints[i];
            if (!node.Node.Labels.TryGetValue(c.TopologyKey, out var value))
            {
                return FilterStatus.Unresolvable(PluginName, ErrReasonNodeLabelNotMatch);
            }

            if (!state.TryMinMatch(i, out int min))
            {
                // No eligible domain for the key: upstream finds no domain count and passes the constraint.
                continue;
            }

            int self = c.Selector.Matches(pod.Pod.Metadata.Labels) ? 1 : 0;
            long skew = (long)state.Count(i, value!) + self - min;
            if (skew > c.MaxSkew)
            {
                return FilterStatus.Unschedulable(PluginName, ErrReasonConstraintsNotMatch);
            }
        }

        return null;
    }

    /// <summary>A gate that is on, or that was removed after graduating (its feature stayed, locked on).</summary>
    internal static bool OnOrGraduated(Profile profile, string gate)
    {
        if (profile.IsEnabled(gate))
        {
            return true;
        }

        return !profile.Overrides.ContainsKey(gate) && FeatureGateCatalog.Find(gate) is { AbsentFrom: { } gone } && profile.Version >= gone;
    }
}
