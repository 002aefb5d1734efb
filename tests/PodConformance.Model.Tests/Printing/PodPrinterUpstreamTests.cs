using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Printing;
using static PodConformance.Model.Tests.Printing.PrintPodFixtures;

namespace PodConformance.Model.Tests.Printing;

/// <summary>
/// Every case of the pod tests in kubernetes/kubernetes pkg/printers/internalversion/printers_test.go, the stored
/// post-1.29 master version that knows restartable init containers (the search index exposes no commit for
/// it; see spec/printer.md): TestPrintPod (test1–test20), TestPrintPodWithRestartableInitContainer,
/// TestPrintPodwide, TestPrintPodConditions, TestPrintPodList, TestPrintNonTerminatedPod.
/// Go's time.Now() is <see cref="PrintPodFixtures.Now"/>; no creationTimestamp, so AGE is &lt;unknown&gt;.
/// </summary>
public class PodPrinterUpstreamTests
{
    private static readonly TimeSpan S10 = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan S20 = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan M2 = TimeSpan.FromMinutes(2);
    private static readonly DateTimeOffset DeleteTime = Now - S10;

    private static readonly ValueList<TableRowCondition> Succeeded = ValueList.Of(TableRowCondition.PodSucceeded);
    private static readonly ValueList<TableRowCondition> Failed = ValueList.Of(TableRowCondition.PodFailed);
    private static readonly ValueList<TableRowCondition> NoConditions = ValueList<TableRowCondition>.Empty;

