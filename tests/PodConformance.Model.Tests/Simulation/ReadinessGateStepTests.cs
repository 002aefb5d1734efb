using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Simulation;
using static PodConformance.Model.Tests.Simulation.SimulatorFixtures;

namespace PodConformance.Model.Tests.Simulation;

/// <summary>
/// SIM-015: steps that set and remove a readiness gate's condition, and what the kubelet's status makes of them
/// (COND-001 keeps the foreign condition first, COND-005 reads it for Ready; messages from pkg/kubelet/status/generate.go).
/// </summary>
public class ReadinessGateStepTests
{
    private const string Gate = "example.com/lb-ready";

    private static Pod Gated() => Pod("test-pod", "", null, C("app")) is var p
        ? p with { Spec = p.Spec with { ReadinessGates = ValueList.Of(new PodReadinessGate(Gate)) } }
        : throw new InvalidOperationException();

    private static ScenarioStep Set(int atSeconds, string status) =>
        new() { At = TimeSpan.FromSeconds(atSeconds), Pod = "test-pod", SetCondition = new StepCondition(Gate, status) };

    private static ScenarioStep Remove(int atSeconds) => new() { At = TimeSpan.FromSeconds(atSeconds), Pod = "test-pod", RemoveCondition = Gate };

    private static PodCondition ConditionAt(SimulationResult r, int seconds, string type) =>
        r.For("test-pod").Last(s => s.Time <= r.Start + TimeSpan.FromSeconds(seconds)).Pod.Status!.Conditions.Single(c => c.Type == type);

    [Fact]
    public void Without_its_condition_a_gate_keeps_Ready_False_although_the_containers_are_ready()
    {
        var r = Run(Gated(), untilSeconds: 60);
        var ready = ConditionAt(r, 60, "Ready");
        Assert.Equal(("False", "ReadinessGatesNotReady", "corresponding condition of pod readiness gate \"example.com/lb-ready\" does not exist."),
            (ready.Status, ready.Reason, ready.Message));
        Assert.Equal("True", ConditionAt(r, 60, "ContainersReady").Status);
    }

    [Fact]
    public void Setting_the_gate_True_makes_the_pod_Ready_at_that_moment_and_False_says_so()
    {
        var r = Run(Gated(), new Scenario { Steps = ValueList.Of(Set(30, "True"), Set(60, "False"), Remove(90)) }, untilSeconds: 120);
        Assert.Equal("False", ConditionAt(r, 29, "Ready").Status);

        var ready = ConditionAt(r, 30, "Ready");
        Assert.Equal(("True", ""), (ready.Status, ready.Reason));
        Assert.Equal(r.Start + TimeSpan.FromSeconds(30), ready.LastTransitionTime);

        var notTrue = ConditionAt(r, 60, "Ready");
        Assert.Equal(("False", "ReadinessGatesNotReady", "the status of pod readiness gate \"example.com/lb-ready\" is not \"True\", but False"),
            (notTrue.Status, notTrue.Reason, notTrue.Message));

        Assert.Equal("corresponding condition of pod readiness gate \"example.com/lb-ready\" does not exist.", ConditionAt(r, 90, "Ready").Message);
        Assert.DoesNotContain(Last(r, "test-pod").Status!.Conditions, c => c.Type == Gate);
    }

    [Fact]
    public void The_gate_condition_comes_first_and_the_step_is_its_own_API_write()
    {
        var r = Run(Gated(), new Scenario { Steps = ValueList.Of(Set(30, "True")) }, untilSeconds: 60);
        var types = Last(r, "test-pod").Status!.Conditions.Select(c => c.Type).ToList();
        Assert.Equal(Gate, types[0]);
        Assert.Equal(["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"], types.Skip(1));

        // Two writes at 30 s: the controller's patch (Ready still False), then the kubelet's status (Ready True).
        var at30 = r.For("test-pod").Where(s => s.Time == r.Start + TimeSpan.FromSeconds(30)).ToList();
        Assert.Equal(2, at30.Count);
        Assert.Equal("False", at30[0].Pod.Status!.Conditions.Single(c => c.Type == "Ready").Status);
        Assert.Equal("True", at30[1].Pod.Status!.Conditions.Single(c => c.Type == "Ready").Status);
    }

    /// <summary>
    /// NeedToReconcilePodReadiness (pkg/kubelet/status/status_manager.go at 0033cb0a31e95198abfb1be70ce5befdf4e7eec1): a
    /// controller's write that leaves Ready as it is makes no kubelet sync, so only the controller's patch is written and
    /// its condition stays last, where the patch put it.
    /// </summary>
    [Fact]
    public void A_step_that_leaves_Ready_as_it_is_is_not_rewritten_by_the_kubelet()
    {
        var step = new ScenarioStep { At = TimeSpan.FromSeconds(30), Pod = "test-pod", SetCondition = new StepCondition("example.com/audited", "True") };
        var r = Run(Gated(), new Scenario { Steps = ValueList.Of(step) }, untilSeconds: 60);
        var at30 = r.For("test-pod").Where(s => s.Time == r.Start + TimeSpan.FromSeconds(30)).ToList();
        var written = Assert.Single(at30);
        Assert.Equal("example.com/audited", written.Pod.Status!.Conditions.Last().Type);
        Assert.Equal("False", written.Pod.Status.Conditions.Single(c => c.Type == "Ready").Status);
    }

    [Fact]
    public void A_gate_set_before_the_containers_are_ready_leaves_Ready_to_ContainersReady()
    {
        var scenario = Script("test-pod", "app", new ContainerRun { ReadyAfter = TimeSpan.FromSeconds(30) }) with { Steps = ValueList.Of(Set(5, "True")) };
        var r = Run(Gated(), scenario, untilSeconds: 60);
        var early = ConditionAt(r, 10, "Ready");
        Assert.Equal(("False", "ContainersNotReady"), (early.Status, early.Reason));
        Assert.Equal("True", ConditionAt(r, 60, "Ready").Status);
    }
}
