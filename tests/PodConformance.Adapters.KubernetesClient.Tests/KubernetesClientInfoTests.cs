using PodConformance.Adapters.KubernetesClient;

namespace PodConformance.Adapters.KubernetesClient.Tests;

public class KubernetesClientInfoTests
{
    [Fact]
    public void Runs_against_KubernetesClient_21() => Assert.StartsWith("21.", KubernetesClientInfo.Version, StringComparison.Ordinal);
}
