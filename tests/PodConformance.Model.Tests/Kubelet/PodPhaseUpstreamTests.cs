using System.Text;
using PodConformance.Model.Api;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Profiles;
using static PodConformance.Model.Tests.Kubelet.LifecycleFixtures;

namespace PodConformance.Model.Tests.Kubelet;

/// <summary>
/// Every case of the ten upstream <c>TestPodPhaseWith*</c> functions of kubernetes/kubernetes
/// pkg/kubelet/kubelet_pods_test.go at commit 001a80e975bb880d0fe60b304d30950fe661f278, same names, same
/// statuses passed as upstream's single lookup list, same expected phases. Tests that ran with default gates
/// upstream are checked both without ContainerRestartRules (1.33) and with it (1.34 + gate): both code paths
/// of getPhase must agree on them.
/// </summary>
public class PodPhaseUpstreamTests
{
    private sealed record Case(string Name, PodSpec Spec, ContainerStatus[] Statuses, string Expected, bool Terminal = false, bool Initialized = false);

    private const string Pending = PodPhases.Pending;
    private const string Running_ = PodPhases.Running;
    private const string Succeeded_ = PodPhases.Succeeded;
    private const string Failed_ = PodPhases.Failed;

    private static void AssertAll(IEnumerable<Case> cases, params Profile[] profiles)
    {
        var failures = new StringBuilder();
        int n = 0;
        foreach (var profile in profiles)
        {
            foreach (var c in cases)
            {
                n++;
                string got = PodPhaseCalculator.GetPhaseFromStatusList(c.Spec, c.Statuses, c.Terminal, c.Initialized, profile);
                if (!string.Equals(got, c.Expected, StringComparison.Ordinal))
                {
                    failures.Append(System.Globalization.CultureInfo.InvariantCulture, $"[{profile}] {c.Name}: expected {c.Expected}, got {got}\n");
                }

                var explained = PodPhaseCalculator.Explain(c.Spec, [], c.Statuses, c.Terminal, c.Initialized, profile);
                Assert.Equal(got, explained.Phase);
            }
        }

        Assert.True(n > 0);
        Assert.True(failures.Length == 0, failures.ToString());
    }

    // TestPodPhaseWithRestartAlways (commit 001a80e975bb880d0fe60b304d30950fe661f278)
    [Fact]
    public void TestPodPhaseWithRestartAlways()
    {
        var spec = Spec("Always", [C("containerA"), C("containerB")]);
        AssertAll(
        [
            new("waiting", spec, [], Pending),
            new("all running", spec, S(Running("containerA"), Running("containerB")), Running_),
            new("all stopped with restart always", spec, S(Stopped("containerA"), Stopped("containerB")), Running_),
            new("all succeeded with restart always, but the pod is terminal", spec, S(Succeeded("containerA"), Succeeded("containerB")), Succeeded_, Terminal: true),
            new("all stopped with restart always, but the pod is terminal", spec, S(Succeeded("containerA"), Failed("containerB")), Failed_, Terminal: true),
            new("mixed state #1 with restart always", spec, S(Running("containerA"), Stopped("containerB")), Running_),
            new("mixed state #2 with restart always", spec, S(Running("containerA")), Pending),
            new("mixed state #3 with restart always", spec, S(Running("containerA"), Waiting("containerB")), Pending),
            new("backoff crashloop container with restart always", spec, S(Running("containerA"), WaitingWithLastTermination("containerB")), Running_),
        ], GateOff, PerContainer);
    }

    // TestPodPhaseWithRestartAlwaysInitContainers (commit 001a80e975bb880d0fe60b304d30950fe661f278)
    [Fact]
    public void TestPodPhaseWithRestartAlwaysInitContainers()
    {
        var spec = Spec("Always", [C("containerA"), C("containerB")], C("containerX"));
        AssertAll(
        [
            new("empty, waiting", spec, [], Pending),
            new("init container running", spec, S(Running("containerX")), Pending),
            new("init container terminated non-zero", spec, S(Failed("containerX")), Pending),
            new("init container waiting, terminated zero", spec, S(WaitingWithLastTermination("containerX")), Pending),
            new("init container waiting, terminated non-zero", spec, S(WaitingWithNonZeroTermination("containerX")), Pending),
            new("init container waiting, not terminated", spec, S(Waiting("containerX")), Pending),
            new("init container succeeded", spec, S(Succeeded("containerX"), Running("containerA"), Running("containerB")), Running_),
        ], GateOff, PerContainer);
    }

