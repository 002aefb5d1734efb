using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Profiles;
using static PodConformance.Model.Tests.EnvSpec.EnvTestPods;

namespace PodConformance.Model.Tests.EnvSpec;

/// <summary>
/// ENV-005 by release, read in makeEnvironmentVariables as kubeedge/kubeedge vendors the kubelet: v1.28.6 (5dd0aee16)
/// and v1.29.11 (6f8c07957) skip keys failing IsEnvVarName and record InvalidEnvironmentVariableNames; v1.30.7
/// (9b280adfa), v1.31.11 and v1.32.10 keep every key with no check and no gate test (OpenShift's forks in
/// openshift/microshift release-4.16 and release-4.17 agree at 1.29 and 1.30).
/// </summary>
public class EnvFromKeyFilterTests
{
    private static EnvResult Build(int minor) =>
        EnvironmentBuilder.Build(
            UpstreamPod("ns", false),
            new Container { Name = "c", EnvFrom = [FromConfigMap("cm")] },
            new EnvInputs { ConfigMaps = Objects("cm", Data(("1234", "abc"), ("ok", "v"))), Node = TestNode },
            Profile.For(new KubernetesVersion(1, minor)));

    [Fact]
    public void The_kubelet_skips_invalid_keys_only_before_1_30()
    {
        var old = Build(29);
        Assert.DoesNotContain(old.Variables, v => v.Name == "1234");
        Assert.Equal(["Keys [1234] from the EnvFrom configMap ns/cm were skipped since they are considered invalid environment variable names."], old.Warnings);

        foreach (int minor in new[] { 30, 31 })
        {
            // RelaxedEnvironmentVariableValidation is alpha and off here: the kubelet keeps the key all the same.
            var result = Build(minor);
            Assert.Contains(result.Variables, v => v.Name == "1234" && v.Value == "abc");
            Assert.Empty(result.Warnings);
        }
    }
}
