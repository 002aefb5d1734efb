using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Printing;
using PodConformance.Model.Profiles;
using PodConformance.Model.Simulation;
using static PodConformance.Model.Tests.Simulation.SimulatorFixtures;

namespace PodConformance.Model.Tests.Simulation;

/// <summary>
/// SIM-016, PHASE-020, COND-009: a container exiting with a code its RestartAllContainers rule names restarts the
/// whole pod in place (the e2e "should restart all containers on regular container exit" shape: an init container, a
/// triggering container with restartPolicy Never that exits 42 once, and a bystander).
/// </summary>
public class RestartAllSimulationTests
{
    private static readonly Profile RestartAll = Profile.For(new KubernetesVersion(1, 35)) with
    {
        Overrides = ValueMap.Of(
            (FeatureGateNames.ContainerRestartRules, true),
            (FeatureGateNames.RestartAllContainersOnContainerExits, true),
            ("NodeDeclaredFeatures", true)),
    };

    private static Pod Gang()
    {
        var rule = new ContainerRestartRule { Action = "RestartAllContainers", ExitCodes = new ContainerRestartRuleOnExitCodes { Operator = "In", Values = [42] } };
        var source = C("source") with { RestartPolicy = "Never", RestartPolicyRules = [rule] };
        return Pod("gang", "Never", [C("init")], source, C("regular"));
    }

    private static SimulationResult RunGang(Profile profile) =>
        Run(Gang(), Script("gang", "source", Exit(42, 5), new ContainerRun()), profile, untilSeconds: 60);

    [Fact]
    public void The_exit_raises_AllContainersRestarting_then_every_container_waits_RestartingAllContainers()
    {
        var r = RunGang(RestartAll);
        var statuses = r.For("gang").Select(s => s.Pod.Status!).ToList();

        var restarting = statuses.First(s => s.Conditions.Any(c => c.Type == "AllContainersRestarting" && c.Status == "True"));
        var condition = restarting.Conditions.Single(c => c.Type == "AllContainersRestarting");
        Assert.Equal(("RestartAllContainersStarted", "container exited with restart policy rule"), (condition.Reason, condition.Message));
        Assert.Equal("PodScheduled", restarting.Conditions[^2].Type);
        Assert.Equal(42, restarting.ContainerStatuses[0].State.Terminated!.ExitCode);

        var cleaned = statuses.First(s => s.ContainerStatuses.Count > 0 && s.ContainerStatuses.All(c => c.State.Waiting?.Reason == ContainerStatusSynthesis.RestartingAllContainers));
        foreach (var c in cleaned.ContainerStatuses.Concat(cleaned.InitContainerStatuses))
        {
            Assert.Equal(ContainerStatusSynthesis.RestartingAllContainers, c.State.Waiting!.Reason);
            Assert.Equal(ContainerStatusSynthesis.RestartingAllContainersMessage, c.State.Waiting.Message);
            Assert.Equal((137, ContainerStatusSynthesis.RestartingAllContainers), (c.LastState.Terminated!.ExitCode, c.LastState.Terminated.Reason));
            Assert.Equal(1, c.RestartCount);
        }

        Assert.Equal("False", cleaned.Conditions.Single(c => c.Type == "AllContainersRestarting").Status);
        Assert.Equal("Running", cleaned.Phase);
        var row = PodPrinter.Row(r.For("gang").First(s => s.Pod.Status == cleaned).Pod, r.End);
        // While an init container is not done kubectl counts init restarts only (PRINT rules): the init container's 1.
        Assert.Equal(("Init:RestartingAllContainers", "0/2", "1"), (row.Status, row.Ready, row.Restarts));
    }

    [Fact]
    public void The_pod_starts_again_from_its_init_container_and_keeps_the_restart_in_lastState_and_restartCount()
    {
        var r = RunGang(RestartAll);
        // PHASE-020: only the status right after the cleanup says RestartingAllContainers; from the next sync on
        // ShouldAllContainersRestart is false (previous condition False, nothing terminated), so the regular containers
        // wait with the default reason again, as on the first start (convertToAPIContainerStatuses at v1.36.3).
        Assert.Equal(["Pending", "Init:0/1", "PodInitializing", "Running", "Error", "Init:RestartingAllContainers", "Init:0/1", "PodInitializing", "Running"], Statuses(r, "gang"));
        var initializing = r.For("gang").Select(s => s.Pod.Status!)
            .SkipWhile(s => !s.ContainerStatuses.Any(c => c.State.Waiting?.Reason == ContainerStatusSynthesis.RestartingAllContainers))
            .Skip(1).First();
        foreach (var c in initializing.ContainerStatuses)
        {
            Assert.Equal(("PodInitializing", ""), (c.State.Waiting!.Reason, c.State.Waiting.Message ?? ""));
            Assert.Equal((137, ContainerStatusSynthesis.RestartingAllContainers), (c.LastState.Terminated!.ExitCode, c.LastState.Terminated.Reason));
            Assert.Equal(1, c.RestartCount);
        }

        var last = Last(r, "gang").Status!;
        Assert.Equal("Running", last.Phase);
        foreach (var c in last.ContainerStatuses)
        {
            Assert.NotNull(c.State.Running);
            Assert.Equal(1, c.RestartCount);
            Assert.Equal(ContainerStatusSynthesis.RestartingAllContainers, c.LastState.Terminated!.Reason);
        }

        var init = last.InitContainerStatuses[0];
        Assert.Equal(("Completed", 1), (init.State.Terminated!.Reason, init.RestartCount));
        // SyncPod kills with the message "killing" (kuberuntime_manager.go as stored in fork natasha41575/kubernetes at 1a51be50).
        var killing = Assert.Single(r.EventsFor("gang"), e => e.Reason == "Killing");
        Assert.Equal(("killing", "spec.containers{regular}"), (killing.Message, killing.FieldPath));
        Assert.Equal("2", PodPrinter.Row(Last(r, "gang"), r.End).Restarts);
    }

