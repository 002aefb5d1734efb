namespace PodConformance.Adapters.Cluster;

/// <summary>
/// The cluster would not hold an object a case needs (RBAC forbade the create, or the API server found the object
/// invalid): the case cannot be acted out there, so it is answered "not performed" with this message, never passed.
/// </summary>
public sealed class ClusterObjectRefusedException(string message) : Exception(message);
