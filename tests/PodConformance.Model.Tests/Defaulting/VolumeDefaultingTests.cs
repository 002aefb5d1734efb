using PodConformance.Manifests.Reading;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Defaulting;

/// <summary>
/// Volume defaulting (spec/defaulting.md DEF-011, DEF-016, DEF-400…DEF-408), from manifests as a user writes them.
/// Values from kubernetes pkg/apis/core/v1/defaults.go at 023f88a32c95 and the +default tags of k8s.io/api core/v1.
/// </summary>
public class VolumeDefaultingTests
{
    private static (Pod Pod, List<DefaultingChange> Changes) Default(string volumesYaml, Profile? profile = null)
    {
        profile ??= Profile.Default;
        string manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: i\n  volumes:\n"
            + string.Join("\n", volumesYaml.Split('\n').Select(l => "  " + l)) + "\n";
        var read = PodManifestReader.ReadText(manifest, "test", profile.Version);
        Assert.False(read.HasErrors, string.Join("; ", read.Errors));
        var changes = new List<DefaultingChange>();
        return (PodDefaulter.Apply(Assert.Single(read.Pods).Pod, profile, changes), changes);
    }

    [Fact]
    public void File_modes_default_to_0644()
    {
        var (pod, changes) = Default("""
            - name: s
              secret: {secretName: s}
            - name: c
              configMap: {name: c}
            - name: d
              downwardAPI: {}
            - name: p
              projected: {sources: []}
            - name: set
              secret: {secretName: s, defaultMode: 256}
            """);
        var v = pod.Spec.Volumes;
        Assert.Equal(420, v[0].Secret!.DefaultMode);
        Assert.Equal(420, v[1].ConfigMap!.DefaultMode);
        Assert.Equal(420, v[2].DownwardApiDefaultMode);
        Assert.Equal(420, v[3].Projected!.DefaultMode);
        Assert.Equal(256, v[4].Secret!.DefaultMode);
        Assert.Equal(4, changes.Count(c => c.Rule == DefaultingRules.VolumeDefaultMode));
        Assert.Contains(new DefaultingChange(DefaultingRules.VolumeDefaultMode, "spec.volumes[3].projected.defaultMode", "420"), changes);
    }

    [Fact]
    public void HostPath_type_defaults_to_the_empty_type()
    {
        var (pod, changes) = Default("- name: h\n  hostPath: {path: /data}");
        Assert.Equal("", pod.Spec.Volumes[0].HostPath!.Type);
        Assert.Contains(changes, c => c.Rule == DefaultingRules.HostPathType && c.Field == "spec.volumes[0].hostPath.type");
    }

    [Fact]
    public void Source_less_volume_becomes_emptyDir_and_a_null_source_counts_as_none()
    {
        var (pod, changes) = Default("- name: a\n- name: b\n  hostPath: null");
        Assert.All(pod.Spec.Volumes, v => Assert.NotNull(v.EmptyDir));
        Assert.Null(pod.Spec.Volumes[1].HostPath);
        Assert.Equal(2, changes.Count(c => c.Rule == DefaultingRules.VolumeEmptyDir));
    }

    [Fact]
    public void Downward_api_field_refs_get_apiVersion_v1_in_volumes_and_projections()
    {
        var (pod, changes) = Default("""
            - name: d
              downwardAPI:
                items:
                - {path: a, fieldRef: {fieldPath: metadata.name}}
                - {path: b, fieldRef: {apiVersion: v2, fieldPath: metadata.name}}
            - name: p
              projected:
                sources:
                - downwardAPI:
                    items:
                    - {path: c, fieldRef: {fieldPath: metadata.labels}}
            """);
        Assert.Equal("v1", pod.Spec.Volumes[0].DownwardApiItems[0].FieldRef!.ApiVersion);
        Assert.Equal("v2", pod.Spec.Volumes[0].DownwardApiItems[1].FieldRef!.ApiVersion);
        Assert.Equal("v1", pod.Spec.Volumes[1].Projected!.Sources[0].DownwardAPI!.Items[0].FieldRef!.ApiVersion);
        Assert.Contains(new DefaultingChange(DefaultingRules.FieldRefApiVersion, "spec.volumes[1].projected.sources[0].downwardAPI.items[0].fieldRef.apiVersion", "v1"), changes);
    }

