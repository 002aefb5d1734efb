using PodConformance.Model.Api;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Model.Warnings;

/// <summary>
/// Deprecated node labels in nodeSelector and node affinity (WARN-010, 011), and from 1.33 label values a preferred
/// node-affinity term could never match (WARN-012): kubernetes pkg/api/node/util.go (<c>deprecatedNodeLabels</c>,
/// <c>GetWarningsForNodeSelectorTerm</c>) as warnings.go calls it.
/// </summary>
public static partial class PodWarnings
{
    /// <summary>GetWarningsForNodeSelectorTerm gained its <c>checkLabelValue</c> argument (true for preferred terms) in 1.33.</summary>
    private static readonly KubernetesVersion PreferredValueCheckSince = new(1, 33);

    /// <summary>
    /// <c>deprecatedNodeLabels</c> (identical in the 1.32, 1.33 and 1.34 copies): the message for a deprecated node
    /// label key, null for any other key.
    /// </summary>
    internal static string? NodeLabelDeprecatedMessage(string key) => key switch
    {
        "beta.kubernetes.io/arch" => "deprecated since v1.14; use \"kubernetes.io/arch\" instead",
        "beta.kubernetes.io/os" => "deprecated since v1.14; use \"kubernetes.io/os\" instead",
        "failure-domain.beta.kubernetes.io/region" => "deprecated since v1.17; use \"topology.kubernetes.io/region\" instead",
        "failure-domain.beta.kubernetes.io/zone" => "deprecated since v1.17; use \"topology.kubernetes.io/zone\" instead",
        "beta.kubernetes.io/instance-type" => "deprecated since v1.17; use \"node.kubernetes.io/instance-type\" instead",
        "app.kubernetes.io/created-by" => "deprecated since v1.9",
        "scheduler.alpha.kubernetes.io/preferAvoidPods" => "deprecated since v1.22; use Taints and Tolerations instead",
        "node-role.kubernetes.io/master" => "use \"node-role.kubernetes.io/control-plane\" instead",
        _ => null,
    };

    /// <summary>
    /// WARN-010. Go ranges over the nodeSelector map, so several deprecated keys come in random order upstream; the
    /// model's map is sorted and it reports them in key order (one of the orders a server can produce).
    /// </summary>
    private static void DeprecatedNodeSelectorLabels(PodSpec spec, ref List<PodWarning>? warnings)
    {
        foreach (var entry in spec.NodeSelector)
        {
            if (NodeLabelDeprecatedMessage(entry.Key) is { } msg)
            {
                Add(ref warnings, DeprecatedNodeSelectorLabel, "spec.nodeSelector[" + entry.Key + "]: " + msg);
            }
        }
    }

    /// <summary>WARN-011/012: the required terms, then the preferred ones (only these check their values, from 1.33).</summary>
    private static void NodeAffinityTerms(PodSpec spec, Profile profile, ref List<PodWarning>? warnings)
    {
        if (spec.Affinity?.NodeAffinity is not { } n)
        {
            return;
        }

        if (n.RequiredDuringSchedulingIgnoredDuringExecution is { } required)
        {
            var terms = required.NodeSelectorTerms.AsSpan();
            for (int i = 0; i < terms.Length; i++)
            {
                NodeSelectorTerm(terms[i], checkValues: false, "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[", i, "]", ref warnings);
            }
        }

        bool checkValues = profile.Version >= PreferredValueCheckSince;
        var preferred = n.PreferredDuringSchedulingIgnoredDuringExecution.AsSpan();
        for (int i = 0; i < preferred.Length; i++)
        {
            NodeSelectorTerm(preferred[i].Preference, checkValues, "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[", i, "].preference", ref warnings);
        }
    }

    private static void NodeSelectorTerm(NodeSelectorTerm term, bool checkValues, string head, int index, string tail, ref List<PodWarning>? warnings)
    {
        var expressions = term.MatchExpressions.AsSpan();
        for (int i = 0; i < expressions.Length; i++)
        {
            var e = expressions[i];
            if (NodeLabelDeprecatedMessage(e.Key) is { } msg)
            {
                Add(ref warnings, DeprecatedNodeAffinityKey, head + Invariant(index) + tail + ".matchExpressions[" + Invariant(i) + "].key: " + e.Key + " is " + msg);
            }

            if (!checkValues)
            {
                continue;
            }

            var values = e.Values.AsSpan();
            for (int j = 0; j < values.Length; j++)
            {
                // IsValidLabelValue returns a shared empty array for a valid value.
                foreach (string problem in NameRules.LabelValue(values[j]))
                {
                    Add(ref warnings, InvalidPreferredNodeAffinityValue,
                        head + Invariant(index) + tail + ".matchExpressions[" + Invariant(i) + "].values[" + Invariant(j) + "]: " + values[j] + " is invalid, " + problem);
                }
            }
        }
    }
}
