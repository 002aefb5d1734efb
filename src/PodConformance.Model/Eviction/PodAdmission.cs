using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Oom;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;

namespace PodConformance.Model.Eviction;

/// <summary>The eviction manager's admission verdict (lifecycle.PodAdmitResult).</summary>
public sealed record AdmitResult(bool Admit, string Reason, string Message, ValueList<string> Rules);

/// <summary>
/// managerImpl.Admit (pkg/kubelet/eviction/eviction_manager.go): while the kubelet reports pressure,
/// BestEffort pods are refused under memory pressure alone unless they tolerate the memory-pressure taint,
/// and every non-critical pod is refused under any other pressure.
/// </summary>
public static class PodAdmission
{
    public const string MemoryPressureTaint = "node.kubernetes.io/memory-pressure";

    /// <summary>The conditions in the order the message prints them; the kubelet's own order comes from a Go map and varies.</summary>
    public static readonly string[] ConditionOrder = [EvictionSignals.MemoryPressure, EvictionSignals.DiskPressure, EvictionSignals.PidPressure];

    /// <summary>Admission against a node's pressure conditions whose status is <c>True</c>.</summary>
    public static AdmitResult Admit(Pod pod, Node node, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(node);
        var active = new List<string>(3);
        foreach (string c in ConditionOrder)
        {
            if (node.Conditions.TryGetValue(c, out string? status) && status == "True")
            {
                active.Add(c);
            }
        }

        return Admit(pod, active, profile);
    }

    /// <summary>Admission against the eviction manager's current condition list, in its order.</summary>
    public static AdmitResult Admit(Pod pod, IReadOnlyList<string> nodeConditions, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(nodeConditions);
        ArgumentNullException.ThrowIfNull(profile);
        if (nodeConditions.Count == 0)
        {
            RuleCoverage.Hit(EvictionRules.NoPressure);
            return new AdmitResult(true, "", "", ValueList.Of(EvictionRules.NoPressure));
        }

        if (CriticalPods.IsCriticalPod(pod))
        {
            RuleCoverage.Hit(EvictionRules.CriticalAdmitted);
            return new AdmitResult(true, "", "", ValueList.Of(EvictionRules.CriticalAdmitted));
        }

        if (nodeConditions.Count == 1 && nodeConditions[0] == EvictionSignals.MemoryPressure)
        {
            if (QosCalculator.GetPodQos(pod, profile) != QosClass.BestEffort
                || ToleratesMemoryPressure(pod.Spec.Tolerations))
            {
                RuleCoverage.Hit(EvictionRules.MemoryPressureBestEffort, "admitted");
                return new AdmitResult(true, "", "", ValueList.Of(EvictionRules.MemoryPressureBestEffort));
            }

            RuleCoverage.Hit(EvictionRules.MemoryPressureBestEffort, "a BestEffort pod rejected");
            return Reject(nodeConditions, EvictionRules.MemoryPressureBestEffort);
        }

        RuleCoverage.Hit(EvictionRules.OtherPressure);
        return Reject(nodeConditions, EvictionRules.OtherPressure);
    }

    /// <summary>TolerationsTolerateTaint for <c>node.kubernetes.io/memory-pressure:NoSchedule</c> (empty taint value).</summary>
    public static bool ToleratesMemoryPressure(ValueList<Toleration> tolerations)
    {
        foreach (var t in tolerations)
        {
            if (t.Effect.Length > 0 && t.Effect != "NoSchedule")
            {
                continue;
            }

            if (t.Key.Length > 0 && t.Key != MemoryPressureTaint)
            {
                continue;
            }

            if (t.Operator == "Exists" || ((t.Operator.Length == 0 || t.Operator == "Equal") && t.Value.Length == 0))
            {
                return true;
            }
        }

        return false;
    }

    private static AdmitResult Reject(IReadOnlyList<string> conditions, string rule) =>
        new(false, EvictionMessage.Reason, EvictionMessage.NodeCondition(conditions), ValueList.Of(rule));
}
