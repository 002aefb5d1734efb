using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Scheduling;

namespace PodConformance.Model.Tests.Scheduling;

/// <summary>
/// NodeResourcesFit, taints, unschedulable nodes and the FitError message. The insufficient-resource cases follow
/// kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go TestEnoughRequests (node
/// allocatable cpu 10 / memory 20 / pods 32; the "too many resources fails" family); the message cases follow
/// FitError.Error in pkg/scheduler/framework/types.go (commit f899a310e19fe200bd65d3b94205abcc7dd967b1): reasons
/// counted per node, "count reason" sorted bytewise, joined by ", ", then ".".
/// </summary>
public sealed class SchedulerFitTests
{
    private static readonly Profile Newest = Profile.Default;

    internal static ValueMap<Quantity> Res(params (string Name, string Value)[] items)
    {
        var pairs = new (string, Quantity)[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            pairs[i] = (items[i].Name, Quantity.Parse(items[i].Value));
        }

        return ValueMap.Of(pairs);
    }

    internal static Node NodeOf(string name, string cpu, string memory, string pods = "32") =>
        new() { Name = name, Allocatable = Res(("cpu", cpu), ("memory", memory), ("pods", pods)) };

    internal static Pod PodOf(string? cpu, string? memory, string nodeName = "", int? priority = null, params Container[] init)
    {
        var req = new List<(string, string)>();
        if (cpu is not null)
        {
            req.Add(("cpu", cpu));
        }

        if (memory is not null)
        {
            req.Add(("memory", memory));
        }

        return new Pod
        {
            Metadata = new ObjectMeta { Name = "p", Namespace = "default", Uid = "u" },
            Spec = new PodSpec
            {
                NodeName = nodeName,
                Priority = priority,
                InitContainers = init,
                Containers = ValueList.Of(new Container { Name = "app", Resources = new ResourceRequirements { Requests = Res(req.ToArray()) } }),
            },
        };
    }

    [Fact]
    public void Tutorial_message_one_cpu_two_memory()
    {
        var nodes = new[] { NodeOf("n1", "500m", "8Gi"), NodeOf("n2", "4", "1Gi"), NodeOf("n3", "4", "1Gi") };
        var r = SchedulerFit.Schedule(PodOf("1", "2Gi"), nodes, null, Newest);
        Assert.False(r.Scheduled);
        Assert.Equal("0/3 nodes are available: 1 Insufficient cpu, 2 Insufficient memory.", r.Message);
        Assert.Equal("0/3 nodes are available: 1 Insufficient cpu, 2 Insufficient memory. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.", r.EventMessage);
    }

    [Fact]
    public void No_victims_when_the_node_is_merely_full()
    {
        var nodes = new[] { NodeOf("n1", "2", "4Gi") };
        var running = new[] { PodOf("1500m", "1Gi", "n1") };
        var r = SchedulerFit.Schedule(PodOf("1", "1Gi"), nodes, running, Newest);
        Assert.Equal("0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.", r.EventMessage);
    }

    [Fact]
    public void A_request_above_allocatable_is_unresolvable_only_from_1_34()
    {
        // SCHED-005: fit.go's InsufficientResource.Unresolvable is absent at v1.33.12 and present at v1.34.8 (microshift's
        // copies of OpenShift's fork); before, the node stays a preemption candidate and the dry run finds no victim.
        var nodes = new[] { NodeOf("n1", "500m", "8Gi") };
        var at133 = SchedulerFit.Schedule(PodOf("1", "1Gi"), nodes, null, Profile.For(new KubernetesVersion(1, 33)));
        Assert.False(Assert.Single(at133.Rejections).Unresolvable);
        Assert.Equal("preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.", at133.PreemptionMessage);
        var at134 = SchedulerFit.Schedule(PodOf("1", "1Gi"), nodes, null, Profile.For(new KubernetesVersion(1, 34)));
        Assert.True(Assert.Single(at134.Rejections).Unresolvable);
        Assert.Equal("preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.", at134.PreemptionMessage);
    }

