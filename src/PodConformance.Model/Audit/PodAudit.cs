using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;

namespace PodConformance.Model.Audit;

/// <summary>One way an observed Pod disagrees with what the model derives from its own spec and status.</summary>
public sealed record AuditFinding(string Rule, string Field, string Observed, string Expected, string Explanation);

/// <summary>
/// Checks a Pod object read back from a cluster or a simulator against the model: the QoS class the API
/// server would have recorded, the phase and kubelet conditions the kubelet would write for these container
/// statuses, and invariants of container statuses the kubelet never breaks.
/// </summary>
public static class PodAudit
{
    public static ValueList<AuditFinding> Check(Pod pod, Profile profile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var findings = new List<AuditFinding>();
        var status = pod.Status;
        if (status is null)
        {
            return ValueList<AuditFinding>.Empty;
        }

        CheckQos(pod, status, profile, findings);
        var phase = PodPhaseCalculator.DerivePhase(pod, profile);
        bool observedStatuses = !status.ContainerStatuses.IsEmpty || !status.InitContainerStatuses.IsEmpty;
        if (observedStatuses && status.Phase.Length != 0 && !string.Equals(status.Phase, phase.Phase, StringComparison.Ordinal))
        {
            findings.Add(new AuditFinding(phase.Rules.Count > 0 ? phase.Rules[^1] : PhaseRules.DefaultPending, "status.phase", status.Phase, phase.Phase, phase.Reason));
        }

        if (observedStatuses)
        {
            CheckConditions(pod, status, phase.Phase, profile, now, findings);
            CheckContainers(pod.Spec, status, findings);
        }

        return findings.ToValueList();
    }

    private static void CheckQos(Pod pod, PodStatus status, Profile profile, List<AuditFinding> findings)
    {
        if (status.QosClass.Length == 0)
        {
            return;
        }

        var derived = QosCalculator.Explain(pod with { Status = status with { QosClass = "" } }, profile);
        string expected = derived.Class.ToApiString();
        if (!string.Equals(status.QosClass, expected, StringComparison.Ordinal))
        {
            findings.Add(new AuditFinding(derived.Rules.Count > 0 ? derived.Rules[0] : QosRules.PerResource, "status.qosClass", status.QosClass, expected, derived.Reason));
        }
    }

    /// <summary>The kubelet-owned conditions: status and reason must be what generate.go would write.</summary>
    private static void CheckConditions(Pod pod, PodStatus status, string phase, Profile profile, DateTimeOffset now, List<AuditFinding> findings)
    {
        bool sandboxReady = SandboxReady(status);
        var derived = PodConditionsGenerator.Generate(pod, phase, sandboxReady, profile, now);
        foreach (string type in new[] { "Initialized", "ContainersReady", "Ready" })
        {
            var expected = derived.Find(type);
            PodCondition? observed = null;
            foreach (var c in status.Conditions)
            {
                if (c.Type == type)
                {
                    observed = c;
                    break;
                }
            }

            if (expected is null || observed is null)
            {
                continue;
            }

            if (observed.Status != expected.Status || observed.Reason != expected.Reason)
            {
                findings.Add(new AuditFinding(ConditionRuleFor(type), $"status.conditions[{type}]",
                    Describe(observed), Describe(expected),
                    expected.Message.Length != 0 ? expected.Message : $"the kubelet writes {type}={expected.Status} for these container statuses"));
            }
        }
    }

    private static bool SandboxReady(PodStatus status)
    {
        foreach (var c in status.Conditions)
        {
            if (c.Type == "PodReadyToStartContainers")
            {
                return c.Status == "True";
            }
        }

        return status.PodIP.Length != 0;
    }

    private static string ConditionRuleFor(string type) => type switch
    {
        "Initialized" => ConditionRules.Initialized,
        "ContainersReady" => ConditionRules.ContainersReady,
        _ => ConditionRules.Ready,
    };

    private static string Describe(PodCondition c) => c.Status + (c.Reason.Length != 0 ? " (" + c.Reason + ")" : "");

    /// <summary>Invariants: a ready regular container is running; every spec container has a status once any does.</summary>
    private static void CheckContainers(PodSpec spec, PodStatus status, List<AuditFinding> findings)
    {
        for (int i = 0; i < status.ContainerStatuses.Count; i++)
        {
            var cs = status.ContainerStatuses[i];
            if (cs.Ready && cs.State.Running is null)
            {
                findings.Add(new AuditFinding(ConditionRules.ContainersReady, $"status.containerStatuses[{i}].ready", "true", "false",
                    $"container \"{cs.Name}\" is reported ready but not running; the kubelet only reports running containers ready"));
            }
        }

        foreach (var c in spec.Containers)
        {
            bool found = false;
            foreach (var cs in status.ContainerStatuses)
            {
                found |= cs.Name == c.Name;
            }

            if (!found)
            {
                findings.Add(new AuditFinding(PhaseRules.StatusLookup, "status.containerStatuses", "(missing)", c.Name,
                    $"container \"{c.Name}\" has no status; the kubelet reports every container of the spec (waiting if not started)"));
            }
        }
    }
}
