using PodConformance.Model.Api;

namespace PodConformance.Model.Scheduling;

/// <summary>TaintToleration (SCHED-003): the first untolerated NoSchedule or NoExecute taint, in node order, rejects.</summary>
public sealed class TaintTolerationPlugin : IFilterPlugin
{
    public const string PluginName = "TaintToleration";

    public static TaintTolerationPlugin Instance { get; } = new();

    public string Name => PluginName;

    public string Rule => SchedulingRules.Taints;

    public FilterStatus? PreFilter(SchedulingPod pod) => null;

    public FilterStatus? Filter(SchedulingPod pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        return Tolerations.FirstUntolerated(pod.Spec, node.Node) is { } taint
            ? FilterStatus.Unresolvable(PluginName, Reason(taint))
            : null;
    }

    /// <summary><c>node(s) had untolerated taint {key: value}</c>.</summary>
    public static string Reason(Taint taint)
    {
        ArgumentNullException.ThrowIfNull(taint);
        return "node(s) had untolerated taint {" + taint.Key + ": " + taint.Value + "}";
    }
}
