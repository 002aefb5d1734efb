using FsCheck;
using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators;

/// <summary>
/// One named way to break a valid pod, and the rule whose refusal it must produce: a validation rule (spec/validation.md)
/// whose error the pod must carry, or an admission plugin's rule (<c>ADM-…</c>, spec/admission.md) that must refuse its create.
/// <see cref="AppliesTo"/> says for which profiles the rule is in force (some rules are gated by version).
/// </summary>
/// <param name="Name">Short kebab-case name, printed in reports (<c>request-above-limit</c>).</param>
/// <param name="Rule">The <c>ValidationRules</c> ID an error must carry, or the <c>AdmissionRules</c> ID of the refusal.</param>
/// <param name="Apply">Breaks a valid pod; the result must be refused with <paramref name="Rule"/>.</param>
/// <param name="AppliesTo">Profiles under which the mutation yields <paramref name="Rule"/>.</param>
public sealed record PodMutation(string Name, string Rule, Func<Pod, Gen<Pod>> Apply, Func<Profile, bool> AppliesTo)
{
    /// <summary>
    /// Breaks a valid pod the way the profile lets through, for a mutation some of whose choices only hold under some
    /// releases and gates (a field the create strategy drops where its gate is off would break nothing there); null: every
    /// profile gets <see cref="Apply"/>, which must then hold wherever <see cref="AppliesTo"/> does.
    /// </summary>
    public Func<Pod, Profile, Gen<Pod>>? ApplyFor { get; init; }

    /// <summary>
    /// The feature gates a case of this mutation adds to the run's profile (null: none): for a field the create strategy drops
    /// where its gate is off, so that the drop is what breaks the pod, the gate turned off where the run has it on but
    /// unlocked (<see cref="GateSwitch.Off"/>). Such a case carries them (<c>PodCase.Gates</c>), so only the model and process
    /// adapters perform it. <see cref="AppliesTo"/> must hold only where this gives the gates needed.
    /// </summary>
    public Func<Profile, ValueMap<bool>>? GatesFor { get; init; }

    /// <summary>The gates a case adds under <paramref name="profile"/> (<see cref="GatesFor"/>; empty: none).</summary>
    public ValueMap<bool> GatesIn(Profile profile) => GatesFor is null ? ValueMap<bool>.Empty : GatesFor(profile);

    /// <summary>The profile a case of this mutation runs under: the run's with <see cref="GatesIn"/> added.</summary>
    public Profile CaseProfile(Profile profile) => GateSwitch.Apply(profile, GatesIn(profile));

    /// <summary>The generator of broken pods under <paramref name="profile"/>: <see cref="ApplyFor"/> when set, else <see cref="Apply"/>.</summary>
    public Gen<Pod> ApplyIn(Pod pod, Profile profile) => ApplyFor is null ? Apply(pod) : ApplyFor(pod, profile);

    /// <summary>
    /// Whether <paramref name="pod"/> is refused with <see cref="Rule"/> under <paramref name="profile"/> (the run's; the
    /// case's own gates are added, <see cref="CaseProfile"/>), as <see cref="Refuses"/> says.
    /// </summary>
    public bool IsDetectedIn(Pod pod, Profile profile) => Refuses(pod, CaseProfile(profile), Rule);

    /// <summary>
    /// For a validation rule: defaulting then validating yields an error carrying it. For an admission rule (<c>ADM-…</c>):
    /// the whole create with no cluster objects (<see cref="PodCreate"/>, as the suite's cases run) is refused by it, so
    /// the pod passed validation first; or, for a drop of dropDisabledFields (ADM-081…096), the create made that drop and
    /// validation then refused what the drop left (ADM-091: an emptied <c>valueFrom</c>).
    /// </summary>
    public static bool Refuses(Pod pod, Profile profile, string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.StartsWith("ADM-", StringComparison.Ordinal))
        {
            var created = PodCreate.Run(pod, profile, AdmissionObjects.None);
            return created.Rejection is { } rejection
                && (string.Equals(rejection.Rule, rule, StringComparison.Ordinal) || (rejection.IsInvalid && Made(created, rule)));
        }

        return PodGen.Admit(pod, profile).Errors.Any(e => string.Equals(e.Rule, rule, StringComparison.Ordinal));
    }

    /// <summary>A step of the create changed a field under <paramref name="rule"/> (a drop logs its rule).</summary>
    private static bool Made(PodCreateResult created, string rule)
    {
        foreach (var step in created.Steps)
        {
            foreach (var change in step.Changes)
            {
                if (string.Equals(change.Rule, rule, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public override string ToString() => Name + " (" + Rule + ")";
}
