using System.Text;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Kubelet;

/// <summary>
/// The kubelet's pod conditions: pkg/kubelet/status/generate.go for each condition, the order and the kept
/// foreign conditions from <c>generateAPIPodStatus</c> (pkg/kubelet/kubelet_pods.go), and the status manager's
/// lastTransitionTime rule. See spec/conditions.md.
/// </summary>
/// <remarks>
/// Container statuses are given as a nullable list because upstream tells a nil slice ("statuses unknown",
/// reason UnknownContainerStatuses) from an empty one. For a whole pod the list is
/// initContainerStatuses followed by containerStatuses (this order, unlike getPhase's); the first status
/// with a name wins; it is nil when both lists are empty.
/// </remarks>
public static class PodConditionsGenerator
{
    /// <summary>
    /// All conditions for a pod with its status, in the kubelet's order (COND-001): conditions the kubelet does
    /// not own, in their stored order; PodReadyToStartContainers (gate PodReadyToStartContainersCondition);
    /// Initialized; Ready; ContainersReady; PodScheduled. <paramref name="phase"/> is the phase being written
    /// (see <see cref="PodPhaseCalculator.DerivePhase"/>). A generated condition whose status equals the stored
    /// one keeps the stored lastTransitionTime, otherwise it gets <paramref name="now"/> (COND-007).
    /// </summary>
    public static PodConditionsResult Generate(Pod pod, string phase, bool sandboxReady, Profile profile, DateTimeOffset now)
    {
        RuleCoverage.Hit(ConditionRules.OrderAndOwnership);
        RuleCoverage.Hit(ConditionRules.PodScheduled);
        var rules = new List<string>(8) { ConditionRules.OrderAndOwnership };
        var stored = pod.Status?.Conditions ?? default;
        var statuses = AllStatuses(pod.Status);
        var spec = pod.Spec;

        var list = new List<PodCondition>(stored.Count + 5);
        foreach (var c in stored)
        {
            if (!PodConditionNames.IsOwnedByKubelet(c.Type))
            {
                list.Add(c);
            }
        }

        if (profile.IsEnabled(FeatureGateNames.PodReadyToStartContainersCondition))
        {
            list.Add(ReadyToStartContainers(sandboxReady, rules));
        }

        list.Add(Initialized(spec, statuses, phase, rules));
        list.Add(Ready(spec, list, statuses, phase, rules));
        list.Add(ContainersReady(spec, statuses, phase, rules));
        rules.Add(ConditionRules.PodScheduled);
        list.Add(new PodCondition { Type = PodConditionNames.PodScheduled, Status = PodConditionNames.True });

        rules.Add(ConditionRules.TransitionTime);
        var storedSpan = stored.AsSpan();
        for (int i = 0; i < list.Count; i++)
        {
            var c = list[i];
            if (!PodConditionNames.IsOwnedByKubelet(c.Type))
            {
                continue;
            }

            var old = Find(storedSpan, c.Type);
            var when = old is not null && string.Equals(old.Status, c.Status, StringComparison.Ordinal) ? old.LastTransitionTime : now;
            list[i] = c with { LastTransitionTime = when };
        }

        return new PodConditionsResult(list.ToValueList(), rules.ToValueList());
    }

    /// <summary>
    /// COND-002 PodReadyToStartContainers: True when no new sandbox is needed (it exists, is ready and has its
    /// network); otherwise False. Newer releases add a reason and message naming why the sandbox must be
    /// re-created; those strings are not modelled (unverified), so False carries none.
    /// </summary>
    public static PodCondition ReadyToStartContainers(bool sandboxReady, List<string>? rules = null)
    {
        RuleCoverage.Hit(ConditionRules.ReadyToStartContainers, sandboxReady ? "True" : "False");
        rules?.Add(ConditionRules.ReadyToStartContainers);
        return new PodCondition
        {
            Type = PodConditionNames.PodReadyToStartContainers,
            Status = sandboxReady ? PodConditionNames.True : PodConditionNames.False,
        };
    }

