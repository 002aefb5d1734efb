using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.EnvSpec;

/// <summary>
/// ENV-016 / ENV-019: the <c>fileKeyRef</c> case of kubernetes/kubernetes pkg/kubelet/kubelet_pods.go
/// makeEnvironmentVariables (001a80e975bb880d0fe60b304d30950fe661f278) through <see cref="EnvironmentBuilder"/>, with the
/// scenarios of test/e2e/common/node/file_key.go (index copy 643569484: "should be consumable via FileKeyRef", "should
/// handle optional keys") and the branches of the code: missing volume, missing file (an error even when optional), a
/// malformed file, a missing or empty key, optional, gate off, and the volume's files unknown.
/// </summary>
public class FileKeyRefTests
{
    private static readonly Profile At137 = Profile.For(new KubernetesVersion(1, 37));
    private static readonly Profile At134 = Profile.For(new KubernetesVersion(1, 34));

    private static EnvVar File(string name, string key, bool? optional = null, string path = "config.env", string volume = "config") =>
        new() { Name = name, ValueFrom = new EnvVarSource { FileKeyRef = new FileKeySelector { VolumeName = volume, Path = path, Key = key, Optional = optional } } };

    private static Pod PodWith(params EnvVar[] env) => new()
    {
        Metadata = new ObjectMeta { Name = "p", Namespace = "default" },
        Spec = new PodSpec
        {
            EnableServiceLinks = false,
            Containers = [new Container { Name = "use-envfile", Image = "busybox", Env = [.. env] }],
            Volumes = [new Volume { Name = "config", EmptyDir = new EmptyDirVolumeSource() }],
        },
    };

    private static EnvInputs Files(string content, string path = "config.env") =>
        new() { Services = null, VolumeFiles = ValueMap.Of(("config", ValueMap.Of((path, content)))) };

    private static EnvResult Build(Pod pod, EnvInputs inputs, Profile? profile = null) =>
        EnvironmentBuilder.Build(pod, pod.Spec.Containers[0], inputs, profile ?? At137);

    private static string[] Lines(EnvResult r) => [.. r.Variables.Select(v => v.ToDisplayLine())];

    [Fact]
    public void The_e2e_basic_pod_reads_both_keys()
    {
        var r = Build(PodWith(File("CONFIG_1", "CONFIG_1"), File("CONFIG_2", "CONFIG_2")), Files("CONFIG_1='value1'\nCONFIG_2='value2'\n"));
        Assert.Null(r.Error);
        Assert.Equal(["CONFIG_1=value1", "CONFIG_2=value2"], Lines(r));
        Assert.False(r.OutcomeNotChecked);
        Assert.Contains(EnvRules.FileKeyRef, r.Rules);
        Assert.Contains(EnvRules.SingleQuotedSyntax, r.Rules);
    }

    [Fact]
    public void The_e2e_optional_missing_key_is_left_out()
    {
        var r = Build(PodWith(File("EXISTING_KEY", "EXISTING_KEY"), File("MISSING_KEY", "MISSING_KEY", optional: true)), Files("EXISTING_KEY='existing_value'\n"));
        Assert.Equal(["EXISTING_KEY=existing_value"], Lines(r));
    }

    [Fact]
    public void An_optional_missing_key_keeps_an_earlier_value_of_the_name()
    {
        var r = Build(PodWith(new EnvVar { Name = "X", Value = "before" }, File("X", "ABSENT", optional: true)), Files("A='1'\n"));
        Assert.Equal(["X=before"], Lines(r));
    }

    [Fact]
    public void A_missing_key_is_an_error_naming_the_host_path()
    {
        var r = Build(PodWith(File("X", "ABSENT")), Files("A='1'\n"));
        Assert.Equal("environment variable key \"ABSENT\" not found in file \"/var/lib/kubelet/pods/<pod-uid>/volumes/kubernetes.io~empty-dir/config/config.env\"", r.Error!.Message);
        var withUid = PodWith(File("X", "ABSENT", path: "./sub//config.env")) is var p ? p with { Metadata = p.Metadata with { Uid = "1234" } } : null;
        var r2 = Build(withUid!, Files("A='1'\n", "sub/config.env"));
        Assert.Equal("environment variable key \"ABSENT\" not found in file \"/var/lib/kubelet/pods/1234/volumes/kubernetes.io~empty-dir/config/sub/config.env\"", r2.Error!.Message);
    }

