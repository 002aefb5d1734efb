using PodConformance.Model.Admission;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;
using static PodConformance.Model.Tests.Admission.CreatePods;

namespace PodConformance.Model.Tests.Admission.Plugins;

/// <summary>
/// The printing change of apimachinery v0.34 (a <c>core.ResourceName</c> bare before 1.34, quoted after, VAL-030) is
/// field.Error's alone. LimitRanger's and ResourceQuota's refusals are built with <c>fmt.Errorf</c> and <c>%s</c> of plain
/// strings (<c>resourceName string</c>, <c>string(key)</c> in <c>prettyPrint</c>/<c>prettyPrintResourceNames</c>; LR
/// admission.go <c>dff3c88914</c> v1.29.2 and <c>55a65b056b</c> v1.34.1 in openshift/openshift-apiserver, the apiserver
/// resourcequota controller.go <c>75dcc5e3ab</c> v1.29.9 and <c>95c9c84f6f</c> v1.35.0 in rancher/support-bundle-kit),
/// and quantities through <c>String()</c>: the same text at every release (ADM-021, ADM-063).
/// </summary>
public class AdmissionNamePrintingTests
{
    [Theory]
    [InlineData(28)]
    [InlineData(33)]
    [InlineData(34)]
    [InlineData(37)]
    public void LimitRanger_prints_an_extended_resource_name_bare_at_every_release(int minor)
    {
        var objects = new AdmissionObjects
        {
            LimitRanges = [new LimitRange { Namespace = "team-a", Name = "lr", Limits = [new LimitRangeItem { Type = "Container", Min = ValueMap.Of(("example.com/gpu", Quantity.Parse("2"))) }] }],
        };
        var gpu = ValueMap.Of(("example.com/gpu", Quantity.Parse("1")));
        var pod = WithSpec(s => s with { Containers = [C() with { Resources = new ResourceRequirements { Limits = gpu, Requests = gpu } }] });
        Assert.Equal("pods \"p\" is forbidden: minimum example.com/gpu usage per Container is 2, but request is 1", PodCreate.Run(pod, V(minor), objects).Rejection!.Message);
    }

    [Theory]
    [InlineData(28)]
    [InlineData(33)]
    [InlineData(34)]
    [InlineData(37)]
    public void ResourceQuota_prints_resource_names_bare_at_every_release(int minor)
    {
        var objects = new AdmissionObjects
        {
            ResourceQuotas = [new ResourceQuota { Namespace = "team-a", Name = "q", Hard = ValueMap.Of(("pods", Quantity.Parse("0"))) }],
        };
        Assert.Equal("pods \"p\" is forbidden: exceeded quota: q, requested: pods=1, used: pods=0, limited: pods=0", PodCreate.Run(P(), V(minor), objects).Rejection!.Message);
    }
}
