using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;
using static PodConformance.Model.Tests.Validation.TestPods;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// Exact texts, order and rule IDs of spec.evictionResponders (spec/validation.md VAL-700…703) where the upstream cases
/// (Upstream/evictionresponders) pin only type and path: apimachinery pkg/api/validate's details, json.Marshal of the
/// duplicate item, declarative errors after the handwritten ones, the gate's drop.
/// </summary>
public class EvictionResponderValidationTests
{
    private static readonly Profile Gated = V(37) with { Overrides = ValueMap.Of((FeatureGateNames.EvictionRequestAPI, true)) };

    private static EvictionResponder R(string name, int? priority) => new() { Name = name, Priority = priority };

    private static Pod WithResponders(params EvictionResponder[] responders) =>
        OneContainer().WithSpec(s => s with { EvictionResponders = ValueList.Of(responders) });

    private static ValidationResult Validate(Pod pod, Profile profile) => PodValidator.Validate(PodDefaulter.Apply(pod, profile), profile);

    [Fact]
    public void A_duplicate_name_prints_the_whole_item_as_json()
    {
        var result = Validate(WithResponders(R("a.example.com/x", 2000), R("b.example.com/x", 3000), R("a.example.com/x", null)), Gated);
        Assert.Equal(
            [
                "spec.evictionResponders[2]: Duplicate value: {\"name\":\"a.example.com/x\",\"priority\":null}",
                "spec.evictionResponders[2].priority: Required value",
            ],
            result.Errors.Select(e => e.ToString()));
        Assert.Equal([ValidationRules.EvictionRespondersList, ValidationRules.EvictionResponderPriority], result.Errors.Select(e => e.Rule));
    }

    [Fact]
    public void Name_and_priority_details_are_apimachinery_and_the_custom_checks()
    {
        var result = Validate(WithResponders(R("Kubernetes.IO./key", -5), R("nodomain", 100001)), Gated);
        Assert.Equal(
            [
                "spec.evictionResponders[0].name: Invalid value: \"Kubernetes.IO./key\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
                "spec.evictionResponders[0].name: Invalid value: \"Kubernetes.IO./key\": domain names *.k8s.io, *.kubernetes.io are reserved",
                "spec.evictionResponders[0].priority: Invalid value: -5: must be greater than or equal to 0",
                "spec.evictionResponders[1].name: Invalid value: \"nodomain\": must include a prefix (e.g. 'example.com/key')",
                "spec.evictionResponders[1].priority: Invalid value: 100001: must be less than or equal to 100000",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Declarative_errors_come_after_the_handwritten_ones()
    {
        var pod = WithResponders(R("a.example.com/x", 10)).WithSpec(s => s with { RestartPolicy = "Sometimes" });
        var errors = Validate(pod, Gated).Errors;
        Assert.Equal(2, errors.Count);
        Assert.Equal("spec.restartPolicy", errors[0].Field);
        Assert.Equal("spec.evictionResponders[0].priority: Invalid value: 10: priorities 0-999 are reserved for responders with *.k8s.io suffix", errors[1].ToString());
    }

    [Fact]
    public void More_than_ten_stops_the_field_checks()
    {
        var many = Enumerable.Range(0, 12).Select(i => R("", i)).ToArray();
        var result = Validate(WithResponders(many), Gated);
        Assert.Equal("spec.evictionResponders: Too many: 12: must have at most 10 items", Assert.Single(result.Errors).ToString());
        Assert.Equal(ValidationRules.EvictionRespondersList, result.Errors[0].Rule);
    }

    [Fact]
    public void With_a_scheduling_group_the_group_is_forbidden()
    {
        var profile = V(37) with { Overrides = ValueMap.Of((FeatureGateNames.EvictionRequestAPI, true), (FeatureGateNames.GenericWorkload, true)) };
        var pod = WithResponders(R("a.example.com/x", 5000)).WithSpec(s => s with { SchedulingGroup = new PodSchedulingGroup { PodGroupName = "blue" } });
        var result = Validate(pod, profile);
        var error = Assert.Single(result.Errors);
        Assert.Equal("spec.schedulingGroup: Forbidden: may not be set when evictionResponders is set", error.ToString());
        Assert.Equal(ValidationRules.EvictionRespondersSchedulingGroup, error.Rule);
        Assert.Empty(result.NotChecked);
    }

    [Fact]
    public void With_the_gate_off_the_create_strategy_drops_the_field()
    {
        var result = Validate(WithResponders(R("", null)), V(37));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }
}
