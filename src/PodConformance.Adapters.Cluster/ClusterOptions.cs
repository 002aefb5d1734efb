using System.Globalization;
using System.Text.RegularExpressions;

namespace PodConformance.Adapters.Cluster;

/// <summary>
/// Everything the cluster adapter needs to connect and to stay inside its own namespaces. Built by the CLI
/// (<c>--kubeconfig</c>, <c>--context</c>, …) or by code; <see cref="Validate"/> is the gate that keeps the suite
/// from ever running against a cluster by accident.
/// </summary>
public sealed partial record ClusterOptions
{
    /// <summary>The prefix used when the user confirmed but chose none.</summary>
    public const string DefaultNamespacePrefix = "podconf";

    /// <summary>The name of the confirmation flag, quoted in refusals.</summary>
    public const string ConfirmFlag = "--yes-i-know-this-is-a-cluster";

    /// <summary>The opt-in flag for creating cluster-scoped objects, quoted where a case is not performed without it.</summary>
    public const string ClusterScopedObjectsFlag = "--cluster-scoped-objects";

    /// <summary>The opt-in flag that labels the run's namespace PodSecurity <c>privileged</c>, quoted where PodSecurity refused a case.</summary>
    public const string PodSecurityPrivilegedFlag = "--pod-security-privileged";

    /// <summary>Kubeconfig file; null: <c>$KUBECONFIG</c> or <c>~/.kube/config</c> as kubectl does.</summary>
    public string? KubeconfigPath { get; init; }

    /// <summary>Kubeconfig context; null: the file's current-context.</summary>
    public string? Context { get; init; }

    /// <summary>Use the service-account token mounted into a Pod instead of a kubeconfig.</summary>
    public bool InCluster { get; init; }

    /// <summary>Explicit namespace prefix. Either this or <see cref="Confirmed"/> must be given.</summary>
    public string? NamespacePrefix { get; init; }

    /// <summary>The user said, in so many words, that this is a real cluster and the suite may create namespaces in it.</summary>
    public bool Confirmed { get; init; }

    public ClusterLayers Layers { get; init; } = ClusterLayers.Admission;

    /// <summary>
    /// The user allowed the adapter to create the cluster-wide objects a case needs (RuntimeClasses, PriorityClasses other
    /// than a global default) under run-unique names, and to delete them at the end (<see cref="ClusterScopedObjectsFlag"/>).
    /// Off: such a case is not performed. They are outside the run's namespace, so this takes a second, explicit yes.
    /// </summary>
    public bool ClusterScopedObjects { get; init; }

    /// <summary>
    /// The user allowed the adapter to create the run's namespace with <c>pod-security.kubernetes.io/enforce=privileged</c>
    /// (<see cref="PodSecurityPrivilegedFlag"/>), so that PodSecurity admits every pod there, as the model assumes for a
    /// namespace without PodSecurity labels (spec/admission.md ADM-010), also on a cluster whose default level is stricter.
    /// Off: the namespace carries no PodSecurity label and a PodSecurity refusal makes the case not performed. It overrides
    /// a cluster administrator's choice for that namespace, and with the lifecycle layer real privileged or host-path pods
    /// of the generated cases then run on the nodes, so it takes an explicit yes.
    /// </summary>
    public bool PodSecurityPrivileged { get; init; }

    /// <summary>
    /// How long a pod create that finds a just-created object missing is retried: the Priority plugin reads PriorityClasses
    /// from an informer that sees a new object a moment later (RuntimeClass's falls back to a live read). 12 attempts,
    /// 250 ms doubling to 5 s: about 38 s in all, far beyond an informer's usual lag of milliseconds.
    /// </summary>
    public RetryPolicy ObjectVisibility { get; init; } = new() { MaxAttempts = 12, InitialDelay = TimeSpan.FromMilliseconds(250), MaxDelay = TimeSpan.FromSeconds(5) };

    /// <summary>Concurrent dry-run creates (admission is cheap; hundreds per second at 16–32).</summary>
    public int AdmissionConcurrency { get; init; } = 16;

    /// <summary>Concurrent real Pods.</summary>
    public int LifecycleConcurrency { get; init; } = 4;

