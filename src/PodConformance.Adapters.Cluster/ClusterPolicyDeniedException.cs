namespace PodConformance.Adapters.Cluster;

/// <summary>
/// A lifecycle case's real pod create was refused by the cluster's own admission configuration (<see cref="ClusterPolicyDenial"/>):
/// the case is answered "not performed" with this message, never passed or failed.
/// </summary>
public sealed class ClusterPolicyDeniedException(string message) : Exception(message);