    /// <summary>
    /// COND-003 Initialized (GeneratePodInitializedCondition): a regular init container counts when ready, a
    /// sidecar when started; a pod that Succeeded with every init status known is PodCompleted; a pod where
    /// any regular container has run (state running or terminated) stays initialized.
    /// </summary>
    public static PodCondition Initialized(PodSpec spec, ValueList<ContainerStatus>? statuses, string phase, List<string>? rules = null)
    {
        rules?.Add(ConditionRules.Initialized);
        RuleCoverage.Hit(ConditionRules.Initialized);
        if (statuses is null && spec.InitContainers.Count > 0)
        {
            RuleCoverage.Hit(ConditionRules.Initialized, "unknown container statuses");
            return Condition(PodConditionNames.Initialized, PodConditionNames.False, PodConditionNames.UnknownContainerStatuses);
        }

        var all = statuses.GetValueOrDefault().AsSpan();
        List<string>? unknown = null;
        List<string>? incomplete = null;
        foreach (var init in spec.InitContainers)
        {
            var s = FindStatus(all, init.Name);
            if (s is null)
            {
                (unknown ??= []).Add(init.Name);
            }
            else if (init.IsSidecarPolicy ? s.Started != true : !s.Ready)
            {
                (incomplete ??= []).Add(init.Name);
            }
        }

        if (string.Equals(phase, PodPhases.Succeeded, StringComparison.Ordinal) && unknown is null)
        {
            RuleCoverage.Hit(ConditionRules.Initialized, "PodCompleted");
            return Condition(PodConditionNames.Initialized, PodConditionNames.True, PodConditionNames.PodCompleted);
        }

        if (HasAnyRegularContainerStarted(spec, all))
        {
            RuleCoverage.Hit(ConditionRules.Initialized, "a regular container has started");
            return Condition(PodConditionNames.Initialized, PodConditionNames.True);
        }

        RuleCoverage.Hit(ConditionRules.Initialized, incomplete is null && unknown is null ? "every init container done" : "init containers not done");
        string message = Messages(unknown, "containers with unknown status: ", incomplete, "containers with incomplete status: ", rules);
        return message.Length > 0
            ? Condition(PodConditionNames.Initialized, PodConditionNames.False, PodConditionNames.ContainersNotInitialized, message)
            : Condition(PodConditionNames.Initialized, PodConditionNames.True);
    }

    /// <summary>
    /// COND-004 ContainersReady (GenerateContainersReadyCondition): sidecars and regular containers must all be
    /// ready (regular init containers do not count); Succeeded with every status known → False PodCompleted;
    /// Failed → False PodFailed.
    /// </summary>
    public static PodCondition ContainersReady(PodSpec spec, ValueList<ContainerStatus>? statuses, string phase, List<string>? rules = null)
    {
        rules?.Add(ConditionRules.ContainersReady);
        RuleCoverage.Hit(ConditionRules.ContainersReady);
        if (statuses is null)
        {
            return Condition(PodConditionNames.ContainersReady, PodConditionNames.False, PodConditionNames.UnknownContainerStatuses);
        }

        var all = statuses.Value.AsSpan();
        List<string>? unknown = null;
        List<string>? unready = null;
        foreach (var init in spec.InitContainers)
        {
            if (init.IsSidecarPolicy)
            {
                Classify(all, init.Name, ref unknown, ref unready);
            }
        }

        foreach (var c in spec.Containers)
        {
            Classify(all, c.Name, ref unknown, ref unready);
        }

        if (string.Equals(phase, PodPhases.Succeeded, StringComparison.Ordinal) && unknown is null)
        {
            RuleCoverage.Hit(ConditionRules.ContainersReady, "PodCompleted");
            return Condition(PodConditionNames.ContainersReady, PodConditionNames.False, PodConditionNames.PodCompleted);
        }

        if (string.Equals(phase, PodPhases.Failed, StringComparison.Ordinal))
        {
            RuleCoverage.Hit(ConditionRules.ContainersReady, "PodFailed");
            return Condition(PodConditionNames.ContainersReady, PodConditionNames.False, PodConditionNames.PodFailed);
        }

        RuleCoverage.Hit(ConditionRules.ContainersReady, unready is null && unknown is null ? "all ready" : "not all ready");

        string message = Messages(unknown, "containers with unknown status: ", unready, "containers with unready status: ", rules);
        return message.Length > 0
            ? Condition(PodConditionNames.ContainersReady, PodConditionNames.False, PodConditionNames.ContainersNotReady, message)
            : Condition(PodConditionNames.ContainersReady, PodConditionNames.True);
    }

