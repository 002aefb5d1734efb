using System.Net;
using System.Text;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace PodConformance.Adapters.Cluster;

/// <summary>
/// The API calls the adapter makes, each with retries and a per-attempt timeout, and nothing else: this class is the
/// list of what podconf ever does to a cluster (and what spec/cluster/rbac.yaml grants; the cluster-scoped objects of
/// <c>--cluster-scoped-objects</c>, what spec/cluster/rbac-cluster-scoped.yaml grants).
/// </summary>
/// <remarks>
/// Pod creates go through the client's own <see cref="Kubernetes.HttpClient"/> and credentials (kubeconfig, exec plugins,
/// in-cluster token) with the model writer's JSON as the body, not through <c>CreateNamespacedPodAsync(V1Pod)</c>: a V1Pod
/// would re-parse and re-print every quantity with KubernetesClient's own port of <c>resource.Quantity</c> (which throws on
/// forms it does not parse and prints exponent forms its own way), so the server would not see the Pod the case is about.
/// Everything else uses the typed API.
/// </remarks>
public sealed class ClusterApi(Kubernetes client, ClusterOptions options)
{
    /// <summary>Outcome of a create that reached the server: 201 with the object, or an answer such as 422 with a Status.</summary>
    public sealed record CreateResponse(int StatusCode, string Body)
    {
        public bool Created => StatusCode is >= 200 and < 300;
    }

    public Kubernetes Client => client;

    public Task<VersionInfo> GetVersionAsync(CancellationToken ct) =>
        Retry("GET /version", c => client.Version.GetCodeAsync(c), ct);

