using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Profiles;
using static PodConformance.Model.Tests.Kubelet.LifecycleFixtures;

namespace PodConformance.Model.Tests.Kubelet;

/// <summary>
/// COND-001: which stored conditions the kubelet drops and regenerates is kubetypes.PodConditionByKubelet at the
/// release (pkg/kubelet/types/pod_status.go: the four original types; the resize conditions from v1.33.12 on, absent at
/// v1.32.12; PodReadyToStartContainers and AllContainersRestarting only with their gates — fork copies, spec/conditions.md).
/// </summary>
public class PodConditionOwnershipTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddDays(1);

    private static Pod WithStored(params string[] types) => new()
    {
        Metadata = new ObjectMeta { Name = "p", Namespace = "default", Uid = "u" },
        Spec = new PodSpec { Containers = [C("app")] },
        Status = new PodStatus
        {
            Phase = PodPhases.Running,
            Conditions = types.Select(t => new PodCondition { Type = t, Status = "True", Reason = "Stored" }).ToArray(),
        },
    };

    private static List<string> Kept(Pod pod, Profile profile) =>
        PodConditionsGenerator.Generate(pod, PodPhases.Running, sandboxReady: true, profile, Now).Conditions
            .Where(c => c.Reason == "Stored").Select(c => c.Type).ToList();

    [Fact]
    public void Gated_conditions_are_kept_as_stored_while_their_gate_is_off()
    {
        var pod = WithStored(PodConditionNames.PodReadyToStartContainers, PodConditionNames.AllContainersRestarting);
        var off = Profile.For(new KubernetesVersion(1, 35)) with
        {
            Overrides = ValueMap.Of(
                (FeatureGateNames.PodReadyToStartContainersCondition, false),
                (FeatureGateNames.RestartAllContainersOnContainerExits, false)),
        };
        Assert.Equal([PodConditionNames.PodReadyToStartContainers, PodConditionNames.AllContainersRestarting], Kept(pod, off));
        var on = off with
        {
            Overrides = ValueMap.Of(
                (FeatureGateNames.PodReadyToStartContainersCondition, true),
                (FeatureGateNames.RestartAllContainersOnContainerExits, true)),
        };
        Assert.Empty(Kept(pod, on));
    }

    [Fact]
    public void Resize_conditions_are_the_kubelets_from_1_33()
    {
        var pod = WithStored(PodConditionNames.PodResizePending, PodConditionNames.PodResizeInProgress);
        Assert.Equal([PodConditionNames.PodResizePending, PodConditionNames.PodResizeInProgress], Kept(pod, Profile.For(new KubernetesVersion(1, 32))));
        Assert.Empty(Kept(pod, Profile.For(new KubernetesVersion(1, 33))));
    }
}
