using FsCheck.Fluent;
using PodConformance.Generators;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Eviction;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Rules;

public static partial class Catalog
{
    /// <summary>
    /// Properties whose facets exist in <see cref="Observation"/> but that cannot run yet: the scenario format has
    /// no ConfigMaps, Secrets, Services or node usage stats, and the model adapter does not observe env or eviction.
    /// They are defined (metadata, comparison) so the rules are accounted for, and always report Skipped with the
    /// reason — never Passed.
    /// </summary>
    private static IEnumerable<ConformanceProperty> PendingAreas()
    {
        static IReadOnlyList<string> EnvView(Observation o) => o.Env is { } e
            ? [.. e.Containers.SelectMany(c => c.Value.Select(v => c.Key + ": " + v.Key + "=" + v.Value)), .. e.Errors.Select(kv => kv.Key + ": error " + kv.Value)]
            : ["<no env observation>"];

        yield return new ConformanceProperty
        {
            Id = "P-ENV-RESOLVE",
            Title = "Each container's resolved environment (envFrom, env, expansion, Downward API) equals Kubernetes'",
            Covers = [.. RuleIds.Of(typeof(EnvRules)), .. RuleIds.Of(typeof(ExpandRules)), .. RuleIds.Of(typeof(DownwardRules))],
            Spec = "spec/env.md",
            Source = "pkg/kubelet/kubelet_pods.go (makeEnvironmentVariables), third_party/forked/golang/expansion",
            Needs = Capability.Env,
            Pending = "scenarios cannot hold ConfigMaps, Secrets or Services yet, and the model adapter does not observe env",
            Cases = _ => PodGen.Valid.Select(p => (ConformanceCase)new PodCase(p)),
            Shrink = ShrinkPod,
            Compare = Verdicts.ByView(EnvView),
            View = EnvView,
        };

        static IReadOnlyList<string> EvictionView(Observation o) => o.Eviction is { } e
            ? [.. e.Order.Select(p => "evict " + p), .. e.NeverEvicted.Select(p => "never " + p)]
            : ["<no eviction observation>"];

        yield return new ConformanceProperty
        {
            Id = "P-EVICT-ORDER",
            Title = "Under node pressure, pods are admitted, ranked and evicted as the kubelet's eviction manager does",
            Covers = RuleIds.Of(typeof(EvictionRules)),
            Spec = "spec/eviction.md",
            Source = "pkg/kubelet/eviction/{eviction_manager,helpers}.go, pkg/kubelet/lifecycle/predicate.go",
            Needs = Capability.Eviction,
            Flags = PropertyFlags.Disruptive | PropertyFlags.Slow,
            Pending = "scenarios cannot describe node usage stats yet, and the model adapter does not observe eviction",
            Cases = _ => PodGen.Valid.Select(p => (ConformanceCase)new PodCase(p)),
            Shrink = ShrinkPod,
            Compare = Verdicts.ByView(EvictionView),
            View = EvictionView,
        };
    }
}
