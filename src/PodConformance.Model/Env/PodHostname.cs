using System.Globalization;
using PodConformance.Model.Api;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Model.ContainerEnv;

/// <summary>
/// The pod's hostname as the container sees it (ENV-012…014): the kubelet's GeneratePodHostNameAndDomain and
/// GetNodenameForKernel (the name the sandbox gets), and the container runtime's HOSTNAME variable.
/// </summary>
public static class PodHostname
{
    /// <summary>The kubelet's <c>clusterDomain</c> the model assumes (kubeadm's default; the kubelet's own default is empty).</summary>
    public const string DefaultClusterDomain = "cluster.local";

    /// <summary>The variable containerd's CRI plugin sets from the sandbox hostname.</summary>
    public const string HostnameVariable = "HOSTNAME";

    private const int HostnameMaxLen = 63;
    private const int FqdnMaxLen = 64;

    /// <summary>
    /// ENV-012 GeneratePodHostNameAndDomain: spec.hostname (a DNS-1123 label) or the pod's name, cut to 63 characters
    /// with trailing <c>-</c> and <c>.</c> removed; the domain <c>&lt;subdomain&gt;.&lt;namespace&gt;.svc.&lt;clusterDomain&gt;</c>
    /// when spec.subdomain is set. With HostnameOverride on (1.34+) a set spec.hostnameOverride (a DNS-1123 subdomain) is the
    /// hostname instead, cut the same way, with no domain (so setHostnameAsFQDN has nothing to add).
    /// </summary>
    public static bool TryGenerate(Pod pod, string clusterDomain, Profile profile, out string hostname, out string domain, out EnvError? error)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(profile);
        Coverage.RuleCoverage.Hit(EnvRules.Hostname);
        hostname = pod.Metadata.Name;
        domain = "";
        if (pod.Spec.HostnameOverride is { } overridden && profile.IsEnabled(FeatureGateNames.HostnameOverride))
        {
            // 1.34+: the override replaces hostname and subdomain alike, a DNS-1123 subdomain, cut as a name is, with no domain.
            if (NameRules.Dns1123Subdomain(overridden) is { Length: > 0 } subdomainMsgs)
            {
                error = new EnvError(EnvRules.Hostname, "pod HostnameOverride " + GoQuote.Quote(overridden) + " is not a valid DNS subdomain: " + string.Join(";", subdomainMsgs));
                return false;
            }

            return Truncate(pod, overridden, out hostname, out error);
        }

        if (pod.Spec.Hostname.Length > 0)
        {
            if (NameRules.Dns1123Label(pod.Spec.Hostname, profile.Version) is { Length: > 0 } msgs)
            {
                error = new EnvError(EnvRules.Hostname, "pod Hostname " + GoQuote.Quote(pod.Spec.Hostname) + " is not a valid DNS label: " + string.Join(";", msgs));
                return false;
            }

            hostname = pod.Spec.Hostname;
        }

        if (!Truncate(pod, hostname, out hostname, out error))
        {
            return false;
        }

        if (pod.Spec.Subdomain.Length > 0)
        {
            if (NameRules.Dns1123Label(pod.Spec.Subdomain, profile.Version) is { Length: > 0 } msgs)
            {
                error = new EnvError(EnvRules.Hostname, "pod Subdomain " + GoQuote.Quote(pod.Spec.Subdomain) + " is not a valid DNS label: " + string.Join(";", msgs));
                return false;
            }

            domain = pod.Spec.Subdomain + "." + pod.Metadata.Namespace + ".svc." + clusterDomain;
        }

        error = null;
        return true;
    }

    /// <summary>truncatePodHostnameIfNeeded: over 63 characters, the first 63 without trailing <c>-</c> and <c>.</c>; none left is an error.</summary>
    private static bool Truncate(Pod pod, string hostname, out string result, out EnvError? error)
    {
        result = hostname;
        error = null;
        if (hostname.Length <= HostnameMaxLen)
        {
            return true;
        }

        string truncated = hostname[..HostnameMaxLen].TrimEnd('-', '.');
        if (truncated.Length == 0)
        {
            error = new EnvError(EnvRules.Hostname, "hostname for pod " + GoQuote.Quote(pod.Metadata.Name) + " was invalid: " + GoQuote.Quote(hostname));
            return false;
        }

        result = truncated;
        return true;
    }

    /// <summary>
    /// ENV-013 GetNodenameForKernel: the FQDN <c>hostname.domain</c> when there is a domain and setHostnameAsFQDN is
    /// true (at most 64 characters, else the kubelet's error), else the hostname.
    /// </summary>
    public static bool TryKernelHostname(string hostname, string domain, bool? setHostnameAsFQDN, out string name, out EnvError? error)
    {
        ArgumentNullException.ThrowIfNull(hostname);
        ArgumentNullException.ThrowIfNull(domain);
        Coverage.RuleCoverage.Hit(EnvRules.KernelHostname);
        name = hostname;
        error = null;
        if (domain.Length > 0 && setHostnameAsFQDN == true)
        {
            string fqdn = hostname + "." + domain;
            if (fqdn.Length > FqdnMaxLen)
            {
                name = "";
                error = new EnvError(EnvRules.KernelHostname, string.Create(CultureInfo.InvariantCulture,
                    $"failed to construct FQDN from pod hostname and cluster domain, FQDN {fqdn} is too long ({FqdnMaxLen} characters is the max, {fqdn.Length} characters requested)"));
                return false;
            }

            name = fqdn;
        }

        return true;
    }

    /// <summary>
    /// ENV-014 the HOSTNAME a container sees: the sandbox hostname (ENV-012/013), or for a hostNetwork pod the node's own
    /// hostname (the model uses the node's name as a stand-in). Null with an error when the kubelet cannot make one.
    /// </summary>
    public static bool TryContainerHostname(Pod pod, Node? node, string clusterDomain, Profile profile, out string value, out EnvError? error)
    {
        ArgumentNullException.ThrowIfNull(pod);
        Coverage.RuleCoverage.Hit(EnvRules.HostnameVariable);
        if (pod.Spec.HostNetwork)
        {
            value = node?.Name ?? pod.Spec.NodeName;
            error = null;
            return true;
        }

        value = "";
        return TryGenerate(pod, clusterDomain, profile, out string hostname, out string domain, out error)
            && TryKernelHostname(hostname, domain, pod.Spec.SetHostnameAsFQDN, out value, out error);
    }
}
