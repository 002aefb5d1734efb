using System.Net;
using k8s;
using k8s.Autorest;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Cluster;

/// <summary>
/// A live Kubernetes cluster as an adapter. Admission: server-side dry-run creates (nothing persisted), many at once.
/// Lifecycle: real Pods acting out the scenario in busybox, observed by watch. Everything lives in one fresh namespace
/// per run, labelled as podconf's, deleted on dispose (also after failures and Ctrl-C). Design: spec/adapter-cluster.md.
/// </summary>
public sealed class ClusterAdapter : IConformanceAdapter
{
    private readonly ClusterOptions _options;
    private readonly ClusterApi _api;
    private readonly SemaphoreSlim _admission;
    private readonly SemaphoreSlim _lifecycle;
    private readonly SemaphoreSlim _setup = new(1, 1);
    private readonly RunObjects _objects;
    private readonly RunServiceAccounts _accounts;
    private readonly string _name;
    private RunNamespace? _namespace;
    private bool _namespaceReady;
    private KubernetesVersion? _serverVersion;
    private int _podSequence;
    private int _disposed;

    private ClusterAdapter(ClusterOptions options, Kubernetes client, string name)
    {
        _options = options;
        _api = new ClusterApi(client, options);
        _objects = new RunObjects(_api, options);
        _accounts = new RunServiceAccounts(_api, options);
        _admission = new SemaphoreSlim(options.AdmissionConcurrency, options.AdmissionConcurrency);
        _lifecycle = new SemaphoreSlim(options.LifecycleConcurrency, options.LifecycleConcurrency);
        _name = name;
    }

    /// <summary>
    /// The adapter for <c>--adapter cluster</c>: validates the options (refusing without a namespace prefix or the
    /// confirmation flag), loads kubeconfig or in-cluster config. Connects lazily: nothing is sent before the first case
    /// or <see cref="DetectProfileAsync"/>. Throws <see cref="ClusterSafetyException"/> (exit code 2) on bad options.
    /// </summary>
    public static ClusterAdapter Create(ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        var config = ClusterConnection.Configure(options);
        return new ClusterAdapter(options, ClusterConnection.Connect(config), "cluster" + (string.IsNullOrEmpty(config.CurrentContext) ? "" : ":" + config.CurrentContext));
    }

    /// <summary>The same with an explicit client configuration (embedding, tests against a loopback fake).</summary>
    public static ClusterAdapter Create(ClusterOptions options, KubernetesClientConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        options.EnsureValid();
        return new ClusterAdapter(options, ClusterConnection.Connect(configuration), "cluster");
    }

    public string Name => _name;

    public Capability Capabilities =>
        ((_options.Layers & ClusterLayers.Admission) != 0 ? Capability.Admission | Capability.Qos : Capability.None)
        | ((_options.Layers & ClusterLayers.Lifecycle) != 0 ? Capability.Lifecycle : Capability.None);

    /// <summary>The run's namespace once created (null before the first case).</summary>
    public RunNamespace? Namespace => _namespace;

