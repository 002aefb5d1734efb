using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;
using static PodConformance.Model.Tests.Validation.TestPods;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// Exact texts of the scheduling, DNS, naming and claim rules (spec/validation.md VAL-071…079, VAL-300…342) where the
/// upstream vectors (Upstream/spec) do not isolate them: printing through json.Marshal, release switches, map order,
/// not-checked fields. Sources: validation.go v1.28.0–v1.35.4 as cited in the spec rows.
/// </summary>
public class SchedulingValidationTests
{
    private static Pod WithSpec(Func<PodSpec, PodSpec> change) => OneContainer().WithSpec(change);

    private static string[] Errors(Pod pod, Profile profile) => PodValidator.Validate(pod, profile).Errors.Select(e => e.ToString()).ToArray();

    [Fact]
    public void Named_string_values_print_as_json_marshal_does()
    {
        // TolerationOperator is a named string type: field.Error renders it with json.Marshal (HTML-escaped), not %q.
        var pod = WithSpec(s => s with { Tolerations = ValueList.Of(new Toleration { Key = "k", Operator = "<&>" }) });
        Assert.Equal(
            ["spec.tolerations[0].operator: Unsupported value: \"\\u003c\\u0026\\u003e\": supported values: \"Equal\", \"Exists\""],
            Errors(pod, Profile.Default));

        // A plain string value (the Equal value) keeps %q.
        pod = WithSpec(s => s with { Tolerations = ValueList.Of(new Toleration { Key = "k", Value = "<a>" }) });
        Assert.StartsWith("spec.tolerations[0].operator: Invalid value: \"<a>\": a valid label must be", Assert.Single(Errors(pod, Profile.Default)));
    }

    [Theory]
    [InlineData(33, "\"<&>\"")]
    [InlineData(34, "\"\\u003c\\u0026\\u003e\"")]
    public void Named_string_values_print_with_go_syntax_until_1_33_and_as_json_from_1_34(int minor, string printed)
    {
        // apimachinery's field.Error: %#v (quoted as %q) up to v0.33, json.Marshal from v0.34 (VAL-201).
        var pod = WithSpec(s => s with { Tolerations = ValueList.Of(new Toleration { Key = "k", Operator = "<&>" }) });
        Assert.Equal("spec.tolerations[0].operator: Unsupported value: " + printed + ": supported values: \"Equal\", \"Exists\"", Assert.Single(Errors(pod, V(minor))));
    }

    [Fact]
    public void Node_selector_errors_are_reported_at_the_map_in_key_order()
    {
        var pod = WithSpec(s => s with { NodeSelector = ValueMap.Of(("zone", "a b"), ("-k", "ok")) });
        var errors = Errors(pod, Profile.Default);
        Assert.Equal(2, errors.Length);
        Assert.StartsWith("spec.nodeSelector: Invalid value: \"-k\": name part must consist", errors[0]);
        Assert.StartsWith("spec.nodeSelector: Invalid value: \"a b\": a valid label must be", errors[1]);
    }

    [Theory]
    [InlineData(34, "a qualified name must consist")]
    [InlineData(35, "a valid label key must consist")]
    public void A_key_with_two_slashes_is_worded_per_apimachinery_release(int minor, string start)
    {
        var pod = WithSpec(s => s with { SchedulingGates = ValueList.Of(new PodSchedulingGate("a/b/c")) });
        Assert.StartsWith("spec.schedulingGates[0]: Invalid value: \"a/b/c\": " + start, Assert.Single(Errors(pod, V(minor))));
    }

    [Fact]
    public void Label_lengths_are_counted_in_bytes_as_go_does()
    {
        // 32 × "é" is 32 characters but 64 bytes: too long for a label value, and not a valid one either.
        string value = new('é', 32);
        var errors = Errors(WithSpec(s => s with { NodeSelector = ValueMap.Of(("k", value)) }), Profile.Default);
        Assert.Equal(2, errors.Length);
        Assert.EndsWith("must be no more than 63 characters", errors[0]);
    }