    // TestPodPhaseWithRestartAlwaysRestartableInitContainers (commit 001a80e975bb880d0fe60b304d30950fe661f278)
    [Fact]
    public void TestPodPhaseWithRestartAlwaysRestartableInitContainers()
    {
        var spec = Spec("Always", [C("containerA"), C("containerB")], Sidecar("containerX"));
        AssertAll(
        [
            new("empty, waiting", spec, [], Pending),
            new("restartable init container running", spec, S(Running("containerX")), Pending),
            new("restartable init container stopped", spec, S(Stopped("containerX")), Pending),
            new("restartable init container waiting, terminated zero", spec, S(WaitingWithLastTermination("containerX")), Pending),
            new("restartable init container waiting, terminated non-zero", spec, S(WaitingWithNonZeroTermination("containerX")), Pending),
            new("restartable init container waiting, not terminated", spec, S(Waiting("containerX")), Pending),
            new("restartable init container started, 1/2 regular container running", spec, S(Started("containerX"), Running("containerA")), Pending, Initialized: true),
            new("restartable init container started, all regular containers running", spec, S(Started("containerX"), Running("containerA"), Running("containerB")), Running_, Initialized: true),
            new("restartable init container running, all regular containers running", spec, S(Running("containerX"), Running("containerA"), Running("containerB")), Running_, Initialized: true),
            new("restartable init container stopped, all regular containers running", spec, S(Stopped("containerX"), Running("containerA"), Running("containerB")), Running_, Initialized: true),
            new("backoff crashloop restartable init container, all regular containers running", spec, S(WaitingWithLastTermination("containerX"), Running("containerA"), Running("containerB")), Running_, Initialized: true),
            new("all regular containers succeeded and restartable init container failed with restart always, but the pod is terminal", spec, S(Failed("containerX"), Succeeded("containerA"), Succeeded("containerB")), Succeeded_, Terminal: true, Initialized: true),
            new("all regular containers succeeded and restartable init container succeeded with restart always, but the pod is terminal", spec, S(Succeeded("containerX"), Succeeded("containerA"), Succeeded("containerB")), Succeeded_, Terminal: true, Initialized: true),
            new("re-initializing the pod after the sandbox is recreated", spec, S(Running("containerX"), Running("containerA"), Running("containerB")), Pending),
        ], GateOff, PerContainer);
    }

    // TestPodPhaseWithRestartAlwaysAndPodHasRun (commit 001a80e975bb880d0fe60b304d30950fe661f278)
    [Fact]
    public void TestPodPhaseWithRestartAlwaysAndPodHasRun()
    {
        var spec = Spec("Always", [C("containerA")], C("containerX"), Sidecar("containerY"));
        AssertAll(
        [
            new("regular init containers, restartable init container and regular container are all running", spec, S(Running("containerX"), Running("containerY"), Running("containerA")), Pending),
            new("regular containers is stopped, restartable init container and regular int container are both running", spec, S(Running("containerX"), Running("containerY"), Stopped("containerA")), Pending),
            new("re-created sandbox: regular init container is succeeded, restartable init container is running, old regular containers is stopped", spec, S(Succeeded("containerX"), Running("containerY"), Stopped("containerA")), Pending),
            new("regular init container is succeeded, restartable init container is running, regular containers is stopped", spec, S(Succeeded("containerX"), Running("containerY"), Stopped("containerA")), Running_, Initialized: true),
            new("regular init container is succeeded, restartable init container and regular containers are both running", spec, S(Succeeded("containerX"), Running("containerY"), Running("containerA")), Running_, Initialized: true),
        ], GateOff, PerContainer);
    }

