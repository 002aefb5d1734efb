using PodConformance.Suite.Golden;

namespace PodConformance.Suite.Tests.Golden;

/// <summary>FailedScheduling messages the model must reproduce verbatim (golden/scheduling).</summary>
public class SchedulingGoldenTests
{
    private static readonly Lazy<IReadOnlyList<GoldenCase>> Cases = new(() => SchedulingCases.All(GoldenRepo.GoldenDir).ToArray());

    private static string Message(string id) =>
        ((GoldenMap)Cases.Value.Single(c => c.Id == "scheduling/" + id).Expected.Get("views")!).GetText("podScheduled.message");

    [Fact]
    public void The_control_plane_taint_and_two_small_workers_give_issue_11s_message()
    {
        Assert.StartsWith(
            "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient memory. ",
            Message("control-plane-taint-and-memory"), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_filter_gives_its_reason_and_the_histogram_sorts_whole_strings()
    {
        Assert.Equal(
            "0/6 nodes are available: 1 Insufficient memory, 1 Too many pods, 1 node(s) didn't match Pod's node affinity/selector, "
            + "1 node(s) had untolerated taint {dedicated: gpu}, 1 node(s) were unschedulable, 2 Insufficient cpu. "
            + "preemption: 0/6 nodes are available: 1 No preemption victims found for incoming pod, 5 Preemption is not helpful for scheduling.",
            Message("one-node-per-filter"));
    }
}
