using PodConformance.Model.Collections;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Profiles;
using PodConformance.Model.Simulation;

namespace PodConformance.Generators.Tests;

/// <summary>RestartAllGen and SignalPressureGen: valid by construction, under the gates each case carries.</summary>
public sealed class RestartAllGenTests
{
    private static Profile With(Profile p, ValueMap<bool> gates) => p with { Overrides = ValueMap.Of([.. p.Overrides.Select(kv => (kv.Key, kv.Value)), .. gates.Select(kv => (kv.Key, kv.Value))]) };

    [Theory]
    [InlineData("1.35")]
    [InlineData("1.36")]
    [InlineData("1.37")]
    public void Cases_carry_the_gates_they_need_and_are_admitted_under_them(string version)
    {
        var profile = Support.ProfileFor(version);
        var gen = RestartAllGen.Case(profile);
        Assert.NotNull(gen);
        int matching = 0;
        Assert.All(Seeds.Sample(gen!, ReplaySeed.Of(9101), 100), c =>
        {
            var under = With(profile, c.Gates);
            Assert.True(under.IsEnabled(FeatureGateNames.RestartAllContainersOnContainerExits));
            Assert.True(PodGen.IsAdmitted(c.Pod, under), c.Pod.ToString());
            if (c.Gates.IsEmpty)
            {
                // 1.36+: RestartAllContainersOnContainerExits and its dependencies are on by default.
                Assert.True(profile.Version >= new KubernetesVersion(1, 36));
            }
            else
            {
                Assert.False(PodGen.IsAdmitted(c.Pod, profile), "without its gates the RestartAllContainers action is rejected: " + c.Pod);
            }
            var source = c.Pod.Spec.Containers.Single(k => !k.RestartPolicyRules.IsEmpty);
            int exit = c.Scenario.Pods[c.Pod.Metadata.Name].Containers[source.Name].Runs[0].ExitCode!.Value;
            matching += ContainerRestartPolicy.FindMatchingRule(source, exit)?.Action == ContainerRestartPolicy.ActionRestartAllContainers ? 1 : 0;
        });
        Assert.InRange(matching, 50, 95);
    }

    [Fact]
    public void No_cases_where_the_release_lacks_the_gate_or_the_run_turned_it_off()
    {
        Assert.Null(RestartAllGen.Case(Support.ProfileFor("1.34")));
        var off = Profile.Default with { Overrides = ValueMap.Of((FeatureGateNames.RestartAllContainersOnContainerExits, false)) };
        Assert.Null(RestartAllGen.Case(off));
        Assert.Null(RestartAllGen.GatesFor(off));
    }

    [Fact]
    public void Under_1_35_the_alpha_dependency_is_turned_on_too()
    {
        var gates = RestartAllGen.GatesFor(Support.ProfileFor("1.35"))!.Value;
        Assert.True(gates[FeatureGateNames.RestartAllContainersOnContainerExits]);
        Assert.True(gates["NodeDeclaredFeatures"]);
        Assert.False(RestartAllGen.GatesFor(Profile.Default)!.Value.ContainsKey("NodeDeclaredFeatures"));
    }

    [Fact]
    public void Signal_episodes_are_well_formed_and_reach_disk_and_pid_pressure()
    {
        var profile = Profile.Default;
        int disk = 0, pid = 0, layouts = 0;
        var seen = new HashSet<Model.Eviction.DiskLayout>();
        foreach (var c in Seeds.Sample(SignalPressureGen.Case, ReplaySeed.Of(9102), 200))
        {
            Assert.All(c.Pods, p => Assert.True(PodGen.IsAdmitted(p, profile), p.ToString()));
            Assert.True(NodePressureSimulator.Thresholds(c.Scenario, profile).Ok);
            var run = NodePressureSimulator.Run([.. c.Pods], c.Scenario, profile);
            disk += c.Scenario.NodeFs is not null && run.Order.Count > 0 ? 1 : 0;
            pid += c.Scenario.Pids is not null && run.Order.Count > 0 ? 1 : 0;
            if (c.Scenario.NodeFs is not null && seen.Add(c.Scenario.DiskLayout))
            {
                layouts++;
            }
        }

        Assert.True(disk >= 10 && pid >= 5, $"{disk} disk and {pid} PID episodes evicted someone");
        Assert.Equal(3, layouts);
    }
    /// <summary>
    /// SignalPressureGen.StorageRequests: every episode evicts from the first cycle, and the ephemeral-storage requests decide
    /// its order: without them (every pod exceeding its request by its whole use) most episodes evict in another order.
    /// </summary>
    [Fact]
    public void Storage_request_episodes_evict_in_an_order_the_requests_decide()
    {
        var profile = Profile.Default;
        int cases = 0, changed = 0;
        foreach (var c in Seeds.Sample(SignalPressureGen.StorageRequests, ReplaySeed.Of(9103), 100))
        {
            cases++;
            Assert.All(c.Pods, p => Assert.True(PodGen.IsAdmitted(p, profile), p.ToString()));
            var run = NodePressureSimulator.Run([.. c.Pods], c.Scenario, profile);
            Assert.NotEmpty(run.Order);
            var withoutRequests = c.Pods.Select(p => p with { Spec = p.Spec with { Containers = [.. p.Spec.Containers.Select(k => k with { Resources = Model.Api.ResourceRequirements.Empty })] } }).ToList();
            changed += NodePressureSimulator.Run(withoutRequests, c.Scenario, profile).Order != run.Order ? 1 : 0;
        }

        Assert.True(changed * 10 >= cases * 7, $"the requests decide the order in {changed} of {cases} episodes");
    }
}
