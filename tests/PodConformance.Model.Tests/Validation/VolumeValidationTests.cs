using PodConformance.Manifests.Reading;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// Exact texts of the volume rules (spec/validation.md VAL-060…VAL-643; bad value printing VAL-201) beyond what the upstream vectors pin: the
/// quirky paths, the release-dependent value rendering, the gate drops and the not-checked list.
/// </summary>
public class VolumeValidationTests
{
    private static ValidationResult Validate(string specYaml, Profile? profile = null, string name = "p")
    {
        profile ??= Profile.Default;
        string manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\nspec:\n"
            + string.Join("\n", specYaml.Split('\n').Select(l => "  " + l)) + "\n";
        if (!specYaml.Contains("containers:", StringComparison.Ordinal))
        {
            manifest += "  containers:\n  - name: c\n    image: i\n";
        }

        var read = PodManifestReader.ReadText(manifest, "test", profile.Version);
        Assert.False(read.HasErrors, string.Join("; ", read.Errors));
        return PodValidator.Validate(PodDefaulter.Apply(Assert.Single(read.Pods).Pod, profile), profile);
    }

    private static string[] Errors(string specYaml, Profile? profile = null, string name = "p") =>
        Validate(specYaml, profile, name).Errors.Select(e => e.ToString()).ToArray();

    private static Profile V(int minor, params (string Gate, bool On)[] gates) =>
        new(new KubernetesVersion(1, minor), gates.Length == 0 ? ValueMap<bool>.Empty : ValueMap.Of(gates));

    [Fact]
    public void Extra_sources_are_forbidden_at_upstreams_spellings()
    {
        Assert.Equal(
            [
                "spec.volumes[0].cephFS: Forbidden: may not specify more than 1 volume type",
                "spec.volumes[0].downwarAPI: Forbidden: may not specify more than 1 volume type",
            ],
            Errors("volumes:\n- name: v\n  emptyDir: {}\n  cephfs: {monitors: [m]}\n  downwardAPI: {}"));
    }

    [Fact]
    public void Gce_disk_is_validated_under_persistentDisk_and_its_partition_message_says_1()
    {
        Assert.Equal(
            [
                "spec.volumes[0].persistentDisk.pdName: Required value",
                "spec.volumes[0].persistentDisk.partition: Invalid value: 256: must be between 1 and 255, inclusive",
            ],
            Errors("volumes:\n- name: v\n  gcePersistentDisk: {partition: 256}"));
        Assert.Empty(Errors("volumes:\n- name: v\n  gcePersistentDisk: {pdName: d, partition: 0}"));
    }

    [Fact]
    public void Named_string_values_print_as_go_quotes_until_1_33_and_as_json_from_1_34()
    {
        const string spec = "volumes:\n- name: v\n  hostPath: {path: /x, type: \"a<b\"}";
        const string list = "supported values: \"\", \"BlockDevice\", \"CharDevice\", \"Directory\", \"DirectoryOrCreate\", \"File\", \"FileOrCreate\", \"Socket\"";
        Assert.Equal(["spec.volumes[0].hostPath.type: Unsupported value: \"a<b\": " + list], Errors(spec, V(33)));
        Assert.Equal(["spec.volumes[0].hostPath.type: Unsupported value: \"a\\u003cb\": " + list], Errors(spec, V(34)));
    }

    [Fact]
    public void String_lists_print_as_go_syntax_until_1_33_and_as_json_from_1_34()
    {
        const string spec = "volumes:\n- name: v\n  fc: {targetWWNs: [w1, w2], wwids: [i], lun: 1}";
        Assert.Equal(["spec.volumes[0].fc.targetWWNs: Invalid value: []string{\"w1\", \"w2\"}: targetWWNs and wwids can not be specified simultaneously"], Errors(spec, V(33)));
        Assert.Equal(["spec.volumes[0].fc.targetWWNs: Invalid value: [\"w1\",\"w2\"]: targetWWNs and wwids can not be specified simultaneously"], Errors(spec, V(34)));
    }

