using System.Globalization;
using System.Text;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Resources;

namespace PodConformance.Model.Scheduling;

/// <summary>
/// The default scheduler's scheduling cycle for one pod over a set of nodes, and the FailedScheduling message it
/// formats (pkg/scheduler/framework FitError.Error). The SchedulingGates PreEnqueue check comes first (a gated pod is
/// never tried); then every PreFilter, then for each node the Filter plugins of <see cref="DefaultFilters"/> in the
/// default profile's order. The framework stops at the first filter that rejects a node, so a node contributes the
/// reasons of that filter only. The real scheduler scores feasible nodes; the model takes the first feasible node by
/// ordinal name (SCHED-009).
/// </summary>
public static class SchedulerFit
{
    public const string NodeUnschedulablePlugin = Scheduling.NodeUnschedulablePlugin.PluginName;
    public const string TaintTolerationPlugin = Scheduling.TaintTolerationPlugin.PluginName;
    public const string NodeAffinityPlugin = Scheduling.NodeAffinityPlugin.PluginName;
    public const string NodeResourcesFitPlugin = Scheduling.NodeResourcesFitPlugin.PluginName;

    public const string UnschedulableReason = Scheduling.NodeUnschedulablePlugin.ErrReasonUnschedulable;
    public const string NodeSelectorReason = Scheduling.NodeAffinityPlugin.ErrReasonPod;
    public const string TooManyPodsReason = Scheduling.NodeResourcesFitPlugin.TooManyPodsReason;
    public const string NoNodesAvailable = "no nodes available to schedule pods";
    public const string NoVictimsReason = "No preemption victims found for incoming pod";
    public const string PreemptionNotHelpfulReason = "Preemption is not helpful for scheduling";

    /// <summary>
    /// Schedules <paramref name="pod"/>. <paramref name="podsOnNodes"/> are existing pods; each counts on the node named
    /// by its spec.nodeName, unless its phase is Succeeded or Failed (the scheduler's cache drops terminal pods).
    /// A gated pod (SCHED-011) gets a result with <see cref="FitResult.Gated"/> set and neither node nor message.
    /// </summary>
    public static FitResult Schedule(Pod pod, IReadOnlyList<Node> nodes, IReadOnlyList<Pod>? podsOnNodes, Profile profile, SchedulerProfile? plugins = null)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(profile);
        plugins ??= SchedulerProfile.Default;
        if (plugins.PreEnqueue(pod.Spec) is { } gated)
        {
            RuleCoverage.Hit(SchedulingRules.SchedulingGates);
            return new FitResult(null, ValueList<string>.Empty, ValueList<NodeRejection>.Empty, null, null, ValueList.Of(SchedulingRules.SchedulingGates)) { Gated = gated };
        }

        var rules = ValueList.Of(SchedulingRules.FilterOrder, SchedulingRules.EffectiveRequest, SchedulingRules.Message, SchedulingRules.NodeChoice);
        RuleCoverage.Hit(SchedulingRules.FilterOrder);
        RuleCoverage.Hit(SchedulingRules.EffectiveRequest);
        if (nodes.Count == 0)
        {
            return new FitResult(null, ValueList<string>.Empty, ValueList<NodeRejection>.Empty, NoNodesAvailable, null, rules);
        }

        var scheduling = SchedulingPod.For(pod, profile);
        var infos = NodeInfo.Snapshot(nodes, podsOnNodes, scheduling.PodLevelResources, scheduling.SidecarPorts);
        scheduling.AllNodes = infos;
        var pre = RunPreFilter(scheduling, plugins.Filters);
        var feasible = new List<string>();
        var rejections = new List<NodeRejection>();
        if (pre.Rejection is { } rejected)
        {
            // SCHED-016: every node carries the PreFilter status; the message is the PreFilter message alone.
            foreach (var info in infos)
            {
                rejections.Add(new NodeRejection(info.Name, rejected.Plugin, rejected.Reasons, rejected.Code == FilterCode.UnschedulableAndUnresolvable));
            }

            RuleCoverage.Hit(SchedulingRules.PreFilterRejection);
            var preRules = ValueList.Of(SchedulingRules.FilterOrder, SchedulingRules.PreFilterRejection, SchedulingRules.PreemptionSuffix);
            string preMessage = "0/" + nodes.Count.ToString(CultureInfo.InvariantCulture) + " nodes are available: " + string.Join(", ", rejected.Reasons) + ".";
            return new FitResult(null, ValueList<string>.Empty, rejections.ToArray(), preMessage, PredictPreemption(pod, nodes.Count, rejections, podsOnNodes), preRules)
            {
                PostFilterPeriod = PostFilterPeriod(profile),
            };
        }

