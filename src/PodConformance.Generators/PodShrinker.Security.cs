using PodConformance.Model.Api;

namespace PodConformance.Generators;

public static partial class PodShrinker
{
    /// <summary>Security and host settings, largest first: the whole pod security context, host flags, os, then each container's.</summary>
    private static IEnumerable<Pod> SecurityCandidates(Pod pod)
    {
        var spec = pod.Spec;
        if (spec.SecurityContext is { } podContext)
        {
            yield return pod with { Spec = spec with { SecurityContext = null } };

            // Then one field at a time: a drop or validation rule is usually about one field, and a context kept whole for
            // it carried a dozen lines into the counterexample (session 14, def-security-fields-kept-with-gates-off).
            foreach (var smaller in WithoutOneField(podContext))
            {
                yield return pod with { Spec = spec with { SecurityContext = smaller } };
            }
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
            if (spec.Containers[i].SecurityContext is { } context)
            {
                yield return pod with { Spec = spec with { Containers = spec.Containers.SetItem(i, spec.Containers[i] with { SecurityContext = null }) } };
                foreach (var smaller in WithoutOneField(context))
                {
                    yield return pod with { Spec = spec with { Containers = spec.Containers.SetItem(i, spec.Containers[i] with { SecurityContext = smaller }) } };
                }
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
    /// <summary>The pod security context with each field that is set removed in turn.</summary>
    private static IEnumerable<PodSecurityContext> WithoutOneField(PodSecurityContext c)
    {
        if (c.SELinuxOptions is not null) { yield return c with { SELinuxOptions = null }; }
        if (c.WindowsOptions is not null) { yield return c with { WindowsOptions = null }; }
        if (c.RunAsUser is not null) { yield return c with { RunAsUser = null }; }
        if (c.RunAsGroup is not null) { yield return c with { RunAsGroup = null }; }
        if (c.RunAsNonRoot is not null) { yield return c with { RunAsNonRoot = null }; }
        if (!c.SupplementalGroups.IsEmpty) { yield return c with { SupplementalGroups = default }; }
        if (c.SupplementalGroupsPolicy is not null) { yield return c with { SupplementalGroupsPolicy = null }; }
        if (c.FSGroup is not null) { yield return c with { FSGroup = null }; }
        if (!c.Sysctls.IsEmpty) { yield return c with { Sysctls = default }; }
        if (c.FSGroupChangePolicy is not null) { yield return c with { FSGroupChangePolicy = null }; }
        if (c.SeccompProfile is not null) { yield return c with { SeccompProfile = null }; }
        if (c.AppArmorProfile is not null) { yield return c with { AppArmorProfile = null }; }
        if (c.SELinuxChangePolicy is not null) { yield return c with { SELinuxChangePolicy = null }; }
    }

    /// <summary>A container security context with each field that is set removed in turn.</summary>
    private static IEnumerable<SecurityContext> WithoutOneField(SecurityContext c)
    {
        if (c.Capabilities is not null) { yield return c with { Capabilities = null }; }
        if (c.Privileged is not null) { yield return c with { Privileged = null }; }
        if (c.SELinuxOptions is not null) { yield return c with { SELinuxOptions = null }; }
        if (c.WindowsOptions is not null) { yield return c with { WindowsOptions = null }; }
        if (c.RunAsUser is not null) { yield return c with { RunAsUser = null }; }
        if (c.RunAsGroup is not null) { yield return c with { RunAsGroup = null }; }
        if (c.RunAsNonRoot is not null) { yield return c with { RunAsNonRoot = null }; }
        if (c.ReadOnlyRootFilesystem is not null) { yield return c with { ReadOnlyRootFilesystem = null }; }
        if (c.AllowPrivilegeEscalation is not null) { yield return c with { AllowPrivilegeEscalation = null }; }
        if (c.ProcMount is not null) { yield return c with { ProcMount = null }; }
        if (c.SeccompProfile is not null) { yield return c with { SeccompProfile = null }; }
        if (c.AppArmorProfile is not null) { yield return c with { AppArmorProfile = null }; }
    }
}