    [Fact]
    public void Spread_constraints_report_each_duplicate_pair_once_at_the_first()
    {
        var c = new TopologySpreadConstraint { MaxSkew = 1, TopologyKey = "zone", WhenUnsatisfiable = "DoNotSchedule" };
        var errors = Errors(WithSpec(s => s with { TopologySpreadConstraints = ValueList.Of(c, c, c) }), Profile.Default);
        Assert.Equal(
        [
            "spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}: Duplicate value: \"{zone, DoNotSchedule}\"",
            "spec.topologySpreadConstraints[1].{topologyKey, whenUnsatisfiable}: Duplicate value: \"{zone, DoNotSchedule}\"",
        ], errors);
    }

    [Fact]
    public void Container_claims_name_the_pod_claims_sorted()
    {
        var pod = WithSpec(s => s with
        {
            ResourceClaims = ValueList.Of(new PodResourceClaim { Name = "zeta", ResourceClaimName = "z" }, new PodResourceClaim { Name = "alpha", ResourceClaimName = "a" }),
            Containers = ValueList.Of(Container() with { Resources = new ResourceRequirements { Claims = ValueList.Of(new ResourceClaim { Name = "gpu" }) } }),
        });
        Assert.Equal(["spec.containers[0].resources.claims[0]: Not found: \"gpu\": must be one of the names in pod.spec.resourceClaims: alpha, zeta"], Errors(pod, V(34)));
    }

    [Theory]
    [InlineData(33, "claims cannot be set for Resources at pod-level")]
    [InlineData(34, "claims may not be set for Resources at pod-level")]
    public void Pod_level_claims_are_forbidden(int minor, string text)
    {
        var profile = new Profile(new KubernetesVersion(1, minor), ValueMap.Of(("PodLevelResources", true)));
        var pod = WithSpec(s => s with
        {
            ResourceClaims = ValueList.Of(new PodResourceClaim { Name = "c", ResourceClaimName = "x" }),
            Resources = new ResourceRequirements { Claims = ValueList.Of(new ResourceClaim { Name = "c" }) },
        });
        Assert.Equal(["spec.resources.claims: Forbidden: " + text], Errors(pod, profile));
    }

    /// <summary>
    /// VAL-342: validatePodResources tests <c>spec.Resources.Claims != nil</c> (validation.go v1.32.5, v1.33.3, v1.34.1,
    /// v1.35.4, openshift-kni/scheduler-plugins 0aead6551, 0c967825a, 313dff1ce, 4495d2058), and Go decodes
    /// <c>claims: []</c> to a non-nil empty slice: an explicit empty list is refused like a filled one; an absent one is not.
    /// </summary>
    [Theory]
    [InlineData(33, "claims cannot be set for Resources at pod-level")]
    [InlineData(34, "claims may not be set for Resources at pod-level")]
    public void An_explicit_empty_pod_level_claims_list_is_forbidden_too(int minor, string text)
    {
        var profile = new Profile(new KubernetesVersion(1, minor), ValueMap.Of(("PodLevelResources", true)));
        var given = WithSpec(s => s with { Resources = new ResourceRequirements { Limits = Res(("cpu", "2")), ClaimsGiven = true } });
        Assert.Equal(["spec.resources.claims: Forbidden: " + text], Errors(given, profile));
        var absent = WithSpec(s => s with { Resources = new ResourceRequirements { Limits = Res(("cpu", "2")) } });
        Assert.Empty(Errors(absent, profile));
    }

    /// <summary>
    /// VAL-016: validateFieldAllowList compares an ephemeral container's <c>Resources</c> with its zero value by
    /// <c>reflect.DeepEqual</c> (v1.28.1 ceph-csi 28d2a865f … v1.35.4 4495d2058), so claims, even <c>claims: []</c>, set it.
    /// </summary>
    [Fact]
    public void An_ephemeral_container_with_claims_sets_resources()
    {
        var empty = WithSpec(s => s with { EphemeralContainers = ValueList.Of(Container("dbg") with { Resources = new ResourceRequirements { ClaimsGiven = true } }) });
        Assert.Contains("spec.ephemeralContainers[0].resources: Forbidden: cannot be set for an Ephemeral Container", Errors(empty, V(34)));
        var none = WithSpec(s => s with { EphemeralContainers = ValueList.Of(Container("dbg")) });
        Assert.DoesNotContain("spec.ephemeralContainers[0].resources: Forbidden: cannot be set for an Ephemeral Container", Errors(none, V(34)));
    }

