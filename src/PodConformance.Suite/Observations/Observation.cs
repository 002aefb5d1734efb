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

    public LifecycleObservation? Lifecycle { get; init; }

    public EnvObservation? Env { get; init; }

    public OomScoreObservation? OomScore { get; init; }

    public EvictionObservation? Eviction { get; init; }

    public string? Failure { get; init; }

    /// <summary>
    /// Set when the adapter could not act out part of the case (a podman or cluster target performs no scenario steps and
    /// cannot switch a case's feature gates): the case is then reported "not checked" with this reason, never compared,
    /// so a target is neither failed nor passed on what it was never asked to do.
    /// </summary>
    public string? NotPerformed { get; init; }

    public static Observation Failed(string why) => new() { Failure = why };

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

    /// <summary>Defaulted field values by path (<c>spec.restartPolicy</c> → <c>Always</c>), for DEF rules.</summary>
    public ValueMap<string> Defaults { get; init; }
}
