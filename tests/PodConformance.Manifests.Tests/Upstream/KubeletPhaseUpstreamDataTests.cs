using System.Text;
using PodConformance.Model.Collections;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Profiles;

namespace PodConformance.Manifests.Tests.Upstream;

/// <summary>
/// The kubelet's own getPhase tests as data (Fixtures/upstream/kubelet/kubelet_pods_test.yaml, with its source and
/// commit): every case runs through the model's getPhase over upstream's single status list, under each profile the
/// case names, and must give upstream's phase (PHASE-001…016). <see cref="PodPhaseCalculator.Explain"/> must agree.
/// </summary>
public class KubeletPhaseUpstreamDataTests
{
    private static readonly string[] CaseKeys = ["pod", "podIsTerminal", "podHasInitialized", "profiles", "want"];

    private static readonly Dictionary<string, Profile> Profiles = new(StringComparer.Ordinal)
    {
        ["gates-off"] = Profile.For(new KubernetesVersion(1, 33)),
        ["container-restart-rules"] = Profile.For(new KubernetesVersion(1, 34)) with
        {
            Overrides = ValueMap.Of((FeatureGateNames.ContainerRestartRules, true)),
        },
        ["restart-all-containers"] = Profile.For(new KubernetesVersion(1, 35)) with
        {
            Overrides = ValueMap.Of((FeatureGateNames.ContainerRestartRules, true), (FeatureGateNames.RestartAllContainersOnContainerExits, true)),
        },
        ["default"] = Profile.Default,
    };

    [Fact]
    public void GetPhase_matches_every_upstream_case()
    {
        var table = UpstreamTable.Load("kubelet/kubelet_pods_test.yaml", CaseKeys);
        Assert.Equal(94, table.Cases.Count);
        Assert.Empty(table.Pending);
        var failures = new StringBuilder();
        int runs = 0;
        foreach (var c in table.Cases)
        {
            var pod = c.Pod();
            var statuses = pod.Status?.ContainerStatuses ?? default;
            bool terminal = c.Text("podIsTerminal") == "true";
            bool initialized = c.Text("podHasInitialized") == "true";
            var profiles = c.Strings("profiles");
            Assert.NotEmpty(profiles);
            foreach (string name in profiles)
            {
                var profile = Profiles[name];
                runs++;
                string got = PodPhaseCalculator.GetPhaseFromStatusList(pod.Spec, statuses.AsSpan(), terminal, initialized, profile);
                if (got != c.Text("want"))
                {
                    failures.Append('[').Append(name).Append("] ").Append(c.Name).Append(": got ").Append(got).Append(", want ").Append(c.Text("want")).Append('\n');
                }

                Assert.Equal(got, PodPhaseCalculator.Explain(pod.Spec, [], statuses.AsSpan(), terminal, initialized, profile).Phase);
            }
        }

        Assert.True(runs >= table.Cases.Count);
        Assert.True(failures.Length == 0, table.Source + "@" + table.Commit + ":\n" + failures);
    }
}
