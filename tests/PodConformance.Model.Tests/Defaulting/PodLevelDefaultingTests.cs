using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using static PodConformance.Model.Tests.Support.TestPods;

namespace PodConformance.Model.Tests.Defaulting;

/// <summary>
/// DEF-002…004 and DEF-022: pod-level resource defaulting in SetDefaults_Pod (PodLevelResourcesFixDefaulting off) or in
/// PrepareForCreate (on, the 1.37 default). Expected values worked out by hand from kubernetes pkg/apis/core/v1/defaults.go
/// (<c>SetDefaults_Pod</c>, <c>defaultHugePagePodLimits</c>, <c>defaultPodRequests</c>) and pkg/api/pod/util.go
/// (<c>DefaultPodLevelResources</c>, <c>defaultPodLevelRequests</c>, <c>defaultPodLevelLimits</c>,
/// <c>aggregateContainerLimits</c>) as stored in fork MikeZappa87/kubernetes at 50b500bcc862923961072fc8597251f8cc534abd
/// (fork copies); the gate's 1.37 row from kubernetes pkg/features/kube_features.go at ae5d4d35bd942887007f2932150e87e7cfce8361.
/// </summary>
public class PodLevelDefaultingTests
{
    private static readonly Profile On = new(KubernetesVersion.Newest, ValueMap<bool>.Empty);

    private static readonly Profile Off = new(KubernetesVersion.Newest, ValueMap.Of((FeatureGateNames.PodLevelResourcesFixDefaulting, false)));

    private static readonly Profile V136 = new(new KubernetesVersion(1, 36), ValueMap<bool>.Empty);

    private static ResourceRequirements Defaulted(Pod pod, Profile profile) => PodDefaulter.Apply(pod, profile).Spec.Resources!;

    [Fact]
    public void The_gate_is_beta_and_on_in_1_37_only()
    {
        Assert.True(On.IsEnabled(FeatureGateNames.PodLevelResourcesFixDefaulting));
        Assert.False(V136.IsEnabled(FeatureGateNames.PodLevelResourcesFixDefaulting));
        Assert.Null(FeatureGateCatalog.Find(FeatureGateNames.PodLevelResourcesFixDefaulting)!.StageAt(V136.Version));
    }

    /// <summary>DEF-003: the strategy's defaultPodLevelRequests returns only when requests and limits are both empty.</summary>
    [Fact]
    public void With_the_gate_requests_alone_gain_the_missing_resources_from_the_containers()
    {
        var pod = Pod("p", Container("a", CpuMem("100m", "64Mi"), CpuMem("", "")), Container("b", CpuMem("", "32Mi"), CpuMem("", "")))
            .WithPodResources(Reqs(CpuMem("1", ""), CpuMem("", "")));
        Assert.Equal(List("cpu=1,memory=96Mi"), Defaulted(pod, On).Requests);

        // defaults.go's defaultPodRequests (gate off, and every release before 1.37) needs pod-level limits.
        Assert.Equal(List("cpu=1"), Defaulted(pod, Off).Requests);
        Assert.Equal(List("cpu=1"), Defaulted(pod, V136).Requests);
    }

    /// <summary>DEF-004 is per resource: a pod that limits cpu still gets a memory limit, raised to its request.</summary>
    [Fact]
    public void Limits_default_per_resource_and_never_below_the_pod_request()
    {
        var pod = Pod("p", Container("a", CpuMem("", ""), CpuMem("1", "1Gi")), Container("b", CpuMem("", ""), CpuMem("1", "512Mi")))
            .WithPodResources(Reqs(CpuMem("3", "1Gi"), CpuMem("4", "")));
        var r = Defaulted(pod, On);
        Assert.Equal(List("cpu=4,memory=1536Mi"), r.Limits);

        // The aggregate cpu limit (2) is below the pod's request: the limit is the request. Memory: DEF-003 first gives the pod
        // the containers' memory requests (1536Mi, from their limits by DEF-001), then DEF-004 the same limit.
        var raised = Defaulted(pod.WithPodResources(Reqs(CpuMem("3", ""), CpuMem("", ""))), On);
        Assert.Equal(List("cpu=3,memory=1536Mi"), raised.Limits);

        Assert.Equal(List("cpu=4"), Defaulted(pod, Off).Limits);
        Assert.Equal(List("cpu=4"), Defaulted(pod, V136).Limits);
    }