    /// <summary>The server's release as a profile (<c>/version</c>); the runner should use it, and cases under another release fail.</summary>
    public async Task<Profile> DetectProfileAsync(CancellationToken cancellationToken) =>
        Profile.For(await ServerVersionAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Runs a case. A pod case's RuntimeClasses and PriorityClasses (<see cref="PodCase.RuntimeClasses"/>,
    /// <see cref="PodCase.PriorityClasses"/>) are created on the cluster with <see cref="ClusterOptions.ClusterScopedObjectsFlag"/>
    /// (the object the pod names, under a run-unique name; never a globalDefault PriorityClass) and otherwise make the case
    /// not performed; its ServiceAccounts (<see cref="PodCase.ServiceAccounts"/>) likewise in the run's namespace, without the flag.
    /// </summary>
    public async ValueTask<Observation> RunAsync(ConformanceCase testCase, Profile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(profile);
        if (testCase is not PodCase p)
        {
            return Observation.Failed("the cluster adapter runs pod cases only (" + testCase.Describe() + ")");
        }

        if (NotPerformed(p, out var plan) is { } notPerformed)
        {
            return Observation.Unperformed(notPerformed);
        }

        try
        {
            var version = await ServerVersionAsync(cancellationToken).ConfigureAwait(false);
            if (profile.Version != version)
            {
                return Observation.Failed("profile " + profile.Version + " does not match the cluster's release " + version + ": run with --kubernetes-version " + version);
            }

            string ns = await EnsureNamespaceAsync(cancellationToken).ConfigureAwait(false);
            ClusterScopedNames names;
            try
            {
                names = await _objects.EnsureAsync(plan, _namespace!, cancellationToken).ConfigureAwait(false);

                // The ServiceAccount the pod names, which the model assumes exists (ADM-098): the run's namespace has only "default".
                await _accounts.EnsureAsync(p, _namespace!, cancellationToken).ConfigureAwait(false);

                // A case's own accounts (session 15): the one the pod names, created with the case's settings under a run-unique name.
                names = await _accounts.RenameAsync(p, _namespace!, names, cancellationToken).ConfigureAwait(false);
            }
            catch (ClusterObjectRefusedException e)
            {
                return Observation.Unperformed(e.Message);
            }

            var observation = new Observation();
            if ((_options.Layers & ClusterLayers.Admission) != 0)
            {
                var (admission, error) = await AdmitAsync(p.Pod, ns, names, cancellationToken).ConfigureAwait(false);
                if (admission is null)
                {
                    return error.NotPerformed ? Observation.Unperformed(error.Text) : Observation.Failed(error.Text);
                }

                observation = observation with { Admission = admission };
                if (!admission.Accepted)
                {
                    return observation with { Lifecycle = new LifecycleObservation { Rejected = true } };
                }
            }

            if ((_options.Layers & ClusterLayers.Lifecycle) != 0)
            {
                observation = observation with { Lifecycle = await LifecycleAsync(p, ns, names, cancellationToken).ConfigureAwait(false) };
            }

            return observation;
        }
        catch (ClusterPolicyDeniedException e)
        {
            // A real create refused by a webhook, an admission policy or PodSecurity: the cluster's configuration, not the pod's verdict.
            return Observation.Unperformed(e.Message);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException && IsCaseFailure(e))
        {
            // The run was cancelled while the case was failing: report the cancellation, never a failed case (a conformance claim).
            throw new OperationCanceledException(testCase.Describe() + ": cancelled (" + RetryPolicy.Describe(e) + ")", e, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (IsCaseFailure(e) || e is OperationCanceledException)
        {
            return Observation.Failed(testCase.Describe() + ": " + (e is ClusterSafetyException ? e.Message : RetryPolicy.Describe(e)));
        }
    }

    /// <summary>The exceptions a case ends with when the cluster could not be reached, kept failing or refused podconf.</summary>
    private static bool IsCaseFailure(Exception e) =>
        e is HttpOperationException or HttpRequestException or IOException or TransientClusterException or ClusterSafetyException;

    /// <summary>
    /// Why the cluster cannot act the case out, or null (and then the plan of the cluster-scoped objects it needs): a
    /// real target's limits (<see cref="PodCase.BeyondRealTargets"/>) except RuntimeClasses and PriorityClasses, which this
    /// adapter creates with <see cref="ClusterOptions.ClusterScopedObjectsFlag"/> and otherwise answers not performed, naming the flag,
    /// and ServiceAccounts, which it creates in the run's namespace (<see cref="RunServiceAccounts"/>) unless the case gives the
    /// namespace's own <c>default</c> account settings.
    /// </summary>
    private string? NotPerformed(PodCase p, out ClusterScopedPlan plan)
    {
        plan = ClusterScopedPlan.None;
        var priorityClasses = p.PriorityClasses;
        string? why = (p.RuntimeClasses.IsEmpty && priorityClasses.IsEmpty && p.ServiceAccounts.IsEmpty ? p : p with { RuntimeClasses = default, PriorityClasses = default, ServiceAccounts = default }).BeyondRealTargets("the cluster");

        // A case's own ServiceAccounts are created in the run's namespace (RunServiceAccounts), except settings for its default one.
        if (RunServiceAccounts.NotPerformed(p) is { } accounts)
        {
            why = why is null ? accounts : why + "; " + accounts;
        }

        if (p.RuntimeClasses.IsEmpty && priorityClasses.IsEmpty)
        {
            return why;
        }

        string? objects;
        if (_options.ClusterScopedObjects)
        {
            plan = ClusterScopedPlan.For(p.Pod, p.RuntimeClasses, priorityClasses);
            objects = plan.NotPerformed;
        }
        else
        {
            var needs = new List<string>(2);
            if (!p.RuntimeClasses.IsEmpty)
            {
                needs.Add("RuntimeClass objects (" + string.Join(",", p.RuntimeClasses.Select(r => r.Name)) + ")");
            }

            if (!priorityClasses.IsEmpty)
            {
                needs.Add("PriorityClass objects (" + string.Join(",", priorityClasses.Select(c => c.Name)) + ")");
            }

            objects = "the case needs " + string.Join(" and ", needs) + ", which the cluster adapter creates only with "
                + ClusterOptions.ClusterScopedObjectsFlag + " (cluster-wide objects under run-unique names, deleted at the end)";
        }

        return why is null ? objects : objects is null ? why : why + "; " + objects;
    }

    /// <summary>
    /// Dry-run create of the manifest as written: only the namespace is set to the run's, and references to cluster-scoped
    /// objects name the run's (<paramref name="names"/>); the answer is mapped back to the case's names. No observation:
    /// the error says why, and whether the case was not performed (a denial by the cluster's own admission configuration,
    /// <see cref="ClusterPolicyDenial"/>) or failed.
    /// </summary>
    internal async Task<(AdmissionObservation? Observation, (string Text, bool NotPerformed) Error)> AdmitAsync(Pod pod, string ns, ClusterScopedNames names, CancellationToken ct)
    {
        var sent = names.Rewrite(pod with { Metadata = pod.Metadata with { Namespace = ns } });
        string json = PodManifestWriter.ToJson(sent);
        var (response, missing) = await CreateSeeingAsync(
            async () =>
            {
                await _admission.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    return await _api.CreatePodAsync(ns, json, dryRun: true, ct, _accounts.Created).ConfigureAwait(false);
                }
                finally
                {
                    _admission.Release();
                }
            },
            names,
            ct).ConfigureAwait(false);
        if (missing.Length > 0)
        {
            return (null, (missing, false));
        }

        if (ClusterPolicyDenial.Of(response) is { } denial)
        {
            return (null, (names.Back(denial.NotPerformed(_namespace?.PodSecurityPrivileged == true)), true));
        }

        var observation = AdmissionMapping.Map(response, pod, ns, out string error);
        return (observation is null ? null : names.Back(observation), (names.Back(error), false));
    }

    /// <summary>
    /// A pod create, repeated while its answer is an admission plugin's "not found" for an object this run created (the
    /// Priority plugin reads an informer that sees a new PriorityClass a moment later), with backoff, at most
    /// <see cref="ClusterOptions.ObjectVisibility"/> attempts. The error is non-empty when the object never became visible.
    /// </summary>
    private async Task<(ClusterApi.CreateResponse Response, string Error)> CreateSeeingAsync(Func<Task<ClusterApi.CreateResponse>> create, ClusterScopedNames names, CancellationToken ct)
    {
        var policy = _options.ObjectVisibility;
        for (int attempt = 1; ; attempt++)
        {
            var response = await create().ConfigureAwait(false);
            if (names.NotYetVisible(response) is not { } missing)
            {
                return (response, "");
            }

            string what = missing.Kind.ObjectName(missing.Renamed) + " (the case's " + missing.Kind.Kind + " " + missing.Original + ")";
            if (attempt >= policy.MaxAttempts)
            {
                return (response, "the API server's admission still did not find " + what + ", created by this run, after "
                    + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture) + " attempts");
            }

            var delay = policy.DelayAfter(attempt, null);
            _options.Log?.Invoke("admission does not see " + what + " yet; retry " + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + " in " + ((int)delay.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) + "ms");
            await Task.Delay(delay, ct).ConfigureAwait(false);
        }
    }

    private async Task<LifecycleObservation> LifecycleAsync(PodCase p, string ns, ClusterScopedNames names, CancellationToken ct)
    {
        await _lifecycle.WaitAsync(ct).ConfigureAwait(false);
        string podName = "";
        bool gone = false;
        Task deleter = Task.CompletedTask;
        var time = _options.Time;
        using var window = new CancellationTokenSource();
        using var runCts = CancellationTokenSource.CreateLinkedTokenSource(ct, window.Token);
        ITimer? windowTimer = null;
        try
        {
            // Many cases share pod names; a sequence number keeps concurrent ones apart (the scenario is looked up by the original name).
            int seq = Interlocked.Increment(ref _podSequence);
            var rendered = ScenarioRendering.Render(p.Pod, p.Scenario, ns, _namespace!.Labels, new RenderSettings(_options.Image));
            string stem = rendered.Metadata.Name.Length > 50 ? rendered.Metadata.Name[..50].TrimEnd('-', '.') : rendered.Metadata.Name;
            podName = stem + "-" + seq.ToString(System.Globalization.CultureInfo.InvariantCulture);
            rendered = names.Rewrite(rendered with { Metadata = rendered.Metadata with { Name = podName } });

            var duration = p.Scenario.Until < _options.LifecycleTimeout ? p.Scenario.Until : _options.LifecycleTimeout;
            long started = time.GetTimestamp();
            TimeSpan Elapsed() => time.GetElapsedTime(started);
            string json = PodManifestWriter.ToJson(rendered);
            var (created, missing) = await CreateSeeingAsync(
                () =>
                {
                    // Offsets count from the create that took (an object's lag must not shift the samples).
                    started = time.GetTimestamp();
                    return _api.CreatePodAsync(ns, json, dryRun: false, ct, _accounts.Created);
                },
                names,
                ct).ConfigureAwait(false);
            if (missing.Length > 0)
            {
                gone = true;
                throw new TransientClusterException(missing);
            }

            if (ClusterPolicyDenial.Of(created) is { } denial)
            {
                gone = true;
                throw new ClusterPolicyDeniedException(names.Back(denial.NotPerformed(_namespace.PodSecurityPrivileged)));
            }

            // An admission plugin's refusal is a 403 too (ADM-011); RBAC's, or a terminating namespace's, is not the pod's verdict.
            if (created.StatusCode is 400 or 422 || (created.StatusCode == 403 && ForbiddenPodCreate.Classify(created.Body, ns) == ForbiddenKind.AdmissionRefusal))
            {
                gone = true;
                return new LifecycleObservation { Rejected = true };
            }

            if (!created.Created && created.StatusCode != (int)HttpStatusCode.Conflict)
            {
                throw new TransientClusterException("create pod answered HTTP " + created.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    + (created.StatusCode == 403 ? ": " + ForbiddenPodCreate.Describe(ForbiddenPodCreate.Classify(created.Body, ns), created.Body, ns) : ""));
            }

            _options.Log?.Invoke("pod " + ns + "/" + podName + " created; observing for " + ScenarioRendering.Seconds(duration) + "s");
            windowTimer = time.CreateTimer(static state => CancelQuietly((CancellationTokenSource)state!), window, duration, Timeout.InfiniteTimeSpan);
            if (p.Scenario.ScriptFor(p.Pod.Metadata.Name).DeleteAfter is { } deleteAfter)
            {
                deleter = DeleteLaterAsync(ns, podName, deleteAfter - Elapsed(), rendered.Spec.TerminationGracePeriodSeconds, runCts.Token);
            }

            var snapshots = new List<(TimeSpan, Pod, bool)>();
            DateTimeOffset? createdAt = null;
            try
            {
                for (int failures = 0; !gone && !runCts.IsCancellationRequested;)
                {
                    int remaining = Math.Max(1, (int)Math.Ceiling((duration - Elapsed()).TotalSeconds));
                    int received = 0;
                    try
                    {
                        await foreach (var (type, v1) in _api.WatchPodAsync(ns, podName, remaining, runCts.Token).ConfigureAwait(false))
                        {
                            var pod = ClusterObjects.FromV1(v1, out string error);
                            if (pod is null)
                            {
                                _options.Log?.Invoke("ignored a watch event: " + error);
                                continue;
                            }

                            createdAt ??= pod.Metadata.CreationTimestamp;
                            gone = type == WatchEventType.Deleted;
                            snapshots.Add((Elapsed(), pod, gone));
                            received++;
                            failures = 0;
                            if (gone)
                            {
                                break;
                            }
                        }
                    }
                    catch (Exception e) when (RetryPolicy.IsRetryable(e) && failures + 1 < _options.Retry.MaxAttempts)
                    {
                        _options.Log?.Invoke("watch of pod " + podName + ": " + RetryPolicy.Describe(e));
                    }

                    // A watch that ended after events (the server's timeout) re-watches at once; one that brought nothing
                    // (every watch starts with ADDED) failed: back off, and give up after the retry budget.
                    if (received == 0 && !gone && !runCts.IsCancellationRequested)
                    {
                        if (++failures >= _options.Retry.MaxAttempts)
                        {
                            throw new TransientClusterException("watch of pod " + podName + " failed " + failures.ToString(System.Globalization.CultureInfo.InvariantCulture) + " times");
                        }

                        await Task.Delay(_options.Retry.DelayAfter(failures, null), runCts.Token).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // The scenario's time is up.
            }

            IReadOnlyList<EventSample> events = [];
            if (createdAt is { } at)
            {
                events = ClusterObjects.Events(await _api.ListPodEventsAsync(ns, podName, ct).ConfigureAwait(false), at);
            }

            return LifecycleObserver.FromSnapshots(snapshots, events);
        }
        finally
        {
            if (windowTimer is not null)
            {
                await windowTimer.DisposeAsync().ConfigureAwait(false);
            }

            await runCts.CancelAsync().ConfigureAwait(false);
            await deleter.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!gone && podName.Length > 0)
            {
                await DeleteQuietlyAsync(() => _api.DeletePodAsync(ns, podName, 0, CleanupToken()), "pod " + podName).ConfigureAwait(false);
            }

            _lifecycle.Release();
        }
    }

    private async Task DeleteLaterAsync(string ns, string podName, TimeSpan after, long? grace, CancellationToken ct)
    {
        if (after > TimeSpan.Zero)
        {
            await Task.Delay(after, _options.Time, ct).ConfigureAwait(false);
        }

        await _api.DeletePodAsync(ns, podName, grace, ct).ConfigureAwait(false);
    }

    /// <summary>The window's timer may fire while the case is ending and its token source is being disposed.</summary>
    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The case ended first: nothing left to cancel.
        }
    }

