using PodConformance.Model.Api;

namespace PodConformance.Model.Scheduling;

/// <summary>
/// NodeAffinity (SCHED-004, SCHED-015): the pod's nodeSelector and required node affinity must accept the node
/// (<see cref="RequiredNodeAffinity"/>), else <see cref="ErrReasonPod"/>. PreFilter skips a pod with neither; it
/// narrows the nodes to those named by <c>matchFields metadata.name In</c> when every term names some (terms ORed,
/// requirements of a term intersected), and rejects the pod outright when that leaves none
/// (<see cref="ErrReasonConflict"/>). Scheduler-configured added affinity (NodeAffinityArgs) is not modelled.
/// </summary>
public sealed class NodeAffinityPlugin : IFilterPlugin
{
    public const string PluginName = "NodeAffinity";
    public const string ErrReasonPod = "node(s) didn't match Pod's node affinity/selector";
    public const string ErrReasonConflict = "pod affinity terms conflict";

    public static NodeAffinityPlugin Instance { get; } = new();

    public string Name => PluginName;

    public string Rule => SchedulingRules.NodeSelector;

    public FilterStatus? PreFilter(SchedulingPod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        // Upstream tests pod.Spec.NodeSelector == nil; the model does not tell an empty map from an absent one (both match every node).
        if (RequiredNodeAffinity.Required(pod.Spec) is null && pod.Spec.NodeSelector.IsEmpty)
        {
            return FilterStatus.Skip(PluginName);
        }

        return NodeNames(pod.Spec) is { Count: 0 } ? FilterStatus.Unresolvable(PluginName, ErrReasonConflict) : null;
    }

    /// <summary>The PreFilterResult: null for all nodes, and null with the conflict (PreFilter rejects then, with no result).</summary>
    public IReadOnlyCollection<string>? PreFilterNodeNames(SchedulingPod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return NodeNames(pod.Spec) is { Count: > 0 } names ? names : null;
    }

    public FilterStatus? Filter(SchedulingPod pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        return RequiredNodeAffinity.Match(pod.Spec, node.Node) ? null : FilterStatus.Unresolvable(PluginName, ErrReasonPod);
    }

    /// <summary>
    /// The PreFilterResult's node names: null (all nodes) unless every term has a <c>metadata.name In</c> requirement;
    /// then the union over terms of each term's intersection. An empty set means the terms conflict.
    /// </summary>
    public static IReadOnlyCollection<string>? NodeNames(PodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (RequiredNodeAffinity.Required(spec) is not { } required || required.NodeSelectorTerms.IsEmpty)
        {
            return null;
        }

        HashSet<string>? names = null;
        foreach (var term in required.NodeSelectorTerms)
        {
            HashSet<string>? termNames = null;
            foreach (var r in term.MatchFields)
            {
                if (r.Key == RequiredNodeAffinity.ObjectNameField && r.Operator == "In")
                {
                    var values = new HashSet<string>(r.Values, StringComparer.Ordinal);
                    if (termNames is null)
                    {
                        termNames = values;
                    }
                    else
                    {
                        termNames.IntersectWith(values);
                    }
                }
            }

            if (termNames is null)
            {
                return null;
            }

            names ??= new HashSet<string>(StringComparer.Ordinal);
            names.UnionWith(termNames);
        }

        return names;
    }
}