    public static TheoryData<string, Pod, string[], ValueList<TableRowCondition>> TestPrintPod() => new()
    {
        {
            "test1 name, containers, restarts, ready",
            Pod("test1", 2, new PodStatus { Phase = "podPhase", ContainerStatuses = [new() { Ready = true, RestartCount = 3, State = Running }, new() { RestartCount = 3 }] }),
            ["test1", "1/2", "podPhase", "6", "<unknown>"], NoConditions
        },
        {
            "test2 container error overwrites pod phase",
            Pod("test2", 2, new PodStatus { Phase = "podPhase", ContainerStatuses = [new() { Ready = true, RestartCount = 3, State = Running }, new() { State = Waiting("ContainerWaitingReason"), RestartCount = 3 }] }),
            ["test2", "1/2", "ContainerWaitingReason", "6", "<unknown>"], NoConditions
        },
        {
            "test3 first container's reason wins",
            Pod("test3", 2, new PodStatus { Phase = "podPhase", ContainerStatuses = [new() { State = Waiting("ContainerWaitingReason"), RestartCount = 3 }, new() { State = Terminated("ContainerTerminatedReason"), RestartCount = 3 }] }),
            ["test3", "0/2", "ContainerWaitingReason", "6", "<unknown>"], NoConditions
        },
        {
            "test4 ready is not enough for running",
            Pod("test4", 2, new PodStatus { Phase = "podPhase", ContainerStatuses = [new() { Ready = true, RestartCount = 3, State = Running }, new() { Ready = true, RestartCount = 3 }] }),
            ["test4", "1/2", "podPhase", "6", "<unknown>"], NoConditions
        },
        {
            "test5 pod reason",
            Pod("test5", 2, new PodStatus { Reason = "podReason", Phase = "podPhase", ContainerStatuses = [new() { Ready = true, RestartCount = 3, State = Running }, new() { Ready = true, RestartCount = 3 }] }),
            ["test5", "1/2", "podReason", "6", "<unknown>"], NoConditions
        },
        {
            "test6 completed + running without Ready condition",
            Pod("test6", 2, new PodStatus { Phase = "Running", ContainerStatuses = [new() { Ready = true, RestartCount = 3, State = Terminated("Completed") }, new() { Ready = true, RestartCount = 3, State = Running }] }),
            ["test6", "1/2", "NotReady", "6", "<unknown>"], NoConditions
        },
        {
            "test6 completed + running with Ready condition",
            Pod("test6", 2, new PodStatus
            {
                Phase = "Running",
                ContainerStatuses = [new() { Ready = true, RestartCount = 3, State = Terminated("Completed") }, new() { Ready = true, RestartCount = 3, State = Running }],
                Conditions = [new() { Type = "Ready", Status = "True", LastProbeTime = Now }],
            }),
            ["test6", "1/2", "Running", "6", "<unknown>"], NoConditions
        },
        {
            "test7 init container restarting",
            Pod("test7", new PodSpec { InitContainers = Unnamed(1), Containers = Unnamed(1) }, new PodStatus
            {
                Phase = "podPhase",
                InitContainerStatuses = [new() { RestartCount = 3, State = Running, LastState = FinishedAgo(S10) }],
                ContainerStatuses = [new() { State = Waiting() }],
            }),
            ["test7", "0/1", "Init:0/1", "3 (10s ago)", "<unknown>"], NoConditions
        },
        {
            "test8 two init containers, first restarting",
            Pod("test8", new PodSpec { InitContainers = Unnamed(2), Containers = Unnamed(1) }, new PodStatus
            {
                Phase = "podPhase",
                InitContainerStatuses = [new() { RestartCount = 3, State = Running, LastState = FinishedAgo(S10) }, new() { State = Waiting() }],
                ContainerStatuses = [new() { State = Waiting() }],
            }),
            ["test8", "0/1", "Init:0/2", "3 (10s ago)", "<unknown>"], NoConditions
        },
        {
            "test9 first init done, second restarting",
            Pod("test9", new PodSpec { InitContainers = Unnamed(2), Containers = Unnamed(1) }, new PodStatus
            {
                Phase = "podPhase",
                InitContainerStatuses = [new() { State = Terminated() }, new() { RestartCount = 3, State = Running, LastState = FinishedAgo(S10) }],
                ContainerStatuses = [new() { State = Waiting() }],
            }),
            ["test9", "0/1", "Init:1/2", "3 (10s ago)", "<unknown>"], NoConditions
        },
        {
            "test10 first init done with restarts, second restarting",
            Pod("test10", new PodSpec { InitContainers = Unnamed(2), Containers = Unnamed(1) }, new PodStatus
            {
                Phase = "podPhase",
                InitContainerStatuses = [new() { RestartCount = 2, State = Terminated(), LastState = FinishedAgo(M2) }, new() { RestartCount = 3, State = Running, LastState = FinishedAgo(S10) }],
                ContainerStatuses = [new() { State = Waiting() }],
            }),
            ["test10", "0/1", "Init:1/2", "5 (10s ago)", "<unknown>"], NoConditions
        },
        {
            "test11 init done with restarts, container restarting",
            Pod("test11", new PodSpec { InitContainers = Unnamed(1), Containers = Unnamed(1) }, new PodStatus
            {
                Phase = "Running",
                InitContainerStatuses = [new() { RestartCount = 2, State = Terminated(), LastState = FinishedAgo(M2) }],
                ContainerStatuses = [new() { RestartCount = 4, State = Running, LastState = FinishedAgo(S20) }],
            }),
            ["test11", "0/1", "Running", "4 (20s ago)", "<unknown>"], NoConditions
        },
        {
            "test12 restarted 5d ago",
            Pod("test12", 1, new PodStatus { Phase = "Running", ContainerStatuses = [new() { Ready = true, RestartCount = 3, State = Running, LastState = FinishedAgo(TimeSpan.FromDays(5)) }] }),
            ["test12", "1/1", "Running", "3 (5d ago)", "<unknown>"], NoConditions
        },
        {
            "test13 one never restarted, other 10d ago",
            Pod("test13", 2, new PodStatus { Phase = "Running", ContainerStatuses = [new() { Ready = true, State = Running }, new() { Ready = true, RestartCount = 3, State = Running, LastState = FinishedAgo(TimeSpan.FromDays(10)) }] }),
            ["test13", "2/2", "Running", "3 (10d ago)", "<unknown>"], NoConditions
        },
        {
            "test14 5d and 20d ago: newest wins",
            Pod("test14", 2, new PodStatus
            {
                Phase = "Running",
                ContainerStatuses =
                [
                    new() { Ready = true, RestartCount = 6, State = Running, LastState = FinishedAgo(TimeSpan.FromDays(5)) },
                    new() { Ready = true, RestartCount = 3, State = Running, LastState = FinishedAgo(TimeSpan.FromDays(20)) },
                ],
            }),
            ["test14", "2/2", "Running", "9 (5d ago)", "<unknown>"], NoConditions
        },
        {
            "test15 SchedulingGated",
            Pod("test15", 2, new PodStatus { Phase = "podPhase", Conditions = [Condition("PodScheduled", "False", "SchedulingGated")] }),
            ["test15", "0/2", "SchedulingGated", "0", "<unknown>"], NoConditions
        },
        {
            "test16 succeeded",
            Pod("test16", 1, new PodStatus { Phase = "Succeeded", ContainerStatuses = [new() { State = Terminated("Completed") }] }),
            ["test16", "0/1", "Completed", "0", "<unknown>"], Succeeded
        },
        {
            "test17 failed",
            Pod("test17", 1, new PodStatus { Phase = "Failed", ContainerStatuses = [new() { State = Terminated("Error", 1) }] }),
            ["test17", "0/1", "Error", "0", "<unknown>"], Failed
        },
        {
            "test18 succeeded and being deleted",
            Pod("test18", 1, new PodStatus { Phase = "Succeeded", ContainerStatuses = [new() { State = Terminated("Completed") }] }, DeleteTime),
            ["test18", "0/1", "Completed", "0", "<unknown>"], Succeeded
        },
        {
            "test19 running and being deleted",
            Pod("test19", 1, new PodStatus { Phase = "Running", ContainerStatuses = [new() { State = Running }] }, DeleteTime),
            ["test19", "0/1", "Terminating", "0", "<unknown>"], NoConditions
        },
        {
            "test20 pending and being deleted",
            Pod("test20", 1, new PodStatus { Phase = "Pending" }, DeleteTime),
            ["test20", "0/1", "Terminating", "0", "<unknown>"], NoConditions
        },
    };

