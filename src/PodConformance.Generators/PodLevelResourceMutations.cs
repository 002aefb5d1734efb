using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Validation;

namespace PodConformance.Generators;

/// <summary>
/// The invalid variants of pod-level <c>spec.resources</c> (session 13), joined to <see cref="PodMutations.All"/>. Valid pods
/// from the admission generators are really valid since session 13, so VAL-036's windows check and VAL-037's consistency
/// check lost the refusals they used to get from broken "valid" pods; these variants give each rule a refusal of its own.
/// Both apply only where PodLevelResources is on: without it the create strategy drops <c>spec.resources</c> and the pod
/// would break nothing.
/// </summary>
public static class PodLevelResourceMutations
{
    /// <summary>The release whose validatePodResources forbids pod-level resources on a windows pod (spec/validation.md VAL-036).</summary>
    private static readonly KubernetesVersion WindowsForbiddenSince = new(1, 34);

    private static bool GateOn(Profile profile) => profile.IsEnabled(FeatureGateNames.PodLevelResources);

    private static ResourceRequirements PodRequests(string cpu) =>
        new() { Requests = ValueMap.Of(("cpu", Quantity.Parse(cpu))) };

    /// <summary>
    /// <c>pod-resources-on-windows</c> (VAL-036, 1.34+): <c>os.name: windows</c> and a valid pod-level cpu request or limit;
    /// the only VAL-036 error is <c>spec.resources: Forbidden: may not be set for a windows pod</c> (other rules may add
    /// theirs for linux-only fields of the valid pod).
    /// </summary>
    public static PodMutation OnWindows { get; } = new("pod-resources-on-windows", ValidationRules.PodLevelResources,
        pod => Gen.Elements(
                PodRequests("100m"),
                new ResourceRequirements { Limits = ValueMap.Of(("memory", Quantity.Parse("1Gi"))) })
            .Select(res => pod with { Spec = pod.Spec with { OS = new PodOS { Name = "windows" }, Resources = res } }),
        profile => profile.Version >= WindowsForbiddenSince && GateOn(profile));

    /// <summary>
    /// <c>pod-requests-below-containers</c> (VAL-037): the first container requests 500m cpu (its cpu limit raised to it if
    /// lower, so VAL-031's request ≤ limit holds) and the pod requests 100m, below the aggregate; a windows pod becomes linux,
    /// since from 1.34 VAL-036's Forbidden hides the consistency check there. The error is
    /// <c>spec.resources.requests[cpu]: Invalid value: "100m": must be greater than or equal to aggregate container requests of …</c>.
    /// </summary>
    public static PodMutation RequestsBelowContainers { get; } = new("pod-requests-below-containers", ValidationRules.PodLevelConsistency,
        pod => Gen.Constant(BelowContainers(pod)),
        GateOn);

    private static Pod BelowContainers(Pod pod)
    {
        var cpu = Quantity.Parse("500m");
        var first = pod.Spec.Containers[0];
        var res = first.Resources;
        var limits = res.Limits.TryGetValue("cpu", out var limit) && limit.CompareTo(cpu) < 0 ? res.Limits.SetItem("cpu", cpu) : res.Limits;
        var container = first with { Resources = res with { Requests = res.Requests.SetItem("cpu", cpu), Limits = limits } };
        var os = pod.Spec.OS is { Name: "windows" } ? new PodOS { Name = "linux" } : pod.Spec.OS;
        return pod with { Spec = pod.Spec with { Containers = pod.Spec.Containers.SetItem(0, container), OS = os, Resources = PodRequests("100m") } };
    }

    public static IReadOnlyList<PodMutation> All { get; } = [OnWindows, RequestsBelowContainers];
}
