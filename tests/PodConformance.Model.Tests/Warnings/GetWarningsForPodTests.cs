using PodConformance.Benchmarks.Workloads;
using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Tests.Support;
using PodConformance.Model.Warnings;

namespace PodConformance.Model.Tests.Warnings;

/// <summary>
/// WARN-010…029 beyond the upstream vectors (tests/PodConformance.Model.Tests/Warnings/Upstream): the order across
/// rules (warnings.go's statement order, which upstream's set comparison does not pin), the release differences read
/// from the 1.32, 1.33 and 1.34 copies (openshift-apiserver c596b6e88, cd1ea2cd7, 71b7016d0), the create's view
/// (defaulted, admitted pod; the recorder's de-duplication) and the hot path's allocation.
/// </summary>
public class GetWarningsForPodTests
{
    private static readonly Profile V132 = Profile.For(new KubernetesVersion(1, 32));
    private static readonly Profile V133 = Profile.For(new KubernetesVersion(1, 33));
    private static readonly Profile V134 = Profile.For(new KubernetesVersion(1, 34));

    private static Pod WithSpec(PodSpec spec) => new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "ns" },
        Spec = spec.Containers.IsEmpty ? spec with { Containers = ValueList.Of(new Container { Name = "c", Image = "nginx" }) } : spec,
    };

    private static string[] Texts(Pod pod, Profile profile) => [.. PodWarnings.ForPod(pod, profile).Select(w => w.Text)];

    [Fact]
    public void A_plain_pod_has_no_warnings()
    {
        Assert.Empty(Texts(WithSpec(new PodSpec()), V134));
    }

    [Fact]
    public void Rules_come_in_warnings_go_order_not_in_field_order()
    {
        // Written in the manifest in the reverse of warnings.go's order: grace period, ports, env, imagePullSecrets, nodeSelector.
        var spec = new PodSpec
        {
            TerminationGracePeriodSeconds = -5,
            Containers = ValueList.Of(new Container
            {
                Name = "c",
                Image = "nginx",
                Ports = ValueList.Of(new ContainerPort { Port = 80, Protocol = "TCP" }, new ContainerPort { Port = 80, Protocol = "TCP" }),
                Env = ValueList.Of(new EnvVar { Name = "A", Value = "1" }, new EnvVar { Name = "A", Value = "2" }),
                Resources = new ResourceRequirements { Limits = ValueMap.Of((ResourceNames.Memory, Quantity.Parse("0.5"))) },
            }),
            ImagePullSecrets = ValueList.Of(new LocalObjectReference { Name = "" }),
            NodeSelector = ValueMap.Of(("node-role.kubernetes.io/master", "")),
        };
        var warnings = PodWarnings.ForPod(WithSpec(spec), V134);
        Assert.Equal(
            [PodWarnings.DeprecatedNodeSelectorLabel, PodWarnings.EmptyImagePullSecretName, PodWarnings.FractionalByteValue, PodWarnings.HiddenEnvDefinition,
                PodWarnings.ConflictingPortDefinition, PodWarnings.NegativeGracePeriodSeconds],
            warnings.Select(w => w.Rule));
        Assert.Equal("spec.nodeSelector[node-role.kubernetes.io/master]: use \"node-role.kubernetes.io/control-plane\" instead", warnings[0].Text);
        Assert.Equal("spec.containers[0].resources.limits[memory]: fractional byte value \"500m\" is invalid, must be an integer", warnings[2].Text);
    }

    /// <summary>
    /// WARN-016/022 decide with Go's <c>MilliValue() % 1000</c>; the hot path answers without building the decimal where
    /// the milli-value is exact. Both must give the same verdict, across the forms a quantity takes (int64 and inf.Dec,
    /// binary and decimal suffixes, sub-milli, negative, huge).
    /// </summary>
    [Theory]
    [InlineData("64Mi")]
    [InlineData("1.5Gi")]
    [InlineData("1.5")]
    [InlineData("4m")]
    [InlineData("1000m")]
    [InlineData("2500m")]
    [InlineData("-4m")]
    [InlineData("-3")]
    [InlineData("0.0001")]
    [InlineData("1e3")]
    [InlineData("1E-3")]
    [InlineData("1.001Ki")]
    [InlineData("0.5Ki")]
    [InlineData("12345678901234567")]
    [InlineData("9223372036854775807")]
    [InlineData("8Ei")]
    [InlineData("100Pi")]
    [InlineData("1.25k")]
    [InlineData("0")]
    public void The_fast_whole_byte_test_agrees_with_MilliValue(string text)
    {
        var q = Quantity.Parse(text);
        if (q.TryWholeMilliThousands(out bool whole))
        {
            Assert.Equal(q.MilliValue() % 1000 == 0, whole);
        }
    }

    [Fact]
    public void The_fast_whole_byte_test_answers_the_usual_values_itself()
    {
        Assert.True(Quantity.Parse("64Mi").TryWholeMilliThousands(out bool mebi) && mebi);
        Assert.True(Quantity.Parse("1.5Gi").TryWholeMilliThousands(out bool gibi) && gibi);
        Assert.True(Quantity.Parse("4m").TryWholeMilliThousands(out bool milli) && !milli);
        Assert.True(Quantity.Parse("1.5").TryWholeMilliThousands(out bool half) && !half);
    }

    [Fact]
    public void The_gitRepo_text_follows_the_release_and_the_GitRepoVolumeDriver_gate()
    {
        var pod = WithSpec(new PodSpec { Volumes = ValueList.Of(new Volume { Name = "g", GitRepo = new GitRepoVolumeSource { Repository = "r" } }) });
        Assert.Equal(["spec.volumes[0].gitRepo: deprecated in v1.11"], Texts(pod, V132));
        Assert.Equal(["spec.volumes[0].gitRepo: deprecated in v1.11, and disabled by default in v1.33+"], Texts(pod, V133));
        var gateOn = new Profile(new KubernetesVersion(1, 33), ValueMap.Of(("GitRepoVolumeDriver", true)));
        Assert.Equal(["spec.volumes[0].gitRepo: deprecated in v1.11"], Texts(pod, gateOn));
    }

    [Fact]
    public void Preferred_node_affinity_values_are_checked_from_1_33_required_ones_never()
    {
        var bad = new NodeSelectorRequirement { Key = "zone", Operator = "In", Values = ValueList.Of("a b") };
        var spec = new PodSpec
        {
            Affinity = new Affinity
            {
                NodeAffinity = new NodeAffinity
                {
                    RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector { NodeSelectorTerms = ValueList.Of(new NodeSelectorTerm { MatchExpressions = ValueList.Of(bad) }) },
                    PreferredDuringSchedulingIgnoredDuringExecution = ValueList.Of(new PreferredSchedulingTerm { Weight = 1, Preference = new NodeSelectorTerm { MatchExpressions = ValueList.Of(bad) } }),
                },
            },
        };
        Assert.Empty(Texts(WithSpec(spec), V132));
        string text = Assert.Single(Texts(WithSpec(spec), V133));
        Assert.StartsWith("spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].values[0]: a b is invalid, a valid label must be an empty string", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ip_addresses_warn_from_1_33_with_go_s_forms()
    {
        var spec = new PodSpec
        {
            DNSConfig = new PodDNSConfig { Nameservers = ValueList.Of("010.0.0.1", "::ffff:1.2.3.4", "2001:DB8:0:0:0:0:0:1", "2001:db8::1", "1.2.3.4", "::1.2.3.4", "1:0:0:1:0:0:0:1") },
            HostAliases = ValueList.Of(new HostAlias { IP = "fe80:0:0:0:0:0:0:0", Hostnames = ValueList.Of("h") }),
        };
        Assert.Empty(Texts(WithSpec(spec), V132));
        Assert.Equal(
            [
                "spec.dnsConfig.nameservers[0]: non-standard IP address \"010.0.0.1\" will be considered invalid in a future Kubernetes release: use \"10.0.0.1\"",
                "spec.dnsConfig.nameservers[1]: non-standard IP address \"::ffff:1.2.3.4\" will be considered invalid in a future Kubernetes release: use \"1.2.3.4\"",
                "spec.dnsConfig.nameservers[2]: IPv6 address \"2001:DB8:0:0:0:0:0:1\" should be in RFC 5952 canonical format (\"2001:db8::1\")",
                "spec.dnsConfig.nameservers[5]: IPv6 address \"::1.2.3.4\" should be in RFC 5952 canonical format (\"::102:304\")",
                "spec.dnsConfig.nameservers[6]: IPv6 address \"1:0:0:1:0:0:0:1\" should be in RFC 5952 canonical format (\"1:0:0:1::1\")",
                "spec.hostAliases[0].ip: IPv6 address \"fe80:0:0:0:0:0:0:0\" should be in RFC 5952 canonical format (\"fe80::\")",
            ],
            Texts(WithSpec(spec), V133));
    }

    [Fact]
    public void Before_1_34_a_projected_source_without_items_re_adds_the_previous_sources_paths()
    {
        var projected = new ProjectedVolumeSource
        {
            Sources = ValueList.Of(
                new VolumeProjection { Secret = new SecretProjection { Name = "s", Items = ValueList.Of(new KeyToPath { Key = "k", Path = "a/" }) } },
                new VolumeProjection { ConfigMap = new ConfigMapProjection { Name = "c" } }),
        };
        var pod = WithSpec(new PodSpec { Volumes = ValueList.Of(new Volume { Name = "p", Projected = projected }) });
        Assert.Equal(["volume \"p\" (Projected): overlapping paths: \"a\" (Secret \"s\") with \"a\" (Secret \"s\")"], Texts(pod, V132));
        Assert.Equal(Texts(pod, V132), Texts(pod, V133));
        Assert.Empty(Texts(pod, V134));
    }

    [Fact]
    public void Overlapping_paths_and_empty_projection_sources_warn_from_1_32_only()
    {
        // The 1.29.9 warnings.go (rancher/support-bundle-kit c37d268c4) has no warningsForOverlappingVirtualPaths; the
        // 1.32.1 one (openshift-apiserver c596b6e88) has it. 1.30 and 1.31 follow 1.29 (spec/validation.md WARN-017).
        var projected = new ProjectedVolumeSource
        {
            Sources = ValueList.Of(
                new VolumeProjection { ConfigMap = new ConfigMapProjection { Name = "c", Items = ValueList.Of(new KeyToPath { Key = "k", Path = "token" }) } },
                new VolumeProjection(),
                new VolumeProjection { ServiceAccountToken = new ServiceAccountTokenProjection { Path = "token/x" } }),
        };
        var items = new ObjectReference { Name = "m", Items = ValueList.Of(new KeyToPath { Key = "a", Path = "d" }, new KeyToPath { Key = "b", Path = "d/f" }) };
        var pod = WithSpec(new PodSpec { Volumes = ValueList.Of(new Volume { Name = "p", Projected = projected }, new Volume { Name = "m", ConfigMap = items }) });
        foreach (int minor in new[] { 28, 29, 30, 31 })
        {
            Assert.Empty(Texts(pod, Profile.For(new KubernetesVersion(1, minor))));
        }

        Assert.Equal(
            [
                "volume \"p\" (Projected) has no sources provided",
                "volume \"p\" (Projected): overlapping paths: \"token/x\" (ServiceAccountToken) with \"token\" (ConfigMap \"c\")",
                "volume \"m\" (ConfigMap \"m\"): overlapping paths: \"d/f\" with \"d\"",
            ],
            Texts(pod, V132));
    }

    [Fact]
    public void A_hidden_env_definition_mentions_apply_from_1_30()
    {
        var container = new Container { Name = "c", Image = "nginx", Env = ValueList.Of(new EnvVar { Name = "A", Value = "1" }, new EnvVar { Name = "A", Value = "2" }) };
        var pod = WithSpec(new PodSpec { Containers = ValueList.Of(container) });
        Assert.Equal(["spec.containers[0].env[1]: hides previous definition of \"A\""], Texts(pod, Profile.For(new KubernetesVersion(1, 28))));
        Assert.Equal(["spec.containers[0].env[1]: hides previous definition of \"A\""], Texts(pod, Profile.For(new KubernetesVersion(1, 29))));
        Assert.Equal(["spec.containers[0].env[1]: hides previous definition of \"A\", which may be dropped when using apply"], Texts(pod, Profile.For(new KubernetesVersion(1, 30))));
        Assert.Equal(Texts(pod, Profile.For(new KubernetesVersion(1, 30))), Texts(pod, V132));
    }

    [Fact]
    public void Pod_certificate_paths_take_part_from_1_34()
    {
        var projected = new ProjectedVolumeSource
        {
            Sources = ValueList.Of(
                new VolumeProjection { ServiceAccountToken = new ServiceAccountTokenProjection { Path = "creds" } },
                new VolumeProjection { PodCertificate = new PodCertificateProjection { SignerName = "example.com/s", KeyType = "ED25519", KeyPath = "creds/key", CredentialBundlePath = "creds" } }),
        };
        var pod = WithSpec(new PodSpec { Volumes = ValueList.Of(new Volume { Name = "p", Projected = projected }) });
        Assert.Equal(
            [
                "volume \"p\" (Projected): overlapping paths: \"creds/key\" (PodCertificate key) with \"creds\" (ServiceAccountToken)",
                "volume \"p\" (Projected): overlapping paths: \"creds\" (PodCertificate credential bundle) with \"creds\" (ServiceAccountToken)",
                "volume \"p\" (Projected): overlapping paths: \"creds\" (PodCertificate credential bundle) with \"creds/key\" (PodCertificate key)",
            ],
            Texts(pod, V134));
    }

    [Fact]
    public void A_create_sees_defaulted_ports_and_requests_and_sends_a_repeated_text_once()
    {
        var container = new Container
        {
            Name = "c",
            Image = "nginx",
            Ports = ValueList.Of(new ContainerPort { Port = 80 }, new ContainerPort { Port = 80, Protocol = "TCP" }),
            Resources = new ResourceRequirements { Limits = ValueMap.Of((ResourceNames.Memory, Quantity.Parse("100m"))) },
        };
        var created = PodCreate.Run(WithSpec(new PodSpec { Containers = ValueList.Of(container) }), V134);
        Assert.True(created.Accepted);

        // Defaulting gives the first port TCP, so the two collide; the limit was copied into the request.
        Assert.Equal(
            [
                "spec.containers[0].resources.limits[memory]: fractional byte value \"100m\" is invalid, must be an integer",
                "spec.containers[0].resources.requests[memory]: fractional byte value \"100m\" is invalid, must be an integer",
                "spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0]",
            ],
            created.Warnings.Select(w => w.Text));

        // A text GetWarningsForPod gives twice is recorded once. Validation refuses equal projected paths, so the repeat
        // comes from 1.32's (and 1.33's) re-added paths: the configMap source without items adds the secret's "a" again, and the
        // token's "a/t" then collides with both copies.
        var projected = new ProjectedVolumeSource
        {
            Sources = ValueList.Of(
                new VolumeProjection { Secret = new SecretProjection { Name = "s", Items = ValueList.Of(new KeyToPath { Key = "k", Path = "a" }) } },
                new VolumeProjection { ConfigMap = new ConfigMapProjection { Name = "c" } },
                new VolumeProjection { ServiceAccountToken = new ServiceAccountTokenProjection { Path = "a/t" } }),
        };
        var pod = WithSpec(new PodSpec { Volumes = ValueList.Of(new Volume { Name = "p", Projected = projected }) });
        const string repeated = "volume \"p\" (Projected): overlapping paths: \"a/t\" (ServiceAccountToken) with \"a\" (Secret \"s\")";
        Assert.Equal(2, Texts(pod, V132).Count(t => t == repeated));
        var twice = PodCreate.Run(pod, V132);
        Assert.True(twice.Accepted, string.Join("\n", twice.Validation.Errors));
        Assert.Single(twice.Warnings, w => w.Text == repeated);
        Assert.Equal(2, twice.Warnings.Count);
    }

    [Fact]
    public void From_1_37_a_negative_grace_period_is_defaulted_before_the_warning_reads_it()
    {
        var pod = WithSpec(new PodSpec { TerminationGracePeriodSeconds = -1 });
        Assert.Contains(PodCreate.Run(pod, V134).Warnings, w => w.Rule == PodWarnings.NegativeGracePeriodSeconds);
        Assert.DoesNotContain(PodCreate.Run(pod, Profile.For(new KubernetesVersion(1, 37))).Warnings, w => w.Rule == PodWarnings.NegativeGracePeriodSeconds);
    }

    /// <summary>
    /// The warnings step runs on every create (spec/guides/performance.md): on the benchmark pod as the create stores it
    /// (with the ServiceAccount plugin's projected token volume, whose paths are compared) it must allocate nothing.
    /// </summary>
    [Fact]
    public void The_warnings_of_the_stored_benchmark_pod_allocate_nothing()
    {
        var created = PodCreate.Run(Workloads.ThreeContainers(), Profile.Default);
        Assert.True(created.Accepted);
        var stored = created.Stored;
        Assert.Contains(stored.Spec.Volumes, v => v.Projected is not null);
        Assert.True(PodWarnings.ForPod(stored, Profile.Default).IsEmpty);
        long bytes = AllocationBudget.PerCall(() => PodWarnings.ForPod(stored, Profile.Default).Count, 200, 2000);
        Assert.True(bytes == 0, "the warnings allocated " + bytes + " B per call");
    }
}