    private static PodSpec TwoSidecars => new() { InitContainers = [Sidecar("restartable-init-1"), Sidecar("restartable-init-2")], Containers = Unnamed(1) };

    public static TheoryData<string, Pod, string[], ValueList<TableRowCondition>> TestPrintPodWithRestartableInitContainer() => new()
    {
        {
            "two sidecars, first running but not started",
            Pod("test1", TwoSidecars, new PodStatus
            {
                Phase = "Pending",
                InitContainerStatuses =
                [
                    new() { Name = "restartable-init-1", RestartCount = 3, State = Running, Started = false, LastState = FinishedAgo(S10) },
                    new() { Name = "restartable-init-2", State = Waiting(), Started = false },
                ],
                ContainerStatuses = [new() { State = Waiting() }],
                Conditions = [Condition("Initialized", "False")],
            }),
            ["test1", "0/3", "Init:0/2", "3 (10s ago)", "<unknown>"], NoConditions
        },
        {
            "two sidecars, first started, second running but not started",
            Pod("test1", TwoSidecars, new PodStatus
            {
                Phase = "Pending",
                InitContainerStatuses =
                [
                    new() { Name = "restartable-init-1", RestartCount = 3, State = Running, Started = true, LastState = FinishedAgo(S10) },
                    new() { Name = "restartable-init-2", State = Running, Started = false },
                ],
                ContainerStatuses = [new() { State = Waiting() }],
                Conditions = [Condition("Initialized", "False")],
            }),
            ["test1", "0/3", "Init:1/2", "3 (10s ago)", "<unknown>"], NoConditions
        },
        {
            "two sidecars started, container running",
            Pod("test2", TwoSidecars, new PodStatus
            {
                Phase = "Running",
                InitContainerStatuses =
                [
                    new() { Name = "restartable-init-1", RestartCount = 3, State = Running, Started = true, LastState = FinishedAgo(S10) },
                    new() { Name = "restartable-init-2", State = Running, Started = true },
                ],
                ContainerStatuses = [new() { Ready = true, RestartCount = 4, State = Running, LastState = FinishedAgo(S20) }],
                Conditions = [Condition("Initialized", "True")],
            }),
            ["test2", "1/3", "Running", "7 (10s ago)", "<unknown>"], NoConditions
        },
        {
            "two sidecars terminated non-zero, container completed",
            Pod("test3", TwoSidecars, new PodStatus
            {
                Phase = "Succeeded",
                InitContainerStatuses =
                [
                    new() { Name = "restartable-init-1", RestartCount = 3, State = Terminated("Error", 137), Started = false, LastState = FinishedAgo(S10) },
                    new() { Name = "restartable-init-2", State = Terminated("Error", 137), Started = false },
                ],
                ContainerStatuses = [new() { RestartCount = 4, State = Terminated("Completed"), LastState = FinishedAgo(S20) }],
                Conditions = [Condition("Initialized", "True")],
            }),
            ["test3", "0/3", "Completed", "7 (10s ago)", "<unknown>"], Succeeded
        },
        {
            "statuses for non-existent init containers and containers",
            Pod("test4", new PodSpec
            {
                InitContainers = [new() { Name = "init1", Image = "initimage" }, new() { Name = "sidecar1", Image = "sidecarimage", RestartPolicy = "Always" }],
                Containers = [new() { Name = "container1", Image = "containerimage" }],
            }, new PodStatus
            {
                Phase = "Running",
                InitContainerStatuses = [new() { Name = "initinvalid" }, new() { Name = "init1" }, new() { Name = "sidecar1" }],
                ContainerStatuses = [new() { Name = "containerinvalid" }, new() { Name = "container1" }],
            }),
            ["test4", "0/2", "Init:0/2", "0", "<unknown>"], NoConditions
        },
    };

