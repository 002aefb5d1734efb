using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using static PodConformance.Model.Tests.Support.TestPods;

namespace PodConformance.Model.Tests.Defaulting;

/// <summary>
/// DEF-026: SetDefaults_Pod's resize-policy defaults of 1.28–1.32 (InPlacePodVerticalScaling on). Expected values worked
/// out from kubernetes pkg/apis/core/v1/defaults.go vendored in ceph/ceph-csi ff3e84ad6 (v1.28.0), e5d9b68d3 (v1.29.0),
/// 5a66991bb (v1.31.0) and openshift-kni/scheduler-plugins 0aead6551 (v1.32.5), and its absence in 0c967825a (v1.33.3)
/// (local mirrors).
/// </summary>
public class ResizePolicyDefaultingTests
{
    private static readonly ValueMap<bool> Gate = ValueMap.Of((FeatureGateNames.InPlacePodVerticalScaling, true));

    private static Pod Defaulted(Pod pod, int minor, ValueMap<bool> gates) => PodDefaulter.Decode(pod, new Profile(new KubernetesVersion(1, minor), gates));

    [Theory]
    [InlineData(28)]
    [InlineData(30)]
    [InlineData(32)]
    public void Each_requested_resource_without_a_policy_gets_NotRequired_cpu_first(int minor)
    {
        // Memory from the limit (DEF-001 runs first), cpu listed already with RestartContainer: only memory is appended.
        var given = Container("a", List("cpu=1"), List("memory=1Gi")) with { ResizePolicy = ValueList.Of(new ContainerResizePolicy("cpu", "RestartContainer")) };
        var c = Defaulted(Pod("p", given), minor, Gate).Spec.Containers[0];
        Assert.Equal(ValueList.Of(new ContainerResizePolicy("cpu", "RestartContainer"), new ContainerResizePolicy("memory", "NotRequired")), c.ResizePolicy);

        var both = Defaulted(Pod("p", Container("a", List("memory=1Gi,cpu=1"), List(""))), minor, Gate).Spec.Containers[0];
        Assert.Equal(ValueList.Of(new ContainerResizePolicy("cpu", "NotRequired"), new ContainerResizePolicy("memory", "NotRequired")), both.ResizePolicy);
    }

    [Fact]
    public void Not_with_the_gate_off_nor_from_1_33_nor_for_init_containers_nor_without_requests()
    {
        var pod = Pod("p", Container("a", List("cpu=1"), List(""))).WithInit(Container("i", List("cpu=1"), List("")));
        Assert.True(Defaulted(pod, 32, ValueMap<bool>.Empty).Spec.Containers[0].ResizePolicy.IsEmpty);
        Assert.True(Defaulted(pod, 33, Gate).Spec.Containers[0].ResizePolicy.IsEmpty);
        Assert.True(Defaulted(pod, 32, Gate).Spec.InitContainers[0].ResizePolicy.IsEmpty);
        Assert.True(Defaulted(Pod("p", Container("a", List("ephemeral-storage=1Gi"), List(""))), 32, Gate).Spec.Containers[0].ResizePolicy.IsEmpty);
    }
}
