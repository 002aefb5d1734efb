using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Model.Admission;

/// <summary>The state of one create: the profile, the cluster's objects, and what the steps have recorded so far.</summary>
internal sealed class CreateRun(Profile profile, AdmissionObjects objects)
{
    public Profile Profile { get; } = profile;

    public AdmissionObjects Objects { get; } = objects;

    public PodCreateStages Stages { get; init; } = PodCreateStages.Real;

    public List<AdmissionStep> Steps { get; } = [];

    public List<Warnings.PodWarning> Warnings { get; } = [];

    public List<NotChecked> NotChecked { get; } = [];

    /// <summary>Records that <paramref name="field"/> depends on something the model could not check (ADM-098).</summary>
    public void Unchecked(string field, string reason) => NotChecked.Add(new NotChecked(field, reason));

    public PodCreateResult Result(Pod stored, AdmissionRejection? rejection, ValidationResult validation, bool validated) => new()
    {
        Stored = stored,
        Rejection = rejection,
        Validation = validation,
        Validated = validated,
        Warnings = Warnings.ToValueList(),
        Steps = Steps.ToValueList(),
        NotChecked = NotChecked.ToValueList(),
        Options = PodValidationOptions.ForCreate(Profile),
    };
}
