using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Generators;

public static partial class PodShrinker
{
    /// <summary>
    /// Scheduling, DNS, naming and claim fields, then volumes nothing mounts or uses as a device: each removed whole, so an
    /// admission counterexample keeps only what its failure needs. A claim goes together with the containers' references to it.
    /// </summary>
    private static IEnumerable<Pod> PlacementCandidates(Pod pod)
    {
        var spec = pod.Spec;
        if (spec.Affinity is not null)
        {
            yield return pod with { Spec = spec with { Affinity = null } };
        }

        if (!spec.NodeSelector.IsEmpty)
        {
            yield return pod with { Spec = spec with { NodeSelector = default } };
        }

        if (!spec.Tolerations.IsEmpty)
        {
            yield return pod with { Spec = spec with { Tolerations = default } };
        }

        if (!spec.TopologySpreadConstraints.IsEmpty)
        {
            yield return pod with { Spec = spec with { TopologySpreadConstraints = default } };
        }

        if (spec.DNSConfig is not null || !spec.HostAliases.IsEmpty)
        {
            yield return pod with { Spec = spec with { DNSConfig = null, DnsPolicy = spec.DnsPolicy == "None" ? "" : spec.DnsPolicy, HostAliases = default } };
        }

        if (!spec.ReadinessGates.IsEmpty || !spec.SchedulingGates.IsEmpty || spec.Hostname.Length != 0 || spec.Subdomain.Length != 0 || spec.PreemptionPolicy is not null)
        {
            yield return pod with { Spec = spec with { ReadinessGates = default, SchedulingGates = default, Hostname = "", Subdomain = "", PreemptionPolicy = null } };
        }

        if (!spec.ResourceClaims.IsEmpty)
        {
            yield return pod with
            {
                Spec = spec with
                {
                    ResourceClaims = default,
                    Containers = spec.Containers.Select(c => c.Resources.Claims.IsEmpty ? c : c with { Resources = c.Resources with { Claims = default } }).ToValueList(),
                    InitContainers = spec.InitContainers.Select(c => c.Resources.Claims.IsEmpty ? c : c with { Resources = c.Resources with { Claims = default } }).ToValueList(),
                },
            };
        }

        for (int i = spec.Volumes.Count - 1; i >= 0; i--)
        {
            string name = spec.Volumes[i].Name;
            if (!Uses(spec.Containers, name) && !Uses(spec.InitContainers, name))
            {
                yield return pod with { Spec = spec with { Volumes = spec.Volumes.RemoveAt(i) } };
            }
        }
    }

    private static bool Uses(ValueList<Container> containers, string volume)
    {
        foreach (var c in containers)
        {
            foreach (var m in c.VolumeMounts)
            {
                if (m.Name == volume)
                {
                    return true;
                }
            }

            foreach (var d in c.VolumeDevices)
            {
                if (d.Name == volume)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
