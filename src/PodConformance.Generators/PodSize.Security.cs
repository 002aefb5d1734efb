using PodConformance.Model.Api;

namespace PodConformance.Generators;

public static partial class PodSize
{
    /// <summary>Security and host settings: each present part counts, so removing it (PodShrinker) makes the pod smaller.</summary>
    private static int OfSecurity(PodSpec spec)
    {
        int size = Flag(spec.SecurityContext is not null) * 10 + Flag(spec.OS is not null)
            + Flag(spec.HostNetwork || spec.HostPID || spec.HostIPC || spec.HostUsers is not null || spec.ShareProcessNamespace is not null);
        foreach (var c in spec.Containers.AsSpan())
        {
            size += Flag(c.SecurityContext is not null) * 10;
        }

        foreach (var c in spec.InitContainers.AsSpan())
        {
            size += Flag(c.SecurityContext is not null) * 10;
        }

        return size;
    }
}
