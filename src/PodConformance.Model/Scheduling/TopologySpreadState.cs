using PodConformance.Model.Api;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Scheduling;

/// <summary>One DoNotSchedule constraint as the plugin reads it (defaults: minDomains 1, nodeAffinityPolicy Honor, nodeTaintsPolicy Ignore).</summary>
public sealed record SpreadConstraint(int MaxSkew, string TopologyKey, SpreadSelector Selector, int MinDomains, string NodeAffinityPolicy, string NodeTaintsPolicy);

/// <summary>
/// PodTopologySpread's PreFilter state (SCHED-017): the pod's DoNotSchedule constraints and, per (topologyKey, value),
/// the number of pods matching the constraint's selector in the pod's namespace (terminating pods not counted) on the
/// eligible nodes. A node is eligible when it carries every constraint's topology key and passes the constraint's node
/// inclusion policies: nodeAffinityPolicy Honor → the pod's nodeSelector/required affinity accept it; nodeTaintsPolicy
/// Honor → no untolerated NoSchedule/NoExecute taint. Without NodeInclusionPolicyInPodTopologySpread the affinity
/// check applies to every constraint and the policies are ignored; without MatchLabelKeysInPodTopologySpread
/// matchLabelKeys are ignored; without MinDomainsInPodTopologySpread minDomains is.
/// </summary>
public sealed class TopologySpreadState
{
    /// <summary>Not in <see cref="FeatureGateNames"/>: the gate is gone from the newest release (spec/profiles.md).</summary>
    private const string MinDomainsInPodTopologySpread = nameof(MinDomainsInPodTopologySpread);

    /// <summary>Per constraint (by index, as upstream's TpValueToMatchNum): topology value → matching pods.</summary>
    private Dictionary<string, int>[] _counts = [];
    private bool _minDomains;

    public IReadOnlyList<SpreadConstraint> Constraints { get; private init; } = [];

    /// <summary>The pods matching constraint <paramref name="index"/> in the domain <paramref name="value"/> of its key.</summary>
    public int Count(int index, string value) => _counts[index].TryGetValue(value, out int n) ? n : 0;

    /// <summary>
    /// The global minimum of constraint <paramref name="index"/> over its eligible domains, 0 when it has fewer eligible
    /// domains than minDomains; false when it has no eligible domain. Each constraint keeps its own counts, so two
    /// constraints on one key with different selectors do not share them (filtering_test.go TestMultipleConstraints
    /// "two Constraints on zone").
    /// </summary>
    public bool TryMinMatch(int index, out int min)
    {
        var counts = _counts[index];
        if (counts.Count == 0)
        {
            min = 0;
            return false;
        }

        min = int.MaxValue;
        foreach (int n in counts.Values)
        {
            min = Math.Min(min, n);
        }

        if (_minDomains && counts.Count < Constraints[index].MinDomains)
        {
            min = 0;
        }

        return true;
    }

    public static TopologySpreadState Compute(SchedulingPod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var profile = pod.Profile;
        bool inclusion = PodTopologySpreadPlugin.OnOrGraduated(profile, FeatureGateNames.NodeInclusionPolicyInPodTopologySpread);
        bool labelKeys = PodTopologySpreadPlugin.OnOrGraduated(profile, FeatureGateNames.MatchLabelKeysInPodTopologySpread);
        var constraints = ConstraintsOf(pod.Pod, inclusion, labelKeys);
        var state = new TopologySpreadState { Constraints = constraints, _minDomains = PodTopologySpreadPlugin.OnOrGraduated(profile, MinDomainsInPodTopologySpread) };
        if (constraints.Count == 0)
        {
            return state;
        }

        var spec = pod.Spec;
        state._counts = new Dictionary<string, int>[constraints.Count];
        for (int i = 0; i < constraints.Count; i++)
        {
            state._counts[i] = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        foreach (var info in pod.AllNodes)
        {
            var node = info.Node;
            if (!inclusion && !RequiredNodeAffinity.Match(spec, node))
            {
                continue;
            }

            if (!HasAllKeys(node, constraints))
            {
                continue;
            }

            for (int i = 0; i < constraints.Count; i++)
            {
                var c = constraints[i];
                if (inclusion && !PassesInclusion(c, spec, node))
                {
                    continue;
                }

                var counts = state._counts[i];
                string value = node.Labels[c.TopologyKey];
                int n = CountMatching(info, c.Selector, pod.Pod.Metadata.Namespace);
                counts[value] = counts.TryGetValue(value, out int sum) ? sum + n : n;
            }
        }

        return state;
    }

    private static List<SpreadConstraint> ConstraintsOf(Pod pod, bool inclusion, bool labelKeys)
    {
        var list = new List<SpreadConstraint>(pod.Spec.TopologySpreadConstraints.Count);
        foreach (var c in pod.Spec.TopologySpreadConstraints)
        {
            if (!string.Equals(c.WhenUnsatisfiable, "DoNotSchedule", StringComparison.Ordinal))
            {
                continue;
            }

            var selector = SpreadSelector.From(c.LabelSelector);
            if (labelKeys && !c.MatchLabelKeys.IsEmpty)
            {
                var values = new List<(string, string)>(c.MatchLabelKeys.Count);
                foreach (var key in c.MatchLabelKeys)
                {
                    if (pod.Metadata.Labels.TryGetValue(key, out var v))
                    {
                        values.Add((key, v));
                    }
                }

                selector = selector.WithLabels(values);
            }

            list.Add(new SpreadConstraint(
                c.MaxSkew,
                c.TopologyKey,
                selector,
                c.MinDomains ?? 1,
                inclusion ? c.NodeAffinityPolicy ?? "Honor" : "Honor",
                inclusion ? c.NodeTaintsPolicy ?? "Ignore" : "Ignore"));
        }

        return list;
    }

    private static bool HasAllKeys(Node node, List<SpreadConstraint> constraints)
    {
        foreach (var c in constraints)
        {
            if (!node.Labels.ContainsKey(c.TopologyKey))
            {
                return false;
            }
        }

        return true;
    }

    private static bool PassesInclusion(SpreadConstraint c, PodSpec spec, Node node) =>
        (c.NodeAffinityPolicy != "Honor" || RequiredNodeAffinity.Match(spec, node))
        && (c.NodeTaintsPolicy != "Honor" || Tolerations.FirstUntolerated(spec, node) is null);

    private static int CountMatching(NodeInfo info, SpreadSelector selector, string ns)
    {
        if (selector.IsEmpty)
        {
            return 0;
        }

        int n = 0;
        foreach (var p in info.Pods)
        {
            if (p.Metadata.DeletionTimestamp is null && string.Equals(p.Metadata.Namespace, ns, StringComparison.Ordinal) && selector.Matches(p.Metadata.Labels))
            {
                n++;
            }
        }

        return n;
    }
}
