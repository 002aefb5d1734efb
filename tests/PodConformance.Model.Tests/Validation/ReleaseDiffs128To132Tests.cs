using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// Release boundaries found by reading validation.go release to release from 1.28 to 1.32 (the checklist:
/// spec/guides/release-diffs-1.28-1.32.md): the copies vendored by ceph/ceph-csi (v1.28.0 blob cd9cbbb8b7, v1.29.0
/// a6f7fef301, v1.30.0 ecccf96949, v1.31.0 248d57d237) and openshift-kni/scheduler-plugins (v1.32.5 694896ee75, v1.33.3
/// 71233f5074), and apimachinery's field/errors.go at v0.28.0–v0.31.1 (ceph-csi) and v0.32.3 (scheduler-plugins 4f354f99b).
/// Every case runs the whole create (defaulting, drops, validation) and pins the exact text on both sides of the boundary.
/// </summary>
public class ReleaseDiffs128To132Tests
{
    private static Profile V(int minor) => Profile.For(new KubernetesVersion(1, minor));

    private static Profile V(int minor, params (string Gate, bool On)[] gates) =>
        new(new KubernetesVersion(1, minor), ValueMap.Of(gates));

    private static Pod BasePod() => new()
    {
        Metadata = new ObjectMeta { Name = "p", Namespace = "ns" },
        Spec = new PodSpec { Containers = ValueList.Of(new Container { Name = "c", Image = "nginx" }) },
    };

    private static Pod WithVolume(Volume volume) => BasePod() with { Spec = BasePod().Spec with { Volumes = ValueList.Of(volume) } };

    private static string[] Errors(Pod pod, Profile profile) => [.. PodCreate.Run(pod, profile).Validation.Errors.Select(e => e.ToString())];

    [Fact]
    public void Annotations_over_256_KiB_are_too_long_in_each_release_s_wording()
    {
        var pod = BasePod() with { Metadata = BasePod().Metadata with { Annotations = ValueMap.Of(("a", new string('x', 262144))) } };
        Assert.Equal(["metadata.annotations: Too long: must have at most 262144 bytes"], Errors(pod, V(28)));
        Assert.Equal(["metadata.annotations: Too long: must have at most 262144 bytes"], Errors(pod, V(31)));
        Assert.Equal(["metadata.annotations: Too long: may not be more than 262144 bytes"], Errors(pod, V(32)));
    }

    [Fact]
    public void A_csi_driver_name_over_63_bytes_is_too_long_in_each_release_s_wording()
    {
        var pod = WithVolume(new Volume { Name = "v", CSI = new CSIVolumeSource { Driver = new string('a', 64) } });
        Assert.Equal(["spec.volumes[0].csi.driver: Too long: must have at most 63 bytes"], Errors(pod, V(30)));
        Assert.Equal(["spec.volumes[0].csi.driver: Too long: may not be more than 63 bytes"], Errors(pod, V(32)));
    }

    [Fact]
    public void Two_projections_in_one_source_say_per_source_from_1_31()
    {
        var pod = WithVolume(new Volume
        {
            Name = "v",
            Projected = new ProjectedVolumeSource
            {
                Sources = ValueList.Of(new VolumeProjection { Secret = new SecretProjection { Name = "s" }, ConfigMap = new ConfigMapProjection { Name = "c" } }),
            },
        });
        Assert.Equal(["spec.volumes[0].projected.sources[0]: Forbidden: may not specify more than 1 volume type"], Errors(pod, V(28)));
        Assert.Equal(["spec.volumes[0].projected.sources[0]: Forbidden: may not specify more than 1 volume type"], Errors(pod, V(30)));
        Assert.Equal(["spec.volumes[0].projected.sources[0]: Forbidden: may not specify more than 1 volume type per source"], Errors(pod, V(31)));
    }

    [Fact]
    public void A_cluster_trust_bundle_source_is_named_clusterTrustBundlePEM_before_1_31()
    {
        var pod = WithVolume(new Volume
        {
            Name = "v",
            Projected = new ProjectedVolumeSource
            {
                Sources = ValueList.Of(new VolumeProjection { ClusterTrustBundle = new ClusterTrustBundleProjection { Path = "ca.pem" } }),
            },
        });
        (string, bool)[] gates = [("ClusterTrustBundle", true), (FeatureGateNames.ClusterTrustBundleProjection, true)];
        Assert.Equal(
            ["spec.volumes[0].projected.sources[0].clusterTrustBundlePEM: Required value: either name or signerName must be specified"],
            Errors(pod, V(29, gates)));
        Assert.Equal(
            ["spec.volumes[0].projected.sources[0].clusterTrustBundlePEM: Required value: either name or signerName must be specified"],
            Errors(pod, V(30, gates)));
        Assert.Equal(
            ["spec.volumes[0].projected.sources[0].clusterTrustBundle: Required value: either name or signerName must be specified"],
            Errors(pod, V(31, gates)));
    }

    [Fact]
    public void An_init_container_resize_policy_is_refused_whole_through_1_32_with_the_gate_on()
    {
        var init = new Container { Name = "init", Image = "busybox", ResizePolicy = ValueList.Of(new ContainerResizePolicy("cpu", "NotRequired")) };
        var pod = BasePod() with { Spec = BasePod().Spec with { InitContainers = ValueList.Of(init) } };
        const string Refused = "spec.initContainers[0].resizePolicy: Invalid value: []core.ContainerResizePolicy{core.ContainerResizePolicy{ResourceName:\"cpu\", RestartPolicy:\"NotRequired\"}}: must not be set for init containers";
        var on = (FeatureGateNames.InPlacePodVerticalScaling, true);
        Assert.Equal([Refused], Errors(pod, V(28, on)));
        Assert.Equal([Refused], Errors(pod, V(31, on)));
        Assert.Equal([Refused], Errors(pod, V(32, on)));
        Assert.Empty(Errors(pod, V(33, on)));
        Assert.Empty(Errors(pod, V(28))); // gate off: the create strategy drops every container's resizePolicy first
    }

