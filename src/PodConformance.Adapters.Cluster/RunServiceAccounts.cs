using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using PodConformance.Model.Admission;
using PodConformance.Model.Validation;
using PodConformance.Suite.Cases;

namespace PodConformance.Adapters.Cluster;

/// <summary>
/// The ServiceAccounts of one run: the model assumes an account a case's pod names exists (ADM-098,
/// <see cref="MissingObjects.AssumeExists"/>: no settings of its own, so automountServiceAccountToken unset, no
/// imagePullSecrets, no secrets, no annotations), while the run's fresh namespace holds only <c>default</c>. So the
/// adapter creates each named account once per run, in the run's namespace, with nothing but its name and the run's
/// labels (which the ServiceAccount plugin does not read), and the namespace's deletion takes them away at the end.
/// Without this, the cluster refused every such pod (ADM-031) where the model admitted it: a false failure.
/// </summary>
public sealed class RunServiceAccounts(ClusterApi api, ClusterOptions options)
{
    /// <summary>kubernetes.io/config.mirror: a mirror pod is refused for naming any account, before any lookup (ADM-035).</summary>
    private const string MirrorPodAnnotation = "kubernetes.io/config.mirror";

    private readonly ConcurrentDictionary<string, Lazy<Task>> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _created = new(StringComparer.Ordinal);

    /// <summary>
    /// The account the case's pod names that the cluster must hold for the model's assumption to hold, or null: none for
    /// an empty name or <c>default</c> (the namespace's own, ADM-030/031), for a mirror pod, and for a case whose objects
    /// say a missing account is missing (<see cref="MissingObjects.NotFound"/>: the cluster then refuses, as the model).
    /// </summary>
    public static string? Needed(PodCase testCase)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        var pod = testCase.Pod;
        string name = pod.Spec.ServiceAccountName;
        if (name.Length == 0 || name == "default" || pod.Metadata.Annotations.ContainsKey(MirrorPodAnnotation))
        {
            return null;
        }

        return testCase.AdmissionObjects().Missing == MissingObjects.NotFound ? null : name;
    }

    /// <summary>Whether this run created (or found as its own) the account <paramref name="name"/> in its namespace.</summary>
    public bool Created(string name) => _created.ContainsKey(name);

    /// <summary>
    /// Creates the account the case needs (<see cref="Needed"/>), once per run; cases share it. Throws
    /// <see cref="ClusterObjectRefusedException"/> when the cluster forbids or refuses it (the case is then not
    /// performed; remembered for the run); a failure to reach the server surfaces as <see cref="ClusterApi"/>'s
    /// exceptions, and the next case that needs the account tries again.
    /// </summary>
    public async Task EnsureAsync(PodCase testCase, RunNamespace run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (Needed(testCase) is not { } name)
        {
            return;
        }

        var entry = _byName.GetOrAdd(name, n => new Lazy<Task>(() => CreateAsync(n, run, ct)));
        try
        {
            await entry.Value.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not ClusterObjectRefusedException)
        {
            _byName.TryRemove(new KeyValuePair<string, Lazy<Task>>(name, entry));
            throw;
        }
    }

    /// <summary>The account as sent: name, namespace and the run's labels; no field the ServiceAccount plugin reads.</summary>
    public static string Json(string name, RunNamespace run)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(run);
        var labels = new JsonObject();
        foreach (var (k, v) in run.Labels)
        {
            labels[k] = v;
        }

        var obj = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ServiceAccount",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = run.Name, ["labels"] = labels },
        };
        return obj.ToJsonString();
    }

    private async Task CreateAsync(string name, RunNamespace run, CancellationToken ct)
    {
        string what = "the ServiceAccount " + GoQuote.Quote(name) + " the case's pod names (the model assumes it exists, ADM-098)";
        var response = await api.CreateServiceAccountAsync(run.Name, Json(name, run), ct).ConfigureAwait(false);
        if (ClusterPolicyDenial.Of(response) is { } denial)
        {
            // A webhook or admission policy of the cluster, not missing RBAC verbs: said as such (the case is not performed).
            throw new ClusterObjectRefusedException(denial.NotPerformed(namespaceLabelledPrivileged: false, "creating " + what));
        }

        switch (response.StatusCode)
        {
            case >= 200 and < 300:
                break;
            case 409:
                // Our own earlier attempt whose answer was lost, or (in the run's own namespace, unexpected) someone else's.
                var existing = await api.GetServiceAccountAsync(run.Name, name, ct).ConfigureAwait(false);
                if (existing is null || !IsThisRuns(existing, run))
                {
                    throw new ClusterSafetyException("serviceaccount " + run.Name + "/" + name + " already exists and is not this run's: not using it");
                }

                break;
            case 403:
                throw new ClusterObjectRefusedException("creating " + what + " was forbidden: " + string.Join("; ", AdmissionMapping.Errors(response.Body))
                    + ". The cluster adapter needs the verbs create and get on serviceaccounts (spec/cluster/rbac.yaml)");
            default:
                throw new ClusterObjectRefusedException("the API server refused " + what + " (HTTP "
                    + response.StatusCode.ToString(CultureInfo.InvariantCulture) + "): " + string.Join("; ", AdmissionMapping.Errors(response.Body)));
        }

        _created[name] = true;
        options.Log?.Invoke("created serviceaccount " + run.Name + "/" + name + " (" + ClusterInfo.ManagedSelector + ")");
    }

    private static bool IsThisRuns(ClusterObjectMeta meta, RunNamespace run) =>
        meta.Labels.TryGetValue(ClusterInfo.ManagedByLabel, out var by) && string.Equals(by, ClusterInfo.ManagedByValue, StringComparison.Ordinal)
        && meta.Labels.TryGetValue(ClusterInfo.RunLabel, out var id) && string.Equals(id, run.RunId, StringComparison.Ordinal);
}