    // TestPodPhaseWithRestartNever (commit 001a80e975bb880d0fe60b304d30950fe661f278)
    [Fact]
    public void TestPodPhaseWithRestartNever()
    {
        var spec = Spec("Never", [C("containerA"), C("containerB")]);
        AssertAll(
        [
            new("waiting", spec, [], Pending),
            new("all running with restart never", spec, S(Running("containerA"), Running("containerB")), Running_),
            new("all succeeded with restart never", spec, S(Succeeded("containerA"), Succeeded("containerB")), Succeeded_),
            new("all failed with restart never", spec, S(Failed("containerA"), Failed("containerB")), Failed_),
            new("mixed state #1 with restart never", spec, S(Running("containerA"), Succeeded("containerB")), Running_),
            new("mixed state #2 with restart never", spec, S(Running("containerA")), Pending),
            new("mixed state #3 with restart never", spec, S(Running("containerA"), Waiting("containerB")), Pending),
        ], GateOff, PerContainer);
    }

    // TestPodPhaseWithRestartNeverInitContainers (commit 001a80e975bb880d0fe60b304d30950fe661f278)
    [Fact]
    public void TestPodPhaseWithRestartNeverInitContainers()
    {
        var spec = Spec("Never", [C("containerA"), C("containerB")], C("containerX"));
        AssertAll(
        [
            new("empty, waiting", spec, [], Pending),
            new("init container running", spec, S(Running("containerX")), Pending),
            new("init container terminated non-zero", spec, S(Failed("containerX")), Failed_),
            new("init container waiting, terminated zero", spec, S(WaitingWithLastTermination("containerX")), Pending),
            new("init container waiting, terminated non-zero", spec, S(WaitingWithNonZeroTermination("containerX")), Failed_),
            new("init container waiting, not terminated", spec, S(Waiting("containerX")), Pending),
            new("init container succeeded", spec, S(Succeeded("containerX"), Running("containerA"), Running("containerB")), Running_),
        ], GateOff, PerContainer);
    }

    // TestPodPhaseWithRestartNeverRestartableInitContainers (commit 001a80e975bb880d0fe60b304d30950fe661f278)
    [Fact]
    public void TestPodPhaseWithRestartNeverRestartableInitContainers()
    {
        var spec = Spec("Never", [C("containerA"), C("containerB")], Sidecar("containerX"));
        AssertAll(
        [
            new("empty, waiting", spec, [], Pending),
            new("restartable init container running", spec, S(Running("containerX")), Pending),
            new("restartable init container stopped", spec, S(Stopped("containerX")), Pending),
            new("restartable init container waiting, terminated zero", spec, S(WaitingWithLastTermination("containerX")), Pending),
            new("restartable init container waiting, terminated non-zero", spec, S(WaitingWithNonZeroTermination("containerX")), Pending),
            new("restartable init container waiting, not terminated", spec, S(Waiting("containerX")), Pending),
            new("restartable init container started, one main container running", spec, S(Started("containerX"), Running("containerA")), Pending, Initialized: true),
            new("restartable init container started, main containers succeeded", spec, S(Started("containerX"), Succeeded("containerA"), Succeeded("containerB")), Running_, Initialized: true),
            new("restartable init container re-running, main containers succeeded", spec, S(Running("containerX"), Succeeded("containerA"), Succeeded("containerB")), Running_, Initialized: true),
            new("all containers succeeded", spec, S(Succeeded("containerX"), Succeeded("containerA"), Succeeded("containerB")), Succeeded_, Initialized: true),
            new("restartable init container terminated non-zero, main containers succeeded", spec, S(Failed("containerX"), Succeeded("containerA"), Succeeded("containerB")), Succeeded_, Initialized: true),
            new("backoff crashloop restartable init container, main containers succeeded", spec, S(WaitingWithLastTermination("containerX"), Succeeded("containerA"), Succeeded("containerB")), Succeeded_, Initialized: true),
            new("backoff crashloop with non-zero restartable init container, main containers succeeded", spec, S(WaitingWithNonZeroTermination("containerX"), Succeeded("containerA"), Succeeded("containerB")), Succeeded_, Initialized: true),
        ], GateOff, PerContainer);
    }

