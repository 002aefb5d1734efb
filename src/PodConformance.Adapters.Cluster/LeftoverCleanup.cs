using k8s;

namespace PodConformance.Adapters.Cluster;

/// <summary>
/// <c>podconf cluster cleanup</c>: removes the namespaces of runs that crashed before they could delete them, and their
/// RuntimeClasses and PriorityClasses (<c>--cluster-scoped-objects</c>). Only objects carrying podconf's label, with the
/// given prefix and older than the given age, are deleted; each is read and checked again right before its delete
/// (<see cref="ClusterApi.DeleteNamespaceIfOursAsync"/>, <see cref="ClusterApi.DeleteClusterObjectIfOursAsync"/>).
/// </summary>
public static class LeftoverCleanup
{
    /// <summary>
    /// What cleanup did: the objects deleted and those it looked at and left alone (with why). Namespaces by name, as
    /// before; cluster-scoped objects as <c>kubectl get -o name</c> prints them (<c>runtimeclass.node.k8s.io/NAME</c>).
    /// </summary>
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

        foreach (var kind in ClusterScopedKind.All)
        {
            await CleanupAsync(api, kind, prefix, olderThan, now, deleted, kept, options.Log, ct).ConfigureAwait(false);
        }

        return new Result(deleted, kept);
    }

    /// <summary>
    /// The labelled objects of one cluster-scoped kind (<c>--cluster-scoped-objects</c>), under the rules namespaces follow:
    /// podconf's label, the prefix, old enough, read back and checked right before the delete. An identity that may not
    /// list the kind (it never ran with the flag) skips it with a note; that is not a failure of the cleanup.
    /// </summary>
    private static async Task CleanupAsync(ClusterApi api, ClusterScopedKind kind, string? prefix, TimeSpan olderThan, DateTimeOffset now, List<string> deleted, List<(string, string)> kept, Action<string>? log, CancellationToken ct)
    {
        IReadOnlyList<ClusterObjectMeta> items;
        try
        {
            items = await api.ListManagedClusterObjectsAsync(kind, ct).ConfigureAwait(false);
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response?.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound)
        {
            log?.Invoke("not looking for leftover " + kind.QualifiedResource + ": listing them answered " + RetryPolicy.Describe(e)
                + " (only runs with " + ClusterOptions.ClusterScopedObjectsFlag + " create them; spec/cluster/rbac-cluster-scoped.yaml grants list)");
            return;
        }

        foreach (var item in items)
        {
            string name = kind.ObjectName(item.Name);
            if (!item.IsOurs(kind, prefix, runId: null))
            {
                kept.Add((name, prefix is null ? "not labelled " + ClusterInfo.ManagedSelector : "not labelled " + ClusterInfo.ManagedSelector + " with prefix " + prefix));
                continue;
            }

            if (item.Created is { } created && now - created < olderThan)
            {
                kept.Add((name, "younger than --older-than (a run may still be using it)"));
                continue;
            }

            if (item.Deleting)
            {
                kept.Add((name, "already being deleted"));
                continue;
            }

            if (await api.DeleteClusterObjectIfOursAsync(kind, item.Name, prefix, runId: null, ct).ConfigureAwait(false))
            {
                deleted.Add(name);
                log?.Invoke("deleted " + name);
            }
        }
    }
}
