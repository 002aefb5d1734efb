using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Scheduling;

/// <summary>
/// The node-declared features a pod can require at scheduling (k8s.io/component-helpers nodedeclaredfeatures, the
/// registry <c>features.AllFeatures</c> of each release) and what a kubelet declares for them. Only the registry's
/// features whose <c>InferForScheduling</c> can return true are here: every other one answers false in the releases
/// read (they matter to pod updates, SCHED-021). Names sort as Go's <c>strings.Compare</c> (ordinal).
/// </summary>
public static class DeclaredFeatures
{
    /// <summary>restartallcontainers: a container or init container with a <c>RestartAllContainers</c> rule (1.35+).</summary>
    public const string RestartAllContainersOnContainerExits = FeatureGateNames.RestartAllContainersOnContainerExits;

    /// <summary>usernamespaceshostnetwork: <c>hostNetwork: true</c> with <c>hostUsers: false</c> (registered from 1.36).</summary>
    public const string UserNamespacesHostNetworkSupport = FeatureGateNames.UserNamespacesHostNetworkSupport;

    /// <summary>volumebindmountoptions: a volume mount of any container kind with <c>bindMountOptions</c> (1.37).</summary>
    public const string VolumeBindMountOptions = FeatureGateNames.VolumeBindMountOptions;

    private static readonly KubernetesVersion V135 = new(1, 35);
    private static readonly KubernetesVersion V136 = new(1, 36);
    private static readonly KubernetesVersion V137 = new(1, 37);

    /// <summary>
    /// <c>Framework.InferForPodScheduling</c> over the release's registry (SCHED-019): the features the pod's spec needs,
    /// sorted. Empty before 1.35 (no registry). No feature of these registries has a MaxVersion.
    /// </summary>
    public static ValueList<string> InferForScheduling(PodSpec spec, KubernetesVersion release)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (release < V135)
        {
            return ValueList<string>.Empty;
        }

        var needed = new List<string>(2);
        if (HasRestartAllRule(spec))
        {
            needed.Add(RestartAllContainersOnContainerExits);
        }

        if (release >= V136 && spec.HostNetwork && spec.HostUsers == false)
        {
            needed.Add(UserNamespacesHostNetworkSupport);
        }

        if (release >= V137 && HasBindMountOptions(spec))
        {
            needed.Add(VolumeBindMountOptions);
        }

        needed.Sort(StringComparer.Ordinal);
        return needed.ToValueList();
    }

    /// <summary>
    /// What a kubelet declares of <see cref="InferForScheduling"/>'s features when a scenario node does not say (SCHED-020):
    /// nothing unless NodeDeclaredFeatures is on; then RestartAllContainersOnContainerExits when its gate is on. The two
    /// whose <c>Discover</c> also needs a container runtime capability (user namespaces with host network, mount options)
    /// are not declared: the model's runtime reports neither.
    /// </summary>
    public static ValueList<string> DiscoveredByKubelet(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Version >= V135 && profile.IsEnabled(FeatureGateNames.NodeDeclaredFeatures)
            && profile.IsEnabled(FeatureGateNames.RestartAllContainersOnContainerExits)
            ? ValueList.Of(RestartAllContainersOnContainerExits)
            : ValueList<string>.Empty;
    }

    /// <summary>The node's declared features: the scenario's list, or the kubelet's (<see cref="DiscoveredByKubelet"/>).</summary>
    public static ValueList<string> Of(Node node, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.DeclaredFeatures ?? DiscoveredByKubelet(profile);
    }

    private static bool HasRestartAllRule(PodSpec spec)
    {
        foreach (var c in spec.Containers)
        {
            foreach (var rule in c.RestartPolicyRules)
            {
                if (string.Equals(rule.Action, ContainerRestartPolicy.ActionRestartAllContainers, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        foreach (var c in spec.InitContainers)
        {
            foreach (var rule in c.RestartPolicyRules)
            {
                if (string.Equals(rule.Action, ContainerRestartPolicy.ActionRestartAllContainers, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasBindMountOptions(PodSpec spec) =>
        AnyBindMountOptions(spec.Containers) || AnyBindMountOptions(spec.InitContainers) || AnyBindMountOptions(spec.EphemeralContainers);

    private static bool AnyBindMountOptions(ValueList<Container> containers)
    {
        foreach (var c in containers)
        {
            foreach (var m in c.VolumeMounts)
            {
                if (!m.BindMountOptions.IsEmpty)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
