using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Kubelet;
using static PodConformance.Model.Tests.Kubelet.LifecycleFixtures;

namespace PodConformance.Model.Tests.Kubelet;

/// <summary>
/// Every case of TestGenerateContainersReadyCondition, TestGeneratePodReadyCondition,
/// TestGeneratePodInitializedCondition and the modelled part of TestGeneratePodReadyToStartContainersCondition
/// from kubernetes/kubernetes pkg/kubelet/status/generate_test.go, recent master (the stored version that
/// already has TestGenerateAllContainersRestartingCondition; the store does not record its commit).
/// A null status list is Go's nil slice.
/// </summary>
public class PodConditionsUpstreamTests
{
    private static PodCondition Cond(string type, string status, string reason = "", string message = "") =>
        new() { Type = type, Status = status, Reason = reason, Message = message };

    private static ValueList<ContainerStatus>? L(params ContainerStatus[] s) => new ValueList<ContainerStatus>(s);

    private static readonly ValueList<ContainerStatus>? Nil = null;

    private static PodSpec Containers(params string[] names) => new() { Containers = names.Select(C).ToArray() };

    private static readonly PodSpec SidecarsAndRegular1 = new() { InitContainers = [Sidecar("restartable-init-1")], Containers = [C("regular-1")] };
    private static readonly PodSpec SidecarsAndRegular2 = new() { InitContainers = [Sidecar("restartable-init-1"), Sidecar("restartable-init-2")], Containers = [C("regular-1")] };

    // TestGenerateContainersReadyCondition (generate_test.go, recent master)
    public static TheoryData<int, PodSpec, ValueList<ContainerStatus>?, string, PodCondition> ContainersReadyCases() => new()
    {
        { 0, new PodSpec(), Nil, PodPhases.Running, Cond("ContainersReady", "False", "UnknownContainerStatuses") },
        { 1, new PodSpec(), L(), PodPhases.Running, Cond("ContainersReady", "True") },
        { 2, Containers("1234"), L(), PodPhases.Running, Cond("ContainersReady", "False", "ContainersNotReady", "containers with unknown status: [1234]") },
        { 3, Containers("1234", "5678"), L(ReadyStatus("1234"), ReadyStatus("5678")), PodPhases.Running, Cond("ContainersReady", "True") },
        { 4, Containers("1234", "5678"), L(ReadyStatus("1234")), PodPhases.Running, Cond("ContainersReady", "False", "ContainersNotReady", "containers with unknown status: [5678]") },
        { 5, Containers("1234", "5678"), L(ReadyStatus("1234"), NotReadyStatus("5678")), PodPhases.Running, Cond("ContainersReady", "False", "ContainersNotReady", "containers with unready status: [5678]") },
        { 6, Containers("1234"), L(NotReadyStatus("1234")), PodPhases.Succeeded, Cond("ContainersReady", "False", "PodCompleted") },
        { 7, SidecarsAndRegular1, L(ReadyStatus("regular-1")), PodPhases.Running, Cond("ContainersReady", "False", "ContainersNotReady", "containers with unknown status: [restartable-init-1]") },
        { 8, SidecarsAndRegular2, L(ReadyStatus("restartable-init-1"), ReadyStatus("restartable-init-2"), ReadyStatus("regular-1")), PodPhases.Running, Cond("ContainersReady", "True") },
        { 9, SidecarsAndRegular2, L(ReadyStatus("restartable-init-1"), ReadyStatus("regular-1")), PodPhases.Running, Cond("ContainersReady", "False", "ContainersNotReady", "containers with unknown status: [restartable-init-2]") },
        { 10, SidecarsAndRegular2, L(ReadyStatus("restartable-init-1"), NotReadyStatus("restartable-init-2"), ReadyStatus("regular-1")), PodPhases.Running, Cond("ContainersReady", "False", "ContainersNotReady", "containers with unready status: [restartable-init-2]") },
    };

