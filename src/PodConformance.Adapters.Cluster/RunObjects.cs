using System.Collections.Concurrent;
using System.Globalization;
using PodConformance.Model.Validation;

namespace PodConformance.Adapters.Cluster;

/// <summary>
/// The cluster-scoped objects of one run (<c>--cluster-scoped-objects</c>): created on first need under run-unique names
/// <c>&lt;prefix&gt;-&lt;run id&gt;-&lt;rc|pc&gt;&lt;n&gt;</c> (a DNS subdomain of at most 30 + 1 + 22 + 1 + 2 + 10 characters,
/// never starting with <c>system-</c>: <see cref="ClusterOptions.Validate"/>), labelled like the run's namespace, and
/// deleted at the end. Cases whose objects have the same content share one object; the cluster's own objects are never
/// named, so they cannot answer in a case's place.
/// </summary>
public sealed class RunObjects(ClusterApi api, ClusterOptions options)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _byContent = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(ClusterScopedKind Kind, string Name)> _attempted = new();
    private int _sequence;

    /// <summary>Every object the run asked the server to create, recorded before the request (a lost answer is still cleaned up).</summary>
    public IReadOnlyList<(ClusterScopedKind Kind, string Name)> Attempted => [.. _attempted];

    /// <summary>The name of the run's <paramref name="suffix"/>th object of <paramref name="kind"/> (or its never-created stand-in for "does not exist").</summary>
    public static string NameFor(RunNamespace run, ClusterScopedKind kind, string suffix)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(kind);
        return run.Prefix + "-" + run.RunId + "-" + kind.Tag + suffix;
    }

    /// <summary>
    /// The case's names on the cluster, creating what it needs. Throws <see cref="ClusterObjectRefusedException"/> when
    /// the cluster forbids or refuses an object (the case is then not performed); a failure to reach the server surfaces as
    /// <see cref="ClusterApi"/>'s exceptions, and the next case that needs the object tries again.
    /// </summary>
    public async Task<ClusterScopedNames> EnsureAsync(ClusterScopedPlan plan, RunNamespace run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(run);
        if (plan.Wanted.Count == 0)
        {
            return ClusterScopedNames.None;
        }

        var renamed = new List<RenamedObject>(plan.Wanted.Count);
        foreach (var w in plan.Wanted)
        {
            if (w.Content is not { } content)
            {
                renamed.Add(new RenamedObject(w.Kind, w.Name, NameFor(run, w.Kind, "-absent"), Exists: false));
                continue;
            }

            string key = w.Kind.Kind + "\n" + content;
            var entry = _byContent.GetOrAdd(key, _ => new Lazy<Task<string>>(() => CreateAsync(w.Kind, w.Name, content, run, ct)));
            try
            {
                renamed.Add(new RenamedObject(w.Kind, w.Name, await entry.Value.WaitAsync(ct).ConfigureAwait(false), Exists: true));
            }
            catch (Exception e) when (e is not ClusterObjectRefusedException)
            {
                // Unreachable server, cancelled first asker: the next case that needs the object tries again.
                _byContent.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(key, entry));
                throw;
            }
        }

        return new ClusterScopedNames(renamed);
    }

    /// <summary>Deletes every object the run created, each after reading it back and finding the run's labels and prefix.</summary>
    public async Task DeleteAllAsync(RunNamespace run, Func<Func<Task>, string, Task> quietly, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(quietly);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (kind, name) in _attempted)
        {
            if (!seen.Add(kind.Kind + "/" + name))
            {
                continue;
            }

            await quietly(
                async () =>
                {
                    if (await api.DeleteClusterObjectIfOursAsync(kind, name, run.Prefix, run.RunId, ct).ConfigureAwait(false))
                    {
                        options.Log?.Invoke("deleted " + kind.ObjectName(name));
                    }
                },
                kind.ObjectName(name)).ConfigureAwait(false);
        }
    }

    private async Task<string> CreateAsync(ClusterScopedKind kind, string original, string content, RunNamespace run, CancellationToken ct)
    {
        string name = NameFor(run, kind, Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture));
        _attempted.Enqueue((kind, name));
        string what = kind.Kind + " " + GoQuote.Quote(original) + " (as " + kind.ObjectName(name) + ")";
        var response = await api.CreateClusterObjectAsync(kind, ClusterScopedJson.Object(kind, name, run.Labels, content), ct).ConfigureAwait(false);
        if (ClusterPolicyDenial.Of(response) is { } denial)
        {
            // A webhook or admission policy of the cluster, not missing RBAC verbs: said as such (the case is not performed).
            throw new ClusterObjectRefusedException(denial.NotPerformed(namespaceLabelledPrivileged: false, "creating " + what));
        }

        switch (response.StatusCode)
        {
            case >= 200 and < 300:
                options.Log?.Invoke("created " + kind.ObjectName(name) + " for the case's " + kind.Kind + " " + original + " (" + ClusterInfo.ManagedSelector + ")");
                return name;
            case 409:
                // Our own earlier attempt whose answer was lost, or (never expected: the name holds the run id) someone else's.
                var existing = await api.GetClusterObjectAsync(kind, name, ct).ConfigureAwait(false);
                if (existing is not null && existing.IsOurs(kind, run.Prefix, run.RunId))
                {
                    return name;
                }

                throw new ClusterSafetyException(kind.ObjectName(name) + " already exists and is not this run's: not touching it");
            case 403:
                throw new ClusterObjectRefusedException("creating " + what + " was forbidden: " + string.Join("; ", AdmissionMapping.Errors(response.Body))
                    + ". " + ClusterOptions.ClusterScopedObjectsFlag + " needs the verbs create, get, list and delete on " + kind.QualifiedResource
                    + " (spec/cluster/rbac-cluster-scoped.yaml)");
            default:
                var names = new ClusterScopedNames([new RenamedObject(kind, original, name, Exists: false)]);
                var errors = AdmissionMapping.Errors(response.Body).Select(names.Back);
                throw new ClusterObjectRefusedException("the API server refused the case's " + kind.Kind + " " + GoQuote.Quote(original)
                    + " (HTTP " + response.StatusCode.ToString(CultureInfo.InvariantCulture) + "): " + string.Join("; ", errors));
        }
    }
}
