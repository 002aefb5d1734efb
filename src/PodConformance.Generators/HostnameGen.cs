using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Simulation;

namespace PodConformance.Generators;

/// <summary>
/// Pods for HOSTNAME and the pod IPs a container sees (ENV-012…015): names short and long (some cut at 63 characters
/// right before a <c>-</c> or <c>.</c>), spec.hostname, spec.subdomain and setHostnameAsFQDN in every combination
/// (FQDNs under and over 64 characters), spec.hostnameOverride in a third of the cases, two namespaces, hostNetwork now and then, and containers that read
/// status.podIP/podIPs, with the runtime's IPs from the scenario (IPv4, IPv6, both) or none.
/// </summary>
public static class HostnameGen
{
    private static readonly EnvVar[] IpVars =
    [
        new() { Name = "POD_IP", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = "status.podIP" } } },
        new() { Name = "POD_IPS", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = "status.podIPs" } } },
    ];

    public static IReadOnlyList<string> Names { get; } =
        ["web", "db-0", new string('a', 62) + "-b", new string('c', 62) + ".d", new string('e', 70)];

    public static IReadOnlyList<string> Hostnames { get; } = ["", "box", new string('h', 40)];

    public static IReadOnlyList<string> Subdomains { get; } = ["", "grp", new string('s', 20)];

    /// <summary>
    /// spec.hostnameOverride values (ENV-012 with HostnameOverride on, 1.34+; VAL-076): a label, a dotted DNS-1123 subdomain, two
    /// of 64 characters (the most VAL-076 lets through) that the kubelet cuts to 63 — one right before a <c>.</c>, which goes too —
    /// and one that is no DNS-1123 subdomain, which validation refuses at create (so the kubelet's own error for it is not
    /// reached through a create: it checks what validation already has).
    /// </summary>
    public static IReadOnlyList<string> HostnameOverrides { get; } =
        ["web-override", "node-a.example.com", new string('o', 62) + ".x", new string('p', 64), "Bad_Name"];

    /// <summary>
    /// One case in three sets <see cref="HostnameOverrides"/>; such a pod keeps spec.hostname and spec.subdomain (the override
    /// replaces both) but not hostNetwork or setHostnameAsFQDN: true, which VAL-076 forbids beside it.
    /// </summary>
    public static Gen<ScenarioCase> Case { get; } =
        from name in Gen.Elements(Names.ToArray())
        from ns in Gen.Elements("default", "team-a")
        from hostname in Gen.Elements(Hostnames.ToArray())
        from subdomain in Gen.Elements(Subdomains.ToArray())
        from fqdn in Gen.Elements<bool?>(null, false, true)
        from hostNetwork in GenSequence.Chance(10)
        from readsIps in GenSequence.Chance(70)
        from ips in Gen.Elements(Array.Empty<string>(), ["10.1.0.7"], ["fd00::7"], ["fd00::7", "10.1.0.7"])
        from overridden in Gen.Frequency((2, Gen.Constant<string?>(null)), (1, Gen.Elements(HostnameOverrides.ToArray()).Select(o => (string?)o)))
        select new ScenarioCase(
            new Pod
            {
                Metadata = new ObjectMeta { Name = name, Namespace = ns },
                Spec = new PodSpec
                {
                    Hostname = hostname,
                    Subdomain = subdomain,
                    SetHostnameAsFQDN = overridden is not null && fqdn == true ? false : fqdn,
                    HostNetwork = hostNetwork && overridden is null,
                    HostnameOverride = overridden,
                    Containers = ValueList.Of(new Container { Name = "app", Image = "busybox:1.36", Env = readsIps ? new ValueList<EnvVar>(IpVars) : default }),
                },
            },
            new Scenario { Pods = ips.Length == 0 ? default : ValueMap.Of((name, new PodScript { PodIPs = ips })) });
}