    public Task<V1Namespace> CreateNamespaceAsync(RunNamespace ns, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ns);
        return Retry("create namespace " + ns.Name, c => client.CoreV1.CreateNamespaceAsync(ns.ToObject(), fieldManager: "podconf", cancellationToken: c), ct);
    }

    /// <summary>Namespaces labelled as podconf's (the server filters; <see cref="RunNamespace.IsOurs"/> checks again).</summary>
    public async Task<IReadOnlyList<V1Namespace>> ListManagedNamespacesAsync(CancellationToken ct)
    {
        var list = await Retry("list namespaces", c => client.CoreV1.ListNamespaceAsync(labelSelector: ClusterInfo.ManagedSelector, cancellationToken: c), ct).ConfigureAwait(false);
        return list.Items?.ToList() ?? [];
    }

    /// <summary>
    /// Deletes a namespace only after reading it and finding podconf's label and <paramref name="prefix"/>; false when it
    /// is not ours (left alone) or already gone.
    /// </summary>
    public async Task<bool> DeleteNamespaceIfOursAsync(string name, string? prefix, CancellationToken ct)
    {
        V1Namespace current;
        try
        {
            current = await Retry("get namespace " + name, c => client.CoreV1.ReadNamespaceAsync(name, cancellationToken: c), ct).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        if (!RunNamespace.IsOurs(current, prefix))
        {
            options.Log?.Invoke("not deleting namespace " + name + ": it is not labelled " + ClusterInfo.ManagedSelector + (prefix is null ? "" : " with prefix " + prefix));
            return false;
        }

        try
        {
            await Retry("delete namespace " + name, c => client.CoreV1.DeleteNamespaceAsync(name, propagationPolicy: "Background", cancellationToken: c), ct).ConfigureAwait(false);
            return true;
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>
    /// POSTs the Pod JSON as given (dry-run or not). 2xx, 400, 403, 422, 409 AlreadyExists and a denial by the cluster's
    /// admission configuration at any status (<see cref="ClusterPolicyDenial"/>) are answers; 429, 5xx, 409
    /// Conflict and the 403s that pass (<see cref="ForbiddenKind.DefaultServiceAccountNotYetCreated"/>,
    /// <see cref="ForbiddenKind.AdmissionNotReady"/>, and the ServiceAccount plugin's "not found" for an account
    /// <paramref name="createdAccount"/> says this run created) are retried; anything else throws.
    /// </summary>
    public Task<CreateResponse> CreatePodAsync(string namespaceName, string podJson, bool dryRun, CancellationToken ct, Func<string, bool>? createdAccount = null)
    {
        ArgumentNullException.ThrowIfNull(namespaceName);
        ArgumentNullException.ThrowIfNull(podJson);
        string path = "api/v1/namespaces/" + Uri.EscapeDataString(namespaceName) + "/pods?fieldManager=podconf" + (dryRun ? "&dryRun=All" : "");
        return Retry(dryRun ? "dry-run create pod" : "create pod", c => PostAsync(path, podJson, namespaceName, createdAccount, c), ct);
    }

    /// <summary>
    /// POSTs a ServiceAccount into the run's namespace (one a case's pod names, <see cref="RunServiceAccounts"/>). 2xx,
    /// 400, 403, 422 and 409 AlreadyExists are answers the caller reads; 429, 5xx and 409 Conflict are retried.
    /// </summary>
    public Task<CreateResponse> CreateServiceAccountAsync(string namespaceName, string json, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(namespaceName);
        ArgumentNullException.ThrowIfNull(json);
        return Retry("create serviceaccount", c => SendAsync(HttpMethod.Post, ServiceAccountsPath(namespaceName) + "?fieldManager=podconf", json, [200, 201, 202, 400, 403, 422], c), ct);
    }

    /// <summary>A ServiceAccount's metadata as the server has it now (labels: is it this run's?); null when it does not exist.</summary>
    public async Task<ClusterObjectMeta?> GetServiceAccountAsync(string namespaceName, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(namespaceName);
        ArgumentNullException.ThrowIfNull(name);
        var response = await Retry("get serviceaccount " + name, c => SendAsync(HttpMethod.Get, ServiceAccountsPath(namespaceName) + "/" + Uri.EscapeDataString(name), null, [200, 404], c), ct).ConfigureAwait(false);
        return response.StatusCode == 404 ? null : ClusterObjectMeta.Parse(response.Body);
    }

    private static string ServiceAccountsPath(string namespaceName) => "api/v1/namespaces/" + Uri.EscapeDataString(namespaceName) + "/serviceaccounts";

    /// <summary>
    /// Watches one pod until the server ends the watch (after <paramref name="timeoutSeconds"/>). No resourceVersion: the
    /// server first replays the current state as ADDED, so a re-watch never misses the latest status. Errors opening or
    /// reading the stream surface from the enumeration; the caller backs off and watches again.
    /// </summary>
    public IAsyncEnumerable<(WatchEventType Type, V1Pod Pod)> WatchPodAsync(string namespaceName, string podName, int timeoutSeconds, CancellationToken ct) =>
        client.CoreV1.WatchListNamespacedPodAsync(
            namespaceName,
            fieldSelector: "metadata.name=" + podName,
            timeoutSeconds: timeoutSeconds,
            onError: e => options.Log?.Invoke("watch of pod " + podName + ": " + RetryPolicy.Describe(e)),
            cancellationToken: ct);

    public async Task DeletePodAsync(string namespaceName, string podName, long? gracePeriodSeconds, CancellationToken ct)
    {
        try
        {
            await Retry("delete pod " + podName, c => client.CoreV1.DeleteNamespacedPodAsync(podName, namespaceName, gracePeriodSeconds: (int?)gracePeriodSeconds, cancellationToken: c), ct).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone.
        }
    }

    public async Task<IReadOnlyList<Corev1Event>> ListPodEventsAsync(string namespaceName, string podName, CancellationToken ct)
    {
        var list = await Retry("list events", c => client.CoreV1.ListNamespacedEventAsync(namespaceName, fieldSelector: "involvedObject.name=" + podName, cancellationToken: c), ct).ConfigureAwait(false);
        return list.Items?.ToList() ?? [];
    }

    /// <summary>
    /// POSTs a cluster-scoped object (<c>--cluster-scoped-objects</c>). 2xx, 400, 403, 422 and 409 AlreadyExists are
    /// answers the caller reads; 429, 5xx and 409 Conflict are retried; anything else throws.
    /// </summary>
    public Task<CreateResponse> CreateClusterObjectAsync(ClusterScopedKind kind, string json, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(json);
        return Retry("create " + kind.QualifiedResource, c => SendAsync(HttpMethod.Post, kind.CollectionPath + "?fieldManager=podconf", json, [200, 201, 202, 400, 403, 422], c), ct);
    }

    /// <summary>The object's metadata as the server has it now; null when it does not exist.</summary>
    public async Task<ClusterObjectMeta?> GetClusterObjectAsync(ClusterScopedKind kind, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var response = await Retry("get " + kind.ObjectName(name), c => SendAsync(HttpMethod.Get, kind.CollectionPath + "/" + Uri.EscapeDataString(name), null, [200, 404], c), ct).ConfigureAwait(false);
        return response.StatusCode == 404 ? null : ClusterObjectMeta.Parse(response.Body);
    }

    /// <summary>Objects of <paramref name="kind"/> labelled as podconf's (the server filters; <see cref="ClusterObjectMeta.IsOurs"/> checks again). Throws on 403 (no permission to list).</summary>
    public async Task<IReadOnlyList<ClusterObjectMeta>> ListManagedClusterObjectsAsync(ClusterScopedKind kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var response = await Retry("list " + kind.QualifiedResource, c => SendAsync(HttpMethod.Get, kind.CollectionPath + "?labelSelector=" + Uri.EscapeDataString(ClusterInfo.ManagedSelector), null, [200], c), ct).ConfigureAwait(false);
        return ClusterObjectMeta.ParseList(response.Body);
    }

    /// <summary>
    /// Deletes a cluster-scoped object only after reading it and finding podconf's label, <paramref name="prefix"/> and
    /// (when given) the run id <paramref name="runId"/>; false when it is not ours (left alone) or already gone.
    /// </summary>
    public async Task<bool> DeleteClusterObjectIfOursAsync(ClusterScopedKind kind, string name, string? prefix, string? runId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(name);
        var current = await GetClusterObjectAsync(kind, name, ct).ConfigureAwait(false);
        if (current is null)
        {
            return false;
        }

        if (!current.IsOurs(kind, prefix, runId))
        {
            options.Log?.Invoke("not deleting " + kind.ObjectName(name) + ": it is not labelled " + ClusterInfo.ManagedSelector
                + (runId is null ? "" : " and " + ClusterInfo.RunLabel + "=" + runId) + (prefix is null ? "" : " with prefix " + prefix));
            return false;
        }

        var response = await Retry("delete " + kind.ObjectName(name), c => SendAsync(HttpMethod.Delete, kind.CollectionPath + "/" + Uri.EscapeDataString(name), null, [200, 202, 404], c), ct).ConfigureAwait(false);
        return response.StatusCode != 404;
    }

    private Task<T> Retry<T>(string what, Func<CancellationToken, Task<T>> call, CancellationToken ct) =>
        options.Retry.ExecuteAsync(what, call, options.RequestTimeout, options.Log, ct);

    /// <summary>
    /// One request with the client's credentials; a status in <paramref name="answers"/> is returned with its body.
    /// Others throw <see cref="HttpOperationException"/> (status only, no request body), which <see cref="Retry"/>
    /// retries when <see cref="RetryPolicy.IsRetryable"/> says so. A 409 AlreadyExists is an answer when 201 is one.
    /// </summary>
    private async Task<CreateResponse> SendAsync(HttpMethod method, string path, string? json, int[] answers, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(client.BaseUri, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        request.Headers.Accept.ParseAdd("application/json");
        if (client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, ct).ConfigureAwait(false);
        }

        using var response = await client.HttpClient.SendAsync(request, ct).ConfigureAwait(false);
        string body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        int code = (int)response.StatusCode;
        if (Array.IndexOf(answers, code) >= 0 || (code == 409 && Array.IndexOf(answers, 201) >= 0 && body.Contains("\"AlreadyExists\"", StringComparison.Ordinal)))
        {
            return new CreateResponse(code, body);
        }

        throw new HttpOperationException("Operation returned an invalid status code '" + response.StatusCode.ToString() + "'")
        {
            Response = new HttpResponseMessageWrapper(response, body),
        };
    }

    private async Task<CreateResponse> PostAsync(string path, string json, string namespaceName, Func<string, bool>? createdAccount, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(client.BaseUri, path))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        request.Headers.Accept.ParseAdd("application/json");
        if (client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, ct).ConfigureAwait(false);
        }

        using var response = await client.HttpClient.SendAsync(request, ct).ConfigureAwait(false);
        string body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        int code = (int)response.StatusCode;
        if (code is (>= 200 and < 300) or 400 or 422 || (code == 409 && body.Contains("\"AlreadyExists\"", StringComparison.Ordinal)))
        {
            return new CreateResponse(code, body);
        }

        // The cluster's own admission configuration refused the pod: a webhook may deny with any status of its choosing
        // (429 and 5xx included), a ValidatingAdmissionPolicy with 401 or 413. An answer, never retried: the caller makes
        // the case not performed (ClusterPolicyDenial).
        if (ClusterPolicyDenial.Of(code, body) is not null)
        {
            return new CreateResponse(code, body);
        }

        if (code == 403)
        {
            switch (ForbiddenPodCreate.Classify(body, namespaceName))
            {
                case ForbiddenKind.DefaultServiceAccountNotYetCreated:
                    // A fresh namespace's "default" ServiceAccount appears a moment after the namespace: retry, do not fail.
                    // Only "default": a pod naming another account that does not exist is refused for good (ADM-031).
                    throw new TransientClusterException("the namespace's default service account does not exist yet");
                case ForbiddenKind.AdmissionNotReady:
                    throw new TransientClusterException("the API server's admission is not ready yet");
                case ForbiddenKind.AdmissionRefusal when createdAccount is not null
                    && ForbiddenPodCreate.MissingServiceAccount(body, namespaceName) is { } account && createdAccount(account):
                    // An account this run created (RunServiceAccounts): the plugin's informer may lag, as for "default".
                    throw new TransientClusterException("the API server's admission does not see the service account " + account + ", created by this run, yet");
                default:
                    // A plugin's refusal (ADM-011), the authorizer's, a terminating namespace: the callers tell them apart.
                    return new CreateResponse(code, body);
            }
        }

        // No request body in the exception: it could hold env values.
        throw new HttpOperationException("Operation returned an invalid status code '" + response.StatusCode.ToString() + "'")
        {
            Response = new HttpResponseMessageWrapper(response, body),
        };
    }
}
