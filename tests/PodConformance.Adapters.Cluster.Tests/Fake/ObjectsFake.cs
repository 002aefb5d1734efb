using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using static PodConformance.Adapters.Cluster.Tests.Fake.ApiObjects;

namespace PodConformance.Adapters.Cluster.Tests.Fake;

/// <summary>
/// A fake API server that holds RuntimeClasses and PriorityClasses and admits pods as the two plugins do: a pod naming a
/// class the server does not hold is refused with the plugin's text (plugin/pkg/admission/runtimeclass/admission.go
/// <c>prepareObjects</c>, plugin/pkg/admission/priority/admission.go <c>admitPod</c>). The informer's lag is simulated by
/// count, not by time: after a class is created, the next <see cref="Lag"/> pod creates that name it are refused as if it
/// did not exist yet, whatever the machine's speed.
/// </summary>
public sealed class ObjectsFake
{
    public const string RuntimeClasses = "/apis/node.k8s.io/v1/runtimeclasses";
    public const string PriorityClasses = "/apis/scheduling.k8s.io/v1/priorityclasses";

    private readonly ConcurrentDictionary<string, int> _lag = new(StringComparer.Ordinal);

    /// <summary>Stored objects by collection path + "/" + name, as JSON.</summary>
    public ConcurrentDictionary<string, string> Objects { get; } = new(StringComparer.Ordinal);

    /// <summary>Pod creates answered "not found" after each class is created.</summary>
    public int Lag { get; init; }

    /// <summary>Asked first; a non-null answer wins (a 403 on create, a 500 on pods).</summary>
    public Func<FakeRequest, FakeResponse?>? Override { get; init; }

    public FakeResponse Handle(FakeRequest r)
    {
        if (Override?.Invoke(r) is { } answer)
        {
            return answer;
        }

        if (r.Path == "/version")
        {
            return FakeResponse.Json(200, VersionInfo);
        }

        if (r.Path.StartsWith(RuntimeClasses, StringComparison.Ordinal) || r.Path.StartsWith(PriorityClasses, StringComparison.Ordinal))
        {
            return ClusterScoped(r);
        }

        if (r.Method == "POST" && r.Path == "/api/v1/namespaces")
        {
            using var doc = JsonDocument.Parse(r.Body);
            return FakeResponse.Json(201, Namespace(doc.RootElement.GetProperty("metadata").GetProperty("name").GetString()!, labelled: true));
        }

        string[] parts = r.Path.Split('/');
        if (parts.Length == 5 && parts[3] == "namespaces")
        {
            return FakeResponse.Json(200, Namespace(parts[4], true));
        }

        if (r.Method == "POST" && parts.Length == 6 && parts[5] == "pods")
        {
            return CreatePod(r, parts[4]);
        }

        return FakeResponse.Json(404, Status(404, "NotFound", "not found"));
    }

    /// <summary>A Status whose message is JSON-escaped (the plugins' texts hold quotes).</summary>
    public static string Forbidden(string message) =>
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":" + JsonSerializer.Serialize(message) + ",\"reason\":\"Forbidden\",\"details\":{\"kind\":\"pods\"},\"code\":403}";

    private FakeResponse ClusterScoped(FakeRequest r)
    {
        string collection = r.Path.StartsWith(RuntimeClasses, StringComparison.Ordinal) ? RuntimeClasses : PriorityClasses;
        string rest = r.Path[collection.Length..].TrimStart('/');
        switch (r.Method)
        {
            case "POST":
                var obj = JsonNode.Parse(r.Body)!.AsObject();
                string name = obj["metadata"]!["name"]!.GetValue<string>();
                obj["metadata"]!["creationTimestamp"] = "2025-01-31T10:00:00Z";
                string stored = obj.ToJsonString();
                if (!Objects.TryAdd(collection + "/" + name, stored))
                {
                    return FakeResponse.Json(409, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"AlreadyExists\",\"code\":409}");
                }

                _lag[name] = Lag;
                return FakeResponse.Json(201, stored);
            case "GET" when rest.Length == 0:
                var items = Objects.Where(o => o.Key.StartsWith(collection + "/", StringComparison.Ordinal)).OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Value);
                return FakeResponse.Json(200, "{\"kind\":\"List\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":[" + string.Join(",", items) + "]}");
            case "GET":
                return Objects.TryGetValue(collection + "/" + rest, out var body) ? FakeResponse.Json(200, body) : FakeResponse.Json(404, Status(404, "NotFound", "not found"));
            case "DELETE":
                return Objects.TryRemove(collection + "/" + rest, out var gone) ? FakeResponse.Json(200, gone) : FakeResponse.Json(404, Status(404, "NotFound", "not found"));
            default:
                return FakeResponse.Json(405, Status(405, "MethodNotAllowed", "no"));
        }
    }

    private FakeResponse CreatePod(FakeRequest r, string ns)
    {
        var pod = JsonNode.Parse(r.Body)!.AsObject();
        string podName = pod["metadata"]?["name"]?.GetValue<string>() ?? "";
        var spec = pod["spec"]!.AsObject();
        string? rc = spec["runtimeClassName"]?.GetValue<string>();
        string? pc = spec["priorityClassName"]?.GetValue<string>();
        if (rc is not null && !Visible(RuntimeClasses, rc))
        {
            return FakeResponse.Json(403, Forbidden("pods \"" + podName + "\" is forbidden: pod rejected: RuntimeClass \"" + rc + "\" not found"));
        }

        if (pc is not null && pc is not ("system-node-critical" or "system-cluster-critical") && !Visible(PriorityClasses, pc))
        {
            return FakeResponse.Json(403, Forbidden("pods \"" + podName + "\" is forbidden: no PriorityClass with name " + pc + " was found"));
        }

        var created = JsonNode.Parse(CreatedPod(ns, podName))!.AsObject();
        if (rc is not null)
        {
            created["spec"]!["runtimeClassName"] = rc;
        }

        if (pc is not null)
        {
            created["spec"]!["priorityClassName"] = pc;
        }

        return FakeResponse.Json(201, created.ToJsonString());
    }

    private bool Visible(string collection, string name)
    {
        if (!Objects.ContainsKey(collection + "/" + name))
        {
            return false;
        }

        // One lagging answer per create while the counter lasts.
        while (true)
        {
            int left = _lag.GetValueOrDefault(name);
            if (left <= 0)
            {
                return true;
            }

            if (_lag.TryUpdate(name, left - 1, left))
            {
                return false;
            }
        }
    }
}
