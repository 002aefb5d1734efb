using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Tests.Defaulting;

/// <summary>
/// DEF-300's 1.28-only drop (in dropDisabledDynamicResourceAllocationFields, after the gated ones): 1.28's dropDisabledFields empties an ephemeral volume's
/// <c>volumeClaimTemplate.spec.resources.claims</c> on every create, whatever the gates ("should have been treated as an
/// error by validation when extending ResourceRequirements in 1.26. Now we can only accept it and drop the field"). Read in
/// util.go blob ebc0a6b3d9, one blob in two forks of 1.28 (kubeedge's at v1.28.6, vendored by kubeedge/kubeedge 5dd0aee16,
/// and OpenShift's, vendored by openshift/microshift release-4.15); 1.29's util.go (eae41e55b0, v1.29.9) has no such loop,
/// the claim template's resources being a VolumeResourceRequirements without claims from 1.29.
/// </summary>
public class ClaimTemplateClaimsAt128Tests
{
    private static Pod WithTemplateClaims() => new()
    {
        Metadata = new ObjectMeta { Name = "web" },
        Spec = new PodSpec
        {
            Containers = [new Container { Name = "app", Image = "nginx" }],
            Volumes =
            [
                new Volume
                {
                    Name = "scratch",
                    Ephemeral = new EphemeralVolumeSource
                    {
                        VolumeClaimTemplate = new PersistentVolumeClaimTemplate
                        {
                            Spec = new PersistentVolumeClaimSpec
                            {
                                AccessModes = ["ReadWriteOnce"],
                                Resources = new VolumeResourceRequirements
                                {
                                    Requests = ValueMap.Of(("storage", Quantity.Parse("1Gi"))),
                                    Claims = [new ResourceClaim { Name = "gpu" }],
                                },
                            },
                        },
                    },
                },
            ],
        },
    };

    [Fact]
    public void A_1_28_create_drops_the_claim_template_s_resource_claims_DEF_300()
    {
        var r = PodCreate.Run(WithTemplateClaims(), Profile.For(new KubernetesVersion(1, 28)));
        Assert.True(r.Accepted, r.Validation.ToAggregateString());
        Assert.True(r.Stored.Spec.Volumes[0].Ephemeral!.VolumeClaimTemplate!.Spec.Resources.Claims.IsEmpty);
        Assert.Equal("1Gi", r.Stored.Spec.Volumes[0].Ephemeral!.VolumeClaimTemplate!.Spec.Resources.Requests["storage"].ToString());
    }

    [Fact]
    public void The_drop_is_listed_for_explain_DEF_300()
    {
        var changes = new List<DefaultingChange>();
        PodDefaulter.Apply(WithTemplateClaims(), Profile.For(new KubernetesVersion(1, 28)), changes);
        var drop = Assert.Single(changes, c => c.Field == "spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources.claims");
        Assert.Equal(DefaultingRules.DropDisabledFields, drop.Rule);
    }
}
