using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;
using static PodConformance.Model.Tests.Validation.TestPods;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// The 1.36/1.37 handwritten checks of spec/validation.md VAL-705…709 (and VAL-703's detail, VAL-601's emptyDir.mode text),
/// whose expected texts, paths and order are facts read in kubernetes <c>pkg/apis/core/validation/validation.go</c> as stored
/// in fork <c>Jefftree/kubernetes</c> at <c>0a9a2d586726194da63257388b10beac7e32bf12</c> (validateSchedulingGroup also in
/// fork <c>AIAgentSandox/kubernetes</c> at <c>64149d1201ab96736d5aa902df411d40a3f6f714</c>), and the bindMountOptions drop
/// (DEF-409) read in <c>pkg/api/pod/util.go</c> as stored in fork <c>openshift/kubernetes</c> at
/// <c>1139833e82662ba79344e13878f9b2c18141f66b</c>. No upstream validation_test.go cases for these fields were read.
/// Pods go through defaulting then validation, as a create does.
/// </summary>
public class ForkReadFieldsTests
{
    private static readonly Profile AllOn = V(37) with
    {
        Overrides = ValueMap.Of(
            (FeatureGateNames.GenericWorkload, true),
            (FeatureGateNames.VolumeBindMountOptions, true),
            (FeatureGateNames.H2CContainerProbe, true),
            (FeatureGateNames.GRPCContainerProbeTLS, true),
            (FeatureGateNames.AtomicWriteVolumeUserFields, true),
            (FeatureGateNames.EmptyDirVolumeMode, true),
            (FeatureGateNames.ImageVolume, true),
            (FeatureGateNames.ClusterTrustBundleProjection, true),
            (FeatureGateNames.PodCertificateRequest, true)),
    };

    private static ValidationResult Create(Pod pod, Profile profile) => PodValidator.Validate(PodDefaulter.Apply(pod, profile), profile);

    private static string[] Texts(ValidationResult r) => [.. r.Errors.Select(e => e.ToString())];

    private static Pod WithGroup(string? name) => OneContainer().WithSpec(s => s with { SchedulingGroup = new PodSchedulingGroup { PodGroupName = name } });

    // ---- VAL-705 schedulingGroup ----

    [Fact]
    public void A_scheduling_group_without_a_pod_group_name_is_invalid_with_a_null_value()
    {
        var r = Create(WithGroup(null), AllOn);
        var e = Assert.Single(r.Errors);
        Assert.Equal("spec.schedulingGroup.podGroupName: Invalid value: null: must specify one of: `podGroupName`", e.ToString());
        Assert.Equal(ValidationRules.SchedulingGroup, e.Rule);
        Assert.Empty(r.NotChecked);
    }

    [Theory]
    [InlineData("Workers")]
    [InlineData("workers_1")]
    [InlineData("")]
    [InlineData("-workers")]
    public void A_pod_group_name_is_a_dns_subdomain(string name)
    {
        var r = Create(WithGroup(name), AllOn);
        Assert.NotEmpty(r.Errors);
        Assert.All(r.Errors, e =>
        {
            Assert.Equal("spec.schedulingGroup.podGroupName", e.Field);
            Assert.Equal(FieldErrorType.Invalid, e.Type);
            Assert.StartsWith("spec.schedulingGroup.podGroupName: Invalid value: \"" + name + "\": ", e.ToString(), StringComparison.Ordinal);
            Assert.Equal(ValidationRules.SchedulingGroup, e.Rule);
        });
        Assert.Equal(NameRules.NameIsDnsSubdomain(name, prefix: false), r.Errors.Select(e => e.Detail).ToArray());
    }

    [Theory]
    [InlineData(36)]
    [InlineData(37)]
    public void A_good_pod_group_name_is_valid_and_checked(int minor)
    {
        var profile = V(minor) with { Overrides = ValueMap.Of((FeatureGateNames.GenericWorkload, true)) };
        var r = Create(WithGroup("workers.team-a"), profile);
        Assert.True(r.IsValid, string.Join("\n", r.Errors));
        Assert.Empty(r.NotChecked);
    }

