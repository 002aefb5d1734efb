using System.Text;
using PodConformance.Model.Api;
using PodConformance.Model.Coverage;

namespace PodConformance.Model.Scheduling;

/// <summary>
/// SchedulingGates (SCHED-011): a PreEnqueue plugin. A pod with any spec.schedulingGates never enters the active
/// queue, so no scheduling cycle runs for it: no FailedScheduling event, no condition update by the scheduler. The
/// API server marks such a pod at create (SCHED-012, <see cref="GatedCondition"/>).
/// </summary>
public static class SchedulingGatesPlugin
{
    public const string PluginName = "SchedulingGates";

    /// <summary>apiv1.PodReasonSchedulingGated.</summary>
    public const string SchedulingGatedReason = "SchedulingGated";

    /// <summary>The message applySchedulingGatedCondition writes (pkg/registry/core/pod/strategy.go).</summary>
    public const string SchedulingGatedMessage = "Scheduling is blocked due to non-empty scheduling gates";

    /// <summary>PreEnqueue: null when the pod has no gates, else UnschedulableAndUnresolvable <c>waiting for scheduling gates: [a b]</c>.</summary>
    public static FilterStatus? PreEnqueue(PodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.SchedulingGates.IsEmpty)
        {
            return null;
        }

        // fmt's %v of a []string: the names separated by one space, in brackets.
        var sb = new StringBuilder("waiting for scheduling gates: [");
        for (int i = 0; i < spec.SchedulingGates.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(spec.SchedulingGates[i].Name);
        }

        return FilterStatus.Unresolvable(PluginName, sb.Append(']').ToString());
    }

    /// <summary>
    /// PrepareForCreate's applySchedulingGatedCondition: a new pod with gates and no PodScheduled condition gets
    /// <c>PodScheduled=False</c>, reason SchedulingGated, with <see cref="SchedulingGatedMessage"/> (podutil.UpdatePodCondition stamps the transition time).
    /// </summary>
    public static PodCondition? GatedCondition(Pod pod, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (pod.Spec.SchedulingGates.IsEmpty)
        {
            return null;
        }

        if (pod.Status is { } status)
        {
            foreach (var c in status.Conditions)
            {
                if (c.Type == "PodScheduled")
                {
                    return null;
                }
            }
        }

        RuleCoverage.Hit(SchedulingRules.GatedCondition);
        return new PodCondition
        {
            Type = "PodScheduled",
            Status = "False",
            Reason = SchedulingGatedReason,
            Message = SchedulingGatedMessage,
            LastTransitionTime = now,
        };
    }
}
