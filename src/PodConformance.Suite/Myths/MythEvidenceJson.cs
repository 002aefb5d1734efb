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
        return Objects(doc.RootElement).ToDictionary(e => e.GetProperty("metadata").GetProperty("name").GetString()!, e => e.GetProperty("status").GetProperty("qosClass").GetString()!, StringComparer.Ordinal);
    }

    /// <summary>
    /// The objects of a verb's <c>-o json</c> output, kubectl-style: one object alone, several as a <c>List</c> with
    /// <c>items</c>.
    /// </summary>
    public static IReadOnlyList<JsonElement> Objects(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()]
        : root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array ? [.. items.EnumerateArray()]
        : [root];

    /// <summary>The first object of a verb's <c>-o json</c> output.</summary>
    public static JsonElement First(JsonElement root) => Objects(root)[0];

    /// <summary><c>simulate -o json</c>: the pod's object at the end of the run.</summary>
    public static JsonElement LastObject(JsonElement output) => Objects(output)[^1];

    /// <summary>
    /// The value under <paramref name="header"/> in the first row of the first kubectl-style table (a NAME … header
    /// line) that has that column; "" when there is none.
    /// </summary>
    public static string Cell(string output, string header)
    {
        ArgumentNullException.ThrowIfNull(output);
        string[] lines = output.Split('\n');
        for (int i = 0; i + 1 < lines.Length; i++)
        {
            int at = lines[i].IndexOf(header, StringComparison.Ordinal);
            if (at < 0 || !lines[i].StartsWith("NAME", StringComparison.Ordinal))
            {
                continue;
            }

            string row = lines[i + 1];
            if (at >= row.Length)
            {
                return "";
            }

            int end = row.IndexOf(' ', at);
            return end < 0 ? row[at..] : row[at..end];
        }

        return "";
    }

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
