using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Validation;

namespace PodConformance.Model.Admission;

/// <summary>What a Pod create gives back: the object as stored (or as far as the create got), how it ended, and how.</summary>
public sealed record PodCreateResult
{
    /// <summary>The pod as the API server stores it; when refused, the pod as it was when the refusing step ran.</summary>
    public required Pod Stored { get; init; }

    /// <summary>Null when the create was accepted.</summary>
    public AdmissionRejection? Rejection { get; init; }

    public bool Accepted => Rejection is null;

    /// <summary>Validation's answer; <see cref="ValidationResult.Valid"/> also when an earlier step refused the pod.</summary>
    public ValidationResult Validation { get; init; } = ValidationResult.Valid;

    /// <summary>True when validation ran (an admission plugin may refuse the pod before it).</summary>
    public bool Validated { get; init; }

    /// <summary>The warnings the create returns, in the API server's order.</summary>
    public ValueList<Warnings.PodWarning> Warnings { get; init; }

    /// <summary>Every step that ran, in order (ADM-001).</summary>
    public ValueList<AdmissionStep> Steps { get; init; }

    /// <summary>What the model could not check for this create (objects it was not given, plugins it does not model).</summary>
    public ValueList<NotChecked> NotChecked { get; init; }

    /// <summary>The PodValidationOptions validation ran with (ADM-097).</summary>
    public ValueList<PodValidationOption> Options { get; init; }
}
