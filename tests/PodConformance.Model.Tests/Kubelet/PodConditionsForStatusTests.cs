using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Profiles;
using PodConformance.Model.Simulation;
using static PodConformance.Model.Tests.Simulation.SimulatorFixtures;

namespace PodConformance.Model.Tests.Kubelet;

/// <summary>The simulator's allocation-lean condition generation (GenerateForStatus) gives what Generate gives.</summary>
public class PodConditionsForStatusTests
{
    [Fact]
    public void SameExceptTransitionTime_compares_every_other_property_of_PodCondition()
    {
        // If PodCondition gains a property, SameExceptTransitionTime must compare it too (and this list grow).
        var compared = new[] { "Type", "Status", "Reason", "Message", "LastProbeTime", "ObservedGeneration", "LastTransitionTime" };
        var properties = typeof(PodCondition).GetProperties().Where(p => p.Name != "EqualityContract").Select(p => p.Name);
        Assert.Equal(compared.Order(StringComparer.Ordinal), properties.Order(StringComparer.Ordinal));

        var a = new PodCondition { Type = "Ready", Status = "False", Reason = "R", Message = "m", LastTransitionTime = DateTimeOffset.UnixEpoch };
        Assert.True(PodConditionsGenerator.SameExceptTransitionTime(a, a with { LastTransitionTime = null }));
        Assert.False(PodConditionsGenerator.SameExceptTransitionTime(a, a with { Reason = "S" }));
        Assert.False(PodConditionsGenerator.SameExceptTransitionTime(a, a with { Message = "n" }));
        Assert.False(PodConditionsGenerator.SameExceptTransitionTime(a, a with { LastProbeTime = DateTimeOffset.UnixEpoch }));
        Assert.False(PodConditionsGenerator.SameExceptTransitionTime(a, a with { ObservedGeneration = 2 }));
    }

    public static TheoryData<string> Pods() => new() { "crash loop", "sidecar and readiness gate", "init then app" };

    [Theory]
    [MemberData(nameof(Pods))]
    public void Every_snapshot_of_a_run_gets_the_conditions_Generate_gives(string name)
    {
        var (pod, scenario) = Case(name);
        var result = PodSimulator.Run([pod], scenario, Profile.Default);
        int compared = 0;
        var now = DateTimeOffset.UnixEpoch.AddDays(1);
        foreach (var snapshot in result.Timeline)
        {
            var p = snapshot.Pod;
            if (p.Status is not { Phase: { } phase } status)
            {
                continue;
            }

            foreach (bool sandboxReady in new[] { true, false })
            {
                var expected = PodConditionsGenerator.Generate(p, phase, sandboxReady, Profile.Default, now).Conditions;
                var actual = PodConditionsGenerator.GenerateForStatus(
                    p.Spec, status.Conditions, PodConditionsGenerator.AllStatuses(status), phase, sandboxReady,
                    Profile.Default.IsEnabled(FeatureGateNames.PodReadyToStartContainersCondition), now);
                Assert.Equal(expected, actual);
                compared++;
            }
        }

        Assert.True(compared >= 6, name + ": " + compared + " snapshots compared");
    }

    private static (Pod Pod, Scenario Scenario) Case(string name)
    {
        switch (name)
        {
            case "crash loop":
                return (Pod("crasher", "", null, C("app")), Script("crasher", "app", Exit(1, 5)) with { Until = TimeSpan.FromMinutes(20) });
            case "sidecar and readiness gate":
            {
                var pod = Pod("gated", "", [C("proxy") with { RestartPolicy = "Always" }], C("app"));
                pod = pod with { Spec = pod.Spec with { ReadinessGates = [new PodReadinessGate("example.com/ready")] } };
                return (pod, Script("gated", "app", Exit(0, 30)) with { Until = TimeSpan.FromMinutes(5) });
            }

            default:
                return (Pod("staged", "Never", [C("migrate")], C("app")), Script("staged", "migrate", Exit(0, 3)) with { Until = TimeSpan.FromMinutes(2) });
        }
    }
}
