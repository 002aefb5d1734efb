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
/// The default scheduler's Filter phase for one pod over a set of nodes, and the FailedScheduling message it
/// formats (pkg/scheduler/framework FitError.Error). Modelled filters, in the default profile's order:
/// NodeUnschedulable, TaintToleration, NodeAffinity (nodeSelector only), NodeResourcesFit. The framework stops at the
/// first filter that rejects a node, so a node contributes the reasons of that filter only.
/// The real scheduler scores feasible nodes; the model takes the first feasible node by ordinal name (SCHED-009).
/// </summary>
public static class SchedulerFit
{
    public const string NodeUnschedulablePlugin = "NodeUnschedulable";
    public const string TaintTolerationPlugin = "TaintToleration";
    public const string NodeAffinityPlugin = "NodeAffinity";
    public const string NodeResourcesFitPlugin = "NodeResourcesFit";

    public const string UnschedulableReason = "node(s) were unschedulable";
    public const string NodeSelectorReason = "node(s) didn't match Pod's node affinity/selector";
    public const string TooManyPodsReason = "Too many pods";
    public const string NoNodesAvailable = "no nodes available to schedule pods";
    public const string NoVictimsReason = "No preemption victims found for incoming pod";
    public const string PreemptionNotHelpfulReason = "Preemption is not helpful for scheduling";

    /// <summary>
    /// Schedules <paramref name="pod"/>. <paramref name="podsOnNodes"/> are existing pods; each counts on the node named
    /// by its spec.nodeName, unless its phase is Succeeded or Failed (the scheduler's cache drops terminal pods).
    /// </summary>
    public static FitResult Schedule(Pod pod, IReadOnlyList<Node> nodes, IReadOnlyList<Pod>? podsOnNodes, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(profile);
        var rules = ValueList.Of(SchedulingRules.FilterOrder, SchedulingRules.EffectiveRequest, SchedulingRules.Message, SchedulingRules.NodeChoice);
        RuleCoverage.Hit(SchedulingRules.FilterOrder);
        RuleCoverage.Hit(SchedulingRules.EffectiveRequest);
        if (nodes.Count == 0)
        {
            return new FitResult(null, ValueList<string>.Empty, ValueList<NodeRejection>.Empty, NoNodesAvailable, null, rules);
        }

        bool podLevel = profile.IsEnabled(FeatureGateNames.PodLevelResources);
        var request = SchedulerResources.FromList(PodResources.PodRequests(pod.Spec, podLevel));
        var feasible = new List<string>();
        var rejections = new List<NodeRejection>();
        foreach (var node in nodes)
        {
            var rejection = Filter(pod.Spec, request, node, podsOnNodes, podLevel);
            if (rejection is null)
            {
                feasible.Add(node.Name);
            }
            else
            {
                rejections.Add(rejection);
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
            rules = ValueList.Of(SchedulingRules.FilterOrder, SchedulingRules.EffectiveRequest, SchedulingRules.Message, SchedulingRules.PreemptionSuffix);
        }

        return new FitResult(null, ValueList<string>.Empty, rejections.ToArray(), message, preemption, rules);
    }

    /// <summary>The filters for one node; null when the node is feasible.</summary>
    public static NodeRejection? Filter(PodSpec spec, SchedulerResources request, Node node, IReadOnlyList<Pod>? podsOnNodes, bool podLevelResources)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(node);
        if (node.Unschedulable && !Tolerations.AnyTolerates(spec, new Taint { Key = Tolerations.UnschedulableTaintKey, Effect = Tolerations.NoSchedule }))
        {
            RuleCoverage.Hit(SchedulingRules.Unschedulable);
            return new NodeRejection(node.Name, NodeUnschedulablePlugin, ValueList.Of(UnschedulableReason), true);
        }

        if (Tolerations.FirstUntolerated(spec, node) is { } taint)
        {
            RuleCoverage.Hit(SchedulingRules.Taints);
            return new NodeRejection(node.Name, TaintTolerationPlugin, ValueList.Of(UntoleratedTaintReason(taint)), true);
        }

        foreach (var (key, value) in spec.NodeSelector)
        {
            if (!node.Labels.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
            {
                RuleCoverage.Hit(SchedulingRules.NodeSelector);
                return new NodeRejection(node.Name, NodeAffinityPlugin, ValueList.Of(NodeSelectorReason), true);
            }
        }

        var (used, podCount) = Requested(node.Name, podsOnNodes, podLevelResources);
        var allocatable = SchedulerResources.FromList(node.EffectiveAllocatable);
        var reasons = new List<string>(4);
        bool unresolvable = false;
        long allowedPods = node.EffectiveAllocatable.TryGetValue(ResourceNames.Pods, out var pods) ? pods.Value() : 0;
        if (podCount + 1 > allowedPods)
        {
            reasons.Add(TooManyPodsReason);
        }

        if (!request.IsZero)
        {
            Check(request.MilliCpu, allocatable.MilliCpu, used.MilliCpu, "Insufficient cpu", reasons, ref unresolvable);
            Check(request.Memory, allocatable.Memory, used.Memory, "Insufficient memory", reasons, ref unresolvable);
            Check(request.EphemeralStorage, allocatable.EphemeralStorage, used.EphemeralStorage, "Insufficient ephemeral-storage", reasons, ref unresolvable);
            foreach (var (name, amount) in request.Scalars)
            {
                allocatable.Scalars.TryGetValue(name, out long alloc);
                used.Scalars.TryGetValue(name, out long inUse);
                Check(amount, alloc, inUse, "Insufficient " + name, reasons, ref unresolvable);
            }
        }

        RuleCoverage.Hit(SchedulingRules.ResourcesFit, reasons.Count == 0 ? "fits" : "insufficient");
        return reasons.Count == 0 ? null : new NodeRejection(node.Name, NodeResourcesFitPlugin, reasons.ToArray(), unresolvable);
    }

    /// <summary>TaintToleration's reason: <c>node(s) had untolerated taint {key: value}</c>.</summary>
    public static string UntoleratedTaintReason(Taint taint)
    {
        ArgumentNullException.ThrowIfNull(taint);
        return "node(s) had untolerated taint {" + taint.Key + ": " + taint.Value + "}";
    }

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

    private static (SchedulerResources Used, int Count) Requested(string nodeName, IReadOnlyList<Pod>? podsOnNodes, bool podLevel)
    {
        var used = new SchedulerResources();
        int count = 0;
        if (podsOnNodes is null)
        {
            return (used, 0);
        }

        foreach (var p in podsOnNodes)
        {
            if (CountsOn(p, nodeName))
            {
                count++;
                used.Add(PodResources.PodRequests(p.Spec, podLevel));
            }
        }

        return (used, count);
    }

    /// <summary>fitsRequest: a positive request that exceeds allocatable − requested; unresolvable when it exceeds allocatable alone.</summary>
    private static void Check(long request, long allocatable, long used, string reason, List<string> reasons, ref bool unresolvable)
    {
        if (request > 0 && request > allocatable - used)
        {
            reasons.Add(reason);
            unresolvable |= request > allocatable;
        }
    }
}