    private async Task<KubernetesVersion> ServerVersionAsync(CancellationToken ct)
    {
        if (_serverVersion is { } known)
        {
            return known;
        }

        var info = await _api.GetVersionAsync(ct).ConfigureAwait(false);
        if (!ServerVersion.TryParse(info, out var version, out string error))
        {
            throw new ClusterSafetyException(error);
        }

        _options.Log?.Invoke("API server " + (info.GitVersion ?? version.ToString()) + ": profile " + version);
        _serverVersion = version;
        return version;
    }

    private async Task<string> EnsureNamespaceAsync(CancellationToken ct)
    {
        if (_namespaceReady)
        {
            return _namespace!.Name;
        }

        await _setup.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!_namespaceReady)
            {
                ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

                // Remembered before the call: if the create succeeds but its answer is lost, dispose still deletes it.
                _namespace ??= RunNamespace.New(_options.EffectivePrefix, DateTimeOffset.UtcNow) with { PodSecurityPrivileged = _options.PodSecurityPrivileged };
                try
                {
                    await _api.CreateNamespaceAsync(_namespace, ct).ConfigureAwait(false);
                }
                catch (HttpOperationException e) when (_namespace.PodSecurityPrivileged && e.Response is { StatusCode: HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.UnprocessableEntity } r)
                {
                    // Something on the cluster (a webhook, an admission policy) does not allow the label: say so, with the server's words.
                    throw new ClusterSafetyException("creating the run's namespace " + _namespace.Name + " with " + ClusterPolicyDenial.EnforceLabel + "="
                        + ClusterPolicyDenial.PrivilegedLevel + " (" + ClusterOptions.PodSecurityPrivilegedFlag + ") was refused: " + RetryPolicy.Describe(e) + ": "
                        + string.Join("; ", AdmissionMapping.Errors(r.Content ?? "")) + "; run without " + ClusterOptions.PodSecurityPrivilegedFlag);
                }

                _options.Log?.Invoke("created namespace " + _namespace.Name + " (" + ClusterInfo.ManagedSelector + ")");
                _namespaceReady = true;
            }

