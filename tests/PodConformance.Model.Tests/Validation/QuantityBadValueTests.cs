using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Validation;
using static PodConformance.Model.Tests.Admission.CreatePods;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// VAL-031's <c>must be an integer</c> by release. ValidateResourceQuantityValue passes the <c>resource.Quantity</c> itself
/// as the bad value (validation.go v1.28.1, v1.30.0, v1.31.0 vendored by ceph/ceph-csi 28d2a865f, 0af1474e3, 0a97a9778;
/// v1.32.5 … v1.35.4 by openshift-kni/scheduler-plugins 0aead6551, 0c967825a, 313dff1ce, 4495d2058: the same call). Its
/// <c>String()</c> has a pointer receiver, so up to 1.33 apimachinery's ErrorBody (errors.go v0.28.0 … v0.33.0, one
/// logic) prints it with <c>%#v</c>, the struct of quantity.go/amount.go as the create left it: parsed from the
/// request's text (UnmarshalJSON → ParseQuantity), then rounded up to milli units by SetDefaults_ResourceList (DEF-017).
/// From 1.34 (errors.go v0.34.0) <c>json.Marshal</c> calls its value-receiver MarshalJSON: the quoted text.
/// </summary>
/// <remarks>
/// Expected texts are not typed here: they are apimachinery's own answers, QuantityOracle/vectors.json, written by
/// QuantityOracle/regenerate.sh, which builds <c>pkg/api/resource</c> at v0.28.0 and v0.30.0 (commits recorded in the
/// file) and runs QuantityOracle/oracle/main.go on QuantityOracle/inputs.json: UnmarshalJSON, then <c>RoundUp(-3)</c> on
/// the list entry, then ErrorBody's type switch. Go prints the heap address of a decimal-form value's <c>*inf.Dec</c>
/// (it differs from run to run); the oracle writes it <c>0xc000000000</c>, as the model does (VAL-201). A real API
/// server's %#v of a Quantity (an HPA's <c>must be positive</c>, a 2023 KEDA guide, stored copy 37905475062) has the
/// same shape: <c>resource.Quantity{i:resource.int64Amount{value:0, scale:0},
/// d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"0", Format:"DecimalSI"}</c>.
/// </remarks>
public class QuantityBadValueTests
{
    /// <summary>Every non-negative input that is not whole after defaulting, at every tag the oracle ran.</summary>
    public static TheoryData<string, string> Fractions()
    {
        var data = new TheoryData<string, string>();
        foreach (var r in QuantityOracleVectors.All)
        {
            if (!r.Integer && !r.String.StartsWith('-'))
            {
                data.Add(r.Tag, r.Text);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fractions))]
    public void Up_to_1_33_the_quantity_is_printed_with_its_Go_fields(string tag, string text)
    {
        var go = QuantityOracleVectors.For(text).Single(r => r.Tag == tag);
        // A limit only: defaulting copies it into the request (DEF-001), so both lists report it, limits first.
        var errors = Create(text, V(go.Minor));
        Assert.Equal(
        [
            "spec.containers[0].resources.limits[example.com/gpu]: Invalid value: " + go.Defaulted + ": must be an integer",
            "spec.containers[0].resources.requests[example.com/gpu]: Invalid value: " + go.Defaulted + ": must be an integer",
        ], errors);
        // ErrorBody and pkg/api/resource keep one logic up to v0.33 (not run there: see the class summary).
        Assert.Equal(errors, Create(text, V(33)));
    }

    /// <summary>
    /// Whole values after defaulting (<c>1.5Gi</c>, <c>2G</c>, …) raise no <c>must be an integer</c>: the oracle's
    /// <c>MilliValue() % 1000</c> and the model's check agree on every input.
    /// </summary>
    [Fact]
    public void Only_the_inputs_Go_finds_fractional_fail_the_integer_check()
    {
        foreach (var r in QuantityOracleVectors.All)
        {
            bool fails = Create(r.Text, V(r.Minor)).Any(e => e.EndsWith(": must be an integer", StringComparison.Ordinal));
            Assert.True(fails == !r.Integer, $"{r.Tag} {r.Text}: Go integer={r.Integer}, model reported must be an integer={fails}");
        }
    }