    /// <summary>
    /// COND-005 Ready (GeneratePodReadyCondition): ContainersReady's status, reason and message when it is not
    /// True; otherwise every readiness gate's condition must be present in <paramref name="conditions"/> with
    /// status True, else False ReadinessGatesNotReady with one message per gate, joined by <c>, </c>.
    /// </summary>
    public static PodCondition Ready(
        PodSpec spec, IReadOnlyList<PodCondition> conditions, ValueList<ContainerStatus>? statuses, string phase, List<string>? rules = null)
    {
        var containersReady = ContainersReady(spec, statuses, phase, null);
        rules?.Add(ConditionRules.Ready);
        RuleCoverage.Hit(ConditionRules.Ready);
        if (!string.Equals(containersReady.Status, PodConditionNames.True, StringComparison.Ordinal))
        {
            RuleCoverage.Hit(ConditionRules.Ready, "follows ContainersReady");
            return containersReady with { Type = PodConditionNames.Ready };
        }

        if (!spec.ReadinessGates.IsEmpty)
        {
            RuleCoverage.Hit(ConditionRules.Ready, "readiness gates checked");
        }

        StringBuilder? message = null;
        foreach (var gate in spec.ReadinessGates)
        {
            PodCondition? found = null;
            foreach (var c in conditions)
            {
                if (string.Equals(c.Type, gate.ConditionType, StringComparison.Ordinal))
                {
                    found = c;
                    break;
                }
            }

            if (found is not null && string.Equals(found.Status, PodConditionNames.True, StringComparison.Ordinal))
            {
                continue;
            }

            message = message is null ? new StringBuilder() : message.Append(", ");
            if (found is null)
            {
                message.Append("corresponding condition of pod readiness gate ").Append(GoQuote(gate.ConditionType)).Append(" does not exist.");
            }
            else
            {
                message.Append("the status of pod readiness gate ").Append(GoQuote(gate.ConditionType))
                    .Append(" is not \"True\", but ").Append(found.Status);
            }
        }

        return message is null
            ? Condition(PodConditionNames.Ready, PodConditionNames.True)
            : Condition(PodConditionNames.Ready, PodConditionNames.False, PodConditionNames.ReadinessGatesNotReady, message.ToString());
    }

    /// <summary>kubecontainer.HasAnyRegularContainerStarted: a regular container's status shows running or terminated.</summary>
    public static bool HasAnyRegularContainerStarted(PodSpec spec, ReadOnlySpan<ContainerStatus> statuses)
    {
        foreach (var s in statuses)
        {
            if (s.State.Running is null && s.State.Terminated is null)
            {
                continue;
            }

            foreach (var c in spec.Containers)
            {
                if (string.Equals(c.Name, s.Name, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>initContainerStatuses then containerStatuses, as generateAPIPodStatus appends them; null when both are empty.</summary>
    public static ValueList<ContainerStatus>? AllStatuses(PodStatus? status)
    {
        if (status is null || (status.InitContainerStatuses.IsEmpty && status.ContainerStatuses.IsEmpty))
        {
            return null;
        }

        var builder = System.Collections.Immutable.ImmutableArray.CreateBuilder<ContainerStatus>(
            status.InitContainerStatuses.Count + status.ContainerStatuses.Count);
        builder.AddRange(status.InitContainerStatuses.AsImmutableArray());
        builder.AddRange(status.ContainerStatuses.AsImmutableArray());
        return new ValueList<ContainerStatus>(builder.MoveToImmutable());
    }

    /// <summary>The first condition of a type (podutil.GetPodConditionFromList).</summary>
    public static PodCondition? Find(ReadOnlySpan<PodCondition> conditions, string type)
    {
        foreach (var c in conditions)
        {
            if (string.Equals(c.Type, type, StringComparison.Ordinal))
            {
                return c;
            }
        }

        return null;
    }

    private static void Classify(ReadOnlySpan<ContainerStatus> all, string name, ref List<string>? unknown, ref List<string>? unready)
    {
        var s = FindStatus(all, name);
        if (s is null)
        {
            (unknown ??= []).Add(name);
        }
        else if (!s.Ready)
        {
            (unready ??= []).Add(name);
        }
    }

    private static ContainerStatus? FindStatus(ReadOnlySpan<ContainerStatus> all, string name)
    {
        foreach (var s in all)
        {
            if (string.Equals(s.Name, name, StringComparison.Ordinal))
            {
                return s;
            }
        }

        return null;
    }

    /// <summary>COND-008: <c>prefix[a b]</c> for each non-empty list, joined by <c>, </c> (Go's %s of a []string).</summary>
    private static string Messages(List<string>? first, string firstPrefix, List<string>? second, string secondPrefix, List<string>? rules)
    {
        if (first is null && second is null)
        {
            return "";
        }

        rules?.Add(ConditionRules.MessageFormat);
        var sb = new StringBuilder();
        if (first is not null)
        {
            AppendList(sb.Append(firstPrefix), first);
        }

        if (second is not null)
        {
            if (first is not null)
            {
                sb.Append(", ");
            }

            AppendList(sb.Append(secondPrefix), second);
        }

        return sb.ToString();
    }

    private static void AppendList(StringBuilder sb, List<string> names)
    {
        sb.Append('[');
        for (int i = 0; i < names.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(names[i]);
        }

        sb.Append(']');
    }

    /// <summary>Go's %q for the names condition types can have: double quotes, with <c>"</c> and <c>\</c> escaped.</summary>
    private static string GoQuote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (char ch in s)
        {
            if (ch is '"' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(ch);
        }

        return sb.Append('"').ToString();
    }

    private static PodCondition Condition(string type, string status, string reason = "", string message = "") =>
        new() { Type = type, Status = status, Reason = reason, Message = message };
}
