using PodConformance.Model.Events;
using static PodConformance.Model.Tests.Simulation.SimulatorFixtures;

namespace PodConformance.Model.Tests.Simulation;

/// <summary>SIM-013: a pod created with spec.nodeName bypasses the scheduler.</summary>
public class AssignedPodTests
{
    [Fact]
    public void A_pod_bound_in_its_manifest_runs_on_that_node_without_a_Scheduled_event()
    {
        var pod = Pod("pinned", "", null, C("app"));
        pod = pod with { Spec = pod.Spec with { NodeName = "node-1" } };
        var r = Run(pod, untilSeconds: 30);
        Assert.DoesNotContain(r.EventsFor("pinned"), e => e.Reason is EventReasons.Scheduled or EventReasons.FailedScheduling);
        var last = Last(r, "pinned");
        Assert.Equal("Running", last.Status!.Phase);
        Assert.Contains(last.Status.Conditions, c => c.Type == "PodScheduled" && c.Status == "True");
    }

    [Fact]
    public void A_pod_bound_to_a_node_that_does_not_exist_stays_Pending_with_no_status_from_a_kubelet()
    {
        var pod = Pod("lost", "", null, C("app"));
        pod = pod with { Spec = pod.Spec with { NodeName = "node-9" } };
        var r = Run(pod, untilSeconds: 60);
        Assert.Empty(r.EventsFor("lost"));
        Assert.Equal(["Pending"], Statuses(r, "lost"));
        Assert.Empty(Last(r, "lost").Status!.Conditions);
        Assert.Empty(Last(r, "lost").Status!.ContainerStatuses);
    }
}
