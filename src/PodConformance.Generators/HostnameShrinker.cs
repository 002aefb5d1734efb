using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Generators;

/// <summary>
/// Shrinks a <see cref="HostnameGen"/> case toward the plainest pod that still shows its HOSTNAME or pod IPs: the naming
/// fields left out one at a time (hostnameOverride or a shorter one, setHostnameAsFQDN, spec.hostname, spec.subdomain, hostNetwork, the namespace), each
/// long name replaced by a shorter one of <see cref="HostnameGen"/>'s (so a name cut at 63 characters stays possible
/// while it matters), then what <see cref="ScenarioShrinker"/> removes (the env entries, the runtime's IPs). Each naming
/// candidate has fewer fields set or shorter names, and none makes the scenario larger.
/// </summary>
public static class HostnameShrinker
{
    public static IEnumerable<ScenarioCase> Shrink(ScenarioCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var pod = c.Pod;
        var spec = pod.Spec;
        if (spec.HostnameOverride is { } overridden)
        {
            yield return c with { Pod = pod with { Spec = spec with { HostnameOverride = null } } };
            foreach (string shorter in Shorter(HostnameGen.HostnameOverrides, overridden))
            {
                yield return c with { Pod = pod with { Spec = spec with { HostnameOverride = shorter } } };
            }
        }

        if (spec.SetHostnameAsFQDN is not null)
        {
            yield return c with { Pod = pod with { Spec = spec with { SetHostnameAsFQDN = null } } };
        }

        foreach (string hostname in Shorter(HostnameGen.Hostnames, spec.Hostname))
        {
            yield return c with { Pod = pod with { Spec = spec with { Hostname = hostname } } };
        }

        foreach (string subdomain in Shorter(HostnameGen.Subdomains, spec.Subdomain))
        {
            yield return c with { Pod = pod with { Spec = spec with { Subdomain = subdomain } } };
        }

        if (spec.HostNetwork)
        {
            yield return c with { Pod = pod with { Spec = spec with { HostNetwork = false } } };
        }

        if (pod.Metadata.Namespace.Length != 0 && pod.Metadata.Namespace != "default")
        {
            yield return c with { Pod = pod with { Metadata = pod.Metadata with { Namespace = "default" } } };
        }

        foreach (string name in Shorter(HostnameGen.Names, pod.Metadata.Name))
        {
            yield return Renamed(c, name);
        }

        foreach (var smaller in ScenarioShrinker.Shrink(c))
        {
            yield return smaller;
        }
    }

    /// <summary>The values of <paramref name="choices"/> shorter than <paramref name="current"/>, shortest first.</summary>
    private static IEnumerable<string> Shorter(IReadOnlyList<string> choices, string current) =>
        choices.Where(v => v.Length < current.Length).OrderBy(v => v.Length).ThenBy(v => v, StringComparer.Ordinal);

    /// <summary>The pod under another name, its script (the runtime's IPs) following it.</summary>
    private static ScenarioCase Renamed(ScenarioCase c, string name)
    {
        string old = c.Pod.Metadata.Name;
        var pods = c.Scenario.Pods.TryGetValue(old, out var script) ? c.Scenario.Pods.Remove(old).SetItem(name, script) : c.Scenario.Pods;
        return new ScenarioCase(c.Pod with { Metadata = c.Pod.Metadata with { Name = name } }, c.Scenario with { Pods = pods });
    }
}