    [Fact]
    public void The_scheduling_group_is_checked_not_reported_as_unchecked()
    {
        // schedulingGroup has its rule since session 7 (VAL-705, ForkReadFieldsTests); nothing of the spec is left unchecked.
        var pod = WithSpec(s => s with { SchedulingGroup = new PodSchedulingGroup { PodGroupName = "g" } });
        var result = PodValidator.Validate(pod, Profile.Default);
        Assert.True(result.IsValid);
        Assert.Empty(result.NotChecked);
        var bad = PodValidator.Validate(WithSpec(s => s with { SchedulingGroup = new PodSchedulingGroup { PodGroupName = "G" } }), Profile.Default);
        Assert.Equal(ValidationRules.SchedulingGroup, Assert.Single(bad.Errors).Rule);
    }

    [Theory]
    [InlineData("1.2.3.4", true, false, false)]
    [InlineData("010.002.003.004", true, true, false)]
    [InlineData("1.2.3", false, false, false)]
    [InlineData("256.1.1.1", false, false, false)]
    [InlineData("::", true, false, false)]
    [InlineData("::1", true, false, false)]
    [InlineData("FE80::0202:B3FF:FE1E:8329", true, false, false)]
    [InlineData("::ffff:1.2.3.4", true, false, true)]
    [InlineData("::ffff:0102:0304", true, false, true)]
    [InlineData("1::2::3", false, false, false)]
    [InlineData("1:2:3:4:5:6:7:8:9", false, false, false)]
    [InlineData("00001::", true, true, false)]
    [InlineData("fe80::1%eth0", false, false, false)]
    [InlineData("1:2:3:4:5:6:1.2.3.4", true, false, false)]
    [InlineData("1:2:3:4:5:1.2.3.4", false, false, false)]
    [InlineData("", false, false, false)]
    [InlineData("1.2.3.4 ", false, false, false)]
    public void Ip_parsing_is_go_1_15s_sloppy_parser(string text, bool valid, bool leadingZeros, bool mapped)
    {
        var p = IpAddress.ParseSloppy(text);
        Assert.Equal((valid, leadingZeros, mapped), (p.Valid, p.HasLeadingZeros, p.IsIPv4MappedIPv6));
    }

    [Theory]
    [InlineData("a_b.example.com", true)]
    [InlineData("_sip._tcp.example.com", true)]
    [InlineData("__a", false)]
    [InlineData("a_", false)]
    [InlineData("_", false)]
    [InlineData("a..b", false)]
    [InlineData("A_b", false)]
    public void Subdomain_with_underscore(string value, bool ok) => Assert.Equal(ok, NameRules.Dns1123SubdomainWithUnderscore(value).Length == 0);