    [Fact]
    public void The_restart_policy_never_resize_check_arrived_in_1_29()
    {
        var c = new Container { Name = "c", Image = "nginx", ResizePolicy = ValueList.Of(new ContainerResizePolicy("cpu", "RestartContainer")) };
        var pod = BasePod() with { Spec = BasePod().Spec with { RestartPolicy = "Never", Containers = ValueList.Of(c) } };
        var on = (FeatureGateNames.InPlacePodVerticalScaling, true);
        Assert.Empty(Errors(pod, V(28, on)));
        Assert.Equal(
            ["spec.containers[0].resizePolicy: Invalid value: \"RestartContainer\": must be 'NotRequired' when `restartPolicy` is 'Never'"],
            Errors(pod, V(29, on)));
    }

    [Fact]
    public void A_relaxed_dns_search_quotes_the_plain_subdomain_regex_before_1_34()
    {
        var pod = BasePod() with { Spec = BasePod().Spec with { DNSConfig = new PodDNSConfig { Searches = ValueList.Of("Bad_Name") } } };
        const string Head = "spec.dnsConfig.searches[0]: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is ";
        var relaxed = ("RelaxedDNSSearchValidation", true);
        Assert.Equal([Head + @"'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"], Errors(pod, V(32, relaxed)));
        Assert.Equal([Head + @"'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"], Errors(pod, V(33, relaxed)));
        Assert.Equal([Head + @"'_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*')"], Errors(pod, V(34)));
    }

    [Fact]
    public void Read_write_once_pod_is_an_access_mode_at_1_28_only_while_its_gate_is_on()
    {
        var pod = WithVolume(new Volume
        {
            Name = "scratch",
            Ephemeral = new EphemeralVolumeSource
            {
                VolumeClaimTemplate = new PersistentVolumeClaimTemplate { Spec = new PersistentVolumeClaimSpec { AccessModes = ValueList.Of("ReadWriteOncePod") } },
            },
        });
        const string Modes = "spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes: ";
        Assert.Contains(
            Modes + "Unsupported value: \"ReadWriteOncePod\": supported values: \"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOnce\"",
            Errors(pod, V(28, ("ReadWriteOncePod", false))));
        Assert.DoesNotContain(Errors(pod, V(28)), e => e.StartsWith(Modes, StringComparison.Ordinal));
        Assert.DoesNotContain(Errors(pod, V(29)), e => e.StartsWith(Modes, StringComparison.Ordinal));
    }

    [Fact]
    public void An_ephemeral_claim_data_source_api_group_is_checked_from_1_29()
    {
        var pod = WithVolume(new Volume
        {
            Name = "scratch",
            Ephemeral = new EphemeralVolumeSource
            {
                VolumeClaimTemplate = new PersistentVolumeClaimTemplate
                {
                    Spec = new PersistentVolumeClaimSpec
                    {
                        AccessModes = ValueList.Of("ReadWriteOnce"),
                        DataSource = new TypedLocalObjectReference { APIGroup = "Bad_Group", Kind = "Snap", Name = "s" },
                    },
                },
            },
        });
        const string ApiGroup = "spec.volumes[0].ephemeral.volumeClaimTemplate.spec.dataSource.apiGroup: ";
        Assert.DoesNotContain(Errors(pod, V(28)), e => e.StartsWith(ApiGroup, StringComparison.Ordinal));
        Assert.Contains(Errors(pod, V(29)), e => e.StartsWith(ApiGroup + "Invalid value: \"Bad_Group\": a lowercase RFC 1123 subdomain", StringComparison.Ordinal));
    }

    /// <summary>
    /// VAL-340's mirror-pod check is in OpenShift's fork at v1.32.13 (openshift/microshift release-4.19, blob c108da5d0c,
    /// the one hunk besides OpenShift's Secret carry against v1.32.5), which CHANGELOG-1.32.md lists under v1.32.6 as
    /// upstream's backport #131875; the v1.31.14 fork copy (release-4.18, ff2e894dd3) is v1.31.0's text without it.
    /// </summary>
    [Fact]
    public void A_mirror_pod_s_resource_claims_are_refused_from_1_32_not_at_1_31()
    {
        var pod = BasePod() with
        {
            Metadata = BasePod().Metadata with { Annotations = ValueMap.Of(("kubernetes.io/config.mirror", "x")) },
            Spec = BasePod().Spec with
            {
                NodeName = "node-1",
                ResourceClaims = ValueList.Of(new PodResourceClaim { Name = "c", ResourceClaimName = "x" }),
            },
        };
        Assert.Empty(Errors(pod, V(31, ("DynamicResourceAllocation", true))));
        Assert.Equal([": Forbidden: static pods do not support resource claims"], Errors(pod, V(32, ("DynamicResourceAllocation", true))));
        Assert.Equal([": Forbidden: static pods do not support resource claims"], Errors(pod, V(33, ("DynamicResourceAllocation", true))));
    }
}
