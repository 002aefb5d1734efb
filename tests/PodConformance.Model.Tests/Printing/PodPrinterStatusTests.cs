using PodConformance.Model.Api;
using PodConformance.Model.Printing;
using static PodConformance.Model.Tests.Printing.PrintPodFixtures;

namespace PodConformance.Model.Tests.Printing;

/// <summary>The STATUS strings the upstream tables do not pin, each with the rule that decides it.</summary>
public class PodPrinterStatusTests
{
    private static PodSpec OneInit => new() { InitContainers = [new() { Name = "init" }], Containers = [new() { Name = "app" }] };

    public static TheoryData<string, Pod, string, string> Cases() => new()
    {
        { "Init:Error", Pod("p", OneInit, new PodStatus { Phase = "Pending", InitContainerStatuses = [new() { Name = "init", State = Terminated("Error", 1) }] }), "Init:Error", PrintRules.InitTerminated },
        { "Init:OOMKilled", Pod("p", OneInit, new PodStatus { Phase = "Pending", InitContainerStatuses = [new() { Name = "init", State = Terminated("OOMKilled", 137) }] }), "Init:OOMKilled", PrintRules.InitTerminated },
        { "Init:Signal:9", Pod("p", OneInit, new PodStatus { Phase = "Pending", InitContainerStatuses = [new() { Name = "init", State = Terminated("", 137, 9) }] }), "Init:Signal:9", PrintRules.InitTerminated },
        { "Init:ExitCode:2", Pod("p", OneInit, new PodStatus { Phase = "Pending", InitContainerStatuses = [new() { Name = "init", State = Terminated("", 2) }] }), "Init:ExitCode:2", PrintRules.InitTerminated },
        { "Init:CrashLoopBackOff", Pod("p", OneInit, new PodStatus { Phase = "Pending", InitContainerStatuses = [new() { Name = "init", State = Waiting("CrashLoopBackOff") }] }), "Init:CrashLoopBackOff", PrintRules.InitWaiting },
        { "Init:ImagePullBackOff", Pod("p", OneInit, new PodStatus { Phase = "Pending", InitContainerStatuses = [new() { Name = "init", State = Waiting("ImagePullBackOff") }] }), "Init:ImagePullBackOff", PrintRules.InitWaiting },
        { "waiting PodInitializing counts as progress", Pod("p", OneInit, new PodStatus { Phase = "Pending", InitContainerStatuses = [new() { Name = "init", State = Waiting("PodInitializing") }] }), "Init:0/1", PrintRules.InitProgress },
        {
            "PodInitializing after the init containers",
            Pod("p", OneInit, new PodStatus { Phase = "Pending", InitContainerStatuses = [new() { Name = "init", State = Terminated("Completed") }], ContainerStatuses = [new() { Name = "app", State = Waiting("PodInitializing") }] }),
            "PodInitializing", PrintRules.ContainerReason
        },
        { "ContainerCreating", Pod("p", 1, new PodStatus { Phase = "Pending", ContainerStatuses = [new() { State = Waiting("ContainerCreating") }] }), "ContainerCreating", PrintRules.ContainerReason },
        { "CrashLoopBackOff", Pod("p", 1, new PodStatus { Phase = "Running", ContainerStatuses = [new() { State = Waiting("CrashLoopBackOff"), RestartCount = 3 }] }), "CrashLoopBackOff", PrintRules.ContainerReason },
        { "OOMKilled", Pod("p", 1, new PodStatus { Phase = "Running", ContainerStatuses = [new() { State = Terminated("OOMKilled", 137) }] }), "OOMKilled", PrintRules.ContainerReason },
        { "Signal:15", Pod("p", 1, new PodStatus { Phase = "Running", ContainerStatuses = [new() { State = Terminated("", 143, 15) }] }), "Signal:15", PrintRules.ContainerReason },
        { "ExitCode:3", Pod("p", 1, new PodStatus { Phase = "Running", ContainerStatuses = [new() { State = Terminated("", 3) }] }), "ExitCode:3", PrintRules.ContainerReason },
        { "Evicted", Pod("p", 1, new PodStatus { Phase = "Failed", Reason = "Evicted" }), "Evicted", PrintRules.PodReason },
        { "Unknown: NodeLost while deleting", Pod("p", 1, new PodStatus { Phase = "Running", Reason = "NodeLost", ContainerStatuses = [new() { State = Running, Ready = true }] }, Now), "Unknown", PrintRules.NodeLost },
        { "Terminating", Pod("p", 1, new PodStatus { Phase = "Running", ContainerStatuses = [new() { State = Running, Ready = true }] }, Now), "Terminating", PrintRules.Terminating },
        { "Failed pod being deleted keeps its status", Pod("p", 1, new PodStatus { Phase = "Failed", ContainerStatuses = [new() { State = Terminated("Error", 1) }] }, Now), "Error", PrintRules.ContainerReason },
        { "SchedulingGated", Pod("p", 1, new PodStatus { Phase = "Pending", Conditions = [Condition("PodScheduled", "False", "SchedulingGated")] }), "SchedulingGated", PrintRules.SchedulingGated },
        { "Running", Pod("p", 1, new PodStatus { Phase = "Running", ContainerStatuses = [new() { State = Running, Ready = true }] }), "Running", PrintRules.Phase },
        { "no status at all", new Pod { Metadata = new ObjectMeta { Name = "p" } }, "", PrintRules.Phase },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Status_and_its_deciding_rule(string name, Pod pod, string status, string rule)
    {
        var row = PodPrinter.Row(pod, Now);
        Assert.True(status == row.Status, $"{name}: STATUS {row.Status}");
        Assert.Equal(rule, row.StatusRules[^1]);
        Assert.NotEmpty(row.StatusExplanation);
    }

    [Fact]
    public void Initialized_true_overrides_a_stuck_init_walk_and_drops_regular_init_restarts()
    {
        var pod = Pod("p", OneInit, new PodStatus
        {
            Phase = "Running",
            InitContainerStatuses = [new() { Name = "init", RestartCount = 5, State = Running }],
            ContainerStatuses = [new() { Name = "app", State = Running, Ready = true, RestartCount = 1 }],
            Conditions = [Condition("Initialized", "True")],
        });
        var row = PodPrinter.Row(pod, Now);
        Assert.Equal("Init:0/1", row.Status); // no container reason overrides it
        Assert.Equal("1", row.Restarts);
        Assert.Equal("1/1", row.Ready);
    }

    [Fact]
    public void Only_the_first_Initialized_condition_counts()
    {
        var pod = Pod("p", OneInit, new PodStatus
        {
            Phase = "Pending",
            InitContainerStatuses = [new() { Name = "init", RestartCount = 5, State = Running }],
            ContainerStatuses = [new() { Name = "app", State = Waiting("PodInitializing") }],
            Conditions = [Condition("Initialized", "False"), Condition("Initialized", "True")],
        });
        Assert.Equal("Init:0/1", PodPrinter.Row(pod, Now).Status);
        Assert.Equal("5", PodPrinter.Row(pod, Now).Restarts);
    }

    [Fact]
    public void Age_and_wide_ip_from_podIP()
    {
        var pod = Pod("p", 1, new PodStatus { Phase = "Running", PodIP = "10.1.0.15", PodIPs = ["10.9.9.9"] }) with
        {
            Metadata = new ObjectMeta { Name = "p", CreationTimestamp = Now - TimeSpan.FromSeconds(30) },
        };
        var row = PodPrinter.Row(pod, Now);
        Assert.Equal("30s", row.Age);
        Assert.Equal("10.1.0.15", row.IP);
    }
}
