using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
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

    /// <summary>Whether the create's steps are kept (<see cref="PodCreate.Run(Pod, Profile, AdmissionObjects, PodCreateStages, bool)"/>).</summary>
    public bool KeepsSteps { get; init; } = true;

    /// <summary>Records a step that ran, when steps are kept (built only then).</summary>
    public void Step(AdmissionStage stage, string name, ValueList<DefaultingChange> changes, AdmissionRejection? rejection = null)
    {
        if (KeepsSteps)
        {
            Steps.Add(new AdmissionStep(stage, name, changes) { Rejection = rejection });
        }
    }

    /// <summary>Records a plugin's step with its note, when steps are kept.</summary>
    public void Step(AdmissionStage stage, string name, ValueList<DefaultingChange> changes, string note, AdmissionRejection? rejection)
    {
        if (KeepsSteps)
        {
            Steps.Add(new AdmissionStep(stage, name, changes) { Note = note, Rejection = rejection });
        }
    }

    /// <summary>A step's log: <see cref="StepLog.Off"/> when steps are not kept.</summary>
    public StepLog NewLog() => KeepsSteps ? new StepLog() : StepLog.Off;

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
        Options = PodValidationOptions.ForCreateCached(Profile),
    };
}
