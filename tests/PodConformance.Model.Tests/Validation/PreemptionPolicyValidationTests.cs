using PodConformance.Manifests.Reading;
using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// <c>spec.preemptionPolicy</c> (spec/validation.md VAL-078) is checked by validation, but a create never gets there with
/// a value of its own: the Priority admission plugin runs first and refuses any policy other than the one it computed
/// (spec/admission.md ADM-044). So the validator's texts are pinned here on the validator alone, and the create's answer
/// beside them. These were two "model" cases of Upstream/spec/cases.json until that harness ran the whole create.
/// </summary>
public class PreemptionPolicyValidationTests
{
    private static Pod Read(string policy, int minor)
    {
        string manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ns\nspec:\n  preemptionPolicy: \"" + policy
            + "\"\n  containers:\n  - name: c\n    image: i\n";
        var read = PodManifestReader.ReadText(manifest, "test", new KubernetesVersion(1, minor));
        Assert.False(read.HasErrors, string.Join("; ", read.Errors));
        return Assert.Single(read.Pods).Pod;
    }

    [Theory]
    [InlineData(28, "Sometimes", "spec.preemptionPolicy: Unsupported value: \"Sometimes\": supported values: \"PreemptLowerPriority\", \"Never\"")]
    [InlineData(37, "Sometimes", "spec.preemptionPolicy: Unsupported value: \"Sometimes\": supported values: \"PreemptLowerPriority\", \"Never\"")]
    [InlineData(28, "", "spec.preemptionPolicy: Required value")]
    [InlineData(37, "", "spec.preemptionPolicy: Required value")]
    public void The_validator_rejects_an_unknown_or_empty_policy(int minor, string policy, string expected)
    {
        var profile = new Profile(new KubernetesVersion(1, minor), ValueMap<bool>.Empty);
        var result = PodValidator.Validate(PodDefaulter.Apply(Read(policy, minor), profile), profile);
        Assert.Equal([expected], result.Errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("Sometimes")]
    [InlineData("")]
    [InlineData("Never")]
    public void A_create_is_refused_by_the_priority_plugin_before_validation(string policy)
    {
        var create = PodCreate.Run(Read(policy, 37), new Profile(new KubernetesVersion(1, 37), ValueMap<bool>.Empty));
        Assert.False(create.Validated);
        Assert.Equal(
            "pods \"p\" is forbidden: the string value of PreemptionPolicy (" + policy + ") must not be provided in pod spec; "
            + "priority admission controller computed PreemptLowerPriority from the given PriorityClass name",
            create.Rejection?.Message);
    }
}
