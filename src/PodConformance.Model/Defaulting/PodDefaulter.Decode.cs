using PodConformance.Model.Api;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Defaulting;

public static partial class PodDefaulter
{
    /// <summary>
    /// Decode defaulting only (SetObjectDefaults_Pod), without the create strategy's part: the stage
    /// <see cref="Admission.PodCreate"/> runs before the admission plugins, for callers that replace that stage
    /// (<see cref="Admission.PodCreateStages.Defaulting"/>). PodCreate runs the create strategy itself, in
    /// PrepareForCreate; a replacement built on <see cref="Apply(Pod, Profile)"/> would run it twice, and the
    /// matchLabelKeys merges (DEF-301/302) are not idempotent.
    /// </summary>
    public static Pod Decode(Pod pod, Profile profile) => Apply(pod, profile, null, createStrategy: false);

    /// <summary>
    /// The create strategy's defaulting part alone, as PrepareForCreate runs it after the admission plugins: for callers
    /// that replace that stage (<see cref="Admission.PodCreateStages.CreateStrategy"/>) and build on the real one.
    /// </summary>
    public static Pod CreateStrategyDefaults(Pod pod, Profile profile) => ApplyCreateStrategy(pod, profile, null);
}