    [Fact]
    public void Create_strategy_drops_disabled_fields_and_says_so()
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "p" },
            Spec = new PodSpec
            {
                Containers = ValueList.Of(new Container { Name = "c", Image = "i", Resources = new ResourceRequirements { Claims = ValueList.Of(new ResourceClaim { Name = "x" }) } }),
                ResourceClaims = ValueList.Of(new PodResourceClaim { Name = "x" }),
                HostnameOverride = "h",
            },
        };
        var changes = new List<DefaultingChange>();
        // 1.34: DynamicResourceAllocation is GA but may still be switched off; HostnameOverride is alpha (off).
        var defaulted = PodDefaulter.Apply(pod, new Profile(new KubernetesVersion(1, 34), ValueMap.Of(("DynamicResourceAllocation", false))), changes);
        Assert.True(defaulted.Spec.ResourceClaims.IsEmpty);
        Assert.True(defaulted.Spec.Containers[0].Resources.Claims.IsEmpty);
        Assert.Null(defaulted.Spec.HostnameOverride);
        Assert.Equal(
        [
            "DEF-300 spec.resourceClaims (dropped: feature gate DynamicResourceAllocation is off)",
            "DEF-300 spec.containers[0].resources.claims (dropped: feature gate DynamicResourceAllocation is off)",
            "DEF-300 spec.hostnameOverride (dropped: feature gate HostnameOverride is off)",
        ], changes.Where(c => c.Rule == DefaultingRules.DropDisabledFields).Select(c => c.Rule + " " + c.Field + " " + c.Value).ToArray());

        // 1.35: DynamicResourceAllocation GA, HostnameOverride beta on — nothing dropped.
        var kept = PodDefaulter.Apply(pod, V(35));
        Assert.Equal(pod.Spec.ResourceClaims, kept.Spec.ResourceClaims);
        Assert.Equal("h", kept.Spec.HostnameOverride);
    }

    [Fact]
    public void Create_strategy_merges_match_label_keys_from_the_pod_labels()
    {
        var term = new PodAffinityTerm
        {
            TopologyKey = "zone",
            LabelSelector = new LabelSelector { MatchLabels = ValueMap.Of(("app", "web")) },
            MatchLabelKeys = ValueList.Of("pod-template-hash", "missing"),
            MismatchLabelKeys = ValueList.Of("tenant"),
        };
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "p", Labels = ValueMap.Of(("app", "web"), ("pod-template-hash", "abc"), ("tenant", "t1")) },
            Spec = new PodSpec
            {
                Containers = ValueList.Of(new Container { Name = "c", Image = "i" }),
                Affinity = new Affinity { PodAntiAffinity = new PodAntiAffinity { RequiredDuringSchedulingIgnoredDuringExecution = ValueList.Of(term) } },
                TopologySpreadConstraints = ValueList.Of(new TopologySpreadConstraint
                {
                    MaxSkew = 1, TopologyKey = "zone", WhenUnsatisfiable = "DoNotSchedule",
                    LabelSelector = new LabelSelector { MatchLabels = ValueMap.Of(("app", "web")) }, MatchLabelKeys = ValueList.Of("pod-template-hash"),
                }),
            },
        };
        var changes = new List<DefaultingChange>();
        var d = PodDefaulter.Apply(pod, V(34), changes);
        var merged = d.Spec.Affinity!.PodAntiAffinity!.RequiredDuringSchedulingIgnoredDuringExecution[0].LabelSelector!.MatchExpressions;
        Assert.Equal(["pod-template-hash In abc", "tenant NotIn t1"], merged.Select(e => e.Key + " " + e.Operator + " " + string.Join(",", e.Values)).ToArray());
        var spread = d.Spec.TopologySpreadConstraints[0].LabelSelector!.MatchExpressions;
        Assert.Equal("pod-template-hash In abc", Assert.Single(spread.Select(e => e.Key + " " + e.Operator + " " + string.Join(",", e.Values))));
        Assert.Equal(
        [
            "DEF-301 spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0] = {key: pod-template-hash, operator: In, values: [abc]}",
            "DEF-301 spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[1] = {key: tenant, operator: NotIn, values: [t1]}",
            "DEF-302 spec.topologySpreadConstraints[0].labelSelector.matchExpressions[0] = {key: pod-template-hash, operator: In, values: [abc]}",
        ], changes.Where(c => c.Rule is DefaultingRules.MergeAffinityLabelKeys or DefaultingRules.MergeSpreadLabelKeys).Select(c => c.Rule + " " + c.Field + " = " + c.Value).ToArray());
        Assert.True(PodValidator.Validate(d, V(34)).IsValid);

        // 1.33: no topology spread merge (the SelectorMerge gate is 1.34+), the legacy check accepts the key.
        var d33 = PodDefaulter.Apply(pod, V(33));
        Assert.True(d33.Spec.TopologySpreadConstraints[0].LabelSelector!.MatchExpressions.IsEmpty);
        Assert.True(PodValidator.Validate(d33, V(33)).IsValid);
    }
}
