using FsCheck.Fluent;
using PodConformance.Generators;
using PodConformance.Model.ContainerEnv;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Rules;

public static partial class Catalog
{
    /// <summary>Config errors in the lifecycle: CreateContainerConfigError, its message and retries, and the start once the object exists.</summary>
    private static IEnumerable<ConformanceProperty> Config()
    {
        yield return new ConformanceProperty
        {
            Id = "P-LIFE-CONFIG",
            Title = "A container whose env or subPathExpr cannot be built waits in CreateContainerConfigError with the kubelet's message, and starts once the object exists",
            Covers = RuleIds.Explicit(EnvRules.ConfigError, EnvRules.ConfigCheckOrder, EnvRules.EnvFrom, EnvRules.KeyRef, ExpandRules.SubPathExpr, "SIM-014"),
            Spec = "spec/env.md",
            Source = "pkg/kubelet/kuberuntime/kuberuntime_container.go (startContainer), pkg/kubelet/kubelet_pods.go (makeEnvironmentVariables, makeMounts)",
            Needs = Capability.Lifecycle | Capability.Env,
            Cases = _ => ConfigErrorGen.Case.Select(c => (ConformanceCase)new PodCase(c.Pod, c.Scenario)),
            Shrink = ShrinkScenario,
            Compare = Verdicts.ByView(ConfigView),
            View = ConfigView,
        };
    }

    /// <summary>The kubectl row over time, then the events (Failed "Error: …" carries the kubelet's message).</summary>
    private static IReadOnlyList<string> ConfigView(Observation o)
    {
        if (o.Lifecycle is not { } l)
        {
            return ["<no lifecycle observation>"];
        }

        if (l.Rejected)
        {
            return ["rejected at create"];
        }

        var lines = new List<string>();
        foreach (var s in l.Samples)
        {
            Verdicts.AddDistinct(lines, s.Ready + " " + s.Status + " " + s.Restarts);
        }

        foreach (var e in l.Events)
        {
            Verdicts.AddDistinct(lines, e.Type + " " + e.Reason + " " + NormalizeMessage(e.Message));
        }

        return lines;
    }
}