    [Fact]
    public void Sidecar_host_ports_count_from_1_33()
    {
        // SCHED-013: schedutil.GetHostPorts (sidecars, then containers) first appears at v1.33.12; v1.32.12's NodePorts
        // getContainerPorts and NodeInfo.updateUsedPorts read spec.containers only (microshift's copies of OpenShift's fork).
        var sidecar = new Container { Name = "proxy", RestartPolicy = "Always", Ports = ValueList.Of(new ContainerPort { Port = 80, HostPort = 8080 }) };
        var existing = PodOf(null, null, "n1", null, sidecar);
        var wanting = PodOf(null, null, "", null, sidecar);
        var nodes = new[] { NodeOf("n1", "2", "4Gi") };
        var at133 = SchedulerFit.Schedule(wanting, nodes, [existing], Profile.For(new KubernetesVersion(1, 33)));
        Assert.False(at133.Scheduled);
        Assert.Equal(["node(s) didn't have free ports for the requested pod ports"], Assert.Single(at133.Rejections).Reasons);
        Assert.True(SchedulerFit.Schedule(wanting, nodes, [existing], Profile.For(new KubernetesVersion(1, 32))).Scheduled);
    }

    [Fact]
    public void At_1_28_the_preemption_part_ends_with_two_periods()
    {
        // SCHED-008: FitError.Error's PostFilter separator is " %v." at v1.28.11 and " %v" at v1.29.6 (kubeedge's forks,
        // pkg/scheduler/framework/types.go), so a 1.28 scheduler prints "..".
        var nodes = new[] { NodeOf("n1", "2", "4Gi") };
        var running = new[] { PodOf("1500m", "1Gi", "n1") };
        const string expected = "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.";
        Assert.Equal(expected + ".", SchedulerFit.Schedule(PodOf("1", "1Gi"), nodes, running, Profile.For(new KubernetesVersion(1, 28))).EventMessage);
        Assert.Equal(expected, SchedulerFit.Schedule(PodOf("1", "1Gi"), nodes, running, Profile.For(new KubernetesVersion(1, 29))).EventMessage);
        // A pod no preemption can be predicted for has no PostFilter text, so nothing is doubled.
        var lower = new[] { PodOf("1500m", "1Gi", "n1", priority: -5) };
        Assert.Equal("0/1 nodes are available: 1 Insufficient cpu.", SchedulerFit.Schedule(PodOf("1", "1Gi"), nodes, lower, Profile.For(new KubernetesVersion(1, 28))).EventMessage);
    }

    [Fact]
    public void Preemption_is_not_predicted_when_lower_priority_pods_exist()
    {
        var running = new[] { PodOf("1500m", "1Gi", "n1", priority: -5) };
        var r = SchedulerFit.Schedule(PodOf("1", "1Gi"), [NodeOf("n1", "2", "4Gi")], running, Newest);
        Assert.Equal("0/1 nodes are available: 1 Insufficient cpu.", r.Message);
        Assert.Null(r.PreemptionMessage);
    }

    /// <summary>fit_test.go TestEnoughRequests: node cpu 10, memory 20, pods 32; existing usage (cpu, memory).</summary>
    [Theory]
    [InlineData("1", "1", "0", "0", null)]
    [InlineData("1", "1", "10", "20", "Insufficient cpu|Insufficient memory")]
    [InlineData("1", "1", "5", "5", null)]
    [InlineData("2", "1", "9", "5", "Insufficient cpu")]
    [InlineData("1", "2", "5", "19", "Insufficient memory")]
    [InlineData("5", "1", "5", "19", null)]
    [InlineData("1", "1", "9", "19", null)]
    [InlineData("0", "0", "10", "20", null)]
    public void Enough_requests(string cpu, string memory, string usedCpu, string usedMemory, string? reasons)
    {
        var node = new Node { Name = "machine1", Allocatable = Res(("cpu", "10"), ("memory", "20"), ("pods", "32")) };
        var running = new[] { PodOf(usedCpu, usedMemory, "machine1") };
        var pod = PodOf(cpu == "0" ? null : cpu, memory == "0" ? null : memory);
        var info = NodeInfo.Snapshot([node], running, podLevelResources: true)[0];
        var r = NodeResourcesFitPlugin.Instance.Filter(SchedulingPod.For(pod, Newest), info);
        Assert.Equal(reasons, r is null ? null : string.Join("|", r.Reasons));
    }

    [Fact]
    public void Init_container_peak_is_the_request()
    {
        var init = new Container { Name = "init", Resources = new ResourceRequirements { Requests = Res(("cpu", "3")) } };
        var r = SchedulerFit.Schedule(PodOf("1", "1", init: init), [NodeOf("n1", "2", "10")], null, Newest);
        Assert.Equal("0/1 nodes are available: 1 Insufficient cpu.", r.Message);

        var sidecar = init with { RestartPolicy = "Always", Resources = new ResourceRequirements { Requests = Res(("cpu", "1500m")) } };
        var s = SchedulerFit.Schedule(PodOf("1", "1", init: sidecar), [NodeOf("n1", "2", "10")], null, Newest);
        Assert.Equal("0/1 nodes are available: 1 Insufficient cpu.", s.Message); // 1 + 1.5 > 2
    }