    [Fact]
    public void Limits_default_only_when_every_container_including_init_and_ephemeral_limits_the_resource()
    {
        var pod = Pod("p", Container("a", CpuMem("", ""), CpuMem("1", "1Gi")))
            .WithInit(Container("i", CpuMem("", ""), CpuMem("1", "")))
            .WithPodResources(Reqs(CpuMem("1", "1Gi"), CpuMem("", "")));
        Assert.Equal(List("cpu=1"), Defaulted(pod, On).Limits);

        var withEphemeral = pod with { Spec = pod.Spec with { EphemeralContainers = [new Container { Name = "debug", Image = "busybox" }] } };
        Assert.True(Defaulted(withEphemeral, On).Limits.IsEmpty);
    }

    /// <summary>A hugepage request without a pod limit is a DEF-004 candidate (DEF-002 skips sizes the pod requests).</summary>
    [Fact]
    public void Hugepages_with_a_pod_request_get_their_limit_from_the_containers()
    {
        var pod = Pod("p", Container("a", List("cpu=1,memory=1Gi,hugepages-2Mi=4Mi"), List("cpu=1,memory=1Gi,hugepages-2Mi=4Mi")))
            .WithPodResources(Reqs(List("hugepages-2Mi=2Mi"), CpuMem("", "")));
        var r = Defaulted(pod, On);
        Assert.Equal("4Mi", r.Limits["hugepages-2Mi"].ToString());
        Assert.False(Defaulted(pod, Off).Limits.ContainsKey("hugepages-2Mi"));
    }

    /// <summary>
    /// DEF-002's request skip is 1.34+: v1.33.3's defaultHugePagePodLimits (defaults.go vendored in
    /// openshift-kni/scheduler-plugins 0c967825a, local mirror) gives every size without a pod-level limit the containers'
    /// aggregate limit, even one the pod requests; v1.34.1's (313dff1ce) leaves a requested size alone.
    /// </summary>
    [Fact]
    public void A_requested_hugepage_size_gets_a_pod_limit_at_1_33_only()
    {
        var pod = Pod("p", Container("a", List("cpu=1,memory=1Gi,hugepages-2Mi=4Mi"), List("cpu=1,memory=1Gi,hugepages-2Mi=4Mi")))
            .WithPodResources(Reqs(List("hugepages-2Mi=2Mi"), CpuMem("", "")));
        var gate = ValueMap.Of((FeatureGateNames.PodLevelResources, true));
        Assert.Equal("4Mi", Defaulted(pod, new Profile(new KubernetesVersion(1, 33), gate)).Limits["hugepages-2Mi"].ToString());
        Assert.False(Defaulted(pod, new Profile(new KubernetesVersion(1, 34), gate)).Limits.ContainsKey("hugepages-2Mi"));
        Assert.False(Defaulted(pod, V136).Limits.ContainsKey("hugepages-2Mi"));
    }

    /// <summary>DEF-022: in the create strategy the containers' quantities are already rounded up to 1m (DEF-017).</summary>
    [Fact]
    public void The_strategy_sees_rounded_container_requests_the_decoder_does_not()
    {
        var pod = Pod("p", Container("a", CpuMem("0.5m", ""), CpuMem("", "")), Container("b", CpuMem("0.5m", ""), CpuMem("", "")))
            .WithPodResources(Reqs(CpuMem("", ""), CpuMem("1", "")));
        Assert.Equal("2m", Defaulted(pod, On).Requests["cpu"].ToString());
        Assert.Equal("1m", Defaulted(pod, Off).Requests["cpu"].ToString());
    }

    [Fact]
    public void Explain_lists_the_strategy_defaults_after_the_decoder_and_decode_alone_leaves_them_out()
    {
        var pod = Pod("p", Container("a", CpuMem("100m", ""), CpuMem("1", ""))).WithPodResources(Reqs(CpuMem("500m", ""), CpuMem("", "")));
        var changes = new List<DefaultingChange>();
        PodDefaulter.Apply(pod, On, changes);
        int limit = changes.FindIndex(c => c.Rule == DefaultingRules.PodLimits && c.Field == "spec.resources.limits.cpu" && c.Value == "1");
        Assert.True(limit > changes.FindIndex(c => c.Rule == DefaultingRules.SchedulerName), string.Join("; ", changes));
        Assert.True(PodDefaulter.Decode(pod, On).Spec.Resources!.Limits.IsEmpty);
    }

