using PodConformance.Adapters.Cluster;

namespace PodConformance.Adapters.Cluster.Tests;

public class ClusterInfoTests
{
    [Fact]
    public void Objects_are_labelled_as_podconf_s() => Assert.Equal(("app.kubernetes.io/managed-by", "podconf"), (ClusterInfo.ManagedByLabel, ClusterInfo.ManagedByValue));
}