    [Fact]
    public void The_cleanup_status_stays_while_the_next_SyncPod_pulls_and_ends_when_it_creates_a_container()
    {
        // PHASE-020: the SyncPod after the cleanup status works under that status (no new one is generated while it
        // pulls); the status after it has ShouldAllContainersRestart false, so the default waiting reason.
        var rule = new ContainerRestartRule { Action = "RestartAllContainers", ExitCodes = new ContainerRestartRuleOnExitCodes { Operator = "In", Values = [42] } };
        var source = C("source") with { RestartPolicy = "Never", RestartPolicyRules = [rule] };
        var pod = Pod("gang", "Never", [C("init") with { ImagePullPolicy = "Always" }], source, C("regular"));
        var scenario = Script("gang", "source", Exit(42, 5), new ContainerRun()) with
        {
            Images = new ImageCatalog { PullDuration = TimeSpan.FromSeconds(3) },
        };
        var r = Run(pod, scenario, RestartAll, untilSeconds: 60);
        var after = r.For("gang").Select(s => s.Pod.Status!)
            .SkipWhile(s => !s.ContainerStatuses.Any(c => c.State.Waiting?.Reason == ContainerStatusSynthesis.RestartingAllContainers))
            .ToList();
        // The init container's pull: still the cleanup status for every regular container.
        var pulling = after.TakeWhile(s => s.InitContainerStatuses[0].State.Running is null).ToList();
        Assert.NotEmpty(pulling);
        var killedAt = r.EventsFor("gang").First(e => e.Reason == "Killing").LastTimestamp;
        Assert.Contains(r.EventsFor("gang"), e => e.Reason == "Pulling" && e.FieldPath == "spec.initContainers{init}" && e.LastTimestamp > killedAt);
        Assert.All(pulling, s => Assert.All(s.ContainerStatuses, c => Assert.Equal(ContainerStatusSynthesis.RestartingAllContainers, c.State.Waiting!.Reason)));
        // Once the init container is created: PodInitializing, with the restart kept in lastState and restartCount.
        var created = after.First(s => s.InitContainerStatuses[0].State.Running is not null);
        Assert.All(created.ContainerStatuses, c => Assert.Equal(("PodInitializing", 137, 1), (c.State.Waiting!.Reason, c.LastState.Terminated!.ExitCode, c.RestartCount)));
    }

    [Fact]
    public void Running_regular_containers_are_killed_in_spec_order_before_the_sidecars()
    {
        // computePodActions' RestartAllContainers branch: targets of spec.containers, then of spec.initContainers (each in
        // spec order); the exited source is only removed (kuberuntime_manager.go as stored in fork natasha41575/kubernetes
        // at 1a51be50ec47ff0da0affc87af7e70303a635b7b, getContainersToReset).
        var rule = new ContainerRestartRule { Action = "RestartAllContainers", ExitCodes = new ContainerRestartRuleOnExitCodes { Operator = "In", Values = [42] } };
        var sidecars = new[] { C("log") with { RestartPolicy = "Always" }, C("proxy") with { RestartPolicy = "Always" } };
        var pod = Pod("gang", "Always", sidecars, C("first"), C("source") with { RestartPolicy = "Never", RestartPolicyRules = [rule] }, C("last"));
        var r = Run(pod, Script("gang", "source", Exit(42, 5), new ContainerRun()), RestartAll, untilSeconds: 30);
        var kills = r.EventsFor("gang").Where(e => e.Reason == "Killing").ToList();
        Assert.Equal(
            ["spec.containers{first}", "spec.containers{last}", "spec.initContainers{log}", "spec.initContainers{proxy}"],
            kills.Select(e => e.FieldPath).ToList());
        Assert.All(kills, e => Assert.Equal("killing", e.Message));
    }

    [Fact]
    public void An_exit_the_rule_does_not_name_follows_the_container_policy_and_the_condition_stays_False()
    {
        var r = Run(Gang(), Script("gang", "source", Exit(1, 5), new ContainerRun()), RestartAll, untilSeconds: 60);
        var last = Last(r, "gang").Status!;
        Assert.Equal(("Error", 1), (last.ContainerStatuses[0].State.Terminated!.Reason, last.ContainerStatuses[0].State.Terminated!.ExitCode));
        Assert.All(last.ContainerStatuses.Concat(last.InitContainerStatuses), c => Assert.Equal(0, c.RestartCount));
        Assert.All(r.For("gang").Where(s => s.Pod.Status!.Conditions.Any(c => c.Type == "PodScheduled" && c.Status == "True") && s.Pod.Status.ContainerStatuses.Count > 0),
            s => Assert.Equal("False", s.Pod.Status!.Conditions.Single(c => c.Type == "AllContainersRestarting").Status));
        Assert.DoesNotContain(r.EventsFor("gang"), e => e.Reason == "Killing");
    }
}
