using FsCheck.Fluent;
using PodConformance.Generators;
using PodConformance.Model.ContainerEnv;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;

namespace PodConformance.Suite.Rules;

public static partial class Catalog
{
    /// <summary>
    /// Env: pods using every env form against generated ConfigMaps, Secrets, Services and node facts; the adapter's
    /// per-container environment (Secret values masked) and CreateContainerConfigError messages must equal the model's.
    /// </summary>
    private static IEnumerable<ConformanceProperty> Env()
    {
        yield return new ConformanceProperty
        {
            Id = "P-ENV-RESOLVE",
            Title = "Each container's resolved environment (envFrom, env, expansion, Downward API) equals Kubernetes'",
            Covers = [.. RuleIds.Of(typeof(EnvRules), EnvRules.ServiceLinksRequired), .. RuleIds.Of(typeof(ExpandRules), ExpandRules.CommandArgs, ExpandRules.SubPathExpr), .. RuleIds.Of(typeof(DownwardRules))],
            Spec = "spec/env.md",
            Source = "pkg/kubelet/kubelet_pods.go (makeEnvironmentVariables), third_party/forked/golang/expansion",
            Needs = Capability.Env,
            Weight = 5, // every env form, Downward API path and object state is a branch of its own: five times the count (the self-check needed it for a bent metadata.namespace at every seed)
            // At 1.34 some cases turn EnvFiles on as their own gate, so 1.34's env-file parser is reached (ENV-017).
            Cases = profile => EnvGen.GatedCaseFor(profile).Select(c => (ConformanceCase)new PodCase(c.Pod) { Objects = c.Objects, Gates = c.Gates }),
            Shrink = ShrinkEnv,
            Compare = (_, e, a) => EnvFacet.Compare(e.Env, a.Env),
            // A pod the create refuses has no environment; saying so beats "<no env observation>" (podconf diff: a 1.37-only
            // fileKeyRef dropped by 1.33's decoding leaves an empty valueFrom, which 1.33's validation refuses).
            View = o => o.Admission is { Accepted: false } ? ["rejected at create"] : EnvFacet.View(o.Env),
        };
    }

    private static IEnumerable<ConformanceCase> ShrinkEnv(ConformanceCase c) =>
        c is PodCase p
            ? EnvShrinker.Shrink(new EnvCase(p.Pod, p.Objects ?? EnvInputs.Empty)).Select(e => (ConformanceCase)new PodCase(e.Pod, p.Scenario) { Objects = e.Objects, Gates = p.Gates })
            : [];
}
