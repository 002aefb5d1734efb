using FsCheck.Fluent;
using PodConformance.Generators;
using PodConformance.Model.ContainerEnv;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Rules;

public static partial class Catalog
{
    /// <summary>HOSTNAME and the pod IPs a container sees (ENV-012…015).</summary>
    private static IEnumerable<ConformanceProperty> Hostname()
    {
        yield return new ConformanceProperty
        {
            Id = "P-ENV-HOSTNAME",
            Title = "A container sees HOSTNAME and its pod IPs as the kubelet and the runtime set them (hostnameOverride, hostname, subdomain, FQDN, 63-character names)",
            Covers = RuleIds.Explicit(EnvRules.Hostname, EnvRules.KernelHostname, EnvRules.HostnameVariable, EnvRules.DefaultPodIps, DownwardRules.PodIps),
            Spec = "spec/env.md",
            Source = "pkg/kubelet/kubelet_pods.go (GeneratePodHostNameAndDomain), pkg/kubelet/util/util.go (GetNodenameForKernel), containerd CRI (HOSTNAME)",
            Needs = Capability.Env,
            Cases = _ => HostnameGen.Case.Select(c => (ConformanceCase)new PodCase(c.Pod, c.Scenario)),
            Shrink = c => c is PodCase p ? HostnameShrinker.Shrink(new ScenarioCase(p.Pod, p.Scenario)).Select(s => (ConformanceCase)new PodCase(s.Pod, s.Scenario)) : [],
            Compare = Verdicts.ByView(HostnameView),
            View = HostnameView,
        };
    }

    /// <summary>Each container's HOSTNAME, POD_IP and POD_IPS (or its error); a pod the create refuses (a hostnameOverride VAL-076 refuses) says so.</summary>
    private static IReadOnlyList<string> HostnameView(Observation o) =>
        o.Admission is { Accepted: false } ? ["rejected at create"] : EnvFacet.View(o.Env).Where(l => l.Contains(": HOSTNAME=", StringComparison.Ordinal) || l.Contains(": POD_IP", StringComparison.Ordinal)
            || l.Contains(EnvError.Reason, StringComparison.Ordinal)).ToList();
}