    [Fact]
    public void Iscsi_initiator_name_limits_the_volume_name_and_portal_length()
    {
        string portal = new('1', 61);
        Assert.Equal(
            ["spec.volumes[0].name: Invalid value: \"vol\": Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified."],
            Errors("volumes:\n- name: vol\n  iscsi: {targetPortal: \"" + portal + "\", iqn: \"iqn.2015-02.example.com:t\", lun: 0, initiatorName: \"iqn.2015-02.example.com:i\"}"));
    }

    [Theory]
    [InlineData("iqn.2015-02.example.com:test", true)]
    [InlineData("iqn.2015-02.example.com:", false)]
    [InlineData("iqn.2015-02.example.com:a;b", false)]
    [InlineData("iqnX iqn.2015-02.example.com:found-later", true)]
    [InlineData("iqn.15-02.example.com:t", false)]
    [InlineData("eui.0123456789ABCDEF", true)]
    [InlineData("eui-0123456789ABCDEF", true)]
    [InlineData("eui.0123456789ABCDE", false)]
    [InlineData("eui\n0123456789ABCDEF", false)]
    [InlineData("eui\U0001F600" + "0123456789ABCDEF", true)]
    [InlineData("naa.62004567BA64678D0123456789ABCDEF", true)]
    [InlineData("naa.62004567BA_4-78D.123456789ABCDEF", false)]
    public void Iscsi_names_match_gos_regular_expressions(string name, bool valid)
    {
        Assert.True(IscsiNames.HasKnownPrefix(name));
        Assert.Equal(valid, IscsiNames.MatchesItsFormat(name));
    }

    [Theory]
    [InlineData("registry:7861", true)]
    [InlineData("[::1]:80", true)]
    [InlineData("host:", true)]
    [InlineData("registry7861", false)]
    [InlineData("a:b:c", false)]
    [InlineData("[::1]", false)]
    [InlineData("[::1]x:80", false)]
    [InlineData("a]:80", false)]
    public void Quobyte_registries_split_as_gos_SplitHostPort(string hostport, bool ok) =>
        Assert.Equal(ok, GoNet.SplitsAsHostPort(hostport));

    [Fact]
    public void Quobyte_reports_each_bad_pair()
    {
        Assert.Equal(
            [
                "spec.volumes[0].quobyte.registry: Invalid value: \"a,b:1,c\": must be a host:port pair or multiple pairs separated by commas",
                "spec.volumes[0].quobyte.registry: Invalid value: \"a,b:1,c\": must be a host:port pair or multiple pairs separated by commas",
            ],
            Errors("volumes:\n- name: v\n  quobyte: {registry: \"a,b:1,c\", volume: x}"));
    }

    [Fact]
    public void Token_path_errors_are_reported_at_the_projected_volume()
    {
        Assert.Equal(
            [
                "spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes",
                "spec.volumes[0].projected.path: Required value",
                "spec.volumes[0].projected.path: Invalid value: \"../t\": must not contain '..'",
            ],
            Errors("volumes:\n- name: v\n  projected:\n    sources:\n    - serviceAccountToken: {expirationSeconds: 60}\n    - serviceAccountToken: {path: ../t}"));
    }

    [Fact]
    public void The_token_path_is_checked_as_a_local_path_from_1_30()
    {
        // validation.go vendored by ceph/ceph-csi: only Required at v1.28.1 (28d2a865f) and v1.29.x (0ba19d56a, 2caba9af0),
        // ValidateLocalNonReservedPath from v1.30.0 (0af1474e3).
        const string spec = "volumes:\n- name: v\n  projected:\n    sources:\n    - serviceAccountToken: {path: ../t}";
        Assert.Empty(Errors(spec, V(28)));
        Assert.Empty(Errors(spec, V(29)));
        Assert.Equal(["spec.volumes[0].projected.path: Invalid value: \"../t\": must not contain '..'"], Errors(spec, V(30)));
        Assert.Equal(["spec.volumes[0].projected.path: Required value"], Errors("volumes:\n- name: v\n  projected:\n    sources:\n    - serviceAccountToken: {expirationSeconds: 3600}", V(28)));
    }

