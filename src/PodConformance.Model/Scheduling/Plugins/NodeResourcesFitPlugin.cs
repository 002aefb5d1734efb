using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Scheduling;

/// <summary>
/// NodeResourcesFit (SCHED-005): too many pods, then each requested resource against allocatable − requested. A
/// node may give several reasons; from 1.34 the status is UnschedulableAndUnresolvable when some request exceeds
/// allocatable alone (preemption cannot free enough), else Unschedulable; 1.28–1.33 have no such field and answer
/// Unschedulable always (fit.go's InsufficientResource.Unresolvable: absent at v1.33.12, present at v1.34.8).
/// </summary>
public sealed class NodeResourcesFitPlugin : IFilterPlugin
{
    public const string PluginName = "NodeResourcesFit";
    public const string TooManyPodsReason = "Too many pods";

    public static NodeResourcesFitPlugin Instance { get; } = new();

    /// <summary>The first release whose fitsRequest marks a request above allocatable Unresolvable (SCHED-005).</summary>
    public static KubernetesVersion UnresolvableSince { get; } = new(1, 34);

    public string Name => PluginName;

    public string Rule => SchedulingRules.ResourcesFit;

    public FilterStatus? PreFilter(SchedulingPod pod) => null;

    public FilterStatus? Filter(SchedulingPod pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        var request = pod.Request;
        var used = node.Requested;
        var allocatable = SchedulerResources.FromList(node.Node.EffectiveAllocatable);
        List<string>? reasons = null;
        bool unresolvable = false;
        long allowedPods = node.Node.EffectiveAllocatable.TryGetValue(ResourceNames.Pods, out var pods) ? pods.Value() : 0;
        if (node.Pods.Count + 1 > allowedPods)
        {
            (reasons ??= []).Add(TooManyPodsReason);
        }

        if (!request.IsZero)
        {
            Check(request.MilliCpu, allocatable.MilliCpu, used.MilliCpu, "Insufficient cpu", ref reasons, ref unresolvable);
            Check(request.Memory, allocatable.Memory, used.Memory, "Insufficient memory", ref reasons, ref unresolvable);
            Check(request.EphemeralStorage, allocatable.EphemeralStorage, used.EphemeralStorage, "Insufficient ephemeral-storage", ref reasons, ref unresolvable);
            foreach (var (name, amount) in request.Scalars)
            {
                allocatable.Scalars.TryGetValue(name, out long alloc);
                used.Scalars.TryGetValue(name, out long inUse);
                Check(amount, alloc, inUse, "Insufficient " + name, ref reasons, ref unresolvable);
            }
        }

        if (reasons is null)
        {
            return null;
        }

        unresolvable &= pod.Profile.Version >= UnresolvableSince;
        return new FilterStatus(unresolvable ? FilterCode.UnschedulableAndUnresolvable : FilterCode.Unschedulable, PluginName, reasons.ToValueList());
    }

    /// <summary>fitsRequest: a positive request that exceeds allocatable − requested; unresolvable when it exceeds allocatable alone.</summary>
    private static void Check(long request, long allocatable, long used, string reason, ref List<string>? reasons, ref bool unresolvable)
    {
        if (request > 0 && request > allocatable - used)
        {
            (reasons ??= []).Add(reason);
            unresolvable |= request > allocatable;
        }
    }
}
