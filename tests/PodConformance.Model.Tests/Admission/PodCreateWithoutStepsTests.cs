using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Profiles;
using Generated = PodConformance.Generators.PodGen;

namespace PodConformance.Model.Tests.Admission;

/// <summary>
/// The simulator's create keeps no steps (<c>PodCreate.Run(…, steps: false)</c>: no step log, no defaulting change log);
/// everything else it answers must be what the create with steps answers: the stored pod, the refusal, validation,
/// warnings, what was not checked and the options. Valid pods of the whole API and pods made invalid one rule at a time.
/// </summary>
public class PodCreateWithoutStepsTests
{
    [Property(Replay = "(20261207,1)", MaxTest = 150)]
    public Property A_valid_pod_is_created_as_the_create_with_steps_creates_it() =>
        Prop.ForAll(Arb.From(Generated.ValidWholeApiFor(Profile.Default)), Same);

    [Property(Replay = "(20261207,3)", MaxTest = 150)]
    public Property An_invalid_pod_is_refused_as_the_create_with_steps_refuses_it() =>
        Prop.ForAll(Arb.From(Generated.Invalid(Profile.Default).Select(c => c.Pod)), Same);

    private static Property Same(Pod pod)
    {
        var full = PodCreate.Run(pod, Profile.Default);
        var lean = PodCreate.Run(pod, Profile.Default, AdmissionObjects.None, PodCreateStages.Real, steps: false);
        return (lean.Steps.IsEmpty
            && !full.Steps.IsEmpty
            && lean == full with { Steps = lean.Steps }).Label("same result but the steps (accepted: " + full.Accepted + ")");
    }
}
