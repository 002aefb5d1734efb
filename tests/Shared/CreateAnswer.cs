using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;
using PodConformance.Model.Warnings;

namespace PodConformance.Tests.Shared;

/// <summary>
/// What a user's <c>podconf validate</c> sees for one pod: the whole create (<see cref="PodCreate.Run(Pod, Profile)"/>,
/// no objects given: decode defaults, the mutating admission plugins, PrepareForCreate with its drop of gated-off fields,
/// validation, the create warnings, the validating plugins), reduced to what the upstream-vector harnesses compare.
/// </summary>
/// <remarks>
/// Kubernetes' validation tests call the validator on a hand-built object; a user's manifest reaches the validator only
/// through the create, which can drop a field first (dropDisabledFields) or refuse the pod before validation (an
/// admission plugin). Every harness that turns those tests into manifests runs them through this one place, so a vector
/// no real create produces shows up as a failing case instead of passing against a path no user takes (issue 9).
/// </remarks>
public sealed class CreateAnswer
{
    private CreateAnswer(PodCreateResult create)
    {
        Create = create;
    }

    /// <summary>The create itself, for what a harness needs beyond the answer.</summary>
    public PodCreateResult Create { get; }

    /// <summary>Validation's answer; <see cref="ValidationResult.Valid"/> when an admission plugin refused the pod first.</summary>
    public ValidationResult Validation => Create.Validation;

    /// <summary>Validation's field errors, in the API server's order; empty when a plugin refused the pod.</summary>
    public ValueList<FieldError> Errors => Create.Validation.Errors;

    /// <summary>An admission plugin's refusal (HTTP 403, <c>pods "x" is forbidden: …</c>), before or after validation; else null.</summary>
    public string? Forbidden => Create.Rejection is { IsInvalid: false } refusal ? refusal.Message : null;

    /// <summary>True when the API server would store the pod.</summary>
    public bool Accepted => Create.Accepted;

    /// <summary>The warnings the create sends back (none from WarningsOnCreate when validation refuses the pod).</summary>
    public ValueList<PodWarning> Warnings => Create.Warnings;

    /// <summary>The answer as text: the plugin's Forbidden message alone, else each field error as the API server words it.</summary>
    public IReadOnlyList<string> Lines =>
        Forbidden is { } message ? [message] : Errors.Select(e => e.ToString()).ToList();

    /// <summary>A failure message's view of the answer: the refusal, or the field errors one a line.</summary>
    public string Describe() => Forbidden ?? string.Join("\n", Errors);

    public static CreateAnswer Of(Pod pod, Profile profile) => new(PodCreate.Run(pod, profile));

    /// <summary>The create with the cluster objects the admission plugins read (a vector whose test needs a RuntimeClass).</summary>
    public static CreateAnswer Of(Pod pod, Profile profile, AdmissionObjects objects) => new(PodCreate.Run(pod, profile, objects));
}