    // TestPodPhaseWithRestartOnFailure (commit 001a80e975bb880d0fe60b304d30950fe661f278)
    [Fact]
    public void TestPodPhaseWithRestartOnFailure()
    {
        var spec = Spec("OnFailure", [C("containerA"), C("containerB")]);
        AssertAll(
        [
            new("waiting", spec, [], Pending),
            new("all running with restart onfailure", spec, S(Running("containerA"), Running("containerB")), Running_),
            new("all succeeded with restart onfailure", spec, S(Succeeded("containerA"), Succeeded("containerB")), Succeeded_),
            new("all failed with restart never", spec, S(Failed("containerA"), Failed("containerB")), Running_),
            new("mixed state #1 with restart onfailure", spec, S(Running("containerA"), Succeeded("containerB")), Running_),
            new("mixed state #2 with restart onfailure", spec, S(Running("containerA")), Pending),
            new("mixed state #3 with restart onfailure", spec, S(Running("containerA"), Waiting("containerB")), Pending),
            new("backoff crashloop container with restart onfailure", spec, S(Running("containerA"), WaitingWithLastTermination("containerB")), Running_),
        ], GateOff, PerContainer);
    }

    // TestPodPhaseWithContainerRestartPolicy (commit 001a80e975bb880d0fe60b304d30950fe661f278; gate ContainerRestartRules on, podHasInitialized true)
    [Fact]
    public void TestPodPhaseWithContainerRestartPolicy()
    {
        AssertAll(
        [
            new("container with restart policy Never failed", Spec("Always", [WithPolicy("failed-container", "Never")]), S(Failed("failed-container")), Failed_, Initialized: true),
            new("container with restart policy OnFailure failed", Spec("Always", [WithPolicy("failed-container", "OnFailure")]), S(Failed("failed-container")), Running_, Initialized: true),
            new("container with restart policy Always failed", Spec("Always", [WithPolicy("failed-container", "Always")]), S(Failed("failed-container")), Running_, Initialized: true),
            new("At least one container with restartable container-level restart policy failed", Spec("Never", [WithPolicy("containerA", "Always"), C("containerB")]), S(Succeeded("containerA"), Failed("containerB")), Running_, Initialized: true),
            new("All containers without restartable container-level restart policy failed", Spec("Always", [WithPolicy("containerA", "Never"), WithPolicy("containerB", "OnFailure")]), S(Failed("containerA"), Succeeded("containerB")), Failed_, Initialized: true),
            new("All containers succeeded", Spec("Always", [WithPolicy("containerA", "Never"), WithPolicy("containerB", "OnFailure")]), S(Succeeded("containerA"), Succeeded("containerB")), Succeeded_, Initialized: true),
        ], PerContainer, RestartAll, Profile.Default);
    }

    // TestPodPhaseWithContainerRestartPolicyInitContainers (commit 001a80e975bb880d0fe60b304d30950fe661f278; gate on)
    [Fact]
    public void TestPodPhaseWithContainerRestartPolicyInitContainers()
    {
        AssertAll(
        [
            new("init container with restart policy Never failed", Spec("Always", [C("container")], WithPolicy("failed-container", "Never")), S(Failed("failed-container")), Failed_, Initialized: true),
            new("init container with restart policy OnFailure failed", Spec("Never", [C("container")], WithPolicy("failed-container", "OnFailure")), S(Failed("failed-container")), Pending, Initialized: true),
            new("container with restart policy Always failed", Spec("Never", [C("container")], WithPolicy("failed-container", "Always")), S(Failed("failed-container")), Pending, Initialized: true),
        ], PerContainer, RestartAll, Profile.Default);
    }

