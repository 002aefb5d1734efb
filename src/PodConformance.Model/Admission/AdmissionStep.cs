using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;

namespace PodConformance.Model.Admission;

/// <summary>The stages of a Pod create, in the API server's order (ADM-001).</summary>
public enum AdmissionStage
{
    /// <summary>The body is decoded and defaulted (SetObjectDefaults_Pod).</summary>
    Defaulting,

    /// <summary>The request's namespace fills an empty <c>metadata.namespace</c>; a generated name is made.</summary>
    Request,

    /// <summary>One mutating admission plugin's <c>Admit</c>.</summary>
    MutatingAdmission,

    /// <summary>The pod strategy's PrepareForCreate: status reset, dropDisabledFields, create-time mutations.</summary>
    PrepareForCreate,

    /// <summary>ValidatePodCreate with the options of GetValidationOptionsFromPodSpecAndMeta.</summary>
    Validation,

    /// <summary>One validating admission plugin's <c>Validate</c>.</summary>
    ValidatingAdmission,
}

/// <summary>
/// One step of a create as <c>explain</c> shows it: what ran (<see cref="Name"/>, e.g. a plugin's name), each field it
/// set, changed or dropped with the rule that did it, and, for the step that ended the create, why.
/// </summary>
public sealed record AdmissionStep(AdmissionStage Stage, string Name, ValueList<DefaultingChange> Changes)
{
    /// <summary>Set on the step that rejected the pod.</summary>
    public AdmissionRejection? Rejection { get; init; }

    /// <summary>A note on a step that changed nothing visible but is worth saying (a plugin that had nothing to do and why).</summary>
    public string Note { get; init; } = "";
}