        if (pre.NodeNames is not null)
        {
            RuleCoverage.Hit(SchedulingRules.PreFilterNodes);
            rules = rules.Add(SchedulingRules.PreFilterNodes);
        }

        foreach (var info in infos)
        {
            if (pre.NodeNames is not null && !pre.NodeNames.Contains(info.Name))
            {
                // SCHED-015: a node the PreFilterResult leaves out is rejected as unresolvable with the narrowing plugins' names.
                rejections.Add(new NodeRejection(info.Name, pre.NarrowingPlugins[0], ValueList.Of(NotSatisfiedReason(pre.NarrowingPlugins)), true));
            }
            else if (RunFilters(scheduling, info, pre.Active) is { } status)
            {
                rejections.Add(new NodeRejection(info.Name, status.Plugin, status.Reasons, status.Code == FilterCode.UnschedulableAndUnresolvable));
            }
            else
            {
                feasible.Add(info.Name);
            }
        }

        if (feasible.Count > 0)
        {
            RuleCoverage.Hit(SchedulingRules.NodeChoice, feasible.Count > 1 ? "the first of several feasible nodes" : "the only feasible node");
            feasible.Sort(StringComparer.Ordinal);
            return new FitResult(feasible[0], feasible.ToArray(), rejections.ToArray(), null, null, rules);
        }

        string message = FormatFitError(nodes.Count, rejections);
        RuleCoverage.Hit(SchedulingRules.Message);
        string? preemption = PredictPreemption(pod, nodes.Count, rejections, podsOnNodes);
        if (preemption is not null)
        {
            RuleCoverage.Hit(SchedulingRules.PreemptionSuffix);
            rules = pre.NodeNames is null
                ? ValueList.Of(SchedulingRules.FilterOrder, SchedulingRules.EffectiveRequest, SchedulingRules.Message, SchedulingRules.PreemptionSuffix)
                : ValueList.Of(SchedulingRules.FilterOrder, SchedulingRules.EffectiveRequest, SchedulingRules.Message, SchedulingRules.PreemptionSuffix, SchedulingRules.PreFilterNodes);
        }