    /// <summary>
    /// From 1.34 the bad value is <c>json.Marshal</c>'s text, the value-receiver MarshalJSON. The oracle's
    /// <c>json</c> is MarshalJSON run at v0.28.0/v0.30.0; v0.34.0's MarshalJSON and CanonicalizeBytes have the same
    /// source text as v0.30.0's (compared in the apimachinery git history, session 13), but v0.34.0 was not run.
    /// </summary>
    [Theory]
    [MemberData(nameof(Fractions))]
    public void From_1_34_it_is_its_quoted_text(string tag, string text)
    {
        string json = QuantityOracleVectors.For(text).Single(r => r.Tag == tag).Json;
        Assert.Equal(
        [
            "spec.containers[0].resources.limits[example.com/gpu]: Invalid value: " + json + ": must be an integer",
            "spec.containers[0].resources.requests[example.com/gpu]: Invalid value: " + json + ": must be an integer",
        ], Create(text, V(34)));
        Assert.Equal(Create(text, V(34)), Create(text, V(37)));
    }

    /// <summary>
    /// A negative fraction fails both checks: the non-negative one prints <c>value.String()</c> (the canonical text, a
    /// string at every release, so quoted), the integer one the struct with its negative coefficient.
    /// </summary>
    [Fact]
    public void A_negative_fraction_prints_its_String_then_its_fields()
    {
        foreach (var go in QuantityOracleVectors.For("-0.5"))
        {
            Assert.Equal(
            [
                "spec.containers[0].resources.limits[example.com/gpu]: Invalid value: \"" + go.String + "\": must be greater than or equal to 0",
                "spec.containers[0].resources.limits[example.com/gpu]: Invalid value: " + go.Defaulted + ": must be an integer",
            ], Create(go.Text, V(go.Minor)).Take(2));
        }
    }

    /// <summary>
    /// Pod-level resources (PodLevelResources on, 1.33) go through the same ValidateResourceQuantityValue after
    /// validatePodResourceName's NotSupported (a core.ResourceName, bare before 1.34, VAL-030/VAL-036).
    /// </summary>
    [Fact]
    public void Pod_level_resources_print_the_same_way()
    {
        var profile = new Profile(new KubernetesVersion(1, 33), ValueMap.Of((FeatureGateNames.PodLevelResources, true)));
        var pod = WithSpec(s => s with
        {
            Containers = [C() with { Resources = new ResourceRequirements { Limits = ValueMap.Of(("cpu", Quantity.Parse("1"))) } }],
            Resources = new ResourceRequirements { Limits = ValueMap.Of(("cpu", Quantity.Parse("1")), ("example.com/gpu", Quantity.Parse("0.5"))) },
        });
        var errors = Errors(PodCreate.Run(pod, profile));
        Assert.Contains("spec.resources.limits[example.com/gpu]: Unsupported value: example.com/gpu: supported values: \"cpu\", \"hugepages-\", \"memory\"", errors);
        foreach (var go in QuantityOracleVectors.For("0.5"))
        {
            Assert.Contains("spec.resources.limits[example.com/gpu]: Invalid value: " + go.Defaulted + ": must be an integer", errors);
        }
    }

    /// <summary>
    /// The renderer alone, on a value as parsed (no defaulting): a zero is "0" cached (ParseQuantity's shortcut), as in
    /// the HPA message above; <c>2G</c> and <c>2Gi</c> as API-server dumps of stored pods show them too (stored copies
    /// 2483551320 and 61746705046).
    /// </summary>
    [Theory]
    [InlineData("0")]
    [InlineData("2G")]
    [InlineData("2Gi")]
    [InlineData("1.5000")]
    [InlineData("0.001Ki")]
    public void The_renderer_prints_a_parsed_value_as_Go_does(string text)
    {
        foreach (var go in QuantityOracleVectors.For(text))
        {
            Assert.Equal(go.Parsed, GoValueText.Quantity(Quantity.Parse(text), new KubernetesVersion(1, go.Minor)).ToString());
        }
    }

    private static string[] Create(string text, Profile profile) =>
        Errors(PodCreate.Run(WithSpec(s => s with { Containers = [C() with { Resources = new ResourceRequirements { Limits = ValueMap.Of(("example.com/gpu", Quantity.Parse(text))) } }] }), profile));

    private static string[] Errors(PodCreateResult r) => r.Validation.Errors.Select(e => e.ToString()).ToArray();
}
