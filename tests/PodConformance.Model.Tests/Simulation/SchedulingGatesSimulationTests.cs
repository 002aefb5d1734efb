using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Events;
using PodConformance.Model.Printing;
using PodConformance.Model.Simulation;
using static PodConformance.Model.Tests.Simulation.SimulatorFixtures;

namespace PodConformance.Model.Tests.Simulation;

/// <summary>spec.schedulingGates in the simulator: SCHED-011 (never tried while gated), SCHED-012 (the create-time condition), SCHED-014 (released by an update).</summary>
public class SchedulingGatesSimulationTests
{
    private static Pod Gated(params string[] gates) => Pod("test-pod", "", null, C("pause", "registry.k8s.io/pause:3.6")) is var p
        ? p with { Spec = p.Spec with { SchedulingGates = gates.Select(g => new PodSchedulingGate(g)).ToValueList() } }
        : throw new InvalidOperationException();

    private static Scenario Remove(int atSeconds, params string[] names) => new()
    {
        Steps = ValueList.Of(new ScenarioStep { At = TimeSpan.FromSeconds(atSeconds), Pod = "test-pod", RemoveSchedulingGates = names.ToValueList() }),
    };

    [Fact]
    public void A_gated_pod_stays_SchedulingGated_without_events_or_node()
    {
        var r = Run(Gated("example.com/foo", "example.com/bar"), untilSeconds: 600);
        Assert.Equal(["SchedulingGated"], Statuses(r, "test-pod"));
        Assert.Empty(r.EventsFor("test-pod"));
        var last = Last(r, "test-pod");
        Assert.Equal("", last.Spec.NodeName);
        var condition = Assert.Single(last.Status!.Conditions);
        Assert.Equal(("PodScheduled", "False", "SchedulingGated", "Scheduling is blocked due to non-empty scheduling gates"),
            (condition.Type, condition.Status, condition.Reason, condition.Message));
        Assert.Equal(r.Start, condition.LastTransitionTime);
        Assert.Equal("Pending", last.Status.Phase);
    }

    [Fact]
    public void Removing_every_gate_lets_the_scheduler_bind_the_pod_at_that_moment()
    {
        var r = Run(Gated("example.com/foo", "example.com/bar"), Remove(10), untilSeconds: 60);
        Assert.Equal(["SchedulingGated", "Pending", "ContainerCreating", "Running"], Statuses(r, "test-pod"));
        var scheduled = Assert.Single(r.EventsFor("test-pod"), e => e.Reason == EventReasons.Scheduled);
        Assert.Equal(r.Start + TimeSpan.FromSeconds(10), scheduled.FirstTimestamp);
        var last = Last(r, "test-pod");
        Assert.Empty(last.Spec.SchedulingGates);
        Assert.Contains(last.Status!.Conditions, c => c.Type == "PodScheduled" && c.Status == "True" && c.Reason.Length == 0);
    }

    [Fact]
    public void Removing_one_of_two_gates_keeps_the_pod_gated()
    {
        var r = Run(Gated("example.com/foo", "example.com/bar"), Remove(10, "example.com/foo"), untilSeconds: 60);
        Assert.Equal(["SchedulingGated"], Statuses(r, "test-pod"));
        Assert.Empty(r.EventsFor("test-pod"));
        Assert.Equal([new PodSchedulingGate("example.com/bar")], Last(r, "test-pod").Spec.SchedulingGates);

        // The update itself is an API write: the object changes (a MODIFIED watch event) although the row does not.
        Assert.Contains(r.For("test-pod"), s => s.Kind == SnapshotKind.Modified && s.Time == r.Start + TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_released_pod_that_does_not_fit_gets_FailedScheduling_then()
    {
        var scenario = Remove(5) with
        {
            Nodes = ValueList.Of(Scenario.DefaultNode with { Capacity = ValueMap.Of(("cpu", Q("4")), ("memory", Q("8Gi")), ("pods", Q("0"))) }),
        };
        var r = Run(Gated("g"), scenario, untilSeconds: 60);
        var failed = Assert.Single(r.EventsFor("test-pod"));
        Assert.Equal(EventReasons.FailedScheduling, failed.Reason);
        Assert.StartsWith("0/1 nodes are available: 1 Too many pods.", failed.Message, StringComparison.Ordinal);
        Assert.Equal(r.Start + TimeSpan.FromSeconds(5), failed.FirstTimestamp);
        Assert.Equal(["SchedulingGated", "Pending"], Statuses(r, "test-pod"));
        Assert.Contains(Last(r, "test-pod").Status!.Conditions, c => c.Type == "PodScheduled" && c.Reason == "Unschedulable");
    }

    [Fact]
    public void Pod_ips_come_from_the_scenario_sorted_by_the_nodes_family()
    {
        var scenario = new Scenario
        {
            Pods = ValueMap.Of(("web", new PodScript { PodIPs = ValueList.Of("fd00::4", "10.0.0.4", "10.0.0.5") })),
        };
        var r = Run(Pod("web", "", null, C("app")), scenario, untilSeconds: 30);
        var status = Last(r, "web").Status!;
        Assert.Equal("10.0.0.4", status.PodIP);
        Assert.Equal(["10.0.0.4", "fd00::4"], status.PodIPs);
        Assert.Equal("10.0.0.4", PodPrinter.Row(Last(r, "web"), r.End).IP);
    }
}
