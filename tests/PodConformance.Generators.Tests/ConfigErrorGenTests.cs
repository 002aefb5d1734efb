using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Simulation;

namespace PodConformance.Generators.Tests;

public sealed class ConfigErrorGenTests
{
    [Property(Replay = "(7001,37)", MaxTest = 200)]
    public Property Cases_are_valid_and_steps_create_only_objects_the_scenario_lacks() =>
        Prop.ForAll(Arb.From(ConfigErrorGen.Case), c =>
            PodGen.IsAdmitted(c.Pod, Profile.Default)
            && c.Scenario.Steps.All(s => s.Create is { } o && !c.Scenario.Objects.Any(x => x.Name == o.Name)));

    [Fact]
    public void A_sample_fails_for_every_reason_and_also_succeeds()
    {
        // The config check on the generated pods against the scenario's initial objects: each kind of failure occurs.
        var messages = new HashSet<string>(StringComparer.Ordinal);
        int ok = 0;
        foreach (var c in Seeds.Sample(ConfigErrorGen.Case, ReplaySeed.Of(7002), 300))
        {
            var pod = PodDefaulter.Apply(c.Pod, Profile.Default) is var p ? p with { Metadata = p.Metadata with { Namespace = "default" } } : null!;
            var inputs = ClusterObject.InputsFor(c.Scenario.Objects, "default", new EnvInputs { Node = Scenario.DefaultNode });
            foreach (var container in pod.Spec.InitContainers.Concat(pod.Spec.Containers))
            {
                if (ContainerConfig.Check(pod, container, inputs, Profile.Default) is { } error)
                {
                    messages.Add(error.Message);
                }
                else
                {
                    ok++;
                }
            }
        }

        Assert.Contains("configmap \"cfg\" not found", messages);
        Assert.Contains("secret \"creds\" not found", messages);
        Assert.Contains("couldn't find key level in ConfigMap default/cfg", messages);
        Assert.Contains("missing value for UNSET", messages);
        Assert.Contains("missing value for EMPTY", messages);
        Assert.True(ok > 100);
    }
}
