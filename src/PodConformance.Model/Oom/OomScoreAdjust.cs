using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;
using PodConformance.Model.Quantities;
using PodConformance.Model.Resources;

namespace PodConformance.Model.Oom;

/// <summary>
/// kubelet qos.GetContainerOOMScoreAdjust (pkg/kubelet/qos/policy.go, 1.32+ form with sidecars and pod-level
/// resources): the value written to the container's <c>oom_score_adj</c>. Integer arithmetic is Go's int64
/// (wrapping, truncating division) so that every byte count gives the kubelet's answer.
/// </summary>
public static class OomScoreAdjust
{
    public const int KubeletOomScoreAdj = -999;
    public const int KubeProxyOomScoreAdj = -999;
    public const int GuaranteedOomScoreAdj = -997;
    public const int BestEffortOomScoreAdj = 1000;

    /// <param name="pod">The pod with its allocated resources in the spec.</param>
    /// <param name="container">A container of <paramref name="pod"/> (matched by name for the sidecar rule).</param>
    /// <param name="memoryCapacityBytes">Node memory capacity; must be positive (Go divides by it).</param>
    /// <param name="profile">Release and gates: PodLevelResources changes the class and the Burstable formula.</param>
    public static OomScore ForContainer(Pod pod, Container container, long memoryCapacityBytes, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(memoryCapacityBytes);

        if (CriticalPods.IsNodeCriticalPod(pod))
        {
            RuleCoverage.Hit(OomRules.CriticalPod);
            RuleCoverage.Hit(OomRules.NodeCritical);
            return new OomScore(GuaranteedOomScoreAdj, ValueList.Of(OomRules.CriticalPod, OomRules.NodeCritical));
        }

        switch (QosCalculator.GetPodQos(pod, profile))
        {
            case QosClass.Guaranteed:
                RuleCoverage.Hit(OomRules.Guaranteed);
                return new OomScore(GuaranteedOomScoreAdj, ValueList.Of(OomRules.Guaranteed));
            case QosClass.BestEffort:
                RuleCoverage.Hit(OomRules.BestEffort);
                return new OomScore(BestEffortOomScoreAdj, ValueList.Of(OomRules.BestEffort));
        }

        RuleCoverage.Hit(OomRules.BurstableFormula);
        var rules = new List<string>(4) { OomRules.BurstableFormula };
        long request = MemoryRequest(container.Resources.Requests);
        long share = 0;
        bool podLevel = profile.IsEnabled(FeatureGateNames.PodLevelResources) && PodResources.IsPodLevelRequestsSet(pod.Spec);
        if (podLevel)
        {
            share = RemainingPodMemoryPerContainer(pod.Spec);
            RuleCoverage.Hit(OomRules.PodLevelShare);
            rules.Add(OomRules.PodLevelShare);
        }

        long adjust = Formula(unchecked(request + share), memoryCapacityBytes);

        if (IsSidecar(pod.Spec, container))
        {
            long minRegular = MinRegularContainerMemory(pod.Spec);
            if (podLevel)
            {
                minRegular = unchecked(minRegular + share);
            }

            long cap = Formula(minRegular, memoryCapacityBytes);
            if (adjust > cap)
            {
                adjust = cap;
                RuleCoverage.Hit(OomRules.SidecarCap);
                rules.Add(OomRules.SidecarCap);
            }
        }

        const int floor = 1000 + GuaranteedOomScoreAdj;
        if (adjust < floor)
        {
            RuleCoverage.Hit(OomRules.Clamp, "raised to 2");
            rules.Add(OomRules.Clamp);
            return new OomScore(floor, new ValueList<string>(rules));
        }

        if (adjust == BestEffortOomScoreAdj)
        {
            RuleCoverage.Hit(OomRules.Clamp, "lowered to 999");
            rules.Add(OomRules.Clamp);
            return new OomScore(BestEffortOomScoreAdj - 1, new ValueList<string>(rules));
        }

        return new OomScore((int)adjust, new ValueList<string>(rules));
    }

    /// <summary><c>1000 − (1000 × request) / capacity</c> in wrapping int64 with truncating division.</summary>
    private static long Formula(long request, long capacity) => unchecked(1000 - (1000 * request) / capacity);

    /// <summary>Requests.Memory().Value(): absent is 0, fractions round up.</summary>
    private static long MemoryRequest(ValueMap<Quantity> requests) =>
        requests.TryGetValue(ResourceNames.Memory, out var q) ? q.Value() : 0;

    /// <summary>isSidecarContainer: restartPolicy Always and a name found among the init containers.</summary>
    private static bool IsSidecar(PodSpec spec, Container container)
    {
        if (!container.IsSidecarPolicy)
        {
            return false;
        }

        foreach (var init in spec.InitContainers)
        {
            if (init.Name == container.Name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>minRegularContainerMemory; Go indexes Containers[0], so a pod without regular containers is an error.</summary>
    private static long MinRegularContainerMemory(PodSpec spec)
    {
        if (spec.Containers.Count == 0)
        {
            throw new InvalidOperationException("a sidecar's OOM score needs at least one regular container (the kubelet would index out of range)");
        }

        long min = MemoryRequest(spec.Containers[0].Resources.Requests);
        for (int i = 1; i < spec.Containers.Count; i++)
        {
            long value = MemoryRequest(spec.Containers[i].Resources.Requests);
            if (value < min)
            {
                min = value;
            }
        }

        return min;
    }

    /// <summary>
    /// remainingPodMemReqPerContainer: the pod-level memory request the containers do not claim, shared equally
    /// by every regular and init container (truncating); 0 when the pod-level memory request is 0 or absent.
    /// </summary>
    private static long RemainingPodMemoryPerContainer(PodSpec spec)
    {
        long podRequest = MemoryRequest(spec.Resources!.Requests);
        if (podRequest == 0)
        {
            return 0;
        }

        int count = spec.Containers.Count + spec.InitContainers.Count;
        if (count == 0)
        {
            return 0;
        }

        long aggregate = MemoryRequest(PodResources.AggregateContainerRequests(spec));
        return unchecked(podRequest - aggregate) / count;
    }
}
