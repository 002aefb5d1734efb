using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

/// <summary>--kubernetes-version and --feature-gates errors, worded as Kubernetes components word them (spec PROF-003).</summary>
public class ProfileOptionTests
{
    /// <summary>A bad flag value is a usage error: it points to the verb's help, as kubectl does.</summary>
    private const string Help = "See 'podconf quantity --help' for usage.\n";

    [Theory]
    [InlineData("--kubernetes-version", "1.99", "podconf: --kubernetes-version: unsupported Kubernetes version \"1.99\": supported versions are 1.28 to 1.37\n")]
    [InlineData("--kubernetes-version", "one", "podconf: --kubernetes-version: invalid Kubernetes version \"one\": expected 1.NN, e.g. 1.37\n")]
    // A leading zero was read as the number (1.037 as 1.37): refused with the supported releases.
    [InlineData("--kubernetes-version", "1.037", "podconf: --kubernetes-version: invalid Kubernetes version \"1.037\": 037 has a leading zero; supported versions are 1.28 to 1.37\n")]
    [InlineData("--kubernetes-version", "v01.30", "podconf: --kubernetes-version: invalid Kubernetes version \"v01.30\": 01 has a leading zero; supported versions are 1.28 to 1.37\n")]
    [InlineData("--kubernetes-version", "1.30.01", "podconf: --kubernetes-version: invalid Kubernetes version \"1.30.01\": 01 has a leading zero; supported versions are 1.28 to 1.37\n")]
    [InlineData("--feature-gates", "Bogus=true", "podconf: --feature-gates: unrecognized feature gate: Bogus\n")]
    [InlineData("--feature-gates", "PodLevelResources", "podconf: --feature-gates: missing bool value for PodLevelResources\n")]
    [InlineData("--feature-gates", "PodLevelResources=yes", "podconf: --feature-gates: invalid value of PodLevelResources=yes, err: strconv.ParseBool: parsing \"yes\": invalid syntax\n")]
    [InlineData("--feature-gates", "InPlacePodVerticalScaling=false", "podconf: --feature-gates: cannot set feature gate InPlacePodVerticalScaling to false, feature is locked to true\n")]
    public void Bad_profile_options_exit_2_with_a_clear_message(string option, string value, string expected)
    {
        var r = CliRun.Run("quantity", option, value, "1");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(expected + Help, r.Error);
    }

    [Fact]
    public void A_patch_release_zero_is_still_accepted()
    {
        var r = CliRun.Run("quantity", "--kubernetes-version", "v1.35.0", "1");
        Assert.Equal("", r.Error);
        Assert.Equal(0, r.ExitCode);
        var diff = CliRun.Run("diff", "--from", "1.036", "--to", "1.37");
        Assert.Equal(2, diff.ExitCode);
        Assert.StartsWith("podconf: --from: invalid Kubernetes version \"1.036\": 036 has a leading zero;", diff.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gate_unknown_in_an_older_release_is_rejected()
    {
        var r = CliRun.Run("quantity", "--kubernetes-version", "1.31", "--feature-gates", "PodLevelResources=true", "1");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("podconf: --feature-gates: unrecognized feature gate: PodLevelResources\n" + Help, r.Error);
    }

    [Fact]
    public void A_gate_removed_before_the_release_is_rejected()
    {
        // LegacySidecarContainers: registered by no release copy from v1.34.1 on (spec/gates/sources.json K134, K135).
        var r = CliRun.Run("quantity", "--kubernetes-version", "1.35", "--feature-gates", "LegacySidecarContainers=true", "1");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("podconf: --feature-gates: unrecognized feature gate: LegacySidecarContainers\n" + Help, r.Error);
    }

    [Fact]
    public void A_gate_v1_35_0_registers_is_accepted_at_1_35()
    {
        // StatefulSetSemanticRevisionComparison: {1.0, true, Beta} in v1.35.0's kube_features.go (K135).
        var r = CliRun.Run("quantity", "--kubernetes-version", "1.35", "--feature-gates", "StatefulSetSemanticRevisionComparison=false", "1");
        Assert.Equal("", r.Error);
        Assert.Equal(0, r.ExitCode);
    }
}
