using PodConformance.Model.Api;

namespace PodConformance.Generators;

public static partial class PodSize
{
    /// <summary>Scheduling, DNS, naming and claim fields (<see cref="PlacementGen"/>): each present part counts, so removing it makes the pod smaller.</summary>
    private static int OfPlacement(PodSpec spec) =>
        (Flag(spec.Affinity is not null) * 10) + Flag(!spec.NodeSelector.IsEmpty) + Flag(!spec.Tolerations.IsEmpty) + Flag(!spec.TopologySpreadConstraints.IsEmpty)
        + Flag(spec.DNSConfig is not null) + Flag(!spec.HostAliases.IsEmpty) + Flag(!spec.ReadinessGates.IsEmpty) + Flag(!spec.SchedulingGates.IsEmpty)
        + Flag(spec.Hostname.Length != 0 || spec.Subdomain.Length != 0) + Flag(spec.PreemptionPolicy is not null) + Flag(!spec.ResourceClaims.IsEmpty)
        + (PerListItem * spec.Volumes.Count);
}
