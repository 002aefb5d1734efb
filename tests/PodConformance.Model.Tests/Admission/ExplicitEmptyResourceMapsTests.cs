using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using static PodConformance.Model.Tests.Admission.CreatePods;

namespace PodConformance.Model.Tests.Admission;

/// <summary>
/// An explicit empty <c>resources.limits: {}</c> / <c>requests: {}</c> (VAL-016). Go decodes <c>{}</c> to a non-nil empty
/// map; validateEphemeralContainers' <c>validateFieldAllowList</c> compares each field with its zero value by
/// <c>reflect.DeepEqual</c>, which tells a non-nil empty map from nil (pkg/apis/core/validation/validation.go vendored by
/// openshift-kni/scheduler-plugins at v1.33.3 <c>0c967825a</c> line 3537, v1.34.1 <c>313dff1ce</c> line 3710, v1.35.4
/// <c>4495d2058</c> line 3799), so the ephemeral container's <c>resources</c> is Forbidden. On create nothing else in
/// validation.go or defaults.go tests these maps against nil in a way a response shows (defaultPodRequests,
/// defaultHugePagePodLimits and podLevelResourcesInUse test <c>len</c>; SetDefaults_Pod's <c>Limits != nil</c> only makes
/// a regular container's requests a non-nil empty map), and the stored pod omits them (<c>omitempty</c>).
/// </summary>
public class ExplicitEmptyResourceMapsTests
{
    private const string Forbidden = "spec.ephemeralContainers[0].resources: Forbidden: cannot be set for an Ephemeral Container";

    private static Pod Ephemeral(ResourceRequirements r) => WithSpec(s => s with { EphemeralContainers = [C("dbg") with { Resources = r }] });

    private static string[] Errors(PodCreateResult r) => r.Validation.Errors.Select(e => e.ToString()).ToArray();

    [Theory]
    [InlineData(28)]
    [InlineData(33)]
    [InlineData(37)]
    public void An_ephemeral_containers_empty_limits_or_requests_set_its_resources(int minor)
    {
        Assert.Contains(Forbidden, Errors(PodCreate.Run(Ephemeral(new ResourceRequirements { LimitsGivenEmpty = true }), V(minor))));
        Assert.Contains(Forbidden, Errors(PodCreate.Run(Ephemeral(new ResourceRequirements { RequestsGivenEmpty = true }), V(minor))));

        // Absent maps leave resources unset: the create is still refused (ephemeral containers on create), not for resources.
        var absent = Errors(PodCreate.Run(Ephemeral(new ResourceRequirements()), V(minor)));
        Assert.NotEmpty(absent);
        Assert.DoesNotContain(Forbidden, absent);
    }

    [Fact]
    public void The_stored_pod_has_no_empty_maps_and_a_regular_containers_empty_maps_are_no_error()
    {
        var marked = new ResourceRequirements { LimitsGivenEmpty = true, RequestsGivenEmpty = true, ClaimsGiven = true };
        var pod = WithSpec(s => s with { Containers = [C("app") with { Resources = marked }], Resources = new ResourceRequirements { LimitsGivenEmpty = true } });
        var result = PodCreate.Run(pod, V(34));
        Assert.Empty(Errors(result));
        Assert.True(result.Accepted);
        var stored = result.Stored;
        var r = stored.Spec.Containers[0].Resources;
        Assert.False(r.LimitsGivenEmpty || r.RequestsGivenEmpty || r.ClaimsGiven);
        Assert.False(stored.Spec.Resources!.LimitsGivenEmpty);
    }
}
