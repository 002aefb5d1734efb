using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Oom;
using PodConformance.Model.Profiles;
using static PodConformance.Model.Tests.Oom.OomPods;

namespace PodConformance.Model.Tests.Kubelet;

/// <summary>
/// The kubelet's copy of a pod carries the source it came from, set by the kubelet over whatever the pod held
/// (pkg/kubelet/config/config.go <c>podStorage.merge</c>'s <c>updatePodsFunc</c>, kubernetes/kubernetes
/// 00a3928bde544dbb4fd046bb78439178ec37fb5a), and kubetypes.IsStaticPod reads it (source present and not <c>api</c>).
/// </summary>
public class PodSourcesTests
{
    public static TheoryData<string?> WrittenSources() => new() { null, "file", "http", "api", "", "anything" };

    /// <summary>Whatever the author wrote (or nothing), the API server's pod reaches the kubelet as source api: not static, not critical.</summary>
    [Theory]
    [MemberData(nameof(WrittenSources))]
    public void A_pod_from_the_api_server_is_never_static_whatever_its_author_wrote(string? written)
    {
        var annotations = ValueMap.Of(("team", "a"));
        if (written is not null)
        {
            annotations = annotations.SetItem(PodSources.Annotation, written);
        }

        var pod = NoRequestLimit with { Metadata = new ObjectMeta { Name = "p", Annotations = annotations }, Spec = NoRequestLimit.Spec with { PriorityClassName = CriticalPods.SystemNodeCritical } };
        var seen = PodSources.FromApiServer(pod);
        Assert.Equal("api", seen.Metadata.Annotations[PodSources.Annotation]);
        Assert.Equal("a", seen.Metadata.Annotations["team"]);
        Assert.False(CriticalPods.IsStaticPod(seen));
        Assert.False(CriticalPods.IsCriticalPod(seen));
        Assert.Equal(1000, OomScoreAdjust.ForContainer(seen, seen.Spec.Containers[0], 4_000_000_000, Profile.Default).Score);
    }

    /// <summary>The explicit paths stay: a pod the kubelet read from a file or URL is static; a mirror pod is critical whatever its source.</summary>
    [Fact]
    public void File_and_http_sources_are_static_and_a_mirror_pod_from_the_api_server_stays_critical()
    {
        var pod = NoRequestLimit with { Spec = NoRequestLimit.Spec with { PriorityClassName = CriticalPods.SystemNodeCritical } };
        Assert.Equal(["file", "http", "api"], PodSources.All);
        Assert.True(CriticalPods.IsStaticPod(PodSources.AsReceivedFrom(pod, PodSources.File)));
        Assert.True(CriticalPods.IsStaticPod(PodSources.AsReceivedFrom(pod, PodSources.Http)));
        Assert.Equal(-997, OomScoreAdjust.ForContainer(PodSources.AsReceivedFrom(pod, PodSources.File), pod.Spec.Containers[0], 4_000_000_000, Profile.Default).Score);

        var mirror = PodSources.FromApiServer(pod with { Metadata = new ObjectMeta { Annotations = ValueMap.Of((CriticalPods.ConfigMirrorAnnotation, "hash")) } });
        Assert.False(CriticalPods.IsStaticPod(mirror));
        Assert.True(CriticalPods.IsCriticalPod(mirror));
        Assert.Equal(-997, OomScoreAdjust.ForContainer(mirror, mirror.Spec.Containers[0], 4_000_000_000, Profile.Default).Score);
    }
}
