using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Resources;

namespace PodConformance.Model.Scheduling;

/// <summary>
/// The pod being scheduled with what the PreFilter phase computes once for all nodes: its effective request
/// (SCHED-006) and its host ports (SCHED-013). Built by <see cref="For"/>.
/// </summary>
public sealed class SchedulingPod
{
    private SchedulingPod(Pod pod, Profile profile)
    {
        Pod = pod;
        Profile = profile;
        PodLevelResources = profile.IsEnabled(FeatureGateNames.PodLevelResources);
        Request = SchedulerResources.FromList(PodResources.PodRequests(pod.Spec, PodLevelResources));
        SidecarPorts = profile.Version >= HostPortInfo.SidecarPortsSince;
        HostPorts = HostPortInfo.PortsOf(pod.Spec, SidecarPorts);
    }

    /// <summary>Whether the release's scheduler counts sidecar host ports (1.33+, SCHED-013).</summary>
    public bool SidecarPorts { get; }

    public Pod Pod { get; }

    public PodSpec Spec => Pod.Spec;

    public Profile Profile { get; }

    public bool PodLevelResources { get; }

    public SchedulerResources Request { get; }

    /// <summary>schedutil.GetHostPorts: ports with a hostPort of sidecars (1.33+) and regular containers.</summary>
    public IReadOnlyList<ContainerPort> HostPorts { get; }

    /// <summary>The cycle's nodes (PodTopologySpread counts over all of them in PreFilter); empty when a plugin is run on one node alone.</summary>
    public IReadOnlyList<NodeInfo> AllNodes { get; set; } = [];

    /// <summary>NodeDeclaredFeatures' PreFilter state (SCHED-019): the features the pod needs, sorted; empty until it runs.</summary>
    public ValueList<string> RequiredFeatures { get; set; }

    /// <summary>PodTopologySpread's PreFilter state for this pod (SCHED-017), set by its PreFilter.</summary>
    public TopologySpreadState? Spread { get; set; }

    public static SchedulingPod For(Pod pod, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(profile);
        return new SchedulingPod(pod, profile);
    }
}
