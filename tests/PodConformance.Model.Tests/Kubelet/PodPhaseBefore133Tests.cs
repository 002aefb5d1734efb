using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Kubelet;

/// <summary>
/// getPhase before 1.33 (spec/phase.md PHASE-007, PHASE-016), read in the kubelet as kubeedge/kubeedge vendors it:
/// v1.28.6 (5dd0aee16), v1.29.11 (6f8c07957), v1.30.7 (9b280adfa) and v1.31.11 (7e0e20fc2) have one function, with
/// a single pendingInitialization counter excused by kubecontainer.HasAnyRegularContainerStarted; v1.32.10
/// (549263582) splits the counter so a pending regular init container is Pending on its own; OpenShift's forks in
/// openshift/microshift (release-4.15 … release-4.19) have the same function text at each release. From 1.33 the
/// caller passes podHasInitialized.
/// </summary>
public class PodPhaseBefore133Tests
{
    private static readonly DateTimeOffset T = DateTimeOffset.UnixEpoch;

    private static Profile V(int minor) => Profile.For(new KubernetesVersion(1, minor));

    private static ContainerStatus Running(string name, bool started = true) => new()
    {
        Name = name,
        State = new ContainerState { Running = new ContainerStateRunning { StartedAt = T } },
        Started = started,
    };

    private static ContainerStatus CrashLooping(string name) => new()
    {
        Name = name,
        State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = "CrashLoopBackOff" } },
        LastState = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = 1 } },
        RestartCount = 1,
    };

    [Fact]
    public void A_running_regular_init_container_beside_a_started_container_is_excused_until_1_31()
    {
        // A regular init container runs again (its sandbox was re-created) while the API still shows the app running.
        var spec = new PodSpec
        {
            RestartPolicy = "Always",
            InitContainers = ValueList.Of(new Container { Name = "init", Image = "busybox" }),
            Containers = ValueList.Of(new Container { Name = "app", Image = "nginx" }),
        };
        ContainerStatus[] init = [Running("init")];
        ContainerStatus[] regular = [Running("app")];

        Assert.Equal("Running", PodPhaseCalculator.GetPhase(spec, init, regular, podIsTerminal: false, podHasInitialized: false, V(28)));
        Assert.Equal("Running", PodPhaseCalculator.GetPhase(spec, init, regular, podIsTerminal: false, podHasInitialized: false, V(31)));
        Assert.Equal("Pending", PodPhaseCalculator.GetPhase(spec, init, regular, podIsTerminal: false, podHasInitialized: true, V(32)));
        Assert.Equal("Pending", PodPhaseCalculator.GetPhase(spec, init, regular, podIsTerminal: false, podHasInitialized: true, V(33)));
    }

    [Fact]
    public void An_unstarted_sidecar_beside_a_crash_looping_container_is_Pending_until_1_32()
    {
        // HasAnyRegularContainerStarted counts running or terminated states only; a container waiting after a
        // termination has not "started" for it, while from 1.33 the caller's podHasInitialized says it has.
        var spec = new PodSpec
        {
            RestartPolicy = "Always",
            InitContainers = ValueList.Of(new Container { Name = "proxy", Image = "envoy", RestartPolicy = "Always" }),
            Containers = ValueList.Of(new Container { Name = "app", Image = "nginx" }),
        };
        ContainerStatus[] init = [Running("proxy", started: false)];
        ContainerStatus[] regular = [CrashLooping("app")];

        Assert.Equal("Pending", PodPhaseCalculator.GetPhase(spec, init, regular, podIsTerminal: false, podHasInitialized: true, V(30)));
        Assert.Equal("Pending", PodPhaseCalculator.GetPhase(spec, init, regular, podIsTerminal: false, podHasInitialized: true, V(32)));
        Assert.Equal("Running", PodPhaseCalculator.GetPhase(spec, init, regular, podIsTerminal: false, podHasInitialized: true, V(33)));

        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "p", Namespace = "ns" },
            Spec = spec,
            Status = new PodStatus { InitContainerStatuses = ValueList.Of(init), ContainerStatuses = ValueList.Of(regular) },
        };
        Assert.Equal("Pending", PodPhaseCalculator.DerivePhase(pod, V(32)).Phase);
        Assert.Equal("Running", PodPhaseCalculator.DerivePhase(pod, V(33)).Phase);
    }
}
