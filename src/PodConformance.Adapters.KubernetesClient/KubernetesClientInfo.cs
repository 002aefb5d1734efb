namespace PodConformance.Adapters.KubernetesClient;

/// <summary>Which KubernetesClient build the adapters run against, for reports.</summary>
public static class KubernetesClientInfo
{
    public static string Version => typeof(k8s.Models.ResourceQuantity).Assembly.GetName().Version?.ToString() ?? "unknown";
}