    [Theory]
    [MemberData(nameof(ContainersReadyCases))]
    public void TestGenerateContainersReadyCondition(int index, PodSpec spec, ValueList<ContainerStatus>? statuses, string phase, PodCondition expected)
    {
        Assert.True(index >= 0);
        Assert.Equal(expected, PodConditionsGenerator.ContainersReady(spec, statuses, phase));
    }

    private static PodSpec Gates(params string[] gates) => new() { ReadinessGates = gates.Select(g => new PodReadinessGate(g)).ToArray() };

    private static PodCondition[] Conds(params PodCondition[] c) => c;

    // TestGeneratePodReadyCondition (generate_test.go, recent master)
    public static TheoryData<int, PodSpec, PodCondition[], ValueList<ContainerStatus>?, string, PodCondition> ReadyCases() => new()
    {
        { 0, new PodSpec(), [], Nil, PodPhases.Running, Cond("Ready", "False", "UnknownContainerStatuses") },
        { 1, new PodSpec(), [], L(), PodPhases.Running, Cond("Ready", "True") },
        { 2, Containers("1234"), [], L(), PodPhases.Running, Cond("Ready", "False", "ContainersNotReady", "containers with unknown status: [1234]") },
        { 3, Containers("1234", "5678"), [], L(ReadyStatus("1234"), ReadyStatus("5678")), PodPhases.Running, Cond("Ready", "True") },
        { 4, Containers("1234", "5678"), [], L(ReadyStatus("1234")), PodPhases.Running, Cond("Ready", "False", "ContainersNotReady", "containers with unknown status: [5678]") },
        { 5, Containers("1234", "5678"), [], L(ReadyStatus("1234"), NotReadyStatus("5678")), PodPhases.Running, Cond("Ready", "False", "ContainersNotReady", "containers with unready status: [5678]") },
        { 6, Containers("1234"), [], L(NotReadyStatus("1234")), PodPhases.Succeeded, Cond("Ready", "False", "PodCompleted") },
        { 7, Gates("gate1"), [], L(), PodPhases.Running, Cond("Ready", "False", "ReadinessGatesNotReady", "corresponding condition of pod readiness gate \"gate1\" does not exist.") },
        { 8, Gates("gate1"), Conds(Cond("gate1", "False")), L(), PodPhases.Running, Cond("Ready", "False", "ReadinessGatesNotReady", "the status of pod readiness gate \"gate1\" is not \"True\", but False") },
        { 9, Gates("gate1"), Conds(Cond("gate1", "True")), L(), PodPhases.Running, Cond("Ready", "True") },
        { 10, Gates("gate1", "gate2"), Conds(Cond("gate1", "True")), L(), PodPhases.Running, Cond("Ready", "False", "ReadinessGatesNotReady", "corresponding condition of pod readiness gate \"gate2\" does not exist.") },
        { 11, Gates("gate1", "gate2"), Conds(Cond("gate1", "True"), Cond("gate2", "False")), L(), PodPhases.Running, Cond("Ready", "False", "ReadinessGatesNotReady", "the status of pod readiness gate \"gate2\" is not \"True\", but False") },
        { 12, Gates("gate1", "gate2"), Conds(Cond("gate1", "True"), Cond("gate2", "True")), L(), PodPhases.Running, Cond("Ready", "True") },
        { 13, Containers("1234") with { ReadinessGates = [new PodReadinessGate("gate1")] }, Conds(Cond("gate1", "True")), L(NotReadyStatus("1234")), PodPhases.Running, Cond("Ready", "False", "ContainersNotReady", "containers with unready status: [1234]") },
    };

    [Theory]
    [MemberData(nameof(ReadyCases))]
    public void TestGeneratePodReadyCondition(int index, PodSpec spec, PodCondition[] conditions, ValueList<ContainerStatus>? statuses, string phase, PodCondition expected)
    {
        Assert.True(index >= 0);
        Assert.Equal(expected, PodConditionsGenerator.Ready(spec, conditions, statuses, phase));
    }