    /// <summary>One API request (not a watch), retries excluded.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound of one lifecycle case, whatever the scenario's <c>until</c> says.</summary>
    public TimeSpan LifecycleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long deleting the run's namespace may take at the end (also after Ctrl-C).</summary>
    public TimeSpan CleanupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries on 429, 5xx, 409 Conflict and connection errors.</summary>
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    /// <summary>The image scenario behaviours run in: it must have a POSIX <c>sh</c>, <c>sleep</c>, <c>dd</c>, <c>env</c>, <c>touch</c>.</summary>
    public string Image { get; init; } = "busybox:1.36";

    /// <summary>Added to every timing expectation of a lifecycle rule (scheduling, pulls and PLEG make clusters late).</summary>
    public TimeSpan TimingTolerance { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The clock of a lifecycle case: its observation window, the scenario's delayed delete and the sample offsets.
    /// The system clock for real clusters; tests of the adapter's flow use a manual one, so what a case observes
    /// does not depend on how fast a busy machine serves the fake API server.
    /// </summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Progress lines (never manifests, tokens or Secret values). Null: silent.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>The prefix a run uses: the explicit one, else the default (allowed only when confirmed).</summary>
    public string EffectivePrefix => string.IsNullOrEmpty(NamespacePrefix) ? DefaultNamespacePrefix : NamespacePrefix;

    /// <summary>
    /// Why these options must not be used, one message per problem; empty when they are fine. The first rule is the
    /// safety gate: without an explicit prefix or the confirmation flag the suite refuses to touch a cluster.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrEmpty(NamespacePrefix) && !Confirmed)
        {
            errors.Add("refusing to run against a Kubernetes cluster without --namespace-prefix or " + ConfirmFlag
                + ": the suite creates and deletes namespaces, so say which prefix it may use, or confirm that this is a cluster it may use");
        }

        if (!string.IsNullOrEmpty(NamespacePrefix) && !PrefixPattern().IsMatch(NamespacePrefix))
        {
            errors.Add("--namespace-prefix \"" + NamespacePrefix + "\": must be 1-" + RunNamespace.MaxPrefixLength.ToString(CultureInfo.InvariantCulture)
                + " lowercase letters, digits or '-', starting with a letter (namespaces are DNS labels)");
        }

        if (ClusterScopedObjects && (EffectivePrefix + "-").StartsWith("system-", StringComparison.Ordinal))
        {
            errors.Add("--namespace-prefix \"" + EffectivePrefix + "\" cannot name the objects of " + ClusterScopedObjectsFlag
                + ": PriorityClass names starting with 'system-' are reserved for the system's classes");
        }

        if (ObjectVisibility.MaxAttempts < 1)
        {
            errors.Add("object visibility attempts must be at least 1");
        }

        if (InCluster && (KubeconfigPath is not null || Context is not null))
        {
            errors.Add("--in-cluster cannot be combined with --kubeconfig or --context");
        }

        if (Layers == ClusterLayers.None)
        {
            errors.Add("no layer selected: choose admission, lifecycle or both");
        }

        if (AdmissionConcurrency is < 1 or > 256)
        {
            errors.Add("admission concurrency must be 1..256");
        }

        if (LifecycleConcurrency is < 1 or > 64)
        {
            errors.Add("lifecycle concurrency must be 1..64");
        }

        if (RequestTimeout <= TimeSpan.Zero || LifecycleTimeout <= TimeSpan.Zero || CleanupTimeout <= TimeSpan.Zero)
        {
            errors.Add("timeouts must be positive");
        }

        if (TimingTolerance < TimeSpan.Zero)
        {
            errors.Add("timing tolerance must not be negative");
        }

        if (string.IsNullOrWhiteSpace(Image) || Image.Contains(' ', StringComparison.Ordinal))
        {
            errors.Add("--image must be an image reference such as busybox:1.36");
        }

        return errors;
    }

    /// <summary>Throws <see cref="ClusterSafetyException"/> with every problem when <see cref="Validate"/> finds any.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ClusterSafetyException(string.Join("; ", errors));
        }
    }

    [GeneratedRegex("^[a-z]([-a-z0-9]{0,29})$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();
}
