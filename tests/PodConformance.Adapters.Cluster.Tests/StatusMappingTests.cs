using k8s;
using k8s.Models;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Cluster.Tests;

/// <summary>
/// Status → observation on `kubectl get -o yaml` pod objects (Fixtures/, each file says where its shape comes from),
/// through the adapter's own path: KubernetesClient's V1Pod (as a watch delivers it) → JSON → the model's reader.
/// </summary>
public class StatusMappingTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private static StatusSample ViaWatch(string fixture)
    {
        var v1 = KubernetesYaml.Deserialize<V1Pod>(Fixture(fixture));
        var pod = ClusterObjects.FromV1(v1, out string error);
        Assert.True(pod is not null, error);
        return LifecycleObserver.Sample(TimeSpan.FromSeconds(65), pod, deleted: false);
    }

    [Theory]
    [InlineData("kubectl-get-pod-crashloop.yaml")]
    [InlineData("kubectl-get-pod-oomkilled.yaml")]
    [InlineData("kubectl-get-pod-imagepull.yaml")]
    public void The_v1pod_round_trip_loses_nothing_the_observation_reads(string fixture)
    {
        var direct = ClusterObjects.ReadPod(Fixture(fixture), fixture, out string error);
        Assert.True(direct is not null, error);
        Assert.Equal(LifecycleObserver.Sample(TimeSpan.FromSeconds(65), direct, false), ViaWatch(fixture));
    }

    [Fact]
    public void Crash_loop()
    {
        var s = ViaWatch("kubectl-get-pod-crashloop.yaml");
        Assert.Equal(("Running", "0/1", "CrashLoopBackOff", "3"), (s.Phase, s.Ready, s.Status, s.Restarts));
        var c = Assert.Single(s.Containers);
        Assert.Equal(("waiting", "CrashLoopBackOff", 3, "Error", (int?)1), (c.State, c.Reason, c.RestartCount, c.LastReason, c.LastExitCode));
        Assert.Contains("Ready=False/ContainersNotReady", s.Conditions);
    }

    [Fact]
    public void Oom_killed()
    {
        var s = ViaWatch("kubectl-get-pod-oomkilled.yaml");
        Assert.Equal(("Failed", "0/1", "OOMKilled", "0"), (s.Phase, s.Ready, s.Status, s.Restarts));
        var c = Assert.Single(s.Containers);
        Assert.Equal(("terminated", "OOMKilled", (int?)137), (c.State, c.Reason, c.ExitCode));
        Assert.Contains("Ready=False/PodFailed", s.Conditions);
    }

    [Fact]
    public void Image_pull_back_off()
    {
        var s = ViaWatch("kubectl-get-pod-imagepull.yaml");
        Assert.Equal(("Pending", "0/1", "ImagePullBackOff"), (s.Phase, s.Ready, s.Status));
        Assert.Equal(("waiting", "ImagePullBackOff"), (s.Containers[0].State, s.Containers[0].Reason));
    }

    [Fact]
    public void Events_are_ordered_by_first_occurrence_with_offsets_from_creation()
    {
        var created = new DateTimeOffset(2025, 1, 31, 10, 0, 0, TimeSpan.Zero);
        var events = new[]
        {
            new Corev1Event { Reason = "BackOff", Type = "Warning", Message = "Back-off restarting failed container app", FirstTimestamp = new DateTime(2025, 1, 31, 10, 0, 20, DateTimeKind.Utc) },
            new Corev1Event { Reason = "Scheduled", Type = "Normal", Message = "Successfully assigned", FirstTimestamp = new DateTime(2025, 1, 31, 10, 0, 0, DateTimeKind.Utc) },
            new Corev1Event { Reason = "Pulled", Type = "Normal", Message = "Container image already present", EventTime = new DateTime(2025, 1, 31, 10, 0, 1, DateTimeKind.Utc) },
        };
        var samples = ClusterObjects.Events(events, created);
        Assert.Equal(["Scheduled", "Pulled", "BackOff"], samples.Select(e => e.Reason));
        Assert.Equal(TimeSpan.FromSeconds(20), samples[2].Offset);
    }
}