    [Fact]
    public void Projected_paths_must_be_unique_across_the_volume()
    {
        Assert.Equal(
            [
                "spec.volumes[0].projected: Invalid value: \"cm\": conflicting duplicate paths",
                "spec.volumes[0].projected: Invalid value: \"a\": conflicting duplicate paths",
            ],
            Errors("volumes:\n- name: v\n  projected:\n    sources:\n    - secret: {name: s, items: [{key: k, path: a}]}\n    - configMap: {name: cm, items: [{key: k, path: a}]}\n    - downwardAPI: {items: [{path: a, fieldRef: {fieldPath: metadata.name}}]}"));
    }

    [Fact]
    public void Cluster_trust_bundles_are_dropped_without_the_gate_and_checked_with_it()
    {
        // ClusterTrustBundleProjection is beta, off, until 1.36 and GA, on, in 1.37 (H137: kubernetes' kube_features.go of 2026-07-24).
        const string spec = "volumes:\n- name: v\n  projected:\n    sources:\n    - clusterTrustBundle: {name: a, signerName: b, path: p}";
        Assert.Empty(Errors(spec, V(36)));
        Assert.Empty(Errors(spec, V(37, ("ClusterTrustBundleProjection", false), ("ClusterTrustBundle", false))));
        Assert.Equal(
            ["spec.volumes[0].projected.sources[0].clusterTrustBundle: Invalid value: {\"Name\":\"a\",\"SignerName\":\"b\",\"LabelSelector\":null,\"Optional\":null,\"Path\":\"p\",\"User\":null}: only one of name and signerName may be used"],
            Errors(spec, V(37)));
        Assert.Empty(Errors("volumes:\n- name: v\n  projected:\n    sources:\n    - clusterTrustBundle: {name: \"example.com:x:b\", path: p}", V(33, ("ClusterTrustBundleProjection", true))));
        Assert.Equal(
            ["spec.volumes[0].projected.sources[0].clusterTrustBundle.name: Invalid value: \"a/b:c\": not a valid clustertrustbundlename: ClusterTrustBundle for signerName a/b must be named with prefix a:b:"],
            Errors("volumes:\n- name: v\n  projected:\n    sources:\n    - clusterTrustBundle: {name: \"a/b:c\", path: p}", V(33, ("ClusterTrustBundleProjection", true))));
    }

    [Fact]
    public void Signer_names_and_label_selectors_of_cluster_trust_bundles()
    {
        Assert.Equal(
            [
                "spec.volumes[0].projected.sources[0].clusterTrustBundle.signerName: Invalid value: \"nodomain\": must be a fully qualified domain and path of the form 'example.com/signer-name'",
                "spec.volumes[0].projected.sources[0].clusterTrustBundle.labelSelector.matchExpressions[0].operator: Invalid value: \"Near\": not a valid selector operator",
            ],
            Errors("volumes:\n- name: v\n  projected:\n    sources:\n    - clusterTrustBundle:\n        signerName: nodomain\n        path: p\n        labelSelector: {matchExpressions: [{key: k, operator: Near}]}", V(33, ("ClusterTrustBundleProjection", true))));
        Assert.Equal(
            ["spec.volumes[0].projected.sources[0].clusterTrustBundle.signerName: Invalid value: \"example\": should be a domain with at least two segments separated by dots"],
            Errors("volumes:\n- name: v\n  projected:\n    sources:\n    - clusterTrustBundle: {signerName: example/x, path: p}", V(33, ("ClusterTrustBundleProjection", true))));
    }