    /// <summary>The kubelet tests <c>runtimeVal == ""</c>: a key defined with the empty value is a missing key.</summary>
    [Fact]
    public void An_empty_value_is_a_missing_key()
    {
        Assert.StartsWith("environment variable key \"E\" not found", Build(PodWith(File("X", "E")), Files("E=''\n")).Error!.Message, StringComparison.Ordinal);
        Assert.Empty(Build(PodWith(File("X", "E", optional: true)), Files("E=''\n")).Variables);
    }

    /// <summary>ParseEnv's errors, a missing file's included, come before the optional test: optional does not help.</summary>
    [Theory]
    [InlineData("A='1'\n", "other.env", true)]
    [InlineData("A=1\n", "config.env", true)]
    [InlineData("A='1'\nbroken\nX='2'", "config.env", false)]
    [InlineData("A='1'", "config.env/inner.env", true)]
    public void Parser_errors_are_couldnt_parse_even_when_optional(string content, string filePath, bool optional)
    {
        var r = Build(PodWith(File("X", "X", optional: optional)), Files(content, filePath));
        Assert.Equal("couldn't parse env file", r.Error!.Message);
        Assert.Equal(EnvRules.FileKeyRef, r.Error.Rule);
    }

    [Fact]
    public void A_volume_not_in_the_pod_is_an_error()
    {
        var r = Build(PodWith(File("X", "X", volume: "nonexistent-volume")), Files("X='1'"));
        Assert.Equal("cannot find the volume \"nonexistent-volume\" referenced by FileKeyRef", r.Error!.Message);
    }

    [Fact]
    public void Values_are_never_expanded_but_later_literals_see_them()
    {
        var r = Build(PodWith(new EnvVar { Name = "A", Value = "a" }, File("X", "X"), new EnvVar { Name = "Y", Value = "<$(X)>" }), Files("X='$(A)'"));
        Assert.Equal(["A=a", "X=$(A)", "Y=<$(A)>"], Lines(r));
    }

    [Fact]
    public void The_1_34_parser_reads_unquoted_values()
    {
        var profile = new Profile(new KubernetesVersion(1, 34), ValueMap.Of((FeatureGateNames.EnvFiles, true)));
        var r = Build(PodWith(File("X", "X")), Files("X = a value  \n"), profile);
        Assert.Equal(["X=a value"], Lines(r));
        Assert.Contains(EnvRules.DotenvSyntax, r.Rules);
        Assert.Equal("couldn't parse env file", Build(PodWith(File("X", "X")), Files("X = a value  \n")).Error!.Message);
    }

    /// <summary>
    /// 1.34's alpha limits (openshift/microshift release-4.21 473c3de15d9aeeb399aa95250672c07655554015,
    /// deps/github.com/openshift/kubernetes/pkg/kubelet/kubelet_pods.go, v1.34.8): a key over 128 bytes fails before the
    /// file is read, even when its text is unknown; a value over 32 KiB fails after. 1.35 (release-4.22 5019821e0eb2) has
    /// neither check.
    /// </summary>
    [Fact]
    public void At_1_34_a_key_over_128_bytes_fails_before_the_file_is_read()
    {
        var profile = new Profile(new KubernetesVersion(1, 34), ValueMap.Of((FeatureGateNames.EnvFiles, true)));
        string longKey = new('K', 129);
        string limitKey = new('K', 128);
        var unknown = EnvInputs.Empty with { Services = null };
        Assert.Equal(
            "environment variable key \"" + longKey + "\" exceeds maximum length of 128 characters",
            Build(PodWith(File("X", longKey)), unknown, profile).Error!.Message);
        // Bytes, not characters: 64 two-byte characters plus one byte is 129 bytes.
        string wideKey = new string('\u00e9', 64) + "K";
        Assert.Equal(
            "environment variable key \"" + wideKey + "\" exceeds maximum length of 128 characters",
            Build(PodWith(File("X", wideKey)), Files("A=1\n"), profile).Error!.Message);
        Assert.Equal(["X=v"], Lines(Build(PodWith(File("X", limitKey)), Files(limitKey + "=v\n"), profile)));
        Assert.True(Build(PodWith(File("X", longKey)), unknown, At137).OutcomeNotChecked);
        Assert.Equal(["X=v"], Lines(Build(PodWith(File("X", longKey)), Files(longKey + "='v'\n"), Profile.For(new KubernetesVersion(1, 35)))));
    }