    [Fact]
    public void Too_many_pods_and_missing_pods_allocatable()
    {
        var full = SchedulerFit.Schedule(PodOf(null, null), [NodeOf("n1", "2", "1Gi", pods: "1")], [PodOf(null, null, "n1")], Newest);
        Assert.Equal("0/1 nodes are available: 1 Too many pods.", full.Message);

        var noPods = new Node { Name = "n1", Allocatable = Res(("cpu", "2")) };
        Assert.Equal("0/1 nodes are available: 1 Too many pods.", SchedulerFit.Schedule(PodOf(null, null), [noPods], null, Newest).Message);
    }

    [Fact]
    public void Terminal_pods_do_not_count()
    {
        var done = PodOf("2", "1Gi", "n1") with { Status = new PodStatus { Phase = "Succeeded" } };
        Assert.Equal("n1", SchedulerFit.Schedule(PodOf("1", "1Gi"), [NodeOf("n1", "2", "4Gi")], [done], Newest).NodeName);
    }

    [Fact]
    public void Taints_unschedulable_and_selector_reasons()
    {
        var tainted = NodeOf("a", "4", "4Gi") with { Taints = ValueList.Of(new Taint { Key = "dedicated", Value = "gpu", Effect = "NoSchedule" }) };
        var soft = NodeOf("b", "4", "4Gi") with { Taints = ValueList.Of(new Taint { Key = "x", Value = "y", Effect = "PreferNoSchedule" }) };
        var cordoned = NodeOf("c", "4", "4Gi") with { Unschedulable = true };
        var small = NodeOf("d", "100m", "4Gi");
        var r = SchedulerFit.Schedule(PodOf("1", "1Gi"), [tainted, cordoned, small], null, Newest);
        Assert.Equal("0/3 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {dedicated: gpu}, 1 node(s) were unschedulable.", r.Message);

        Assert.Equal("b", SchedulerFit.Schedule(PodOf("1", "1Gi"), [tainted, soft], null, Newest).NodeName);

        var tolerant = PodOf("1", "1Gi");
        tolerant = tolerant with { Spec = tolerant.Spec with { Tolerations = ValueList.Of(new Toleration { Key = "dedicated", Operator = "Exists" }) } };
        Assert.Equal("a", SchedulerFit.Schedule(tolerant, [tainted], null, Newest).NodeName);

        var selecting = PodOf("1", "1Gi");
        selecting = selecting with { Spec = selecting.Spec with { NodeSelector = ValueMap.Of(("disk", "ssd")) } };
        Assert.Equal("0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector.", SchedulerFit.Schedule(selecting, [small], null, Newest).Message);
    }

    [Fact]
    public void Sorting_is_bytewise_on_the_whole_entry()
    {
        // "10 Insufficient cpu" sorts before "2 Insufficient memory" ('1' < '2'), as Go's sort.Strings does.
        var nodes = new List<Node>();
        for (int i = 0; i < 10; i++)
        {
            nodes.Add(NodeOf("c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "100m", "8Gi"));
        }

        nodes.Add(NodeOf("m0", "8", "1Mi"));
        nodes.Add(NodeOf("m1", "8", "1Mi"));
        var r = SchedulerFit.Schedule(PodOf("1", "1Gi"), nodes, null, Newest);
        Assert.Equal("0/12 nodes are available: 10 Insufficient cpu, 2 Insufficient memory.", r.Message);
    }

    [Fact]
    public void First_feasible_node_by_name_and_no_nodes()
    {
        var r = SchedulerFit.Schedule(PodOf("1", "1Gi"), [NodeOf("zeta", "4", "4Gi"), NodeOf("alpha", "4", "4Gi")], null, Newest);
        Assert.Equal("alpha", r.NodeName);
        Assert.Equal(["alpha", "zeta"], r.FeasibleNodes.AsSpan().ToArray());
        Assert.Equal("no nodes available to schedule pods", SchedulerFit.Schedule(PodOf("1", "1Gi"), [], null, Newest).Message);
    }

    [Fact]
    public void Overhead_counts()
    {
        var pod = PodOf("1", "1Gi");
        pod = pod with { Spec = pod.Spec with { Overhead = Res(("cpu", "250m")) } };
        Assert.Equal("0/1 nodes are available: 1 Insufficient cpu.", SchedulerFit.Schedule(pod, [NodeOf("n1", "1", "4Gi")], null, Newest).Message);
    }
}
