using k8s;

namespace PodConformance.Adapters.Cluster;

/// <summary>
/// <c>podconf cluster cleanup</c>: removes the namespaces of runs that crashed before they could delete them. Only
/// namespaces carrying podconf's label, with the given prefix and older than the given age, are deleted; each is read
/// and checked again right before its delete (<see cref="ClusterApi.DeleteNamespaceIfOursAsync"/>).
/// </summary>
public static class LeftoverCleanup
{
    /// <summary>What cleanup did: the namespaces deleted and those it looked at and left alone (with why).</summary>
    public sealed record Result(IReadOnlyList<string> Deleted, IReadOnlyList<(string Name, string Why)> Kept);

    public static async Task<Result> RunAsync(ClusterOptions options, KubernetesClientConfiguration configuration, TimeSpan olderThan, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        options.EnsureValid();
        using var client = ClusterConnection.Connect(configuration);
        var api = new ClusterApi(client, options);

        // With only the confirmation flag, every podconf namespace is eligible; with a prefix, only that prefix's.
        string? prefix = string.IsNullOrEmpty(options.NamespacePrefix) ? null : options.NamespacePrefix;
        var deleted = new List<string>();
        var kept = new List<(string, string)>();
        foreach (var ns in await api.ListManagedNamespacesAsync(ct).ConfigureAwait(false))
        {
            string name = ns.Metadata?.Name ?? "";
            if (!RunNamespace.IsOurs(ns, prefix))
            {
                kept.Add((name, prefix is null ? "not labelled " + ClusterInfo.ManagedSelector : "not labelled " + ClusterInfo.ManagedSelector + " with prefix " + prefix));
                continue;
            }

            if (ns.Metadata?.CreationTimestamp is { } created && now - new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) < olderThan)
            {
                kept.Add((name, "younger than --older-than (a run may still be using it)"));
                continue;
            }

            if (ns.Status?.Phase == "Terminating")
            {
                kept.Add((name, "already terminating"));
                continue;
            }

            if (await api.DeleteNamespaceIfOursAsync(name, prefix, ct).ConfigureAwait(false))
            {
                deleted.Add(name);
                options.Log?.Invoke("deleted namespace " + name);
            }
        }

        return new Result(deleted, kept);
    }
}