    public static TheoryData<string, Pod, string[], ValueList<TableRowCondition>> TestPrintNonTerminatedPod() => new()
    {
        { "Running", Pod("test1", 2, Status2("Running")), ["test1", "1/2", "Running", "6", "<unknown>"], NoConditions },
        { "Pending", Pod("test2", 2, Status2("Pending")), ["test2", "1/2", "Pending", "6", "<unknown>"], NoConditions },
        { "Unknown", Pod("test3", 2, Status2("Unknown")), ["test3", "1/2", "Unknown", "6", "<unknown>"], NoConditions },
        { "Succeeded", Pod("test4", 2, Status2("Succeeded")), ["test4", "1/2", "Succeeded", "6", "<unknown>"], Succeeded },
        {
            "Failed",
            Pod("test5", 2, new PodStatus { Phase = "Failed", ContainerStatuses = [new() { Ready = true, RestartCount = 3, State = Running }, new() { Ready = true, RestartCount = 3 }] }),
            ["test5", "1/2", "Failed", "6", "<unknown>"], Failed
        },
    };

    /// <summary>TestPrintPodConditions: running, succeeded and failed pods (the pods carry labels upstream; they do not print).</summary>
    public static TheoryData<string, Pod, string[], ValueList<TableRowCondition>> TestPrintPodConditions() => new()
    {
        { "running: no row condition", Pod("test1", 2, Status2("Running")), ["test1", "1/2", "Running", "6", "<unknown>"], NoConditions },
        { "succeeded", Pod("test1", 2, Status2("Succeeded")), ["test1", "1/2", "Succeeded", "6", "<unknown>"], Succeeded },
        { "failed", Pod("test2", 2, Status2("Failed")), ["test2", "1/2", "Failed", "6", "<unknown>"], Failed },
    };

