using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using static PodConformance.Model.Tests.Admission.CreatePods;

namespace PodConformance.Model.Tests.Admission.Plugins;

/// <summary>
/// DefaultTolerationSeconds (ADM-050): the not-ready and unreachable NoExecute tolerations of 300 s, unless the pod
/// already tolerates them; kubernetes plugin/pkg/admission/defaulttolerationseconds (spec/admission.md).
/// </summary>
public class DefaultTolerationSecondsPluginTests
{
    [Fact]
    public void Default_tolerations_are_added_unless_tolerated_ADM_050()
    {
        var tolerations = PodCreate.Run(P(), V(37)).Stored.Spec.Tolerations;
        Assert.Equal(2, tolerations.Count);
        Assert.Equal(("node.kubernetes.io/not-ready", "Exists", "NoExecute", 300L), (tolerations[0].Key, tolerations[0].Operator, tolerations[0].Effect, tolerations[0].TolerationSeconds!.Value));
        Assert.Equal("node.kubernetes.io/unreachable", tolerations[1].Key);

        var all = PodCreate.Run(WithSpec(s => s with { Tolerations = [new Toleration { Operator = "Exists" }] }), V(37)).Stored.Spec.Tolerations;
        Assert.Single(all);

        var noSchedule = PodCreate.Run(WithSpec(s => s with { Tolerations = [new Toleration { Key = "node.kubernetes.io/not-ready", Operator = "Exists", Effect = "NoSchedule" }] }), V(37)).Stored.Spec.Tolerations;
        Assert.Equal(3, noSchedule.Count);
    }
}
