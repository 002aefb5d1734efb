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

    private readonly Dictionary<(string Key, string Value), int> _counts = [];
    private readonly Dictionary<string, (int Min, int Domains)> _byKey = new(StringComparer.Ordinal);
    private bool _minDomains;

    public IReadOnlyList<SpreadConstraint> Constraints { get; private init; } = [];

    public int Count(string key, string value) => _counts.TryGetValue((key, value), out int n) ? n : 0;

    /// <summary>The global minimum for the constraint's key, 0 when there are fewer eligible domains than minDomains; false when no domain is eligible.</summary>
    public bool TryMinMatch(SpreadConstraint c, out int min)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (!_byKey.TryGetValue(c.TopologyKey, out var k))
        {
            min = 0;
            return false;
        }

        min = _minDomains && k.Domains < c.MinDomains ? 0 : k.Min;
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
        var perNode = new Dictionary<(string, string), int>();
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

            perNode.Clear();
            foreach (var c in constraints)
            {
                if (inclusion && !PassesInclusion(c, spec, node))
                {
                    continue;
                }

                // Upstream keys a node's counts by pair, so a later constraint on the same key replaces an earlier one's count.
                perNode[(c.TopologyKey, node.Labels[c.TopologyKey])] = CountMatching(info, c.Selector, pod.Pod.Metadata.Namespace);
            }

            foreach (var (pair, n) in perNode)
            {
                state._counts[pair] = state._counts.TryGetValue(pair, out int sum) ? sum + n : n;
            }
        }

        foreach (var ((key, _), n) in state._counts)
        {
            state._byKey[key] = state._byKey.TryGetValue(key, out var k) ? (Math.Min(k.Min, n), k.Domains + 1) : (n, 1);
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
