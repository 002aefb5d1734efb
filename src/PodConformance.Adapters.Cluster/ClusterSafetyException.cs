namespace PodConformance.Adapters.Cluster;

/// <summary>The adapter refuses to act (unsafe or invalid options, unsupported server); the CLI maps it to exit code 2.</summary>
public sealed class ClusterSafetyException(string message) : Exception(message);
