using PodConformance.Model.Collections;

namespace PodConformance.Model.Scheduling;

/// <summary>
/// The Filter plugins of the default profile that the model implements, in the profile's order (SCHED-001):
/// SchedulingGates (PreEnqueue, not a filter), NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts,
/// NodeResourcesFit, then the volume plugins (not modelled, so not checked), PodTopologySpread, and InterPodAffinity
/// (not modelled), and NodeDeclaredFeatures, which applyFeatureGates appends to the profile after every default plugin
/// when its gate is on (its PreFilter skips every pod while the gate is off, SCHED-018).
/// </summary>
public static class DefaultFilters
{
    public static ValueList<IFilterPlugin> All { get; } = ValueList.Of<IFilterPlugin>(
        NodeUnschedulablePlugin.Instance,
        NodeNamePlugin.Instance,
        TaintTolerationPlugin.Instance,
        NodeAffinityPlugin.Instance,
        NodePortsPlugin.Instance,
        NodeResourcesFitPlugin.Instance,
        PodTopologySpreadPlugin.Instance,
        NodeDeclaredFeaturesPlugin.Instance);

    public static IFilterPlugin? Find(string name)
    {
        foreach (var p in All)
        {
            if (string.Equals(p.Name, name, StringComparison.Ordinal))
            {
                return p;
            }
        }

        return null;
    }
}