    [Fact]
    public void Without_generic_workload_the_group_is_dropped_before_validation()
    {
        Assert.True(Create(WithGroup(null), V(37)).IsValid);
    }

    [Fact]
    public void The_group_error_comes_before_the_eviction_responders_one()
    {
        var profile = AllOn with { Overrides = AllOn.Overrides.SetItem(FeatureGateNames.EvictionRequestAPI, true) };
        var pod = WithGroup(null).WithSpec(s => s with { EvictionResponders = ValueList.Of(new EvictionResponder { Name = "a.example.com/x", Priority = 5000 }) });
        Assert.Equal(
            [
                "spec.schedulingGroup.podGroupName: Invalid value: null: must specify one of: `podGroupName`",
                "spec.schedulingGroup: Forbidden: may not be set when evictionResponders is set",
            ],
            Texts(Create(pod, profile)));
    }

    // ---- VAL-706 bindMountOptions ----

    private static Pod Mounting(Volume volume, params string[] options) =>
        Pod(Container() with { VolumeMounts = ValueList.Of(new VolumeMount { Name = "v", MountPath = "/v", BindMountOptions = ValueList.Of(options) }) })
            .WithSpec(s => s with { Volumes = ValueList.Of(volume with { Name = "v" }) });

    private static Volume EmptyDir => new() { EmptyDir = new EmptyDirVolumeSource() };

