using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Events;
using PodConformance.Model.Printing;
using PodConformance.Model.Simulation;
using static PodConformance.Model.Tests.Simulation.SimulatorFixtures;

namespace PodConformance.Model.Tests.Simulation;

/// <summary>
/// SIM-017 (kuberuntime_manager.go computePodActions at kubernetes/kubernetes 83f7b41: keepCount == 0 and nothing to
/// start → KillPod, "To prevent the restartable init containers to keep pod alive"): running sidecars do not keep a pod
/// whose regular containers ended for good.
/// </summary>
public sealed class SidecarsOutliveTests
{
    private static Container Sidecar(string name) => C(name, "busybox") with { RestartPolicy = "Always" };

    private static Scenario AppExits(string pod, int code) => new()
    {
        Pods = ValueMap.Of((pod, new PodScript
        {
            Containers = ValueMap.Of(
                ("app", new ContainerScript(ValueList.Of(Exit(code, 10)))),
                ("log-agent", new ContainerScript(ValueList.Of(new ContainerRun())))),
        })),
    };

    [Theory]
    [InlineData("Never", 0, "Succeeded")]
    [InlineData("Never", 1, "Failed")]
    [InlineData("OnFailure", 0, "Succeeded")]
    public void The_kubelet_kills_the_pod_and_its_phase_ends_terminal(string policy, int code, string phase)
    {
        var r = Run(Pod("demo", policy, [Sidecar("log-agent")], C("app", "busybox")), AppExits("demo", code), untilSeconds: 120);
        var last = Last(r, "demo");
        Assert.Equal(phase, last.Status!.Phase);
        var sidecar = Assert.Single(last.Status.InitContainerStatuses);
        Assert.NotNull(sidecar.State.Terminated);
        Assert.Equal("0/2", PodPrinter.Row(last, r.End).Ready);

        // The status that shows the sidecar still running comes first (the kubelet writes it before the kill).
        var phases = r.For("demo").Select(s => s.Pod.Status?.Phase).ToList();
        Assert.Contains("Running", phases);
        Assert.True(phases.IndexOf(phase) > phases.LastIndexOf("Running"), string.Join(", ", phases));

        var killing = r.EventsFor("demo").Where(e => e.Reason == EventReasons.Killing).Select(e => e.FieldPath).ToList();
        Assert.Equal(["spec.initContainers{log-agent}"], killing);
    }

    [Theory]
    [InlineData("OnFailure", 1)]
    [InlineData("Always", 0)]
    [InlineData("Always", 1)]
    public void A_regular_container_that_restarts_keeps_the_pod_running(string policy, int code)
    {
        var r = Run(Pod("demo", policy, [Sidecar("log-agent")], C("app", "busybox")), AppExits("demo", code), untilSeconds: 120);
        var last = Last(r, "demo");
        Assert.Equal("Running", last.Status!.Phase);
        Assert.NotNull(Assert.Single(last.Status.InitContainerStatuses).State.Running);
        Assert.DoesNotContain(r.EventsFor("demo"), e => e.Reason == EventReasons.Killing);
    }

    [Fact]
    public void Two_sidecars_are_stopped_last_first()
    {
        var pod = Pod("demo", "Never", [Sidecar("log-agent"), Sidecar("proxy")], C("app", "busybox"));
        var scenario = new Scenario
        {
            Pods = ValueMap.Of(("demo", new PodScript { Containers = ValueMap.Of(("app", new ContainerScript(ValueList.Of(Exit(0, 10))))) })),
        };
        var r = Run(pod, scenario, untilSeconds: 120);
        Assert.Equal("Succeeded", Last(r, "demo").Status!.Phase);
        var killing = r.EventsFor("demo").Where(e => e.Reason == EventReasons.Killing).Select(e => e.FieldPath).ToList();
        Assert.Equal(["spec.initContainers{proxy}", "spec.initContainers{log-agent}"], killing);
    }
}