    [Fact]
    public void Service_account_token_expiration_defaults_to_an_hour()
    {
        var (pod, _) = Default("""
            - name: t
              projected:
                sources:
                - serviceAccountToken: {path: token}
                - serviceAccountToken: {path: other, expirationSeconds: 7200}
            """);
        Assert.Equal(3600, pod.Spec.Volumes[0].Projected!.Sources[0].ServiceAccountToken!.ExpirationSeconds);
        Assert.Equal(7200, pod.Spec.Volumes[0].Projected!.Sources[1].ServiceAccountToken!.ExpirationSeconds);
    }

    [Fact]
    public void Plugin_sources_get_their_declared_defaults()
    {
        var (pod, _) = Default("""
            - name: i
              iscsi: {targetPortal: 1.2.3.4, iqn: "iqn.2015-02.example.com:t", lun: 0}
            - name: r
              rbd: {monitors: [m], image: img}
            - name: a
              azureDisk: {diskName: d, diskURI: "https://x/y.vhd"}
            - name: s
              scaleIO: {gateway: g, system: s, secretRef: {name: sec}, volumeName: v}
            """);
        var v = pod.Spec.Volumes;
        Assert.Equal("default", v[0].ISCSI!.ISCSIInterface);
        Assert.Equal(("rbd", "admin", "/etc/ceph/keyring"), (v[1].RBD!.RBDPool, v[1].RBD!.RadosUser, v[1].RBD!.Keyring));
        Assert.Equal(("ReadWrite", "ext4", false, "Shared"), (v[2].AzureDisk!.CachingMode, v[2].AzureDisk!.FSType, v[2].AzureDisk!.ReadOnly, v[2].AzureDisk!.Kind));
        Assert.Equal(("ThinProvisioned", "xfs"), (v[3].ScaleIO!.StorageMode, v[3].ScaleIO!.FSType));
    }

    [Theory]
    [InlineData(28, "cachingMode,kind,fsType,readOnly")]
    [InlineData(30, "cachingMode,kind,fsType,readOnly")]
    [InlineData(31, "cachingMode,fsType,readOnly,kind")]
    [InlineData(37, "cachingMode,fsType,readOnly,kind")]
    public void AzureDisk_defaults_are_set_in_each_release_s_order_DEF_405(int minor, string order)
    {
        // v1.28.0 defaults.go (51337fe169) and v1.29/v1.30 (8b645ebf49): SetDefaults_AzureDiskVolumeSource sets cachingMode,
        // kind, fsType, readOnly; v1.31.0's zz_generated.defaults.go (fd65b9517a) sets the +default tags in field order,
        // kind last (both vendored by ceph/ceph-csi). Only the order of explain's list differs; the values do not.
        var (pod, changes) = Default("- name: a\n  azureDisk: {diskName: d, diskURI: \"https://x/y.vhd\"}", Profile.For(new KubernetesVersion(1, minor)));
        var fields = changes.Where(c => c.Rule == DefaultingRules.AzureDiskDefaults).Select(c => c.Field["spec.volumes[0].azureDisk.".Length..]);
        Assert.Equal(order, string.Join(",", fields));
        var disk = pod.Spec.Volumes[0].AzureDisk!;
        Assert.Equal(("ReadWrite", "ext4", false, "Shared"), (disk.CachingMode, disk.FSType, disk.ReadOnly, disk.Kind));
    }

    [Fact]
    public void Ephemeral_claim_template_gets_filesystem_mode_and_rounded_quantities()
    {
        var (pod, changes) = Default("""
            - name: e
              ephemeral:
                volumeClaimTemplate:
                  spec:
                    accessModes: [ReadWriteOnce]
                    resources: {requests: {storage: 0.5m}}
            """);
        var spec = pod.Spec.Volumes[0].Ephemeral!.VolumeClaimTemplate!.Spec;
        Assert.Equal("Filesystem", spec.VolumeMode);
        Assert.Equal("1m", spec.Resources.Requests["storage"].ToString());
        Assert.Contains(changes, c => c.Rule == DefaultingRules.RoundUpToMilli && c.Field == "spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources.requests.storage");
    }

