using PodConformance.Model.Admission;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;
using static PodConformance.Model.Tests.Admission.CreatePods;

namespace PodConformance.Model.Tests.Admission.Plugins;

/// <summary>
/// LimitRanger (ADM-020, ADM-021): defaults from a LimitRange with its annotation, and the refusal under a minimum;
/// kubernetes plugin/pkg/admission/limitranger (spec/admission.md).
/// </summary>
public class LimitRangerPluginTests
{
    [Fact]
    public void LimitRanger_fills_defaults_and_annotates_ADM_020()
    {
        var objects = new AdmissionObjects
        {
            LimitRanges =
            [
                new LimitRange
                {
                    Namespace = "team-a",
                    Name = "lr",
                    Limits = [new LimitRangeItem { Type = "Container", Default = ValueMap.Of(("cpu", Quantity.Parse("500m"))), DefaultRequest = ValueMap.Of(("cpu", Quantity.Parse("100m"))) }],
                },
            ],
        };
        var r = PodCreate.Run(P(), V(34), objects);
        var c = r.Stored.Spec.Containers[0];
        Assert.Equal("100m", c.Resources.Requests["cpu"].ToString());
        Assert.Equal("500m", c.Resources.Limits["cpu"].ToString());
        Assert.Equal("LimitRanger plugin set: cpu request for container app; cpu limit for container app", r.Stored.Metadata.Annotations["kubernetes.io/limit-ranger"]);
        Assert.Equal("Burstable", r.Stored.Status!.QosClass);
    }

    [Fact]
    public void LimitRanger_refuses_a_request_under_the_minimum_ADM_021()
    {
        var objects = new AdmissionObjects
        {
            LimitRanges = [new LimitRange { Namespace = "team-a", Name = "lr", Limits = [new LimitRangeItem { Type = "Container", Min = ValueMap.Of(("cpu", Quantity.Parse("100m"))) }] }],
        };
        var pod = WithSpec(s => s with { Containers = [C() with { Resources = new ResourceRequirements { Requests = ValueMap.Of(("cpu", Quantity.Parse("50m"))) } }] });
        var r = PodCreate.Run(pod, V(34), objects);
        Assert.Equal("pods \"p\" is forbidden: minimum cpu usage per Container is 100m, but request is 50m", r.Rejection!.Message);
    }
}
