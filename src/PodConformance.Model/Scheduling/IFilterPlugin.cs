namespace PodConformance.Model.Scheduling;

/// <summary>
/// A Filter plugin of the default profile with its PreFilter (framework.PreFilterPlugin + FilterPlugin). PreFilter
/// runs once per pod; a Skip there means Filter is never called for that pod. Filter runs per node and returns null
/// when the node passes. Plugins are stateless singletons; per-pod state lives in <see cref="SchedulingPod"/>.
/// </summary>
public interface IFilterPlugin
{
    string Name { get; }

    /// <summary>The spec rule ID the plugin implements.</summary>
    string Rule { get; }

    FilterStatus? PreFilter(SchedulingPod pod);

    FilterStatus? Filter(SchedulingPod pod, NodeInfo node);

    /// <summary>The PreFilterResult's node names: the only nodes worth trying, or null for all (only NodeAffinity narrows, SCHED-015).</summary>
    IReadOnlyCollection<string>? PreFilterNodeNames(SchedulingPod pod) => null;
}

/// <summary>What the PreFilter phase leaves: the filters to run, the nodes to try (null: all) with the plugins that narrowed them, or the status that rejected the pod.</summary>
public sealed record PreFilterOutcome(IReadOnlyList<IFilterPlugin> Active, IReadOnlySet<string>? NodeNames, IReadOnlyList<string> NarrowingPlugins, FilterStatus? Rejection);
