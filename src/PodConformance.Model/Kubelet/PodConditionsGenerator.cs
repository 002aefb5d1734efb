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
            if (!PodConditionNames.IsOwnedByKubelet(c.Type, profile))
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
            if (!PodConditionNames.IsOwnedByKubelet(c.Type, profile))
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
    /// <see cref="Generate"/> for the simulator's status update, which reads neither the rules nor a pod built for the
    /// call: the same conditions in the same order, from the status parts directly (<paramref name="readyToStartCondition"/>:
    /// the profile's PodReadyToStartContainersCondition gate, which the caller asks once). A generated condition equal to the
    /// stored one of its type (transition time included) is the stored object, and ContainersReady is computed once
    /// for Ready and itself, so a status update that changes no condition allocates only what it had to compare.
    /// </summary>
    internal static ValueList<PodCondition> GenerateForStatus(
        PodSpec spec, ValueList<PodCondition> stored, ValueList<ContainerStatus>? statuses, string phase, bool sandboxReady, bool readyToStartCondition, DateTimeOffset now)
    {
        RuleCoverage.Hit(ConditionRules.OrderAndOwnership);
        RuleCoverage.Hit(ConditionRules.PodScheduled);
        var storedSpan = stored.AsSpan();
        // Built in a per-thread scratch array: most updates change no condition and return the stored list.
        int size = stored.Count + 5;
        var result = t_scratch is { } scratch && scratch.Length >= size ? scratch : t_scratch = new PodCondition[Math.Max(size, 8)];
        int n = 0;
        foreach (var c in storedSpan)
        {
            if (!PodConditionNames.IsOwnedByKubelet(c.Type))
            {
                result[n++] = c;
            }
        }

        if (readyToStartCondition)
        {
            RuleCoverage.Hit(ConditionRules.ReadyToStartContainers, sandboxReady ? "True" : "False");
            result[n++] = Timed(storedSpan, sandboxReady ? ReadyToStartTrue : ReadyToStartFalse, now);
        }

        result[n++] = Timed(storedSpan, Initialized(spec, statuses, phase), now);
        var containersReady = ContainersReady(spec, statuses, phase);
        var ready = spec.ReadinessGates.IsEmpty && string.Equals(containersReady.Status, PodConditionNames.True, StringComparison.Ordinal)
            ? ReadyNoGates()
            : ReadyFrom(spec, spec.ReadinessGates.IsEmpty ? Array.Empty<PodCondition>() : (IReadOnlyList<PodCondition>)new ArraySegment<PodCondition>(result, 0, n), containersReady, rules: null);
        result[n++] = Timed(storedSpan, ready, now);
        result[n++] = Timed(storedSpan, containersReady, now);
        result[n++] = Timed(storedSpan, PodScheduledTrue, now);
        bool same = n == stored.Count;
        for (int i = 0; same && i < n; i++)
        {
            same = ReferenceEquals(result[i], storedSpan[i]);
        }

        var conditions = same ? stored : System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(result.AsSpan(0, n).ToArray());
        result.AsSpan(0, n).Clear();
        return conditions;
    }

    [ThreadStatic]
    private static PodCondition[]? t_scratch;

    // Conditions without reason or message, shared: records are immutable (GenerateForStatus).
    private static readonly PodCondition ReadyToStartTrue = new() { Type = PodConditionNames.PodReadyToStartContainers, Status = PodConditionNames.True };
    private static readonly PodCondition ReadyToStartFalse = new() { Type = PodConditionNames.PodReadyToStartContainers, Status = PodConditionNames.False };
    private static readonly PodCondition PodScheduledTrue = new() { Type = PodConditionNames.PodScheduled, Status = PodConditionNames.True };

    /// <summary>
    /// COND-007 for one generated condition: the stored one's transition time when the status did not change, else
    /// <paramref name="now"/>; the stored object itself when nothing else differs either.
    /// </summary>
    private static PodCondition Timed(ReadOnlySpan<PodCondition> stored, PodCondition generated, DateTimeOffset now)
    {
        var old = Find(stored, generated.Type);
        if (old is null || !string.Equals(old.Status, generated.Status, StringComparison.Ordinal))
        {
            return generated with { LastTransitionTime = now };
        }

        return SameExceptTransitionTime(old, generated) ? old : generated with { LastTransitionTime = old.LastTransitionTime };
    }

    /// <summary>
    /// Every field of <see cref="PodCondition"/> but lastTransitionTime (PodConditionsGeneratorTests pins this list to
    /// the record's properties, so a field added to the record cannot be missed here).
    /// </summary>
    internal static bool SameExceptTransitionTime(PodCondition a, PodCondition b) =>
        string.Equals(a.Type, b.Type, StringComparison.Ordinal)
        && string.Equals(a.Status, b.Status, StringComparison.Ordinal)
        && string.Equals(a.Reason, b.Reason, StringComparison.Ordinal)
        && string.Equals(a.Message, b.Message, StringComparison.Ordinal)
        && a.LastProbeTime == b.LastProbeTime
        && a.ObservedGeneration == b.ObservedGeneration;

    private static readonly PodCondition ReadyTrue = new() { Type = PodConditionNames.Ready, Status = PodConditionNames.True };

    /// <summary><see cref="ReadyFrom"/>'s answer (and rule hit) for a pod without readiness gates whose containers are ready.</summary>
    private static PodCondition ReadyNoGates()
    {
        RuleCoverage.Hit(ConditionRules.Ready);
        return ReadyTrue;
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
                (unknown ??= Scratch(ref t_unknown)).Add(init.Name);
            }
            else if (init.IsSidecarPolicy ? s.Started != true : !s.Ready)
            {
                (incomplete ??= Scratch(ref t_unready)).Add(init.Name);
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
        return ReadyFrom(spec, conditions, containersReady, rules);
    }

    /// <summary><see cref="Ready"/> from its ContainersReady, computed once by <see cref="GenerateForStatus"/>.</summary>
    private static PodCondition ReadyFrom(PodSpec spec, IReadOnlyList<PodCondition> conditions, PodCondition containersReady, List<string>? rules)
    {
        rules?.Add(ConditionRules.Ready);
        RuleCoverage.Hit(ConditionRules.Ready);
        if (!string.Equals(containersReady.Status, PodConditionNames.True, StringComparison.Ordinal))
        {
            RuleCoverage.Hit(ConditionRules.Ready, "follows ContainersReady");
            return Condition(PodConditionNames.Ready, containersReady.Status, containersReady.Reason, containersReady.Message);
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
            (unknown ??= Scratch(ref t_unknown)).Add(name);
        }
        else if (!s.Ready)
        {
            (unready ??= Scratch(ref t_unready)).Add(name);
        }
    }

    /// <summary>
    /// A cleared per-thread list for the names a condition's message lists: they only feed <see cref="Messages"/>,
    /// which copies them into its string, and each list is taken at most once per condition.
    /// </summary>
    private static List<string> Scratch(ref List<string>? list)
    {
        list ??= new List<string>(4);
        list.Clear();
        return list;
    }

    [ThreadStatic]
    private static List<string>? t_unknown;

    [ThreadStatic]
    private static List<string>? t_unready;

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
        var sb = t_message ??= new StringBuilder();
        sb.Clear();
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

        // A crash loop writes the same message at every exit: the last one built is handed back when equal.
        if (t_lastMessage is { } last && sb.Equals(last.AsSpan()))
        {
            return last;
        }

        return t_lastMessage = sb.ToString();
    }

    [ThreadStatic]
    private static string? t_lastMessage;

    /// <summary>The builder <see cref="Messages"/> reuses (one per thread): a status update writes these messages often.</summary>
    [ThreadStatic]
    private static StringBuilder? t_message;

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

    private static PodCondition Condition(string type, string status, string reason = "", string message = "")
    {
        if (reason.Length == 0 && message.Length == 0 && Plain(type, status) is { } shared)
        {
            return shared;
        }

        // One with a reason or message: the last one built for its type when equal (records are immutable), as a crash
        // loop writes the same ContainersReady and Ready at every exit.
        int slot = type switch
        {
            PodConditionNames.Initialized => 0,
            PodConditionNames.ContainersReady => 1,
            PodConditionNames.Ready => 2,
            _ => -1,
        };
        var built = t_built ??= new PodCondition?[3];
        if (slot >= 0 && built[slot] is { } last
            && string.Equals(last.Status, status, StringComparison.Ordinal)
            && string.Equals(last.Reason, reason, StringComparison.Ordinal)
            && string.Equals(last.Message, message, StringComparison.Ordinal))
        {
            return last;
        }

        var condition = new PodCondition { Type = type, Status = status, Reason = reason, Message = message };
        if (slot >= 0)
        {
            built[slot] = condition;
        }

        return condition;
    }

    [ThreadStatic]
    private static PodCondition?[]? t_built;

    /// <summary>The conditions without reason or message the generator writes on most updates, one shared object each (records are immutable).</summary>
    private static PodCondition? Plain(string type, string status)
    {
        bool isTrue = string.Equals(status, PodConditionNames.True, StringComparison.Ordinal);
        if (!isTrue && !string.Equals(status, PodConditionNames.False, StringComparison.Ordinal))
        {
            return null;
        }

        return type switch
        {
            PodConditionNames.Initialized => isTrue ? InitializedTrue : InitializedFalse,
            PodConditionNames.ContainersReady => isTrue ? ContainersReadyTrue : ContainersReadyFalse,
            PodConditionNames.Ready => isTrue ? ReadyTrue : ReadyFalse,
            _ => null,
        };
    }

    private static readonly PodCondition InitializedTrue = new() { Type = PodConditionNames.Initialized, Status = PodConditionNames.True };
    private static readonly PodCondition InitializedFalse = new() { Type = PodConditionNames.Initialized, Status = PodConditionNames.False };
    private static readonly PodCondition ContainersReadyTrue = new() { Type = PodConditionNames.ContainersReady, Status = PodConditionNames.True };
    private static readonly PodCondition ContainersReadyFalse = new() { Type = PodConditionNames.ContainersReady, Status = PodConditionNames.False };
    private static readonly PodCondition ReadyFalse = new() { Type = PodConditionNames.Ready, Status = PodConditionNames.False };
}
