using PodConformance.Benchmarks.Workloads;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Simulation;
using PodConformance.Model.Tests.Support;

namespace PodConformance.Model.Tests.Simulation;

/// <summary>
/// Issue 12's simulated crash-loop hour (the benchmark's scenario: a container exiting 1 after 5 s, restarted with
/// crash-loop backoff) with nothing recorded. The first hour, the pod's creation included, must stay within the issue's
/// 50 KB (51,200 B); ten hours about 10% above what they allocated when set, so a change that makes the simulator
/// allocate again per status update or restart fails here, and the ceiling at 10 hours bounds the growth with virtual
/// time. Measured when set (session 8): 1 h 49,792 B, 10 h 204,128 B (about 15 KB to create and bind the pod, 35 KB for
/// its first hour of restarts, then 17 KB per virtual hour). Before: 1 h 75,744 B, 10 h 314,032 B. Session 9 (objs6,
/// a cheaper create and first config check): 1 h 43,424 B.
/// </summary>
public class CrashLoopAllocationTests
{
    [Theory]
    [InlineData(1, CeilingOneHour)]
    [InlineData(10, CeilingTenHours)]
    public void A_crash_looping_pod_allocates_within_its_ceiling(int hours, long ceiling)
    {
        var (pod, scenario) = Workloads.CrashLoopCase(hours);
        long bytes = AllocationBudget.PerCall(() => PodSimulator.Run([pod], scenario, Profile.Default, SimulationRecord.None), 3, hours == 1 ? 20 : 3);
        Assert.True(bytes <= ceiling, hours + " h allocated " + bytes + " B per run");
    }

    /// <summary>Issue 12's target for a simulated crash-loop hour: 50 KB, here with the pod's creation counted in.</summary>
    private const long CeilingOneHour = 51_200;
    private const long CeilingTenHours = 225_000;
}
