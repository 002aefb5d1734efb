using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;

namespace PodConformance.Suite.Tests;

/// <summary>The model adapter's env (masked) and eviction facets.</summary>
public class ModelAdapterNodeTests
{
    private static Pod EnvPod() => new()
    {
        Metadata = new ObjectMeta { Name = "web" },
        Spec = new PodSpec
        {
            Containers =
            [
                new Container
                {
                    Name = "app",
                    Image = "x",
                    Env =
                    [
                        new EnvVar { Name = "MODE", Value = "fast" },
                        new EnvVar { Name = "PASSWORD", ValueFrom = new EnvVarSource { SecretKeyRef = new KeySelector { Name = "creds", Key = "password" } } },
                        new EnvVar { Name = "NODE", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = "spec.nodeName" } } },
                    ],
                },
            ],
        },
    };

    [Fact]
    public void Env_is_observed_with_Secret_values_masked()
    {
        var testCase = new PodCase(EnvPod()) { Objects = new EnvInputs { Secrets = ValueMap.Of(("creds", ValueMap.Of(("password", "hunter2")))) } };
        Assert.True((new ModelAdapter().Capabilities & Capability.Env) != 0);
        var env = ModelAdapter.Run(testCase, Profile.Default).Env!;
        Assert.Equal("fast", env.Containers["app"]["MODE"]);
        Assert.Equal("<secret:creds/password>", env.Containers["app"]["PASSWORD"]);
        Assert.Equal("node-1", env.Containers["app"]["NODE"]);
        Assert.True(env.Errors.IsEmpty);
    }

    [Fact]
    public void Env_errors_are_the_kubelet_messages_and_PodCase_without_objects_still_works()
    {
        var env = ModelAdapter.Run(new PodCase(EnvPod(), new Scenario()), Profile.Default).Env!;
        Assert.Equal("secret \"creds\" not found", env.Errors["app"]);
        Assert.False(env.Containers.ContainsKey("app"));
    }

    [Fact]
    public void Eviction_is_observed_as_the_order_and_the_critical_pods()
    {
        Pod P(string name, int priority) => new() { Metadata = new ObjectMeta { Name = name }, Spec = new PodSpec { Priority = priority, Containers = [new Container { Name = "c", Image = "x" }] } };
        UsageSample Uses(string q) => new() { Pod = Quantity.Parse(q) };
        var scenario = new NodeScenario
        {
            Node = new Node { Name = "n", Capacity = ValueMap.Of(("memory", Quantity.Parse("100Mi"))) },
            EvictionHard = ValueMap.Of(("memory.available", "100Mi")),
            Usage = ValueMap.Of(("best-effort", (ValueList<UsageSample>)[Uses("1Mi")]), ("low", (ValueList<UsageSample>)[Uses("2Mi")]), ("agent", (ValueList<UsageSample>)[Uses("1Mi")])),
        };
        var o = ModelAdapter.Run(new NodePressureCase([P("best-effort", 1), P("low", 0), P("agent", 2_000_000_000)], scenario), Profile.Default).Eviction!;
        Assert.Equal(["low", "best-effort"], o.Order.ToArray());
        Assert.Equal(["agent"], o.NeverEvicted.ToArray());
    }
}
