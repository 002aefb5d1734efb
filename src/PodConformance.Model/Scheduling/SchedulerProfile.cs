using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Scheduling;

/// <summary>
/// The plugins a scheduling cycle runs: the default profile's unless a caller (a what-if, the mutation self-check)
/// swaps one. Each member is the real rule by default.
/// </summary>
public sealed record SchedulerProfile
{
    public static SchedulerProfile Default { get; } = new();

    /// <summary>PreEnqueue (SCHED-011): a non-null status keeps the pod out of the queue.</summary>
    public Func<PodSpec, FilterStatus?> PreEnqueue { get; init; } = SchedulingGatesPlugin.PreEnqueue;

    /// <summary>The Filter plugins in order (SCHED-001).</summary>
    public ValueList<IFilterPlugin> Filters { get; init; } = DefaultFilters.All;
}