    [Fact]
    public void At_1_34_a_value_over_32_KiB_fails()
    {
        var profile = new Profile(new KubernetesVersion(1, 34), ValueMap.Of((FeatureGateNames.EnvFiles, true)));
        string atLimit = new('v', 32 * 1024);
        string over = atLimit + "v";
        Assert.Equal(["X=" + atLimit], Lines(Build(PodWith(File("X", "X")), Files("X=" + atLimit + "\n"), profile)));
        var r = Build(PodWith(File("X", "X", optional: true)), Files("X=" + over + "\n"), profile);
        Assert.Equal("environment variable value for key \"X\" exceeds maximum size of 32KB", r.Error!.Message);
        Assert.Empty(r.Variables);
        Assert.Equal(["X=" + over], Lines(Build(PodWith(File("X", "X")), Files("X='" + over + "'\n"), Profile.For(new KubernetesVersion(1, 35)))));
    }

    /// <summary>The kubelet's case tests the gate first: with EnvFiles off no case matches and the value is "".</summary>
    [Fact]
    public void With_EnvFiles_off_the_value_is_empty()
    {
        var r = Build(PodWith(File("X", "X")), EnvInputs.Empty with { Services = null }, At134);
        Assert.Equal(["X="], Lines(r));
    }

    [Fact]
    public void Unknown_files_are_not_checked_never_a_value()
    {
        var pod = PodWith(new EnvVar { Name = "A", Value = "a" }, File("X", "X"), new EnvVar { Name = "Y", Value = "[$(X)]" }, new EnvVar { Name = "Z", Value = "[$(A)]" });
        var r = Build(pod, EnvInputs.Empty with { Services = null });
        Assert.Null(r.Error);
        Assert.True(r.OutcomeNotChecked);
        Assert.Equal(["A=a", "X=<not checked: file config/config.env#X not known>", "Y=<not checked: derived from a file the model does not know>", "Z=[a]"], Lines(r));
        Assert.True(r.Find("X")!.NotChecked);
        Assert.True(r.Find("Y")!.NotChecked);
        Assert.False(r.Find("Z")!.NotChecked);
        Assert.Contains(EnvRules.NotChecked, r.Rules);
    }

    [Fact]
    public void An_error_after_an_unknown_file_is_not_checked_either()
    {
        var pod = PodWith(File("X", "X"), new EnvVar { Name = "C", ValueFrom = new EnvVarSource { ConfigMapKeyRef = new KeySelector { Name = "gone", Key = "k" } } });
        var r = Build(pod, EnvInputs.Empty with { Services = null });
        Assert.Equal("configmap \"gone\" not found", r.Error!.Message);
        Assert.True(r.OutcomeNotChecked);
        var before = PodWith(new EnvVar { Name = "C", ValueFrom = new EnvVarSource { ConfigMapKeyRef = new KeySelector { Name = "gone", Key = "k" } } }, File("X", "X"));
        Assert.False(Build(before, EnvInputs.Empty with { Services = null }).OutcomeNotChecked);
    }

    /// <summary>ENV-011 with ENV-019: a subPathExpr that reads a variable the model does not know claims no error.</summary>
    [Fact]
    public void A_sub_path_expr_of_an_unknown_variable_is_not_claimed_to_fail()
    {
        var pod = PodWith(File("X", "X", optional: true));
        var c = pod.Spec.Containers[0] with { VolumeMounts = [new VolumeMount { Name = "config", MountPath = "/m", SubPathExpr = "$(X)" }] };
        pod = pod with { Spec = pod.Spec with { Containers = [c] } };
        Assert.Null(ContainerConfig.Check(pod, c, EnvInputs.Empty with { Services = null }, At137));
        Assert.Equal("missing value for X", ContainerConfig.Check(pod, c, Files("A='1'"), At137)!.Message);
        Assert.Null(ContainerConfig.Check(pod, c, Files("X='sub'"), At137));
    }
}
