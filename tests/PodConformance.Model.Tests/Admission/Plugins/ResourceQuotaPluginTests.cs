using PodConformance.Model.Admission;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using static PodConformance.Model.Tests.Admission.CreatePods;

namespace PodConformance.Model.Tests.Admission.Plugins;

/// <summary>
/// ADM-064, a pod's limits usage: PodLimits adds the overhead only to a limit that is set and not zero
/// (<c>ok &amp;&amp; !value.IsZero()</c>; k8s.io/api/v1/resource helpers.go vendored at v1.29.2 and component-helpers
/// resource/helpers.go at v1.32.1 and v1.34.1 in openshift/openshift-apiserver, spec/admission.md).
/// </summary>
public class ResourceQuotaPluginTests
{
    private static Profile V(int minor) => Profile.For(new KubernetesVersion(1, minor));

    private static Pod WithLimit(string cpu) => new()
    {
        Metadata = new ObjectMeta { Name = "p", Namespace = "team-a" },
        Spec = new PodSpec
        {
            // The overhead needs a RuntimeClass (ADM-013), which the model reports as not checked.
            RuntimeClassName = "kata",
            Overhead = ValueMap.Of(("cpu", Quantity.Parse("1"))),
            Containers = [new Container { Name = "app", Image = "nginx", Resources = new ResourceRequirements { Limits = ValueMap.Of(("cpu", Quantity.Parse(cpu))) } }],
        },
    };

    private static readonly AdmissionObjects Quota = new()
    {
        ResourceQuotas = [new ResourceQuota { Namespace = "team-a", Name = "q", Hard = ValueMap.Of(("limits.cpu", Quantity.Parse("500m"))) }],
    };

    [Fact]
    public void A_zero_limit_gets_no_overhead_ADM_064()
    {
        var r = PodCreate.Run(WithLimit("0"), V(34), Quota);
        Assert.Null(r.Rejection);
    }

    [Fact]
    public void A_set_limit_gets_the_overhead_ADM_064()
    {
        var r = PodCreate.Run(WithLimit("100m"), V(34), Quota);
        Assert.NotNull(r.Rejection);
        Assert.Equal("pods \"p\" is forbidden: exceeded quota: q, requested: limits.cpu=1100m, used: limits.cpu=0, limited: limits.cpu=500m", r.Rejection.Message);
    }

    /// <summary>A quota whose status names a hard resource but has no usage for it yet.</summary>
    private static AdmissionObjects QuotaWithoutUsageFor(string resource) => new()
    {
        ResourceQuotas =
        [
            new ResourceQuota
            {
                Namespace = "team-a",
                Name = "q",
                Hard = ValueMap.Of((resource, Quantity.Parse("1"))),
                StatusHard = ValueMap.Of((resource, Quantity.Parse("1"))),
                StatusUsed = ValueMap<Quantity>.Empty,
            },
        ],
    };

    /// <summary>
    /// ADM-060: pods.go isExtendedResourceNameForQuota at v1.35.0 (vendored in rancher/support-bundle-kit 1efdd22c2, blob
    /// 00c364298b) also accepts <c>requests.deviceclass.resource.kubernetes.io/…</c>, so such a quota matches every pod and
    /// hasUsageStats refuses a status without its usage; at v1.34.1 (openshift/openshift-apiserver 71b7016d0, blob
    /// 8f91588db2) the name is native and the quota does not apply.
    /// </summary>
    [Fact]
    public void A_device_class_quota_applies_to_pods_from_1_35_ADM_060()
    {
        const string name = "requests.deviceclass.resource.kubernetes.io/gpu";
        var at135 = PodCreate.Run(WithLimit("100m"), V(35), QuotaWithoutUsageFor(name));
        Assert.NotNull(at135.Rejection);
        Assert.Equal("pods \"p\" is forbidden: status unknown for quota: q, resources: " + name, at135.Rejection.Message);

        Assert.Null(PodCreate.Run(WithLimit("100m"), V(34), QuotaWithoutUsageFor(name)).Rejection);
    }

    /// <summary>ADM-060/062: an ordinary extended resource quota matches at every release, so the same status is refused at 1.34 too.</summary>
    [Fact]
    public void An_extended_resource_quota_without_usage_is_status_unknown_at_1_34_ADM_062()
    {
        var r = PodCreate.Run(WithLimit("100m"), V(34), QuotaWithoutUsageFor("requests.example.com/gpu"));
        Assert.NotNull(r.Rejection);
        Assert.Equal("pods \"p\" is forbidden: status unknown for quota: q, resources: requests.example.com/gpu", r.Rejection.Message);
    }

    [Fact]
    public void ResourceQuota_refuses_a_pod_over_the_hard_limit_ADM_063()
    {
        var objects = new AdmissionObjects
        {
            ResourceQuotas = [new ResourceQuota { Namespace = "team-a", Name = "q", Hard = ValueMap.Of(("pods", Quantity.Parse("0"))) }],
        };
        var r = PodCreate.Run(P(), V(34), objects);
        Assert.Equal("pods \"p\" is forbidden: exceeded quota: q, requested: pods=1, used: pods=0, limited: pods=0", r.Rejection!.Message);
        Assert.True(r.Validated);
        Assert.Equal("ResourceQuota", r.Steps[^1].Name);
    }
}