    private static readonly PodSpec NoInit = new();
    private static readonly PodSpec OneInit = new() { InitContainers = [C("1234")], Containers = [C("regular")] };
    private static readonly PodSpec TwoInit = new() { InitContainers = [C("1234"), C("5678")], Containers = [C("regular")] };
    private static readonly PodSpec OneSidecar = new() { InitContainers = [Sidecar("1234")], Containers = [C("regular")] };

    // TestGeneratePodInitializedCondition (generate_test.go, recent master): upstream compares type, status and reason only;
    // the messages below are checked too, from the generate.go formatting (COND-008).
    public static TheoryData<int, PodSpec, ValueList<ContainerStatus>?, string, string, string, string> InitializedCases() => new()
    {
        { 0, TwoInit, Nil, PodPhases.Running, "False", "UnknownContainerStatuses", "" },
        { 1, NoInit, L(), PodPhases.Running, "True", "", "" },
        { 2, OneInit, L(), PodPhases.Running, "False", "ContainersNotInitialized", "containers with unknown status: [1234]" },
        { 3, TwoInit, L(ReadyStatus("1234"), ReadyStatus("5678")), PodPhases.Running, "True", "", "" },
        { 4, TwoInit, L(ReadyStatus("1234")), PodPhases.Running, "False", "ContainersNotInitialized", "containers with unknown status: [5678]" },
        { 5, TwoInit, L(ReadyStatus("1234"), NotReadyStatus("5678")), PodPhases.Running, "False", "ContainersNotInitialized", "containers with incomplete status: [5678]" },
        { 6, OneInit, L(ReadyStatus("1234")), PodPhases.Succeeded, "True", "PodCompleted", "" },
        { 7, OneSidecar, L(StartedFlag("1234", false)), PodPhases.Pending, "False", "ContainersNotInitialized", "containers with incomplete status: [1234]" },
        { 8, OneSidecar, L(StartedFlag("1234", true)), PodPhases.Running, "True", "", "" },
        { 9, OneSidecar, L(StartedFlag("1234", false), Running("regular")), PodPhases.Running, "True", "", "" },
        { 10, OneInit, L(Waiting("1234"), Stopped("regular")), PodPhases.Running, "True", "", "" },
    };

    [Theory]
    [MemberData(nameof(InitializedCases))]
    public void TestGeneratePodInitializedCondition(int index, PodSpec spec, ValueList<ContainerStatus>? statuses, string phase, string status, string reason, string message)
    {
        Assert.True(index >= 0);
        Assert.Equal(Cond("Initialized", status, reason, message), PodConditionsGenerator.Initialized(spec, statuses, phase));
    }

    // TestGeneratePodReadyToStartContainersCondition (generate_test.go, recent master): the model takes the sandbox
    // verdict as a boolean ("Pod sandbox status ready and IP configured" → True; every other case → False). The
    // reason/message constants of the newest release are not modelled (unverified), so only type and status are compared.
    [Theory]
    [InlineData("Empty pod status", false)]
    [InlineData("Pod sandbox status not ready", false)]
    [InlineData("Pod with multiple ready sandboxes", false)]
    [InlineData("Pod sandbox status ready but network namespace mode changed", false)]
    [InlineData("Pod sandbox status ready but no IP configured", false)]
    [InlineData("Pod sandbox status ready and IP configured", true)]
    public void TestGeneratePodReadyToStartContainersCondition(string description, bool sandboxReady)
    {
        Assert.NotEmpty(description);
        var c = PodConditionsGenerator.ReadyToStartContainers(sandboxReady);
        Assert.Equal("PodReadyToStartContainers", c.Type);
        Assert.Equal(sandboxReady ? "True" : "False", c.Status);
    }
}
