namespace PodConformance.Adapters.Cluster;

/// <summary>The labels every object the cluster adapter creates carries, so leftovers can be found and removed.</summary>
public static class ClusterInfo
{
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "podconf";

    /// <summary>Which run created the object: lets <c>cleanup</c> and humans tell concurrent runs apart.</summary>
    public const string RunLabel = "podconf.io/run";

    /// <summary>The label selector for everything the suite ever created.</summary>
    public const string ManagedSelector = ManagedByLabel + "=" + ManagedByValue;
}
