using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using PodConformance.Model.Admission;
using PodConformance.Model.Validation;
using PodConformance.Suite.Cases;

namespace PodConformance.Adapters.Cluster;

/// <summary>
/// The ServiceAccounts of one run. (1) A case without accounts of its own: the model assumes an account its pod names
/// exists (ADM-098, <see cref="MissingObjects.AssumeExists"/>: no settings of its own, so automountServiceAccountToken
/// unset, no imagePullSecrets, no secrets, no annotations), while the run's fresh namespace holds only <c>default</c>. So
/// the adapter creates each named account once per run, in the run's namespace, with nothing but its name and the run's
/// labels (which the ServiceAccount plugin does not read). Without this, the cluster refused every such pod (ADM-031)
/// where the model admitted it: a false failure. (2) A case with accounts (<see cref="PodCase.ServiceAccounts"/>, session
/// 15: all of the pod namespace's, with settings): the account the pod names is created with the case's settings under a
/// run-unique name (<c>&lt;prefix&gt;-&lt;run id&gt;-sa&lt;n&gt;</c>, one per distinct content, shared by cases), and the
/// pod's reference renamed to it and the answer mapped back (<see cref="ClusterScopedNames"/>), since another case may give
/// the same name other settings; a name the case does not give is renamed to <c>…-sa-absent</c>, which no account has, so
/// the cluster answers "not found" as the model does (ADM-031). The namespace's own <c>default</c> account is the cluster's
/// (its controller makes it, cases share it): a case that gives <c>default</c> settings its pod would use is not performed.
/// The Secrets an account lists need not exist: the plugin compares names only (plugin/pkg/admission/serviceaccount/admission.go,
/// v1.35.0 blob 3ee81cdf18: no Secret lister; <c>limitSecretReferences</c>). The namespace's deletion takes every account
/// away at the end.
/// </summary>
public sealed class RunServiceAccounts(ClusterApi api, ClusterOptions options)
{
    /// <summary>kubernetes.io/config.mirror: a mirror pod is refused for naming any account, before any lookup (ADM-035).</summary>
    private const string MirrorPodAnnotation = "kubernetes.io/config.mirror";

    private readonly ConcurrentDictionary<string, Lazy<Task>> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _created = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _byContent = new(StringComparer.Ordinal);
    private int _sequence;

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
        if (name.Length == 0 || name == "default" || pod.Metadata.Annotations.ContainsKey(MirrorPodAnnotation) || !testCase.ServiceAccounts.IsEmpty)
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

    /// <summary>
    /// Why the cluster cannot act out a case with accounts of its own, or null: the account its pod uses is <c>default</c>
    /// (named, or no name, ADM-030) and the case gives it settings, which the run's namespace's own <c>default</c> (the
    /// controller's, shared by every case) does not have.
    /// </summary>
    public static string? NotPerformed(PodCase testCase)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        var pod = testCase.Pod;
        if (testCase.ServiceAccounts.IsEmpty || pod.Metadata.Annotations.ContainsKey(MirrorPodAnnotation) || pod.Spec.ServiceAccountName is not ("" or "default"))
        {
            return null;
        }

        foreach (var sa in testCase.ServiceAccounts)
        {
            if (sa.Name == "default" && !IsBare(sa))
            {
                return "the case gives the ServiceAccount default settings its pod uses, which the cluster adapter does not give the run namespace's own default account (its controller makes it, and every case of the run uses it)";
            }
        }

