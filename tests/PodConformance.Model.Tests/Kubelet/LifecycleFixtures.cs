using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Kubelet;

/// <summary>
/// Named container statuses and specs for the lifecycle tests, mirroring the upstream helpers of
/// pkg/kubelet/kubelet_pods_test.go (runningState, waitingStateWithLastTermination, failedState…) and
/// pkg/kubelet/status/generate_test.go (getReadyStatus, getStartedStatus…).
/// </summary>
internal static class LifecycleFixtures
{
    public static readonly Profile GateOff = Profile.For(new KubernetesVersion(1, 33));
    public static readonly Profile PerContainer = Profile.For(new KubernetesVersion(1, 34)) with
    {
        Overrides = ValueMap.Of((FeatureGateNames.ContainerRestartRules, true)),
    };

    public static readonly Profile RestartAll = Profile.For(new KubernetesVersion(1, 35)) with
    {
        Overrides = ValueMap.Of((FeatureGateNames.ContainerRestartRules, true), (FeatureGateNames.RestartAllContainersOnContainerExits, true)),
    };

    public static Container C(string name) => new() { Name = name };

    public static Container Sidecar(string name) => new() { Name = name, RestartPolicy = "Always" };

    public static Container WithPolicy(string name, string policy) => new() { Name = name, RestartPolicy = policy };

    public static PodSpec Spec(string restartPolicy, Container[] containers, params Container[] init) =>
        new() { RestartPolicy = restartPolicy, Containers = containers, InitContainers = init, NodeName = "machine" };

    public static ContainerStatus Running(string name) =>
        new() { Name = name, State = new ContainerState { Running = new ContainerStateRunning() } };

    /// <summary>Running with <c>started: true</c> (upstream startedState).</summary>
    public static ContainerStatus Started(string name) => Running(name) with { Started = true };

    public static ContainerStatus Waiting(string name, string reason = "") =>
        new() { Name = name, State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = reason } } };

    /// <summary>Waiting after an exit with code <paramref name="exit"/> (crash-loop back-off).</summary>
    public static ContainerStatus WaitingWithLastTermination(string name, int exit = 0) =>
        Waiting(name) with { LastState = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = exit } } };

    public static ContainerStatus WaitingWithNonZeroTermination(string name) => WaitingWithLastTermination(name, -1);

    public static ContainerStatus WaitingRestartingAllContainers(string name) => new()
    {
        Name = name,
        State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = "RestartingAllContainers", Message = "The container is removed because RestartAllContainers in place" } },
        LastState = new ContainerState
        {
            Terminated = new ContainerStateTerminated { Reason = "RestartingAllContainers", Message = "The container is removed because RestartAllContainers in place", ExitCode = 137 },
        },
    };

    public static ContainerStatus Terminated(string name, int exit) =>
        new() { Name = name, State = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = exit } } };

    /// <summary>Upstream stoppedState: terminated with a zero value (exit 0).</summary>
    public static ContainerStatus Stopped(string name) => Terminated(name, 0);

    public static ContainerStatus Succeeded(string name) => Terminated(name, 0);

    /// <summary>Upstream failedState: exit code -1.</summary>
    public static ContainerStatus Failed(string name) => Terminated(name, -1);

    /// <summary>Status with no state at all, ready (upstream getReadyStatus).</summary>
    public static ContainerStatus ReadyStatus(string name) => new() { Name = name, Ready = true };

    public static ContainerStatus NotReadyStatus(string name) => new() { Name = name, Ready = false };

    public static ContainerStatus StartedFlag(string name, bool started) => new() { Name = name, Started = started };

    public static ContainerStatus[] S(params ContainerStatus[] statuses) => statuses;
}
