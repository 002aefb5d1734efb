using System.Collections.Concurrent;
using System.Text.Json;
using static PodConformance.Adapters.Cluster.Tests.Fake.ApiObjects;

namespace PodConformance.Adapters.Cluster.Tests.Fake;

/// <summary>
/// A fake API server whose namespaces hold ServiceAccounts (each holds <c>default</c>) and which admits pods as the
/// ServiceAccount plugin does (plugin/pkg/admission/serviceaccount/admission.go): a pod naming an account the namespace
/// does not hold is refused with <c>admission.NewForbidden</c> around getServiceAccount's NotFound (ADM-011, ADM-031).
/// The plugin's informer lag is simulated by count, not time: after an account is created, the next <see cref="Lag"/>
/// pod creates naming it are refused as if it did not exist yet.
/// </summary>
public sealed class ServiceAccountsFake
{
    private readonly ConcurrentDictionary<string, int> _lag = new(StringComparer.Ordinal);

    /// <summary>Stored accounts by "namespace/name", as the JSON created.</summary>
    public ConcurrentDictionary<string, string> Accounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Pod creates answered "not found" after each account is created.</summary>
    public int Lag { get; init; }

    /// <summary>Asked first; a non-null answer wins (a 403 on the account's create).</summary>
    public Func<FakeRequest, FakeResponse?>? Override { get; init; }

    /// <summary>The 201 body of an admitted pod in the given namespace (the test's stand-in for the server's stored object).</summary>
    public required Func<string, string> Admitted { get; init; }

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

        if (r.Method == "POST" && r.Path == "/api/v1/namespaces")
        {
            return FakeResponse.Json(201, Namespace(Name(r.Body), labelled: true));
        }

        string[] parts = r.Path.Split('/');
        if (parts.Length == 5 && parts[3] == "namespaces")
        {
            return FakeResponse.Json(200, Namespace(parts[4], true));
        }

        if (parts.Length >= 6 && parts[5] == "serviceaccounts")
        {
            return Account(r, parts[4], parts.Length == 7 ? parts[6] : null);
        }

        if (r.Method == "POST" && parts.Length == 6 && parts[5] == "pods")
        {
            using var doc = JsonDocument.Parse(r.Body);
            string account = doc.RootElement.GetProperty("spec").TryGetProperty("serviceAccountName", out var v) ? v.GetString()! : "";
            account = account.Length == 0 ? "default" : account;
            bool lagging = _lag.TryGetValue(parts[4] + "/" + account, out int left) && left > 0
                && _lag.TryUpdate(parts[4] + "/" + account, left - 1, left);
            if (account != "default" && (lagging || !Accounts.ContainsKey(parts[4] + "/" + account)))
            {
                return Missing(Name(r.Body), parts[4], account);
            }

            return FakeResponse.Json(201, Admitted(parts[4]));
        }

        return FakeResponse.Json(404, Status(404, "NotFound", "not found"));
    }

    /// <summary>The plugin's refusal as kube-apiserver sends it (spec/adapter-cluster.md "HTTP answers").</summary>
    public static FakeResponse Missing(string pod, string ns, string account) =>
        FakeResponse.Json(403, Status(403, "Forbidden", "pods \\\"" + pod + "\\\" is forbidden: error looking up service account " + ns + "/" + account + ": serviceaccount \\\"" + account + "\\\" not found"));

    private FakeResponse Account(FakeRequest r, string ns, string? name)
    {
        if (r.Method == "POST" && name is null)
        {
            string created = Name(r.Body);
            if (!Accounts.TryAdd(ns + "/" + created, r.Body))
            {
                return FakeResponse.Json(409, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"serviceaccounts \\\"" + created
                    + "\\\" already exists\",\"reason\":\"AlreadyExists\",\"details\":{\"name\":\"" + created + "\",\"kind\":\"serviceaccounts\"},\"code\":409}");
            }

            _lag[ns + "/" + created] = Lag;
            return FakeResponse.Json(201, r.Body);
        }

        if (r.Method == "GET" && name is not null)
        {
            return Accounts.TryGetValue(ns + "/" + name, out string? json) ? FakeResponse.Json(200, json) : FakeResponse.Json(404, Status(404, "NotFound", "serviceaccounts \\\"" + name + "\\\" not found"));
        }

        return FakeResponse.Json(405, Status(405, "MethodNotAllowed", "not allowed"));
    }

    private static string Name(string body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("metadata").GetProperty("name").GetString()!;
    }
}