        return null;
    }

    private static bool IsBare(Model.Admission.Objects.ServiceAccount sa) =>
        sa.AutomountServiceAccountToken is null && sa.ImagePullSecrets.IsEmpty && sa.Secrets.IsEmpty && sa.Annotations.IsEmpty;

    /// <summary>
    /// <paramref name="names"/> with the case's account renamed (see the class): the account the pod names created with the
    /// case's settings, or the never-created stand-in when the case does not give it. Unchanged for a case without accounts,
    /// a mirror pod, and a pod that uses <c>default</c> (the namespace's own; <see cref="NotPerformed"/> declined the case if
    /// it gives <c>default</c> settings). Throws as <see cref="EnsureAsync"/> does.
    /// </summary>
    public async Task<ClusterScopedNames> RenameAsync(PodCase testCase, RunNamespace run, ClusterScopedNames names, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(names);
        var pod = testCase.Pod;
        string name = pod.Spec.ServiceAccountName;
        if (testCase.ServiceAccounts.IsEmpty || name is "" or "default" || pod.Metadata.Annotations.ContainsKey(MirrorPodAnnotation))
        {
            return names;
        }

        Model.Admission.Objects.ServiceAccount? given = null;
        foreach (var sa in testCase.ServiceAccounts)
        {
            if (sa.Name == name)
            {
                given = sa;
            }
        }

        RenamedObject renamed;
        if (given is null)
        {
            renamed = new RenamedObject(ClusterScopedKind.ServiceAccount, name, RunObjects.NameFor(run, ClusterScopedKind.ServiceAccount, "-absent"), Exists: false);
        }
        else
        {
            string content = SettingsJson(given);
            var entry = _byContent.GetOrAdd(content, c => new Lazy<Task<string>>(() => CreateRenamedAsync(given, c, run, ct)));
            try
            {
                renamed = new RenamedObject(ClusterScopedKind.ServiceAccount, name, await entry.Value.WaitAsync(ct).ConfigureAwait(false), Exists: true);
            }
            catch (Exception e) when (e is not ClusterObjectRefusedException)
            {
                _byContent.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(content, entry));
                throw;
            }
        }

        return new ClusterScopedNames([.. names.Objects, renamed]);
    }

    /// <summary>
    /// The settings of <paramref name="sa"/> as a ServiceAccount's fields (no metadata but its annotations): the key under
    /// which equal accounts of a run are created once, and the body <see cref="Json(string, RunNamespace, string)"/> completes.
    /// </summary>
    public static string SettingsJson(Model.Admission.Objects.ServiceAccount sa)
    {
        ArgumentNullException.ThrowIfNull(sa);
        var obj = new JsonObject();
        if (!sa.Annotations.IsEmpty)
        {
            var annotations = new JsonObject();
            foreach (var (k, v) in sa.Annotations)
            {
                annotations[k] = v;
            }

            obj["annotations"] = annotations;
        }

        if (sa.AutomountServiceAccountToken is bool automount)
        {
            obj["automountServiceAccountToken"] = automount;
        }

        if (!sa.Secrets.IsEmpty)
        {
            obj["secrets"] = References(sa.Secrets);
        }

        if (!sa.ImagePullSecrets.IsEmpty)
        {
            obj["imagePullSecrets"] = References(sa.ImagePullSecrets);
        }

        return obj.ToJsonString();

        static JsonArray References(Model.Collections.ValueList<string> names)
        {
            var list = new JsonArray();
            foreach (string n in names)
            {
                list.Add(new JsonObject { ["name"] = n });
            }

            return list;
        }
    }

    /// <summary>The account as sent: name, namespace and the run's labels; no field the ServiceAccount plugin reads.</summary>
    public static string Json(string name, RunNamespace run) => Json(name, run, "{}");

    /// <summary>The account as sent with the settings <paramref name="settings"/> (<see cref="SettingsJson"/>): its annotations go into the metadata.</summary>
    public static string Json(string name, RunNamespace run, string settings)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(settings);
        var labels = new JsonObject();
        foreach (var (k, v) in run.Labels)
        {
            labels[k] = v;
        }

        var fields = (JsonObject)JsonNode.Parse(settings)!;
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = run.Name, ["labels"] = labels };
        if (fields["annotations"] is { } annotations)
        {
            fields.Remove("annotations");
            metadata["annotations"] = annotations;
        }

        var obj = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ServiceAccount",
            ["metadata"] = metadata,
        };
        foreach (var (k, v) in fields.ToList())
        {
            fields.Remove(k);
            obj[k] = v;
        }

        return obj.ToJsonString();
    }

    private async Task<string> CreateRenamedAsync(Model.Admission.Objects.ServiceAccount sa, string settings, RunNamespace run, CancellationToken ct)
    {
        string name = RunObjects.NameFor(run, ClusterScopedKind.ServiceAccount, Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture));
        await CreateAsync(name, run, ct, settings, "the case's ServiceAccount " + GoQuote.Quote(sa.Name) + " (as serviceaccount " + run.Name + "/" + name + ")").ConfigureAwait(false);
        return name;
    }

    private Task CreateAsync(string name, RunNamespace run, CancellationToken ct) =>
        CreateAsync(name, run, ct, "{}", "the ServiceAccount " + GoQuote.Quote(name) + " the case's pod names (the model assumes it exists, ADM-098)");

    private async Task CreateAsync(string name, RunNamespace run, CancellationToken ct, string settings, string what)
    {
        var response = await api.CreateServiceAccountAsync(run.Name, Json(name, run, settings), ct).ConfigureAwait(false);
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
