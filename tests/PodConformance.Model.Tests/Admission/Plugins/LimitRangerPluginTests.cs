using PodConformance.Model.Admission;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;
using PodConformance.Model.Tests.Validation;
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

    /// <summary>
    /// ADM-020 with VAL-031: LimitRanger copies the default as its informer decoded it — ParseQuantity of the stored
    /// object's text, so a default written <c>0.5</c> (stored as <c>int64Amount{5, -1}</c>, no text) reaches the pod as
    /// <c>{500, -3}</c> with the text <c>"500m"</c> — and the pod's validation prints that struct up to 1.33. The
    /// expected struct is apimachinery's <c>reparsed</c> answer (RoundUp(-3), String(), ParseQuantity) in
    /// Validation/QuantityOracle/vectors.json, at each tag the oracle ran.
    /// </summary>
    [Fact]
    public void A_LimitRange_default_reaches_the_pod_as_the_informer_decoded_it()
    {
        var objects = new AdmissionObjects
        {
            LimitRanges = [new LimitRange { Namespace = "team-a", Name = "lr", Limits = [new LimitRangeItem { Type = "Container", Default = ValueMap.Of(("example.com/gpu", Quantity.Parse("0.5"))) }] }],
        };
        foreach (var go in QuantityOracleVectors.For("0.5"))
        {
            // The informer's copy differs from the create's own parse, or this test would not tell them apart.
            Assert.NotEqual(go.Defaulted, go.Reparsed);
            var r = PodCreate.Run(P(), V(go.Minor), objects);
            var errors = r.Validation.Errors.Select(e => e.ToString()).ToArray();
            Assert.Equal(
            [
                "spec.containers[0].resources.limits[example.com/gpu]: Invalid value: " + go.Reparsed + ": must be an integer",
                "spec.containers[0].resources.requests[example.com/gpu]: Invalid value: " + go.Reparsed + ": must be an integer",
            ], errors);
            Assert.Equal(errors, PodCreate.Run(P(), V(33), objects).Validation.Errors.Select(e => e.ToString()));
        }
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
