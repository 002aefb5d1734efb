using FsCheck;
using PodConformance.Model.Api;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators;

/// <summary>
/// One named way to break a valid pod, and the validation rule whose error it must produce (spec/validation.md).
/// <see cref="AppliesTo"/> says for which profiles the rule is in force (some rules are gated by version).
/// </summary>
/// <param name="Name">Short kebab-case name, printed in reports (<c>request-above-limit</c>).</param>
/// <param name="Rule">The <c>ValidationRules</c> ID an error must carry.</param>
/// <param name="Apply">Breaks a valid pod; the result must fail validation with <paramref name="Rule"/>.</param>
/// <param name="AppliesTo">Profiles under which the mutation yields <paramref name="Rule"/>.</param>
public sealed record PodMutation(string Name, string Rule, Func<Pod, Gen<Pod>> Apply, Func<Profile, bool> AppliesTo)
{
    /// <summary>Whether defaulting then validating <paramref name="pod"/> yields an error carrying <see cref="Rule"/>.</summary>
    public bool IsDetectedIn(Pod pod, Profile profile) =>
        PodGen.Admit(pod, profile).Errors.Any(e => string.Equals(e.Rule, Rule, StringComparison.Ordinal));

    public override string ToString() => Name + " (" + Rule + ")";
}
