using PodConformance.Model.Collections;
using PodConformance.Model.Events;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Events;

/// <summary>
/// Message texts per release (spec/events.md). Expected strings are the Go format strings of the cited files
/// filled in by hand, and real outputs quoted in kubernetes issues (#113215, #133627).
/// </summary>
public class EventCatalogTests
{
    private static readonly DateTimeOffset T = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ContainerRef Web = new("web");
    private static readonly PodRef Pod = new("crashloop-pod", "s14-crash", "ba011a14-5c12-4f7e-84ed-c6c27e0c4d8e");

    private static Profile V(int minor) => Profile.For(new KubernetesVersion(1, minor));

    [Fact]
    public void Scheduled_names_namespace_name_and_node()
    {
        var e = EventCatalog.Scheduled(new PodRef("broken-app", "default", "u"), "node-1", T);
        Assert.Equal("Successfully assigned default/broken-app to node-1", e.Message);
        Assert.Equal(("Normal", "Scheduled", "default-scheduler", (string?)null, EventRules.Scheduled),
            (e.Type.ToApiString(), e.Reason, e.Source, e.FieldPath, e.RuleId));
    }

    [Theory]
    [InlineData(ContainerListKind.Container, "spec.containers{web}")]
    [InlineData(ContainerListKind.InitContainer, "spec.initContainers{web}")]
    [InlineData(ContainerListKind.EphemeralContainer, "spec.ephemeralContainers{web}")]
    public void Field_paths_follow_the_container_list(ContainerListKind kind, string path) =>
        Assert.Equal(path, EventCatalog.Pulling(new ContainerRef("web", kind), "nginx", T).FieldPath);

    [Fact]
    public void Image_messages_quote_the_image_like_Go_q()
    {
        Assert.Equal("Pulling image \"myapp:latest\"", EventCatalog.Pulling(Web, "myapp:latest", T).Message);
        Assert.Equal("Failed to pull image \"myapp:latest\": rpc error: image not found",
            EventCatalog.FailedToPull(Web, "myapp:latest", "rpc error: image not found", T).Message);
        Assert.Equal("Back-off pulling image \"myapp:latest\"", EventCatalog.BackOffPullingImage(Web, "myapp:latest", T).Message);
        Assert.Equal(PodEventType.Normal, EventCatalog.BackOffPullingImage(Web, "x", T).Type);
        Assert.Equal("Error: ErrImagePull", EventCatalog.ErrImagePull(Web, T).Message);
        Assert.Equal("Error: ImagePullBackOff", EventCatalog.ImagePullBackOff(Web, T).Message);
        Assert.Equal("Container image \"a\\\"b\" is not present with pull policy of Never", EventCatalog.NeverPull(Web, "a\"b", T).Message);
    }

    [Theory]
    // image_manager.go as kubeedge/kubeedge vendors it: v1.28.6 (5dd0aee16), v1.29.11 (6f8c07957) truncate both
    // durations without the size; v1.30.7 (9b280adfa) adds the size (spec/events.md EVENT-004).
    [InlineData(28, "Successfully pulled image \"nginx\" in 1.315s (1.315s including waiting)")]
    [InlineData(29, "Successfully pulled image \"nginx\" in 1.315s (1.315s including waiting)")]
    [InlineData(30, "Successfully pulled image \"nginx\" in 1.315s (1.315s including waiting). Image size: 187694648 bytes.")]
    [InlineData(37, "Successfully pulled image \"nginx\" in 1.315s (1.315s including waiting). Image size: 187694648 bytes.")]
    public void Pulled_truncates_in_every_release_and_gains_the_size_in_1_30(int minor, string expected)
    {
        // 1.3156337s pull, 1.3156418s with waiting: both print as 1.315s once truncated to milliseconds.
        var e = EventCatalog.Pulled(V(minor), Web, "nginx", TimeSpan.FromTicks(13_156_337), TimeSpan.FromTicks(13_156_418), 187_694_648, T);
        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void Already_present_depends_on_KubeletEnsureSecretPulledImages()
    {
        // The gate is alpha (off) in 1.33-1.34 and beta, on by default from 1.35 (spec/profiles.md).
        Assert.Equal("Container image \"python:3.11-alpine\" already present on machine",
            EventCatalog.AlreadyPresent(V(34), Web, "python:3.11-alpine", T).Message);
        Assert.Equal("Container image \"nginx\" already present on machine and can be accessed by the pod",
            EventCatalog.AlreadyPresent(V(37), Web, "nginx", T).Message);
        var gated = new Profile(new KubernetesVersion(1, 34), ValueMap<bool>.Empty.SetItem(EventCatalog.KubeletEnsureSecretPulledImages, true));
        Assert.Equal("Container image \"nginx\" already present on machine and can be accessed by the pod",
            EventCatalog.AlreadyPresent(gated, Web, "nginx", T).Message);
        var off = new Profile(new KubernetesVersion(1, 37), ValueMap<bool>.Empty.SetItem(EventCatalog.KubeletEnsureSecretPulledImages, false));
        Assert.Equal("Container image \"nginx\" already present on machine", EventCatalog.AlreadyPresent(off, Web, "nginx", T).Message);
    }

    [Theory]
    // kuberuntime_container.go as kubeedge/kubeedge vendors it: no colon at v1.30.7 (9b280adfa), colon at v1.31.11
    // (7e0e20fc2) and v1.32.10 (549263582); spec/events.md EVENT-010.
    [InlineData(28, "Created container web", "Started container web")]
    [InlineData(30, "Created container web", "Started container web")]
    [InlineData(31, "Created container: web", "Started container web")]
    [InlineData(32, "Created container: web", "Started container web")]
    [InlineData(33, "Created container: web", "Started container web")]
    [InlineData(34, "Created container: web", "Started container web")]
    [InlineData(35, "Container created", "Container started")]
    [InlineData(37, "Container created", "Container started")]
    public void Created_and_Started_by_release(int minor, string created, string started)
    {
        Assert.Equal(created, EventCatalog.Created(V(minor), Web, T).Message);
        Assert.Equal(started, EventCatalog.Started(V(minor), Web, T).Message);
    }

    [Fact]
    public void Killing_and_BackOff_restarting()
    {
        Assert.Equal("Stopping container web", EventCatalog.Killing(Web, T).Message);
        var backOff = EventCatalog.BackOffRestarting(new ContainerRef("python-app"), Pod, T);
        Assert.Equal("Back-off restarting failed container python-app in pod crashloop-pod_s14-crash(ba011a14-5c12-4f7e-84ed-c6c27e0c4d8e)", backOff.Message);
        Assert.Equal((PodEventType.Warning, "BackOff"), (backOff.Type, backOff.Reason));
    }

    [Fact]
    public void Config_errors_carry_the_detail()
    {
        var e = EventCatalog.ContainerError(Web, "configmap \"cfg\" not found", T);
        Assert.Equal(("Failed", "Error: configmap \"cfg\" not found", PodEventType.Warning), (e.Reason, e.Message, e.Type));
    }
}