            return _namespace!.Name;
        }
        finally
        {
            _setup.Release();
        }
    }

    /// <summary>Deletes the run's namespace (and with it every pod) with its own timeout, so it also runs after Ctrl-C cancelled the run.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _setup.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_namespace is { } ns)
            {
                await DeleteQuietlyAsync(
                    async () =>
                    {
                        if (await _api.DeleteNamespaceIfOursAsync(ns.Name, ns.Prefix, CleanupToken()).ConfigureAwait(false))
                        {
                            _options.Log?.Invoke("deleted namespace " + ns.Name);
                        }
                    },
                    "namespace " + ns.Name).ConfigureAwait(false);

                // After the namespace: its pods may still name the objects while they terminate (deleting is allowed then).
                await _objects.DeleteAllAsync(ns, DeleteQuietlyAsync, CleanupToken()).ConfigureAwait(false);
            }
        }
        finally
        {
            _setup.Release();
            _api.Client.Dispose();
            _admission.Dispose();
            _lifecycle.Dispose();
        }
    }

    private CancellationToken CleanupToken() => new CancellationTokenSource(_options.CleanupTimeout).Token;

    private async Task DeleteQuietlyAsync(Func<Task> delete, string what)
    {
        try
        {
            await delete().ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException or IOException or TransientClusterException or OperationCanceledException)
        {
            _options.Log?.Invoke("could not delete " + what + " (" + RetryPolicy.Describe(e) + "); remove leftovers with: podconf cluster cleanup");
        }
    }
}
