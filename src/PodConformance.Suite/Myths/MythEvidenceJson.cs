using System.Text.Json;

namespace PodConformance.Suite.Myths;

/// <summary>Reading the verbs' JSON output (the shapes <c>podconf evict/qos/simulate/status -o json</c> print).</summary>
internal static class MythEvidenceJson
{
    /// <summary><c>evict -o json</c>: the eviction order and the critical pods never evicted.</summary>
    public static (List<string> Order, HashSet<string> Critical) EvictionOrder(string output)
    {
        using var doc = JsonDocument.Parse(output);
        var order = doc.RootElement.GetProperty("order").EnumerateArray().Select(e => e.GetString()!).ToList();
        var critical = doc.RootElement.GetProperty("neverEvicted").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
        return (order, critical);
    }

    /// <summary><c>qos -o json</c>: pod name → class.</summary>
    public static Dictionary<string, string> Classes(string output)
    {
        using var doc = JsonDocument.Parse(output);
        return doc.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("qosClass").GetString()!, StringComparer.Ordinal);
    }

    /// <summary><c>simulate -o json</c>: the last object of the pod's timeline.</summary>
    public static JsonElement LastObject(JsonElement timeline) => timeline.EnumerateArray().Last().GetProperty("object");

    /// <summary>The restart count of container <paramref name="name"/> in an object's status (init or regular), 0 without one.</summary>
    public static int RestartCount(JsonElement pod, string name)
    {
        if (!pod.TryGetProperty("status", out var status))
        {
            return 0;
        }

        foreach (string list in new[] { "initContainerStatuses", "containerStatuses" })
        {
            if (status.TryGetProperty(list, out var statuses))
            {
                foreach (var s in statuses.EnumerateArray())
                {
                    if (s.GetProperty("name").GetString() == name)
                    {
                        return s.TryGetProperty("restartCount", out var n) ? n.GetInt32() : 0;
                    }
                }
            }
        }

        return 0;
    }

    /// <summary>The phase in an object's status ("" without one).</summary>
    public static string Phase(JsonElement pod) =>
        pod.TryGetProperty("status", out var status) && status.TryGetProperty("phase", out var phase) ? phase.GetString() ?? "" : "";

    /// <summary>Whether container <paramref name="name"/> of an object is terminated.</summary>
    public static bool Terminated(JsonElement pod, string name)
    {
        if (!pod.TryGetProperty("status", out var status) || !status.TryGetProperty("containerStatuses", out var statuses))
        {
            return false;
        }

        return statuses.EnumerateArray().Any(s => s.GetProperty("name").GetString() == name
            && s.TryGetProperty("state", out var state) && state.TryGetProperty("terminated", out _));
    }
}
