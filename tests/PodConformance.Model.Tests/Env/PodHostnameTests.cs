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
}
