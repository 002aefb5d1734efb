using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.ContainerEnv;

/// <summary>
/// A container's environment as the process sees it (<c>kubectl exec … env</c>), as far as the model can know it: the
/// kubelet's variables (<see cref="EnvironmentBuilder"/>) and the runtime's HOSTNAME (ENV-014). What only the image
/// knows (PATH, the image's ENV) is left out and said so (<see cref="ImageVariablesNote"/>).
/// </summary>
public static class ContainerView
{
    /// <summary>Printed wherever an environment is shown: the variables podconf cannot know.</summary>
    public const string ImageVariablesNote =
        "PATH and any other variable the image's config sets come from the image, which podconf does not read; containerd adds a default PATH when the image has none";

    /// <summary>
    /// The kubelet's result plus <c>HOSTNAME=&lt;hostname&gt;</c> unless the container defines HOSTNAME itself (containerd
    /// sets HOSTNAME first, then the image's and the container's variables, a later value replacing an earlier one).
    /// Variables stay sorted by name (ENV-008). An error result is returned as it is.
    /// </summary>
    public static EnvResult WithRuntimeVariables(EnvResult result, string hostname)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(hostname);
        if (result.Error is not null || result.Find(PodHostname.HostnameVariable) is not null)
        {
            return result;
        }

        var list = new List<EnvVariable>(result.Variables.Count + 1);
        list.AddRange(result.Variables);
        list.Add(new EnvVariable(PodHostname.HostnameVariable, hostname, EnvSource.Runtime, "container runtime"));
        list.Sort(static (a, b) => Utf8OrdinalComparer.Instance.Compare(a.Name, b.Name));
        return result with { Variables = list.ToValueList(), Rules = result.Rules.Add(EnvRules.HostnameVariable) };
    }

    /// <summary>
    /// The whole view for one container: the kubelet's environment, then HOSTNAME. The hostname's own errors (an invalid
    /// spec.hostname or subdomain, an FQDN over 64 characters) stop the pod's sandbox before any container, so they are
    /// returned as the result's error too.
    /// </summary>
    public static EnvResult Build(Pod pod, Container container, EnvInputs inputs, Profile profile, string clusterDomain = PodHostname.DefaultClusterDomain)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(inputs);
        if (!PodHostname.TryContainerHostname(pod, inputs.Node, clusterDomain, profile, out string hostname, out var hostnameError))
        {
            return new EnvResult { Error = hostnameError, Rules = ValueList.Of(hostnameError!.Rule) };
        }

        return WithRuntimeVariables(EnvironmentBuilder.Build(pod, container, inputs, profile), hostname);
    }
}