    /// <summary>
    /// DEF-002/003 at 1.32: SetDefaults_Pod calls only defaultPodRequests, and component-helpers v0.32.0 supports cpu and
    /// memory at pod level, so hugepages get neither a pod-level limit nor a request; 1.33 adds both (defaults.go vendored in
    /// openshift-kni/scheduler-plugins 0aead6551 (v1.32.5) and 0c967825a (v1.33.3), local mirror).
    /// </summary>
    [Fact]
    public void Hugepages_are_defaulted_at_pod_level_from_1_33_only()
    {
        var pod = Pod("p", Container("a", List(""), List("cpu=2m,hugepages-2Mi=4Mi")), Container("b", List(""), List("cpu=1m,hugepages-2Mi=2Mi")))
            .WithPodResources(Reqs(List(""), List("cpu=5m,hugepages-2Mi=10Mi")));
        var gate = ValueMap.Of((FeatureGateNames.PodLevelResources, true));
        var at132 = Defaulted(pod, new Profile(new KubernetesVersion(1, 32), gate));
        Assert.Equal(List("cpu=3m"), at132.Requests);
        Assert.Equal(List("cpu=5m,hugepages-2Mi=10Mi"), at132.Limits);
        var at133 = Defaulted(pod, new Profile(new KubernetesVersion(1, 33), gate));
        Assert.Equal(List("cpu=3m,hugepages-2Mi=10Mi"), at133.Requests);

        var noPodHugePages = pod.WithPodResources(Reqs(List(""), List("cpu=5m")));
        Assert.Equal(List("cpu=5m"), Defaulted(noPodHugePages, new Profile(new KubernetesVersion(1, 32), gate)).Limits);
        Assert.Equal(List("cpu=5m,hugepages-2Mi=6Mi"), Defaulted(noPodHugePages, new Profile(new KubernetesVersion(1, 33), gate)).Limits);
    }
}

/// <summary>
/// DEF-023: kubernetes pkg/apis/core/v1/conversion.go at 0158de93ea1c864e552aa1fc9263fa6caf47f2d0
/// (<c>Convert_v1_Pod_To_core_Pod</c>, <c>initContainerAnnotations</c>, <c>dropInitContainerAnnotations</c>).
/// </summary>
public class InitContainerAnnotationTests
{
    [Theory]
    [InlineData(28)]
    [InlineData(37)]
    public void The_four_legacy_annotations_are_removed_on_decode_and_others_kept(int minor)
    {
        var profile = new Profile(new KubernetesVersion(1, minor), ValueMap<bool>.Empty);
        var pod = Pod("p", Container("c", CpuMem("", ""), CpuMem("", "")));
        pod = pod with
        {
            Metadata = pod.Metadata with
            {
                Annotations = ValueMap.Of(
                    ("pod.beta.kubernetes.io/init-containers", "[]"),
                    ("pod.alpha.kubernetes.io/init-containers", "[]"),
                    ("pod.beta.kubernetes.io/init-container-statuses", "[]"),
                    ("pod.alpha.kubernetes.io/init-container-statuses", "[]"),
                    ("pod.beta.kubernetes.io/init-containers-x", "kept"),
                    ("example.com/a", "kept")),
            },
        };
        var changes = new List<DefaultingChange>();
        var decoded = PodDefaulter.Apply(pod, profile, changes);
        Assert.Equal(ValueMap.Of(("pod.beta.kubernetes.io/init-containers-x", "kept"), ("example.com/a", "kept")), decoded.Metadata.Annotations);
        Assert.Equal(
            [
                "metadata.annotations[pod.alpha.kubernetes.io/init-container-statuses]",
                "metadata.annotations[pod.alpha.kubernetes.io/init-containers]",
                "metadata.annotations[pod.beta.kubernetes.io/init-container-statuses]",
                "metadata.annotations[pod.beta.kubernetes.io/init-containers]",
            ],
            changes.Where(c => c.Rule == DefaultingRules.InitContainerAnnotations).Select(c => c.Field));
    }

    [Fact]
    public void A_pod_without_them_is_returned_as_is()
    {
        var pod = Pod("p", Container("c", CpuMem("", ""), CpuMem("", "")));
        pod = pod with { Metadata = pod.Metadata with { Annotations = ValueMap.Of(("example.com/a", "x")) } };
        Assert.Same(pod.Metadata, PodDefaulter.Decode(pod, Profile.Default).Metadata);
    }
}
