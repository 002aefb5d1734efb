using PodConformance.Model.Api;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;
using PodConformance.Model.Validation;

namespace PodConformance.Model.Admission;

/// <summary>
/// Stages of a create that a caller may replace: the suite's mutation self-check bends one rule at a time and lets the
/// rest of the create run for real. Null (the default) is the model's own stage; production callers pass nothing.
/// </summary>
public sealed record PodCreateStages
{
    public static PodCreateStages Real { get; } = new();

    /// <summary>Replaces decode defaulting (the model's runs SetObjectDefaults_Pod and records each change for <c>explain</c>).</summary>
    public Func<Pod, Profile, Pod>? Defaulting { get; init; }

    /// <summary>
    /// Replaces the create strategy's defaulting part of PrepareForCreate (<see cref="PodDefaulter.CreateStrategyDefaults(Pod, Profile)"/>:
    /// from 1.37 the pod-level resource defaults, DEF-022; the drops, the matchLabelKeys merges, the AppArmor version skew).
    /// </summary>
    public Func<Pod, Profile, Pod>? CreateStrategy { get; init; }

    /// <summary>Replaces ValidatePodCreate.</summary>
    public Func<Pod, Profile, ValidationResult>? Validation { get; init; }

    /// <summary>Replaces the QoS class PrepareForCreate writes to <c>status.qosClass</c>.</summary>
    public Func<PodSpec, Profile, QosClass>? Qos { get; init; }

    /// <summary>
    /// Whether the validating admission plugin of that name (<see cref="Plugins.AdmissionPlugins.ValidatingNames"/>) runs;
    /// null: every one. A skipped plugin's step is still listed, with a note that it was skipped.
    /// </summary>
    public Func<string, bool>? RunsValidatingPlugin { get; init; }

    /// <summary>Replaces the cluster objects the plugins read (a mutant that forgets a kind, or a part of one).</summary>
    public Func<AdmissionObjects, AdmissionObjects>? Objects { get; init; }
}
