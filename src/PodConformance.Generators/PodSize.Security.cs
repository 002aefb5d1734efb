using PodConformance.Model.Api;

namespace PodConformance.Generators;

public static partial class PodSize
{
    /// <summary>Security and host settings: each present part counts, so removing it (PodShrinker) makes the pod smaller.</summary>
    private static int OfSecurity(PodSpec spec)
    {
        int size = Of(spec.SecurityContext) + Flag(spec.OS is not null)
            + Flag(spec.HostNetwork || spec.HostPID || spec.HostIPC || spec.HostUsers is not null || spec.ShareProcessNamespace is not null);
        foreach (var c in spec.Containers.AsSpan())
        {
            size += Of(c.SecurityContext);
        }

        foreach (var c in spec.InitContainers.AsSpan())
        {
            size += Of(c.SecurityContext);
        }

        return size;
    }

    /// <summary>
    /// A security context: ten for being there, and each field that is set once more, so the shrinker's one-field-at-a-time
    /// candidates are smaller too (before session 14 a context counted ten whatever it held, and those candidates never won).
    /// </summary>
    private static int Of(PodSecurityContext? c) => c is null ? 0 : (Flag(true) * 10)
        + Flag(c.SELinuxOptions is not null) + Flag(c.WindowsOptions is not null) + Flag(c.RunAsUser is not null) + Flag(c.RunAsGroup is not null)
        + Flag(c.RunAsNonRoot is not null) + Flag(!c.SupplementalGroups.IsEmpty) + Flag(c.SupplementalGroupsPolicy is not null) + Flag(c.FSGroup is not null)
        + Flag(!c.Sysctls.IsEmpty) + Flag(c.FSGroupChangePolicy is not null) + Flag(c.SeccompProfile is not null) + Flag(c.AppArmorProfile is not null)
        + Flag(c.SELinuxChangePolicy is not null);

    private static int Of(SecurityContext? c) => c is null ? 0 : (Flag(true) * 10)
        + Flag(c.Capabilities is not null) + Flag(c.Privileged is not null) + Flag(c.SELinuxOptions is not null) + Flag(c.WindowsOptions is not null)
        + Flag(c.RunAsUser is not null) + Flag(c.RunAsGroup is not null) + Flag(c.RunAsNonRoot is not null) + Flag(c.ReadOnlyRootFilesystem is not null)
        + Flag(c.AllowPrivilegeEscalation is not null) + Flag(c.ProcMount is not null) + Flag(c.SeccompProfile is not null) + Flag(c.AppArmorProfile is not null);
}
