namespace PodConformance.Adapters.Cluster;

/// <summary>The label every object the cluster adapter creates carries, so leftovers can be found and removed.</summary>
public static class ClusterInfo
{
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "podconf";
}
