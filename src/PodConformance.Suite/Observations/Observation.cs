using PodConformance.Model.Collections;

namespace PodConformance.Suite.Observations;

/// <summary>
/// What came back from running a case. Each facet is filled by adapters that have the matching
/// capability; <see cref="Failure"/> is set when the adapter itself failed on the case (crash, timeout,
/// garbage), which is a failure of that case, never of the run.
/// </summary>
public sealed record Observation
{
    public QuantityObservation? Quantity { get; init; }

    public AdmissionObservation? Admission { get; init; }

    // The pod facets the model computes only when read (Deferred); an adapter's facets are set as values.
    private Deferred<LifecycleObservation?> _lifecycle;
    private Deferred<EnvObservation?> _env;
    private Deferred<OomScoreObservation?> _oomScore;

    public LifecycleObservation? Lifecycle { get => _lifecycle.Value; init => _lifecycle = new(value); }

    public EnvObservation? Env { get => _env.Value; init => _env = new(value); }

    public OomScoreObservation? OomScore { get => _oomScore.Value; init => _oomScore = new(value); }

    public EvictionObservation? Eviction { get; init; }

    public string? Failure { get; init; }

    /// <summary>
    /// Set when the adapter could not act out part of the case (a podman or cluster target performs no scenario steps and
    /// cannot switch a case's feature gates): the case is then reported "not checked" with this reason, never compared,
    /// so a target is neither failed nor passed on what it was never asked to do.
    /// </summary>
    public string? NotPerformed { get; init; }

    public static Observation Failed(string why) => new() { Failure = why };

    /// <summary>
    /// A pod observation whose lifecycle, OOM-score and env facets are computed when first read (each pure): what a
    /// reader sees, and the observation's equality, are as if they had been computed here.
    /// </summary>
    internal static Observation Deferring(AdmissionObservation admission, Func<LifecycleObservation?> lifecycle, Func<OomScoreObservation?> oomScore, Func<EnvObservation?> env) =>
        new() { Admission = admission, _lifecycle = new(lifecycle), _oomScore = new(oomScore), _env = new(env) };

    /// <summary>An observation that says the case was not acted out, and why.</summary>
    public static Observation Unperformed(string why) => new() { NotPerformed = why };
}

/// <summary>A quantity as the API server answers it (the columns of <c>podconf quantity -o tsv</c>).</summary>
public sealed record QuantityObservation(bool Ok, string String, string Canonical, string Format, long MilliValue, long Value, string Error)
{
    /// <summary>
    /// Members the adapter could not observe (a client library that only parses has no printer, no Format, not
    /// Go's error texts): their values here are placeholders, and properties compare only the rest (PROTO-019).
    /// The model and every full implementation leave it <see cref="QuantityMembers.None"/>.
    /// </summary>
    public QuantityMembers NotObserved { get; init; }
}

/// <summary>The members of <see cref="QuantityObservation"/> besides <c>Ok</c>, which is always observed.</summary>
[Flags]
public enum QuantityMembers
{
    None = 0,
    String = 1,
    Canonical = 2,
    Format = 4,
    MilliValue = 8,
    Value = 16,
    Error = 32,
}

/// <summary>
/// The create: accepted or not, the field errors in Kubernetes' words, and (when accepted) the QoS class
/// recorded in status and the defaulted fields the rules compare.
/// </summary>
public sealed record AdmissionObservation
{
    public bool Accepted { get; init; }

    public ValueList<string> Errors { get; init; }

    public string QosClass { get; init; } = "";

    // Flattening the stored pod is a third of the model's admission cost and only the defaulting property reads it.
    private Deferred<ValueMap<string>> _defaults;

    /// <summary>Defaulted field values by path (<c>spec.restartPolicy</c> → <c>Always</c>), for DEF rules.</summary>
    public ValueMap<string> Defaults { get => _defaults.Value; init => _defaults = new(value); }

    /// <summary>An accepted create whose <see cref="Defaults"/> are computed (purely) when first read.</summary>
    internal static AdmissionObservation AcceptedDeferring(string qosClass, Func<ValueMap<string>> defaults) =>
        new() { Accepted = true, QosClass = qosClass, _defaults = new(defaults) };
}