    [Fact]
    public void Label_selector_of_a_named_bundle_prints_per_release()
    {
        const string spec = "volumes:\n- name: v\n  projected:\n    sources:\n    - clusterTrustBundle:\n        name: b\n        path: p\n        labelSelector: {matchLabels: {a: x}, matchExpressions: [{key: k, operator: In, values: [v]}]}";
        Assert.Equal(
            ["spec.volumes[0].projected.sources[0].clusterTrustBundle.labelSelector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"a\":\"x\"}, MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"k\", Operator:\"In\", Values:[]string{\"v\"}}}}: labelSelector must be unset if name is specified"],
            Errors(spec, V(33, ("ClusterTrustBundleProjection", true))));
        Assert.Equal(
            ["spec.volumes[0].projected.sources[0].clusterTrustBundle.labelSelector: Invalid value: {\"matchLabels\":{\"a\":\"x\"},\"matchExpressions\":[{\"key\":\"k\",\"operator\":\"In\",\"values\":[\"v\"]}]}: labelSelector must be unset if name is specified"],
            Errors(spec, V(34, ("ClusterTrustBundleProjection", true))));
    }

    [Fact]
    public void Ephemeral_volumes_check_the_pvc_name_template_metadata_and_spec()
    {
        Assert.Equal(
            [
                "spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.uID: Forbidden: cannot be set",
                "spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes: Required value: at least 1 access mode is required",
                "spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources[storage]: Required value",
                "spec.volumes[0].name: Invalid value: \"Data\": PVC name \"web-Data\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
                "spec.volumes[0].name: Invalid value: \"Data\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
            ],
            Errors("volumes:\n- name: Data\n  ephemeral:\n    volumeClaimTemplate:\n      metadata: {uid: x}\n      spec: {}", V(33), name: "web"));
    }

    [Fact]
    public void Pvc_data_source_mismatch_prints_the_path_value_per_release()
    {
        const string spec = "volumes:\n- name: e\n  ephemeral:\n    volumeClaimTemplate:\n      spec:\n        accessModes: [ReadWriteOnce]\n        resources: {requests: {storage: 1Gi}}\n        dataSource: {kind: PersistentVolumeClaim, name: a}\n        dataSourceRef: {kind: PersistentVolumeClaim, name: b}";
        Assert.Equal(["spec.volumes[0].ephemeral.volumeClaimTemplate.spec: Invalid value: {}: must match dataSourceRef"], Errors(spec, V(34)));
        Assert.Equal(["spec.volumes[0].ephemeral.volumeClaimTemplate.spec: Invalid value: field.Path{name:\"dataSource\", index:\"\", parent:(*field.Path)(0xc000000000)}: must match dataSourceRef"], Errors(spec, V(33)));
    }

    [Fact]
    public void Pvc_referencing_an_ephemeral_pvc_of_the_same_pod_is_invalid()
    {
        Assert.Equal(
            ["spec.volumes[1].persistentVolumeClaim.claimName: Invalid value: \"web-scratch\": must not reference a PVC that gets created for an ephemeral volume"],
            Errors("volumes:\n- name: scratch\n  ephemeral:\n    volumeClaimTemplate:\n      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n- name: claim\n  persistentVolumeClaim: {claimName: web-scratch}", name: "web"));
    }

