using PodConformance.Model.Api;

namespace PodConformance.Generators;

public static partial class PodShrinker
{
    /// <summary>Security and host settings, largest first: the whole pod security context, host flags, os, then each container's.</summary>
    private static IEnumerable<Pod> SecurityCandidates(Pod pod)
    {
        var spec = pod.Spec;
        if (spec.SecurityContext is not null)
        {
            yield return pod with { Spec = spec with { SecurityContext = null } };
        }

        if (spec.HostNetwork || spec.HostPID || spec.HostIPC || spec.HostUsers is not null || spec.ShareProcessNamespace is not null)
        {
            yield return pod with { Spec = spec with { HostNetwork = false, HostPID = false, HostIPC = false, HostUsers = null, ShareProcessNamespace = null } };
        }

        if (spec.OS is not null)
        {
            yield return pod with { Spec = spec with { OS = null } };
        }

        for (int i = 0; i < spec.Containers.Count; i++)
        {
            if (spec.Containers[i].SecurityContext is not null)
            {
                yield return pod with { Spec = spec with { Containers = spec.Containers.SetItem(i, spec.Containers[i] with { SecurityContext = null }) } };
            }
        }

        for (int i = 0; i < spec.InitContainers.Count; i++)
        {
            if (spec.InitContainers[i].SecurityContext is not null)
            {
                yield return pod with { Spec = spec with { InitContainers = spec.InitContainers.SetItem(i, spec.InitContainers[i] with { SecurityContext = null }) } };
            }
        }
    }
}
