using k8s;

namespace PodConformance.Adapters.Cluster;

/// <summary>Turns <see cref="ClusterOptions"/> into a KubernetesClient configuration, the way kubectl resolves them.</summary>
public static class ClusterConnection
{
    /// <summary>
    /// In-cluster service-account config, or a kubeconfig (explicit path, else <c>$KUBECONFIG</c> / <c>~/.kube/config</c>) and
    /// context. The HTTP client timeout is switched off because watches are long requests; every other call carries its own
    /// per-attempt timeout (<see cref="RetryPolicy.ExecuteAsync{T}"/>).
    /// </summary>
    public static KubernetesClientConfiguration Configure(ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        KubernetesClientConfiguration config;
        try
        {
            config = options.InCluster
                ? KubernetesClientConfiguration.InClusterConfig()
                : KubernetesClientConfiguration.BuildConfigFromConfigFile(options.KubeconfigPath, options.Context);
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or IOException or UnauthorizedAccessException or ArgumentException or YamlDotNet.Core.YamlException)
        {
            // The library's messages name files and contexts, never credentials.
            throw new ClusterSafetyException("cannot load the cluster configuration: " + e.Message);
        }

        config.HttpClientTimeout = Timeout.InfiniteTimeSpan;
        config.UserAgent = "podconf";
        return config;
    }

    /// <summary>A client for <paramref name="config"/>; tests pass a configuration whose Host is a loopback fake.</summary>
    public static Kubernetes Connect(KubernetesClientConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.HttpClientTimeout = Timeout.InfiniteTimeSpan;
        return new Kubernetes(config);
    }
}
