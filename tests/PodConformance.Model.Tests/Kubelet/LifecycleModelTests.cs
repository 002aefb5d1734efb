using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Profiles;
using static PodConformance.Model.Tests.Kubelet.LifecycleFixtures;

namespace PodConformance.Model.Tests.Kubelet;

/// <summary>The model's own API around the upstream functions: DerivePhase, Generate, ShouldRestart, status synthesis.</summary>
public class LifecycleModelTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T1 = T0.AddMinutes(5);

    private static Pod PodWith(PodSpec spec, PodStatus status) => new() { Metadata = new ObjectMeta { Name = "p" }, Spec = spec, Status = status };

    [Fact]
    public void Stored_terminal_phase_is_kept_and_cited()
    {
        var pod = PodWith(Spec("Always", [C("a")]), new PodStatus { Phase = "Succeeded", ContainerStatuses = [Running("a")] });
        var d = PodPhaseCalculator.DerivePhase(pod, Profile.Default);
        Assert.Equal("Succeeded", d.Phase);
        Assert.Contains(PhaseRules.TerminalSticky, d.Rules);
        Assert.Contains(PhaseRules.Running, d.Rules);
    }

    [Fact]
    public void DerivePhase_computes_podHasInitialized_from_a_started_regular_container()
    {
        // A sidecar restarting after initialization does not send the pod back to Pending (PHASE-016).
        var spec = Spec("Always", [C("app")], Sidecar("proxy"));
        var pod = PodWith(spec, new PodStatus { InitContainerStatuses = [Running("proxy")], ContainerStatuses = [Running("app")] });
        var d = PodPhaseCalculator.DerivePhase(pod, Profile.Default);
        Assert.Equal("Running", d.Phase);
        Assert.Equal([PhaseRules.StatusLookup, PhaseRules.PodHasInitialized, PhaseRules.Sidecar, PhaseRules.RegularContainer, PhaseRules.Running], d.Rules);
    }

    [Fact]
    public void Lookup_prefers_containerStatuses_over_initContainerStatuses()
    {
        // Same name in both lists (invalid upstream, but getPhase's lookup is defined): the regular list wins (PHASE-001).
        var spec = Spec("Never", [C("x")]);
        string phase = PodPhaseCalculator.GetPhase(spec, [Failed("x")], [Running("x")], false, false, Profile.Default);
        Assert.Equal("Running", phase);
    }

    [Fact]
    public void Static_pods_skip_the_terminal_shortcut()
    {
        var spec = Spec("Always", [C("a")]);
        string normal = PodPhaseCalculator.GetPhase(spec, [], [Succeeded("a")], podIsTerminal: true, false, GateOff);
        string staticPod = PodPhaseCalculator.GetPhase(spec, [], [Succeeded("a")], podIsTerminal: true, false, GateOff, isStaticPod: true);
        Assert.Equal("Succeeded", normal);
        Assert.Equal("Running", staticPod);
        Assert.True(PodPhaseCalculator.IsStaticPod(new ObjectMeta { Annotations = ValueMap.Of(("kubernetes.io/config.source", "file")) }));
        Assert.False(PodPhaseCalculator.IsStaticPod(new ObjectMeta { Annotations = ValueMap.Of(("kubernetes.io/config.source", "api")) }));
        Assert.False(PodPhaseCalculator.IsStaticPod(new ObjectMeta()));
    }

    [Theory]
    [InlineData(null, "Always", 1, true)]
    [InlineData(null, "OnFailure", 0, false)]
    [InlineData(null, "OnFailure", 2, true)]
    [InlineData(null, "Never", 2, false)]
    [InlineData(null, "", 0, true)]
    [InlineData("Never", "Always", 1, false)]
    [InlineData("Always", "Never", 0, true)]
    [InlineData("OnFailure", "Always", 0, false)]
    [InlineData("Bogus", "Never", 0, false)]
    public void ShouldRestart_without_rules(string? own, string pod, int exit, bool expected)
    {
        var c = new Container { Name = "c", RestartPolicy = own };
        Assert.Equal(expected, ContainerRestartPolicy.ShouldRestart(c, new PodSpec { RestartPolicy = pod }, exit, PerContainer));
    }

    [Fact]
    public void ShouldRestart_rules_first_match_wins_and_rules_need_a_container_policy()
    {
        ContainerRestartRule Rule(string action, string op, params int[] codes) =>
            new() { Action = action, ExitCodes = new ContainerRestartRuleOnExitCodes { Operator = op, Values = codes } };
        var c = new Container
        {
            Name = "c",
            RestartPolicy = "Never",
            RestartPolicyRules = [new ContainerRestartRule { Action = "Restart" }, Rule("Restart", "In", 42), Rule("Restart", "NotIn", 1, 2)],
        };
        var spec = new PodSpec { RestartPolicy = "Never" };
        Assert.True(ContainerRestartPolicy.ShouldRestart(c, spec, 42, PerContainer));
        Assert.True(ContainerRestartPolicy.ShouldRestart(c, spec, 7, PerContainer));
        Assert.False(ContainerRestartPolicy.ShouldRestart(c, spec, 1, PerContainer));
        Assert.False(ContainerRestartPolicy.ShouldRestart(c with { RestartPolicy = null }, spec, 42, PerContainer));

        var restartAll = c with { RestartPolicyRules = [Rule("RestartAllContainers", "In", 42)] };
        Assert.True(ContainerRestartPolicy.ShouldRestart(restartAll, spec, 42, RestartAll));
        Assert.False(ContainerRestartPolicy.ShouldRestart(restartAll, spec, 42, PerContainer));
    }

    [Fact]
    public void Generate_orders_conditions_keeps_foreign_ones_and_transition_times()
    {
        var spec = Spec("Always", [C("app")], C("init")) with { ReadinessGates = [new PodReadinessGate("example.com/lb")] };
        var status = new PodStatus
        {
            Phase = "Running",
            Conditions =
            [
                new PodCondition { Type = "example.com/lb", Status = "True", LastTransitionTime = T0 },
                new PodCondition { Type = "Ready", Status = "False", LastTransitionTime = T0, Reason = "ContainersNotReady" },
                new PodCondition { Type = "Initialized", Status = "True", LastTransitionTime = T0 },
                new PodCondition { Type = "DisruptionTarget", Status = "True", LastTransitionTime = T0, Reason = "EvictionByEvictionAPI" },
            ],
            InitContainerStatuses = [Succeeded("init") with { Ready = true }],
            ContainerStatuses = [Running("app") with { Ready = true, Started = true }],
        };
        var result = PodConditionsGenerator.Generate(PodWith(spec, status), "Running", sandboxReady: true, Profile.Default, T1);
        Assert.Equal(
            ["example.com/lb", "DisruptionTarget", "PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"],
            result.Conditions.Select(c => c.Type));
        Assert.All(result.Conditions, c => Assert.Equal("True", c.Status));
        Assert.Equal(T0, result.Find("Initialized")!.LastTransitionTime);
        Assert.Equal(T1, result.Find("Ready")!.LastTransitionTime);
        Assert.Equal(T0, result.Find("DisruptionTarget")!.LastTransitionTime);
        Assert.Equal("", result.Find("Ready")!.Reason);
        Assert.Contains(ConditionRules.TransitionTime, result.Rules);
    }

    [Fact]
    public void Generate_without_the_gate_has_no_PodReadyToStartContainers()
    {
        var profile = Profile.Default with { Overrides = ValueMap.Of((FeatureGateNames.PodReadyToStartContainersCondition, false)) };
        var pod = PodWith(Spec("Always", [C("a"), C("b")]), new PodStatus { ContainerStatuses = [Running("a"), Waiting("b", "ContainerCreating")] });
        var result = PodConditionsGenerator.Generate(pod, "Pending", true, profile, T0);
        Assert.Equal(["Initialized", "Ready", "ContainersReady", "PodScheduled"], result.Conditions.Select(c => c.Type));
        Assert.Equal("containers with unready status: [a b]", result.Find("Ready")!.Message);
    }

    [Fact]
    public void Default_waiting_reason_depends_on_init_containers()
    {
        Assert.Equal("ContainerCreating", ContainerStatusSynthesis.DefaultWaitingReason(Spec("Always", [C("a")])));
        Assert.Equal("PodInitializing", ContainerStatusSynthesis.DefaultWaitingReason(Spec("Always", [C("a")], Sidecar("s"))));
        var s = ContainerStatusSynthesis.DefaultStatus(new Container { Name = "a", Image = "nginx" }, Spec("Always", [C("a")], C("i")));
        Assert.Equal("PodInitializing", s.State.Waiting!.Reason);
        Assert.Equal("nginx", s.Image);
    }

    // TestConvertToAPIContainerStatuses "no current status, with previous statuses and (no) deletion"
    // (kubelet_pods_test.go @001a80e975bb880d0fe60b304d30950fe661f278): waitingWithLastTerminationUnknown(name, 0/1).
    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public void Vanished_running_container_gets_ContainerStatusUnknown(bool deleting, int restartCount)
    {
        var s = ContainerStatusSynthesis.VanishedWhileRunning(Running("containerA"), Spec("Always", [C("containerA"), C("containerB")]), deleting);
        var expected = new ContainerStatus
        {
            Name = "containerA",
            State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = "ContainerCreating" } },
            LastState = new ContainerState
            {
                Terminated = new ContainerStateTerminated
                {
                    Reason = "ContainerStatusUnknown",
                    Message = "The container could not be located when the pod was deleted.  The container used to be Running",
                    ExitCode = 137,
                },
            },
            RestartCount = restartCount,
        };
        Assert.Equal(expected, s);
    }

    [Fact]
    public void Backoff_and_restart_move_the_exit_into_lastState()
    {
        var exited = Terminated("a", 1) with { RestartCount = 2 };
        var backoff = ContainerStatusSynthesis.EnterBackOff(exited, "CrashLoopBackOff", "back-off 20s restarting failed container=a");
        Assert.Equal("CrashLoopBackOff", backoff.State.Waiting!.Reason);
        Assert.Equal(1, backoff.LastState.Terminated!.ExitCode);
        Assert.Equal(2, backoff.RestartCount);

        var restarted = ContainerStatusSynthesis.Restart(exited, T1);
        Assert.Equal(T1, restarted.State.Running!.StartedAt);
        Assert.Equal(1, restarted.LastState.Terminated!.ExitCode);
        Assert.Equal(3, restarted.RestartCount);

        // A crash-looping container is "stopped" for the phase, not "waiting" (PHASE-004).
        Assert.Equal("Running", PodPhaseCalculator.GetPhase(Spec("Always", [C("a")]), [], [backoff], false, true, GateOff));
    }

    // TestConvertToAPIContainerStatuses "Unable to get init container status from container runtime and pod has been
    // initialized, treat it as exited normally" (kubelet_pods_test.go @001a80e975bb880d0fe60b304d30950fe661f278).
    [Fact]
    public void Collected_init_container_is_reported_completed()
    {
        var s = ContainerStatusSynthesis.InitContainerAssumedCompleted(C("init-1"));
        Assert.Equal("Completed", s.State.Terminated!.Reason);
        Assert.Equal("Unable to get init container status from container runtime and pod has been initialized, treat it as exited normally", s.State.Terminated.Message);
        Assert.Equal(0, s.State.Terminated.ExitCode);
    }
}
