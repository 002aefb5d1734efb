using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Eviction;
using PodConformance.Model.Profiles;
using static PodConformance.Model.Tests.Eviction.EvictionPods;

namespace PodConformance.Model.Tests.Eviction;

/// <summary>
/// managerImpl.Admit (pkg/kubelet/eviction/eviction_manager.go), after eviction_manager_test.go's
/// TestMemoryPressure / TestDiskPressureNodeFs / TestPIDPressure / TestAdmitUnderNodeConditions admission
/// checks (ported by behaviour; the upstream tables drive the whole manager).
/// </summary>
public class AdmissionTests
{
    private static readonly Profile P = Profile.Default;
    private static readonly Pod BestEffort = Pod("best-effort", 0);
    private static readonly Pod Burstable = Pod("burstable", 0, Req(memory: "100Mi"), Req(memory: "200Mi"));
    private static readonly Pod Critical = Pod("critical", 2_000_000_000);

    private static Node NodeWith(params string[] conditions)
    {
        var items = new (string, string)[conditions.Length];
        for (int i = 0; i < conditions.Length; i++)
        {
            items[i] = (conditions[i], "True");
        }

        return new Node { Name = "n", Conditions = ValueMap.Of(items) };
    }

    [Fact]
    public void No_pressure_admits_everything() => Assert.True(PodAdmission.Admit(BestEffort, NodeWith(), P).Admit);

    [Fact]
    public void Memory_pressure_rejects_only_best_effort()
    {
        var r = PodAdmission.Admit(BestEffort, NodeWith("MemoryPressure"), P);
        Assert.False(r.Admit);
        Assert.Equal("Evicted", r.Reason);
        Assert.Equal("The node had condition: [MemoryPressure]. ", r.Message);
        Assert.True(PodAdmission.Admit(Burstable, NodeWith("MemoryPressure"), P).Admit);
    }

    [Fact]
    public void Best_effort_tolerating_the_memory_pressure_taint_is_admitted()
    {
        var tolerant = BestEffort with { Spec = BestEffort.Spec with { Tolerations = [new Toleration { Key = "node.kubernetes.io/memory-pressure", Operator = "Exists", Effect = "NoSchedule" }] } };
        Assert.True(PodAdmission.Admit(tolerant, NodeWith("MemoryPressure"), P).Admit);
        var wrongEffect = BestEffort with { Spec = BestEffort.Spec with { Tolerations = [new Toleration { Key = "node.kubernetes.io/memory-pressure", Operator = "Exists", Effect = "NoExecute" }] } };
        Assert.False(PodAdmission.Admit(wrongEffect, NodeWith("MemoryPressure"), P).Admit);
        // Tolerating the memory-pressure taint does not help once another condition holds.
        Assert.False(PodAdmission.Admit(tolerant, NodeWith("MemoryPressure", "DiskPressure"), P).Admit);
    }

    [Fact]
    public void Disk_or_pid_pressure_rejects_every_non_critical_pod()
    {
        var r = PodAdmission.Admit(Burstable, NodeWith("DiskPressure"), P);
        Assert.False(r.Admit);
        Assert.Equal("The node had condition: [DiskPressure]. ", r.Message);
        Assert.Equal("The node had condition: [MemoryPressure DiskPressure]. ", PodAdmission.Admit(Burstable, NodeWith("DiskPressure", "MemoryPressure"), P).Message);
        Assert.Equal("The node had condition: [PIDPressure]. ", PodAdmission.Admit(Burstable, NodeWith("PIDPressure"), P).Message);
        Assert.True(PodAdmission.Admit(Critical, NodeWith("DiskPressure", "PIDPressure"), P).Admit);
    }
}
