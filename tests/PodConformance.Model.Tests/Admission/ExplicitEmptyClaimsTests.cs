using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using static PodConformance.Model.Tests.Admission.CreatePods;

namespace PodConformance.Model.Tests.Admission;

/// <summary>
/// An explicit <c>resources.claims: []</c> through the whole create. dropDisabledDynamicResourceAllocationFields sets every
/// container's claims (ephemeral ones too) to nil when DynamicResourceAllocation is off (util.go v1.33.3/v1.34.1,
/// openshift/openshift-apiserver cd1ea2cd7/71b7016d0: <c>dropResourceClaimRequests</c>, <c>dropEphemeralResourceClaimRequests</c>)
/// and leaves pod-level <c>spec.resources.claims</c> alone; defaulting looks only at pod-level requests and limits.
/// </summary>
public class ExplicitEmptyClaimsTests
{
    private static Pod Ephemeral() => WithSpec(s => s with
    {
        EphemeralContainers = [C("dbg") with { Resources = new ResourceRequirements { ClaimsGiven = true } }],
    });

    private static string[] Errors(PodCreateResult r) => r.Validation.Errors.Select(e => e.ToString()).ToArray();

    [Fact]
    public void An_ephemeral_containers_empty_claims_are_dropped_with_the_gate_off_and_set_resources_with_it_on()
    {
        const string forbidden = "spec.ephemeralContainers[0].resources: Forbidden: cannot be set for an Ephemeral Container";
        Assert.DoesNotContain(forbidden, Errors(PodCreate.Run(Ephemeral(), V(33)))); // DynamicResourceAllocation beta, off
        Assert.Contains(forbidden, Errors(PodCreate.Run(Ephemeral(), V(34)))); // GA
    }

    [Fact]
    public void Pod_level_empty_claims_survive_the_drops_and_are_refused()
    {
        var pod = WithSpec(s => s with { Resources = new ResourceRequirements { ClaimsGiven = true } });
        Assert.Contains("spec.resources.claims: Forbidden: claims may not be set for Resources at pod-level", Errors(PodCreate.Run(pod, V(34))));
        Assert.Empty(Errors(PodCreate.Run(pod, V(31)))); // PodLevelResources does not exist: spec.resources is not a field (dropped)
    }
}
