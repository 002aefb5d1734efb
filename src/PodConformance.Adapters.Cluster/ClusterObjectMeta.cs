using System.Globalization;
using System.Text.Json;

namespace PodConformance.Adapters.Cluster;

/// <summary>
/// What every delete of a cluster-scoped object checks first: the object's name, labels and age as the server has them
/// now. Read from the JSON (not KubernetesClient's typed objects, which would also parse quantities that play no part).
/// </summary>
public sealed record ClusterObjectMeta(string Name, IReadOnlyDictionary<string, string> Labels, DateTimeOffset? Created, bool Deleting)
{
    public static ClusterObjectMeta FromJson(JsonElement obj)
    {
        string name = "";
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        DateTimeOffset? created = null;
        bool deleting = false;
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object)
        {
            if (meta.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String)
            {
                name = n.GetString() ?? "";
            }

            if (meta.TryGetProperty("labels", out var l) && l.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in l.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.String)
                    {
                        labels[p.Name] = p.Value.GetString() ?? "";
                    }
                }
            }

            if (meta.TryGetProperty("creationTimestamp", out var c) && c.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(c.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                created = at;
            }

            deleting = meta.TryGetProperty("deletionTimestamp", out var d) && d.ValueKind == JsonValueKind.String;
        }

        return new ClusterObjectMeta(name, labels, created, deleting);
    }

    /// <summary>The object in a GET's body.</summary>
    public static ClusterObjectMeta Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return FromJson(doc.RootElement);
    }

    /// <summary>The items of a LIST's body.</summary>
    public static IReadOnlyList<ClusterObjectMeta> ParseList(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var items = new List<ClusterObjectMeta>();
        if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("items", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                items.Add(FromJson(item));
            }
        }

        return items;
    }

    /// <summary>
    /// The guard every delete of a cluster-scoped object passes: podconf's label, the run's id when one is given (a run
    /// deletes its own objects only), the prefix when one is given, and never a PriorityClass named <c>system-…</c>
    /// (the API server's own). RBAC cannot express any of this, so the adapter checks it in code, as for namespaces.
    /// </summary>
    public bool IsOurs(ClusterScopedKind kind, string? prefix, string? runId)
    {
        ArgumentNullException.ThrowIfNull(kind);
        bool labelled = Labels.TryGetValue(ClusterInfo.ManagedByLabel, out var v) && string.Equals(v, ClusterInfo.ManagedByValue, StringComparison.Ordinal);
        bool run = runId is null || (Labels.TryGetValue(ClusterInfo.RunLabel, out var r) && string.Equals(r, runId, StringComparison.Ordinal));
        bool prefixed = string.IsNullOrEmpty(prefix) || Name.StartsWith(prefix + "-", StringComparison.Ordinal);
        bool system = kind == ClusterScopedKind.PriorityClass && Name.StartsWith("system-", StringComparison.Ordinal);
        return labelled && run && prefixed && !system && Name.Length > 0;
    }
}