    // TestPodPhaseWithRestartAllContainers (commit 001a80e975bb880d0fe60b304d30950fe661f278; gates ContainerRestartRules and
    // RestartAllContainersOnContainerExits on, podHasInitialized true). Three cases need PHASE-015 (reference §2.6).
    [Fact]
    public void TestPodPhaseWithRestartAllContainers()
    {
        var rule = new ContainerRestartRule
        {
            Action = "RestartAllContainers",
            ExitCodes = new ContainerRestartRuleOnExitCodes { Operator = "In", Values = [42] },
        };
        var containerWithRule = new Container { Name = "container", RestartPolicy = "Never", RestartPolicyRules = [rule] };
        var sidecarWithRule = new Container { Name = "container", RestartPolicy = "Always", RestartPolicyRules = [rule] };
        AssertAll(
        [
            // Trigger RestartAllContainers
            new("regular container triggers RestartAllContainers", Spec("Never", [containerWithRule]), S(Terminated("container", 42)), Running_, Initialized: true),
            new("init container triggers RestartAllContainers", Spec("Never", [], containerWithRule), S(Terminated("container", 42), Waiting("regular")), Pending, Initialized: true),
            new("sidecar container triggers RestartAllContainers", Spec("Never", [C("regular")], sidecarWithRule), S(Terminated("container", 42), Waiting("regular")), Pending, Initialized: true),
            new("sidecar container triggers RestartAllContainers, kills another init container", Spec("Never", [C("regular")], sidecarWithRule, C("init")), S(Terminated("container", 42), Waiting("init"), Waiting("regular")), Pending, Initialized: true),
            // Cleanup phase
            new("regular container triggers RestartAllContainers, cleaned up", Spec("Never", [containerWithRule]), S(WaitingRestartingAllContainers("container")), Running_, Initialized: true),
            new("init container triggers RestartAllContainers, cleaned up", Spec("Never", [], containerWithRule), S(WaitingRestartingAllContainers("container"), Waiting("regular")), Pending, Initialized: true),
            new("sidecar container triggers RestartAllContainers, cleaned up", Spec("Never", [C("regular")], sidecarWithRule), S(WaitingRestartingAllContainers("container"), Waiting("regular")), Pending, Initialized: true),
            new("sidecar container triggers RestartAllContainers, kills another init container, cleaned up", Spec("Never", [C("regular")], sidecarWithRule, C("init")), S(WaitingRestartingAllContainers("container"), WaitingRestartingAllContainers("container"), Waiting("regular")), Pending, Initialized: true),
            // Startup phase
            new("regular container triggered RestartAllContainers; init container succeeded", Spec("Never", [containerWithRule], C("init")), S(Succeeded("init"), WaitingRestartingAllContainers("container")), Running_, Initialized: true),
            new("regular container triggered RestartAllContainers; init container failed", Spec("Never", [containerWithRule], C("init")), S(Failed("init"), WaitingRestartingAllContainers("container")), Failed_, Initialized: true),
            new("init container triggered RestartAllContainers", Spec("Never", [C("regular")], containerWithRule), S(Terminated("container", 42), Waiting("regular")), Pending, Initialized: true),
            new("init container triggered RestartAllContainers; init container succeeds", Spec("Never", [C("regular")], containerWithRule), S(Succeeded("container"), Waiting("regular")), Pending, Initialized: true),
            new("sidecar container triggered RestartAllContainers kills regular container", Spec("Never", [C("regular")], sidecarWithRule), S(WaitingRestartingAllContainers("container"), WaitingRestartingAllContainers("regular")), Running_, Initialized: true),
            new("sidecar container triggered RestartAllContainers kills regular container; sidecar running", Spec("Never", [C("regular")], sidecarWithRule), S(Running("container"), WaitingRestartingAllContainers("regular")), Running_, Initialized: true),
            new("sidecar container triggered RestartAllContainers; kills init container; sidecar running", Spec("Never", [C("regular")], sidecarWithRule, C("init")), S(Running("container"), WaitingRestartingAllContainers("container"), Waiting("regular")), Pending, Initialized: true),
        ], RestartAll);
    }
}
