using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Printing;
using PodConformance.Model.Simulation;
using static PodConformance.Model.Tests.Simulation.SimulatorFixtures;

namespace PodConformance.Model.Tests.Simulation;

/// <summary>
/// PHASE-018/019: what a restarting container shows before its new instance exists (kubelet_pods.go
/// convertToAPIContainerStatuses at 001a80e975bb880d0fe60b304d30950fe661f278).
/// </summary>
public class RestartStatusTests
{
    /// <summary>An image pulled on every start (policy Always) and a container OOM-killed after 5 s, restarted at once.</summary>
    private static SimulationResult OomThenPull(int untilSeconds = 30)
    {
        var app = C("app", "myapp:latest") with
        {
            ImagePullPolicy = "Always",
            Resources = new ResourceRequirements { Limits = ValueMap.Of(("memory", Q("512Mi"))) },
        };
        var pod = Pod("oom", "", null, app);
        var run = new ContainerRun { AllocateMemory = Q("600Mi"), After = TimeSpan.FromSeconds(5) };
        return Run(pod, Script("oom", "app", run, new ContainerRun()) with { Images = new ImageCatalog { PullDuration = TimeSpan.FromSeconds(3) } }, untilSeconds: untilSeconds);
    }

    [Fact]
    public void A_restart_that_pulls_keeps_the_terminated_state_and_the_phase_Running()
    {
        var r = OomThenPull();
        Assert.Equal(["Pending", "ContainerCreating", "Running", "OOMKilled", "Running"], Statuses(r, "oom"));
        var phases = r.For("oom").Select(s => s.Pod.Status!.Phase).Where(p => p.Length != 0).ToList();
        int firstRunning = phases.IndexOf("Running");
        Assert.DoesNotContain("Pending", phases.Skip(firstRunning));
    }

    [Fact]
    public void While_the_image_pulls_the_state_is_the_exit_and_last_state_is_empty_until_the_new_instance_runs()
    {
        var r = OomThenPull();
        var pulling = r.For("oom").Select(s => s.Pod).Last(p => p.Status!.ContainerStatuses is { IsEmpty: false } cs && cs[0].State.Terminated is not null);
        var status = pulling.Status!.ContainerStatuses[0];
        Assert.Equal(("OOMKilled", 137), (status.State.Terminated!.Reason, status.State.Terminated.ExitCode));
        Assert.Null(status.LastState.Terminated);
        Assert.Equal(0, status.RestartCount);

        var running = Last(r, "oom").Status!.ContainerStatuses[0];
        Assert.NotNull(running.State.Running);
        Assert.Equal(("OOMKilled", 137), (running.LastState.Terminated!.Reason, running.LastState.Terminated.ExitCode));
        Assert.Equal(1, running.RestartCount);
        Assert.Equal("1 (" + HumanDuration.Format(r.End - running.LastState.Terminated.FinishedAt!.Value) + " ago)", PodPrinter.Row(Last(r, "oom"), r.End).Restarts);
    }

    [Fact]
    public void A_cached_start_error_waits_with_its_reason_and_the_exit_in_last_state()
    {
        // Second run crashes too: the second restart waits in CrashLoopBackOff (PHASE-019) with the exit in lastState.
        var pod = Pod("crash", "", null, C("app"));
        var r = Run(pod, Script("crash", "app", Exit(1, 2)), untilSeconds: 30);
        var waiting = r.For("crash").Select(s => s.Pod.Status!).First(s => s.ContainerStatuses is { IsEmpty: false } cs && cs[0].State.Waiting?.Reason == "CrashLoopBackOff");
        Assert.Equal(("Error", 1), (waiting.ContainerStatuses[0].LastState.Terminated!.Reason, waiting.ContainerStatuses[0].LastState.Terminated!.ExitCode));
        Assert.Equal("Running", waiting.Phase);
    }
}