    [Fact]
    public void Image_volumes_and_their_mounts_are_dropped_without_the_gate_shifting_indexes()
    {
        const string spec = "volumes:\n- name: img\n  image: {reference: \"r:1\"}\n- name: bad\n  nfs: {server: s, path: rel}\ncontainers:\n- name: c\n  image: i\n  volumeMounts:\n  - {name: img, mountPath: /img, subPath: x}\n  - {name: ghost, mountPath: /g}";
        Assert.Equal(
            [
                "spec.volumes[0].nfs.path: Invalid value: \"rel\": must be an absolute path",
                "spec.containers[0].volumeMounts[0].name: Not found: \"ghost\"",
            ],
            Errors(spec, V(33)));
        // 1.31–1.32 (ValidateVolumeMounts vendored at v1.31.0 and v1.32.5, spec VAL-640): a subPath on an image volume is refused.
        Assert.Equal(
            [
                "spec.volumes[1].nfs.path: Invalid value: \"rel\": must be an absolute path",
                "spec.containers[0].volumeMounts[0].subPath: Invalid value: \"x\": not allowed in image volume sources",
                "spec.containers[0].volumeMounts[1].name: Not found: \"ghost\"",
            ],
            Errors(spec, V(32, ("ImageVolume", true))));

        // 1.33 on (v1.33.3, v1.34.1, v1.35.0 and the 1.36/1.37 copies): no image-volume subPath check any more.
        foreach (var profile in new[] { V(33, ("ImageVolume", true)), V(35), V(36) })
        {
            Assert.Equal(
                [
                    "spec.volumes[1].nfs.path: Invalid value: \"rel\": must be an absolute path",
                    "spec.containers[0].volumeMounts[1].name: Not found: \"ghost\"",
                ],
                Errors(spec, profile));
        }
    }

    [Fact]
    public void Recursive_read_only_is_dropped_without_its_gate()
    {
        const string spec = "volumes:\n- name: v\n  emptyDir: {}\ncontainers:\n- name: c\n  image: i\n  volumeMounts:\n  - {name: v, mountPath: /v, recursiveReadOnly: Sometimes}";
        Assert.Empty(Errors(spec, V(30)));
        Assert.Equal(["spec.containers[0].volumeMounts.recursiveReadOnly: Unsupported value: \"Sometimes\": supported values: \"Disabled\", \"Enabled\", \"IfPossible\""], Errors(spec, V(31)));
    }

    [Fact]
    public void EmptyDir_mode_is_checked_only_with_its_gate()
    {
        const string spec = "volumes:\n- name: v\n  emptyDir: {mode: 4095}";
        Assert.Empty(Errors(spec, V(37)));
        Assert.Equal(["spec.volumes[0].emptyDir.mode: Invalid value: 4095: must be a number between 0 and 01777 (octal), both inclusive"], Errors(spec, V(37, ("EmptyDirVolumeMode", true))));
        Assert.Empty(Errors("volumes:\n- name: v\n  emptyDir: {mode: 1023}", V(37, ("EmptyDirVolumeMode", true))));
    }

    [Fact]
    public void Bidirectional_propagation_needs_a_privileged_container()
    {
        static string Spec(string securityContext) =>
            "volumes:\n- name: v\n  hostPath: {path: /v}\ncontainers:\n- name: c\n  image: i\n  " + securityContext
            + "volumeMounts:\n  - {name: v, mountPath: /v, mountPropagation: Bidirectional}";
        Assert.Equal(["spec.containers[0].volumeMounts.mountPropagation: Forbidden: Bidirectional mount propagation is available only to privileged containers"], Errors(Spec("")));
        Assert.Empty(Errors(Spec("securityContext: {privileged: true}\n  ")));
    }

    [Fact]
    public void Csi_driver_and_secret_name_quirks()
    {
        // An empty driver: Required and the subdomain error up to 1.34 (ValidateCSIDriverName without an early return,
        // v1.34.1), Required alone from 1.35 (v1.35.0, v1.35.4, U37 return right after it). VAL-625.
        const string spec = "volumes:\n- name: v\n  csi: {driver: \"\", nodePublishSecretRef: {name: Bad}}";
        const string badSecretName = "spec.volumes[0].csi.name: Invalid value: \"Bad\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
        Assert.Equal(
            [
                "spec.volumes[0].csi.driver: Required value",
                "spec.volumes[0].csi.driver: Invalid value: \"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
                badSecretName,
            ],
            Errors(spec, V(34)));
        Assert.Equal(["spec.volumes[0].csi.driver: Required value", badSecretName], Errors(spec, V(35)));
        Assert.Equal(["spec.volumes[0].csi.driver: Required value", badSecretName], Errors(spec, V(37)));
        Assert.Empty(Errors("volumes:\n- name: v\n  csi: {driver: Example.COM}"));
    }
}