    public static TheoryData<string[], string[]> BindMountCases => new()
    {
        { ["noexec", "nodev", "nosuid"], [] },
        { ["ro"], ["spec.containers[0].volumeMounts[0].bindMountOptions[0]: Unsupported value: \"ro\": supported values: \"nodev\", \"noexec\", \"nosuid\""] },
        { ["noexec", "noexec"], ["spec.containers[0].volumeMounts[0].bindMountOptions[1]: Duplicate value: \"noexec\""] },
        {
            ["NOEXEC", "NOEXEC"],
            [
                "spec.containers[0].volumeMounts[0].bindMountOptions[0]: Unsupported value: \"NOEXEC\": supported values: \"nodev\", \"noexec\", \"nosuid\"",
                "spec.containers[0].volumeMounts[0].bindMountOptions[1]: Unsupported value: \"NOEXEC\": supported values: \"nodev\", \"noexec\", \"nosuid\"",
                "spec.containers[0].volumeMounts[0].bindMountOptions[1]: Duplicate value: \"NOEXEC\"",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(BindMountCases))]
    public void Bind_mount_options_are_three_known_values_without_repeats(string[] options, string[] expected)
    {
        var r = Create(Mounting(EmptyDir, options), AllOn);
        Assert.Equal(expected, Texts(r));
        Assert.All(r.Errors, e => Assert.Equal(ValidationRules.BindMountOptions, e.Rule));
        Assert.Empty(r.NotChecked);
    }

    [Fact]
    public void Bind_mount_options_may_not_be_used_with_an_image_volume()
    {
        var image = new Volume { Image = new ImageVolumeSource { Reference = "registry.example.com/data:1", PullPolicy = "IfNotPresent" } };
        Assert.Equal(
            [
                "spec.containers[0].volumeMounts[0].bindMountOptions[1]: Unsupported value: \"ro\": supported values: \"nodev\", \"noexec\", \"nosuid\"",
                "spec.containers[0].volumeMounts[0].bindMountOptions: Invalid value: [\"noexec\",\"ro\"]: bindMountOptions may not be used with image volumes",
            ],
            Texts(Create(Mounting(image, "noexec", "ro"), AllOn)));
    }

    [Fact]
    public void Bind_mount_options_come_after_the_recursive_read_only_check()
    {
        var pod = Pod(Container() with
        {
            VolumeMounts = ValueList.Of(new VolumeMount { Name = "v", MountPath = "/v", RecursiveReadOnly = "Enabled", BindMountOptions = ValueList.Of("ro") }),
        }).WithSpec(s => s with { Volumes = ValueList.Of(EmptyDir with { Name = "v" }) });
        Assert.Equal(
            [
                "spec.containers[0].volumeMounts.recursiveReadOnly: Forbidden: may only be specified when readOnly is true",
                "spec.containers[0].volumeMounts[0].bindMountOptions[0]: Unsupported value: \"ro\": supported values: \"nodev\", \"noexec\", \"nosuid\"",
            ],
            Texts(Create(pod, AllOn)));
    }

    [Fact]
    public void Without_the_gate_bind_mount_options_are_dropped_in_every_container_list()
    {
        var mount = new VolumeMount { Name = "v", MountPath = "/v", BindMountOptions = ValueList.Of("ro") };
        var pod = Pod(Container() with { VolumeMounts = ValueList.Of(mount) })
            .WithInit(Container("init") with { VolumeMounts = ValueList.Of(mount) })
            .WithSpec(s => s with { Volumes = ValueList.Of(EmptyDir with { Name = "v" }) });
        var defaulted = PodDefaulter.Apply(pod, V(37));
        Assert.True(defaulted.Spec.Containers[0].VolumeMounts[0].BindMountOptions.IsEmpty);
        Assert.True(defaulted.Spec.InitContainers[0].VolumeMounts[0].BindMountOptions.IsEmpty);
        Assert.True(PodValidator.Validate(defaulted, V(37)).IsValid);
    }

    // ---- VAL-707 httpGet.protocol, VAL-708 grpc.mode ----

    private static Pod Probing(ProbeHandler handler) => Pod(Container() with { LivenessProbe = new Probe { Handler = handler } });

    private static ProbeHandler Http(string protocol, string scheme = "", string host = "") =>
        new() { HttpGet = new HttpGetAction { Path = "/healthz", Port = IntOrString.FromInt(8080), Scheme = scheme, Host = host, Protocol = protocol } };

    [Theory]
    [InlineData("HTTP1", "HTTPS", "example.com", null)]
    [InlineData("HTTP2", "", "", null)]
    [InlineData("HTTP3", "", "", "spec.containers[0].livenessProbe.httpGet.protocol: Unsupported value: \"HTTP3\": supported values: \"HTTP1\", \"HTTP2\"")]
    [InlineData("h2c", "HTTPS", "example.com", "spec.containers[0].livenessProbe.httpGet.protocol: Unsupported value: \"h2c\": supported values: \"HTTP1\", \"HTTP2\"")]
    [InlineData("HTTP2", "HTTPS", "example.com", "spec.containers[0].livenessProbe.httpGet.protocol: Invalid value: \"HTTP2\": is only supported with HTTP (H2C)")]
    [InlineData("HTTP2", "HTTP", "example.com", "spec.containers[0].livenessProbe.httpGet.host: Invalid value: \"example.com\": must be empty when `protocol` is \"HTTP2\"")]
    public void The_http_probe_protocol_is_http1_or_h2c(string protocol, string scheme, string host, string? expected)
    {
        var r = Create(Probing(Http(protocol, scheme, host)), AllOn);
        Assert.Equal(expected is null ? [] : [expected], Texts(r));
        Assert.All(r.Errors, e => Assert.Equal(ValidationRules.HttpGetProtocol, e.Rule));
        Assert.Empty(r.NotChecked);
    }

    [Fact]
    public void The_protocol_is_checked_after_the_scheme_and_in_lifecycle_handlers_too()
    {
        var pod = Pod(Container() with
        {
            Lifecycle = new Lifecycle { PreStop = Http("HTTP2", "FTP") },
        });
        Assert.Equal(
            [
                "spec.containers[0].lifecycle.preStop.httpGet.scheme: Unsupported value: \"FTP\": supported values: \"HTTP\", \"HTTPS\"",
                "spec.containers[0].lifecycle.preStop.httpGet.protocol: Invalid value: \"HTTP2\": is only supported with HTTP (H2C)",
            ],
            Texts(Create(pod, AllOn)));
    }

    [Theory]
    [InlineData("TLS", null)]
    [InlineData("Plaintext", null)]
    [InlineData("mTLS", "spec.containers[0].livenessProbe.grpc.mode: Unsupported value: \"mTLS\": supported values: \"Plaintext\", \"TLS\"")]
    [InlineData("tls", "spec.containers[0].livenessProbe.grpc.mode: Unsupported value: \"tls\": supported values: \"Plaintext\", \"TLS\"")]
    public void The_grpc_probe_mode_is_plaintext_or_tls(string mode, string? expected)
    {
        var r = Create(Probing(new ProbeHandler { GrpcPort = 9090, GrpcMode = mode }), AllOn);
        Assert.Equal(expected is null ? [] : [expected], Texts(r));
        Assert.All(r.Errors, e => Assert.Equal(ValidationRules.GrpcMode, e.Rule));
        Assert.Empty(r.NotChecked);
    }

    [Fact]
    public void The_grpc_mode_comes_after_the_port()
    {
        Assert.Equal(
            [
                "spec.containers[0].livenessProbe.grpc.port: Invalid value: 0: must be between 1 and 65535, inclusive",
                "spec.containers[0].livenessProbe.grpc.mode: Unsupported value: \"x\": supported values: \"Plaintext\", \"TLS\"",
            ],
            Texts(Create(Probing(new ProbeHandler { GrpcPort = 0, GrpcMode = "x" }), AllOn)));
    }

    // ---- VAL-709 volume owner UIDs ----

    public static TheoryData<string, Volume, string> UserCases => new()
    {
        { "secret defaultUser", new Volume { Secret = new ObjectReference { Name = "s", DefaultUser = -1 } }, "spec.volumes[0].secret.defaultUser: Invalid value: -1" },
        { "configMap item user", new Volume { ConfigMap = new ObjectReference { Name = "c", Items = ValueList.Of(new KeyToPath { Key = "k", Path = "p", User = 1L << 31 }) } }, "spec.volumes[0].configMap.items[0].user: Invalid value: 2147483648" },
        { "downwardAPI defaultUser", new Volume { DownwardApiDefaultUser = -5, DownwardApiPresent = true }, "spec.volumes[0].downwardAPI.defaultUser: Invalid value: -5" },
        { "projected defaultUser", new Volume { Projected = new ProjectedVolumeSource { DefaultUser = -1 } }, "spec.volumes[0].projected.defaultUser: Invalid value: -1" },
    };

    [Theory]
    [MemberData(nameof(UserCases))]
    public void An_owner_uid_is_between_0_and_max_int32(string what, Volume volume, string expected)
    {
        var r = Create(OneContainer().WithSpec(s => s with { Volumes = ValueList.Of(volume with { Name = "v" }) }), AllOn);
        var e = Assert.Single(r.Errors);
        Assert.Equal(expected + ": must be between 0 and 2147483647, inclusive", e.ToString());
        Assert.Equal(ValidationRules.VolumeUserFields, e.Rule);
        Assert.Empty(r.NotChecked);
        Assert.NotEmpty(what);
    }

    [Fact]
    public void The_bounds_themselves_are_valid()
    {
        var volume = new Volume { Name = "v", Secret = new ObjectReference { Name = "s", DefaultUser = 0, Items = ValueList.Of(new KeyToPath { Key = "k", Path = "p", User = int.MaxValue }) } };
        Assert.True(Create(OneContainer().WithSpec(s => s with { Volumes = ValueList.Of(volume) }), AllOn).IsValid);
    }

    [Fact]
    public void The_default_user_comes_after_the_default_mode_and_before_the_items()
    {
        var volume = new Volume
        {
            Name = "v",
            Secret = new ObjectReference { Name = "s", DefaultMode = 512, DefaultUser = -1, Items = ValueList.Of(new KeyToPath { Key = "", Path = "p", Mode = -1, User = -2 }) },
        };
        Assert.Equal(
            [
                "spec.volumes[0].secret.defaultMode: Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive",
                "spec.volumes[0].secret.defaultUser: Invalid value: -1: must be between 0 and 2147483647, inclusive",
                "spec.volumes[0].secret.items[0].key: Required value",
                "spec.volumes[0].secret.items[0].mode: Invalid value: -1: must be a number between 0 and 0777 (octal), both inclusive",
                "spec.volumes[0].secret.items[0].user: Invalid value: -2: must be between 0 and 2147483647, inclusive",
            ],
            Texts(Create(OneContainer().WithSpec(s => s with { Volumes = ValueList.Of(volume) }), AllOn)));
    }

    [Fact]
    public void A_cluster_trust_bundle_user_sits_between_the_path_required_and_its_local_path_checks()
    {
        var volume = new Volume
        {
            Name = "v",
            Projected = new ProjectedVolumeSource
            {
                Sources = ValueList.Of(new VolumeProjection { ClusterTrustBundle = new ClusterTrustBundleProjection { SignerName = "example.com/signer", Path = "/abs", User = -1 } }),
            },
        };
        var texts = Texts(Create(OneContainer().WithSpec(s => s with { Volumes = ValueList.Of(volume) }), AllOn));
        int user = Array.FindIndex(texts, t => t.StartsWith("spec.volumes[0].projected.sources[0].clusterTrustBundle.user:", StringComparison.Ordinal));
        int path = Array.FindIndex(texts, t => t.StartsWith("spec.volumes[0].projected.sources[0].clusterTrustBundle.path: Invalid value: \"/abs\"", StringComparison.Ordinal));
        Assert.True(user >= 0 && path > user, string.Join("\n", texts));
    }

    [Fact]
    public void A_pod_certificate_user_comes_before_the_key_type()
    {
        var volume = new Volume
        {
            Name = "v",
            Projected = new ProjectedVolumeSource
            {
                Sources = ValueList.Of(new VolumeProjection { PodCertificate = new PodCertificateProjection { SignerName = "example.com/signer", KeyType = "RSA2048", CredentialBundlePath = "c.pem", User = -1 } }),
            },
        };
        Assert.Equal(
            [
                "spec.volumes[0].projected.sources[0].podCertificate.user: Invalid value: -1: must be between 0 and 2147483647, inclusive",
                "spec.volumes[0].projected.sources[0].podCertificate.keyType: Unsupported value: \"RSA2048\": supported values: \"RSA3072\", \"RSA4096\", \"ECDSAP256\", \"ECDSAP384\", \"ECDSAP521\", \"ED25519\"",
            ],
            Texts(Create(OneContainer().WithSpec(s => s with { Volumes = ValueList.Of(volume) }), AllOn)));
    }

    // ---- VAL-601 emptyDir.mode (message read in the same fork copy) ----

    [Theory]
    [InlineData(1023, true)]
    [InlineData(1024, false)]
    [InlineData(-1, false)]
    public void The_empty_dir_mode_is_at_most_01777(int mode, bool valid)
    {
        var volume = new Volume { Name = "v", EmptyDir = new EmptyDirVolumeSource { Mode = mode } };
        var r = Create(OneContainer().WithSpec(s => s with { Volumes = ValueList.Of(volume) }), AllOn);
        Assert.Equal(
            valid ? [] : ["spec.volumes[0].emptyDir.mode: Invalid value: " + mode.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": must be a number between 0 and 01777 (octal), both inclusive"],
            Texts(r));
    }
}