    [Theory]
    [InlineData("quay.io/a/b:latest", "Always")]
    [InlineData("quay.io/a/b", "Always")]
    [InlineData("quay.io/a/b:v1", "IfNotPresent")]
    public void Image_volume_pull_policy_follows_the_tag_with_the_gate(string reference, string policy)
    {
        var on = new Profile(new KubernetesVersion(1, 35), Collections.ValueMap<bool>.Empty);
        var (pod, _) = Default($"- name: img\n  image: {{reference: \"{reference}\"}}", on);
        Assert.Equal(policy, pod.Spec.Volumes[0].Image!.PullPolicy);

        var off = new Profile(new KubernetesVersion(1, 33), Collections.ValueMap<bool>.Empty);
        var (offPod, offChanges) = Default($"- name: img\n  image: {{reference: \"{reference}\"}}", off);
        Assert.Empty(offPod.Spec.Volumes); // the create strategy drops the volume with the gate off (DEF-409), so nothing is defaulted
        Assert.DoesNotContain(offChanges, c => c.Rule == DefaultingRules.ImageVolumePullPolicy);
    }

    /// <summary>DEF-409: gated volume fields are dropped by the create strategy's one dropDisabledFields step, and explain says so.</summary>
    [Fact]
    public void Gated_volume_fields_are_dropped_with_their_gate_off_and_explained()
    {
        const string manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: i\n    volumeMounts:\n"
            + "    - {name: img, mountPath: /img}\n    - {name: v, mountPath: /v, readOnly: true, recursiveReadOnly: Enabled}\n"
            + "  volumes:\n  - name: img\n    image: {reference: \"r:1\"}\n  - name: v\n    projected:\n      sources:\n      - clusterTrustBundle: {signerName: example.com/s, path: ca.pem}\n";
        var off = new Profile(new KubernetesVersion(1, 33), ValueMap.Of(("ImageVolume", false), ("ClusterTrustBundleProjection", false), ("RecursiveReadOnlyMounts", false)));
        var read = PodManifestReader.ReadText(manifest, "test", off.Version);
        var changes = new List<DefaultingChange>();
        var pod = PodDefaulter.Apply(Assert.Single(read.Pods).Pod, off, changes);

        var v = Assert.Single(pod.Spec.Volumes);
        Assert.Equal("v", v.Name);
        Assert.Null(Assert.Single(v.Projected!.Sources).ClusterTrustBundle);
        var mount = Assert.Single(pod.Spec.Containers[0].VolumeMounts);
        Assert.Null(mount.RecursiveReadOnly);
        Assert.Equal(
            [
                "DEF-409 spec.volumes[0] (dropped: feature gate ImageVolume is off)",
                "DEF-409 spec.containers[0].volumeMounts[0] (dropped: feature gate ImageVolume is off)",
                "DEF-409 spec.volumes[0].projected.sources[0].clusterTrustBundle (dropped: feature gate ClusterTrustBundleProjection is off)",
                "DEF-409 spec.containers[0].volumeMounts[0].recursiveReadOnly (dropped: feature gate RecursiveReadOnlyMounts is off)",
            ],
            changes.Where(c => c.Rule == DefaultingRules.DropDisabledVolumeFields).Select(c => c.Rule + " " + c.Field + " " + c.Value));

        var on = new Profile(new KubernetesVersion(1, 33), ValueMap.Of(("ImageVolume", true), ("ClusterTrustBundleProjection", true), ("RecursiveReadOnlyMounts", true)));
        var kept = PodDefaulter.Apply(Assert.Single(PodManifestReader.ReadText(manifest, "test", on.Version).Pods).Pod, on, changes = []);
        Assert.Equal(2, kept.Spec.Volumes.Count);
        Assert.DoesNotContain(changes, c => c.Rule == DefaultingRules.DropDisabledVolumeFields);
    }
}