        return new FitResult(null, ValueList<string>.Empty, rejections.ToArray(), message, preemption, rules)
        {
            PostFilterPeriod = PostFilterPeriod(profile),
        };
    }

    /// <summary>
    /// SCHED-008: FitError.Error appends the PostFilter message with <c>SeparatorFormat</c> (<c>" %v."</c>) at 1.28
    /// (pkg/scheduler/framework/types.go in kubeedge's fork at v1.28.11) and with <c>" %v"</c> from 1.29 (the same fork at
    /// v1.29.6 and v1.30.7; OpenShift's fork at v1.31.13–v1.36.3).
    /// </summary>
    private static bool PostFilterPeriod(Profile profile) => profile.Version < new KubernetesVersion(1, 29);

    /// <summary>
    /// RunPreFilterPlugins: every PreFilter in profile order. A Skip drops that plugin's Filter for this pod; the first
    /// rejection ends the phase (<see cref="PreFilterOutcome.Rejection"/>); the node names plugins return are intersected
    /// (null: all nodes). Two narrowing plugins whose sets do not meet would give "didn't satisfy plugin(s) … simultaneously";
    /// only NodeAffinity narrows in the model, and it rejects an empty set itself.
    /// </summary>
    public static PreFilterOutcome RunPreFilter(SchedulingPod pod, ValueList<IFilterPlugin> filters)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var active = new List<IFilterPlugin>(filters.Count);
        HashSet<string>? names = null;
        var narrowing = new List<string>();
        foreach (var plugin in filters)
        {
            var status = plugin.PreFilter(pod);
            if (status is { Code: FilterCode.Skip })
            {
                continue;
            }

            if (status is { IsRejection: true })
            {
                return new PreFilterOutcome(active, null, narrowing, status);
            }

            active.Add(plugin);
            if (plugin.PreFilterNodeNames(pod) is { } some)
            {
                narrowing.Add(plugin.Name);
                if (names is null)
                {
                    names = new HashSet<string>(some, StringComparer.Ordinal);
                }
                else
                {
                    names.IntersectWith(some);
                }
            }
        }

        narrowing.Sort(StringComparer.Ordinal);
        return new PreFilterOutcome(active, names, narrowing, null);
    }

    /// <summary>The status of a node outside the PreFilterResult: <c>node(s) didn't satisfy plugin(s) [A B]</c> (Go's %v of the sorted plugin names).</summary>
    public static string NotSatisfiedReason(IReadOnlyList<string> plugins)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        return "node(s) didn't satisfy plugin(s) [" + string.Join(" ", plugins) + "]";
    }

    /// <summary>RunFilterPlugins: the first rejecting filter's status for this node, or null when the node is feasible.</summary>
    public static FilterStatus? RunFilters(SchedulingPod pod, NodeInfo node, IReadOnlyList<IFilterPlugin> active)
    {
        ArgumentNullException.ThrowIfNull(active);
        foreach (var plugin in active)
        {
            if (plugin.Filter(pod, node) is { IsRejection: true } status)
            {
                RuleCoverage.Hit(plugin.Rule, plugin is NodeResourcesFitPlugin ? "insufficient" : "rejects");
                return status;
            }

            if (plugin is NodeResourcesFitPlugin)
            {
                RuleCoverage.Hit(plugin.Rule, "fits");
            }
        }

        return null;
    }

    /// <summary>TaintToleration's reason: <c>node(s) had untolerated taint {key: value}</c>.</summary>
    public static string UntoleratedTaintReason(Taint taint) => Scheduling.TaintTolerationPlugin.Reason(taint);

    /// <summary>
    /// FitError.Error: <c>0/N nodes are available: </c>, then each distinct reason as "count reason", sorted as Go's
    /// sort.Strings (byte order of the whole "count reason" string), joined by ", ", then ".".
    /// </summary>
    public static string FormatFitError(int nodeCount, IReadOnlyList<NodeRejection> rejections)
    {
        ArgumentNullException.ThrowIfNull(rejections);
        var histogram = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in rejections)
        {
            foreach (var reason in r.Reasons)
            {
                histogram[reason] = histogram.TryGetValue(reason, out int n) ? n + 1 : 1;
            }
        }

        return FormatHistogram(nodeCount, histogram);
    }

    /// <summary>
    /// The DefaultPreemption PostFilter message, when predictable: every rejected node is either unresolvable
    /// ("Preemption is not helpful for scheduling") or holds no pod of lower priority than the incoming pod ("No
    /// preemption victims found for incoming pod"). Null when some node has potential victims (the dry run is not
    /// modelled).
    /// </summary>
    public static string? PredictPreemption(Pod pod, int nodeCount, IReadOnlyList<NodeRejection> rejections, IReadOnlyList<Pod>? podsOnNodes)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(rejections);
        int priority = pod.Spec.Priority ?? 0;
        var histogram = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in rejections)
        {
            string reason;
            if (r.Unresolvable)
            {
                reason = PreemptionNotHelpfulReason;
            }
            else if (HasLowerPriorityPod(r.NodeName, priority, podsOnNodes))
            {
                return null;
            }
            else
            {
                reason = NoVictimsReason;
            }

            histogram[reason] = histogram.TryGetValue(reason, out int n) ? n + 1 : 1;
        }

        return "preemption: " + FormatHistogram(nodeCount, histogram);
    }

    private static string FormatHistogram(int nodeCount, Dictionary<string, int> histogram)
    {
        var entries = new List<string>(histogram.Count);
        foreach (var (reason, count) in histogram)
        {
            entries.Add(count.ToString(CultureInfo.InvariantCulture) + " " + reason);
        }

        entries.Sort(StringComparer.Ordinal);
        var sb = new StringBuilder(64);
        sb.Append("0/").Append(nodeCount.ToString(CultureInfo.InvariantCulture)).Append(" nodes are available:");
        if (entries.Count > 0)
        {
            sb.Append(' ').Append(string.Join(", ", entries)).Append('.');
        }

        return sb.ToString();
    }

    private static bool HasLowerPriorityPod(string nodeName, int priority, IReadOnlyList<Pod>? podsOnNodes)
    {
        if (podsOnNodes is null)
        {
            return false;
        }

        foreach (var p in podsOnNodes)
        {
            if (CountsOn(p, nodeName) && (p.Spec.Priority ?? 0) < priority)
            {
                return true;
            }
        }

        return false;
    }

    private static bool CountsOn(Pod p, string nodeName) =>
        string.Equals(p.Spec.NodeName, nodeName, StringComparison.Ordinal)
        && !PodPhases.IsTerminal(p.Status?.Phase);
}
