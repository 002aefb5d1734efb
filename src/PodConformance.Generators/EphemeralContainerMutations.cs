using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Generators;

/// <summary>
/// VAL-016's explicit empty collections (session 13), joined to <see cref="PodMutations.All"/>: an ephemeral container given
/// <c>ports: []</c>, <c>resources: {limits: {}}</c>, <c>{requests: {}}</c>, <c>{claims: []}</c>, <c>resizePolicy: []</c> or
/// <c>restartPolicyRules: []</c> has that field "set" — validateFieldAllowList compares it with its zero value by
/// reflect.DeepEqual, and a non-nil empty slice or map is not nil — so it is Forbidden for an Ephemeral Container. No valid
/// pod has an ephemeral container, so without this variant no property, and no adapter, ever saw the marks
/// (<c>PortsGivenEmpty</c>, <c>LimitsGivenEmpty</c>, …) that the readers keep and the writers write back.
/// </summary>
/// <remarks>
/// The choice is among those the profile keeps (<see cref="PodMutation.ApplyFor"/>): the create strategy nils
/// <c>claims</c> without DynamicResourceAllocation (DEF-300), <c>resizePolicy</c> without InPlacePodVerticalScaling
/// (ADM-087) and <c>restartPolicyRules</c> without ContainerRestartRules (ADM-088; the field exists from 1.34), so there the
/// empty list would break nothing. Like every ephemeral container on create, the pod also gets
/// <c>spec.ephemeralContainers: Forbidden: cannot be set on create</c> (ValidatePodCreate, after the spec's errors); the
/// field's own error is the one this variant adds. Generators.Tests checks the whole error list.
/// </remarks>
public static class EphemeralContainerMutations
{
    private static readonly KubernetesVersion RestartRulesSince = new(1, 34);

    /// <summary>The ephemeral container, as <see cref="PodMutations.EphemeralOnCreate"/>'s: a name no generator uses, nothing else set.</summary>
    private static readonly Container Debugger = new() { Name = "debugger", Image = "busybox" };

    /// <summary>One explicit empty collection, and where the create strategy keeps it until validation (null: everywhere).</summary>
    private sealed record Choice(Func<Container, Container> Set, Func<Profile, bool>? KeptWhere = null)
    {
        public bool Kept(Profile profile) => KeptWhere is null || KeptWhere(profile);
    }

    /// <summary>In validateFieldAllowList's field order (ports, resources, resizePolicy, restartPolicyRules); resources three ways.</summary>
    private static readonly Choice[] Choices =
    [
        new(c => c with { PortsGivenEmpty = true }),
        new(c => c with { Resources = c.Resources with { LimitsGivenEmpty = true } }),
        new(c => c with { Resources = c.Resources with { RequestsGivenEmpty = true } }),
        new(c => c with { Resources = c.Resources with { ClaimsGiven = true } }, p => p.IsEnabled(FeatureGateNames.DynamicResourceAllocation)),
        new(c => c with { ResizePolicyGivenEmpty = true }, p => p.IsEnabled(FeatureGateNames.InPlacePodVerticalScaling)),
        new(c => c with { RestartPolicyRulesGivenEmpty = true },
            p => p.Version >= RestartRulesSince && p.IsEnabled(FeatureGateNames.ContainerRestartRules)),
    ];

    private static Gen<Pod> WithEmpty(Pod pod, Func<Choice, bool> kept) =>
        Gen.Elements(Choices.Where(kept).ToArray())
            .Select(choice => pod with { Spec = pod.Spec with { EphemeralContainers = [choice.Set(Debugger)] } });

    /// <summary>
    /// <c>ephemeral-empty-collection</c>: one explicit empty collection on an added ephemeral container. Without a profile
    /// (<see cref="PodMutation.Apply"/>) only the three every release keeps.
    /// </summary>
    public static PodMutation EmptyCollection { get; } = new("ephemeral-empty-collection", ValidationRules.EphemeralContainers,
        pod => WithEmpty(pod, c => c.KeptWhere is null), _ => true)
    {
        ApplyFor = (pod, profile) => WithEmpty(pod, c => c.Kept(profile)),
    };

    public static IReadOnlyList<PodMutation> All { get; } = [EmptyCollection];
}
