using PodConformance.Model.Api;

namespace PodConformance.Model.Warnings;

/// <summary>Topology spread constraints (warnings.go): a deprecated node label as topologyKey (WARN-013), no labelSelector (WARN-014).</summary>
public static partial class PodWarnings
{
    /// <summary>Per constraint, the key first, then the selector; a missing selector matches no pod, so the constraint spreads nothing.</summary>
    private static void TopologySpreadConstraints(PodSpec spec, ref List<PodWarning>? warnings)
    {
        var constraints = spec.TopologySpreadConstraints.AsSpan();
        for (int i = 0; i < constraints.Length; i++)
        {
            var t = constraints[i];
            if (NodeLabelDeprecatedMessage(t.TopologyKey) is { } msg)
            {
                Add(ref warnings, DeprecatedTopologyKey, "spec.topologySpreadConstraints[" + Invariant(i) + "].topologyKey: " + t.TopologyKey + " is " + msg);
            }

            if (t.LabelSelector is null)
            {
                Add(ref warnings, NullTopologySpreadSelector, "spec.topologySpreadConstraints[" + Invariant(i) + "].labelSelector: a null labelSelector results in matching no pod");
            }
        }
    }
}