    [Theory]
    [MemberData(nameof(TestPrintPod))]
    [MemberData(nameof(TestPrintPodWithRestartableInitContainer))]
    [MemberData(nameof(TestPrintNonTerminatedPod))]
    [MemberData(nameof(TestPrintPodConditions))]
    public void Row_matches_upstream(string name, Pod pod, string[] cells, ValueList<TableRowCondition> conditions)
    {
        var row = PodPrinter.Row(pod, Now);
        Assert.True(cells.AsSpan().SequenceEqual(row.Cells()), $"{name}: got [{string.Join(", ", row.Cells())}]");
        Assert.Equal(conditions, row.Conditions);
    }

    [Fact]
    public void TestPrintPodwide_every_case()
    {
        var gates = new PodSpec
        {
            Containers = Unnamed(2),
            NodeName = "test1",
            ReadinessGates = [new("condition1"), new("condition2"), new("condition3")],
        };
        var gateConditions = ValueList.Of(Condition("condition1", "False"), Condition("condition2", "True"));
        ValueList<ContainerStatus> statuses = [new() { Ready = true, RestartCount = 3, State = Running }, new() { RestartCount = 3 }];

        var one = Pod("test1", gates, new PodStatus { Conditions = gateConditions, Phase = "podPhase", PodIPs = ["1.1.1.1"], ContainerStatuses = statuses, NominatedNodeName = "node1" });
        var dual = Pod("test1", gates, new PodStatus { Conditions = gateConditions, Phase = "podPhase", PodIPs = ["1.1.1.1", "2001:db8::"], ContainerStatuses = statuses, NominatedNodeName = "node1" });
        var none = Pod("test2", 2, new PodStatus
        {
            Phase = "podPhase",
            ContainerStatuses = [new() { Ready = true, RestartCount = 3, State = Running }, new() { State = Waiting("ContainerWaitingReason"), RestartCount = 3 }],
        });

        Assert.Equal(["test1", "1/2", "podPhase", "6", "<unknown>", "1.1.1.1", "test1", "node1", "1/3"], PodPrinter.Row(one, Now).Cells(wide: true));
        Assert.Equal(["test1", "1/2", "podPhase", "6", "<unknown>", "1.1.1.1", "test1", "node1", "1/3"], PodPrinter.Row(dual, Now).Cells(wide: true));
        Assert.Equal(["test2", "1/2", "ContainerWaitingReason", "6", "<unknown>", "<none>", "<none>", "<none>", "<none>"], PodPrinter.Row(none, Now).Cells(wide: true));
    }

    [Fact]
    public void TestPrintPodList_every_case()
    {
        var pods = new[]
        {
            Pod("test1", 2, new PodStatus { Phase = "podPhase", ContainerStatuses = [new() { Ready = true, RestartCount = 3, State = Running }, new() { Ready = true, RestartCount = 3, State = Running }] }),
            Pod("test2", 1, new PodStatus { Phase = "podPhase", ContainerStatuses = [new() { Ready = true, RestartCount = 1, State = Running }] }),
        };
        var rows = PodPrinter.Rows(pods, Now);
        Assert.Equal(2, rows.Length);
        Assert.Equal(["test1", "2/2", "podPhase", "6", "<unknown>"], rows[0].Cells());
        Assert.Equal(["test2", "1/1", "podPhase", "1", "<unknown>"], rows[1].Cells());
    }

    /// <summary>The status shared by TestPrintNonTerminatedPod and TestPrintPodConditions.</summary>
    private static PodStatus Status2(string phase) =>
        new() { Phase = phase, ContainerStatuses = [new() { Ready = true, RestartCount = 3, State = Running }, new() { RestartCount = 3 }] };
}
