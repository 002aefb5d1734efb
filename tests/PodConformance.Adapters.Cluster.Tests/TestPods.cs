using k8s;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Api;
using PodConformance.Model.Profiles;

namespace PodConformance.Adapters.Cluster.Tests;

/// <summary>Options, client configurations and pods the tests share.</summary>
public static class TestPods
{
    public const string Token = "s3cr3t-token-do-not-print";

    public const string SecretEnvValue = "s3cr3t-env-value";

    public static Profile Profile131 => Profile.For(new KubernetesVersion(1, 31));

    public static ClusterOptions Options(List<string>? log = null, ClusterLayers layers = ClusterLayers.Admission) => new()
    {
        NamespacePrefix = "podconf-test",
        Layers = layers,
        RequestTimeout = TimeSpan.FromSeconds(60),
        CleanupTimeout = TimeSpan.FromSeconds(60),
        Retry = new RetryPolicy { MaxAttempts = 4, InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) },
        Log = log is null ? null : line => { lock (log) { log.Add(line); } },
    };

    public static KubernetesClientConfiguration Config(string url) => new() { Host = url, AccessToken = Token };

    public static Pod Read(string yaml)
    {
        var result = PodManifestReader.ReadText(yaml, "test");
        Assert.False(result.HasErrors, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Pods.Single().Pod;
    }

    /// <summary>A pod whose quantities are not canonical (1.5Gi) and whose env holds a value that must never be printed.</summary>
    public static Pod Web => Read($"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
          - name: web
            image: nginx:1.25
            env:
            - name: PASSWORD
              value: {SecretEnvValue}
            resources:
              requests:
                cpu: 100m
                memory: 1.5Gi
              limits:
                memory: 1.5Gi
        """);
}
