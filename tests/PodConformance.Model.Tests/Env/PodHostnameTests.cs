using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.EnvSpec;

/// <summary>
/// ENV-012…014: kubelet_pods.go GeneratePodHostNameAndDomain / truncatePodHostnameIfNeeded and
/// pkg/kubelet/util GetNodenameForKernel (search-index copies, see spec/env.md), containerd's HOSTNAME.
/// </summary>
public class PodHostnameTests
{
    private static Pod P(string name, string hostname = "", string subdomain = "", bool? fqdn = null, bool hostNetwork = false) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "ns" },
        Spec = new PodSpec { Hostname = hostname, Subdomain = subdomain, SetHostnameAsFQDN = fqdn, HostNetwork = hostNetwork, NodeName = "node-1" },
    };

    private static string Hostname(Pod pod)
    {
        Assert.True(PodHostname.TryContainerHostname(pod, null, PodHostname.DefaultClusterDomain, Profile.Default, out string value, out var error), error?.Message);
        return value;
    }

    [Fact]
    public void A_long_pod_name_is_cut_to_63_characters_without_a_trailing_dash_or_dot()
    {
        string name = new string('a', 61) + "-.b";
        Assert.Equal(new string('a', 61), Hostname(P(name)));
        Assert.Equal(63, Hostname(P(new string('x', 80))).Length);
    }

    [Fact]
    public void Hostname_and_subdomain_give_the_fqdn_only_with_setHostnameAsFQDN()
    {
        Assert.Equal("box", Hostname(P("p", "box", "grp")));
        Assert.Equal("box.grp.ns.svc.cluster.local", Hostname(P("p", "box", "grp", fqdn: true)));
        Assert.Equal("p", Hostname(P("p", fqdn: true)));
        Assert.Equal("node-1", Hostname(P("p", "box", "grp", fqdn: true, hostNetwork: true)));
    }

    [Fact]
    public void An_invalid_hostname_is_the_kubelets_error_with_the_dns_label_messages()
    {
        Assert.False(PodHostname.TryGenerate(P("p", "Bad_Host"), "cluster.local", Profile.Default, out _, out _, out var error));
        Assert.StartsWith("pod Hostname \"Bad_Host\" is not a valid DNS label: ", error!.Message, StringComparison.Ordinal);
        Assert.Equal(EnvRules.Hostname, error.Rule);
    }

    [Fact]
    public void HOSTNAME_joins_the_environment_unless_the_container_defines_it()
    {
        var result = new EnvResult { Variables = ValueList.Of(new EnvVariable("A", "1", EnvSource.Value), new EnvVariable("Z", "2", EnvSource.Value)) };
        var seen = ContainerView.WithRuntimeVariables(result, "web");
        Assert.Equal(["A", "HOSTNAME", "Z"], seen.Variables.Select(v => v.Name));
        Assert.Equal(EnvSource.Runtime, seen.Find("HOSTNAME")!.Source);
        var own = new EnvResult { Variables = ValueList.Of(new EnvVariable("HOSTNAME", "mine", EnvSource.Value)) };
        Assert.Same(own, ContainerView.WithRuntimeVariables(own, "web"));
    }

    /// <summary>
    /// GeneratePodHostNameAndDomain's HostnameOverride branch, the same at 1.34, 1.35 and 1.36 (openshift/microshift
    /// release-4.21 473c3de15d9a, release-4.22 5019821e0eb2, release-5.0 ab25d11482f8,
    /// deps/github.com/openshift/kubernetes/pkg/kubelet/kubelet_pods.go).
    /// </summary>
    [Fact]
    public void HostnameOverride_replaces_hostname_and_domain_when_its_gate_is_on()
    {
        var on = new Profile(new KubernetesVersion(1, 34), ValueMap.Of((FeatureGateNames.HostnameOverride, true)));
        var off = new Profile(new KubernetesVersion(1, 34), ValueMap.Of((FeatureGateNames.HostnameOverride, false)));
        var pod = P("p", "box", "grp", fqdn: true) is var x ? x with { Spec = x.Spec with { HostnameOverride = "my.host.example" } } : null;
        Assert.True(PodHostname.TryContainerHostname(pod!, null, PodHostname.DefaultClusterDomain, on, out string value, out _));
        Assert.Equal("my.host.example", value);
        Assert.True(PodHostname.TryContainerHostname(pod!, null, PodHostname.DefaultClusterDomain, off, out value, out _));
        Assert.Equal("box.grp.ns.svc.cluster.local", value);

        var bad = pod! with { Spec = pod.Spec with { HostnameOverride = "Bad_Host" } };
        Assert.False(PodHostname.TryGenerate(bad, PodHostname.DefaultClusterDomain, on, out _, out _, out var error));
        Assert.StartsWith("pod HostnameOverride \"Bad_Host\" is not a valid DNS subdomain: ", error!.Message);

        var longer = pod with { Spec = pod.Spec with { HostnameOverride = new string('a', 62) + ".b.c" } };
        Assert.True(PodHostname.TryGenerate(longer, PodHostname.DefaultClusterDomain, on, out string hostname, out string domain, out _));
        Assert.Equal(new string('a', 62), hostname);
        Assert.Equal("", domain);
    }
}
