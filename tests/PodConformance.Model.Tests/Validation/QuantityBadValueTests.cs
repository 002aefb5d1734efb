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
/// The expected texts were checked by running apimachinery v0.28.0 and v0.30.0 <c>pkg/api/resource</c> (local mirror of
/// kubernetes/apimachinery, Go 1.19): UnmarshalJSON, then <c>RoundUp(-3)</c> on the list entry, then ErrorBody's
/// type switch; both tags print the same. Go prints the heap address of a decimal-form value's <c>*inf.Dec</c>
/// (<c>0xc0000728d0</c> in one run, <c>0xc00008e8d0</c> in another), which the model writes as <c>0xc000000000</c>
/// (VAL-201). A real API server's %#v of a Quantity (an HPA's <c>must be positive</c>, a 2023 KEDA guide, stored copy
/// 37905475062) has the same shape: <c>resource.Quantity{i:resource.int64Amount{value:0, scale:0},
/// d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"0", Format:"DecimalSI"}</c>.
/// </remarks>
public class QuantityBadValueTests
{
    private const string Nil = "d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}";

    public static TheoryData<string, string> Vectors => new()
    {
        // Cached text: the fast path's canonical-looking spelling is kept in s.
        { "500m", "resource.Quantity{i:resource.int64Amount{value:500, scale:-3}, " + Nil + ", s:\"500m\", Format:\"DecimalSI\"}" },
        { "1.253", "resource.Quantity{i:resource.int64Amount{value:1253, scale:-3}, " + Nil + ", s:\"1.253\", Format:\"DecimalSI\"}" },
        { "1e-3", "resource.Quantity{i:resource.int64Amount{value:1, scale:-3}, " + Nil + ", s:\"1e-3\", Format:\"DecimalExponent\"}" },
        // No cached text: a scale that is not a multiple of 3 keeps Go's unnormalised (value, scale).
        { "0.5", "resource.Quantity{i:resource.int64Amount{value:5, scale:-1}, " + Nil + ", s:\"\", Format:\"DecimalSI\"}" },
        { "1.5e-1", "resource.Quantity{i:resource.int64Amount{value:15, scale:-2}, " + Nil + ", s:\"\", Format:\"DecimalExponent\"}" },
        // Rounded up to milli units by defaulting: the text is dropped.
        { "1n", "resource.Quantity{i:resource.int64Amount{value:1, scale:-3}, " + Nil + ", s:\"\", Format:\"DecimalSI\"}" },
        { "2500u", "resource.Quantity{i:resource.int64Amount{value:3, scale:-3}, " + Nil + ", s:\"\", Format:\"DecimalSI\"}" },
        { "1.5000", "resource.Quantity{i:resource.int64Amount{value:1500, scale:-3}, " + Nil + ", s:\"\", Format:\"DecimalSI\"}" }, // parsed {15000, -4}
        { "1.0001", "resource.Quantity{i:resource.int64Amount{value:1001, scale:-3}, " + Nil + ", s:\"\", Format:\"DecimalSI\"}" },
        // The decimal form (a binary suffix with a fraction, or a value below 1n): i stays zero, d points at an inf.Dec.
        { "0.001Ki", "resource.Quantity{i:resource.int64Amount{value:0, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(0xc000000000)}, s:\"\", Format:\"BinarySI\"}" },
        { "0.0000000001", "resource.Quantity{i:resource.int64Amount{value:0, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(0xc000000000)}, s:\"\", Format:\"DecimalSI\"}" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Up_to_1_33_the_quantity_is_printed_with_its_Go_fields(string text, string goSyntax)
    {
        // A limit only: defaulting copies it into the request (DEF-001), so both lists report it, limits first.
        var errors = Create(text, V(33));
        Assert.Equal(
        [
            "spec.containers[0].resources.limits[example.com/gpu]: Invalid value: " + goSyntax + ": must be an integer",
            "spec.containers[0].resources.requests[example.com/gpu]: Invalid value: " + goSyntax + ": must be an integer",
        ], errors);
        Assert.Equal(errors, Create(text, V(28)));
    }

    public static TheoryData<string, string> Json => new()
    {
        { "500m", "\"500m\"" },
        { "1.253", "\"1.253\"" },
        { "0.5", "\"500m\"" },
        { "1n", "\"1m\"" },
        { "0.001Ki", "\"1024m\"" },
    };

    [Theory]
    [MemberData(nameof(Json))]
    public void From_1_34_it_is_its_quoted_text(string text, string json)
    {
        Assert.Equal(
        [
            "spec.containers[0].resources.limits[example.com/gpu]: Invalid value: " + json + ": must be an integer",
            "spec.containers[0].resources.requests[example.com/gpu]: Invalid value: " + json + ": must be an integer",
        ], Create(text, V(34)));
        Assert.Equal(Create(text, V(34)), Create(text, V(37)));
    }

    /// <summary>
    /// A negative fraction fails both checks: the non-negative one prints <c>value.String()</c> (the canonical text, a
    /// string at every release), the integer one the struct with its negative coefficient (Go: <c>value:-5, scale:-1</c>).
    /// </summary>
    [Fact]
    public void A_negative_fraction_prints_its_String_then_its_fields()
    {
        Assert.Equal(
        [
            "spec.containers[0].resources.limits[example.com/gpu]: Invalid value: \"-500m\": must be greater than or equal to 0",
            "spec.containers[0].resources.limits[example.com/gpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:-5, scale:-1}, " + Nil + ", s:\"\", Format:\"DecimalSI\"}: must be an integer",
        ], Create("-0.5", V(33)).Take(2));
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
        Assert.Contains("spec.resources.limits[example.com/gpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:5, scale:-1}, " + Nil + ", s:\"\", Format:\"DecimalSI\"}: must be an integer", errors);
    }

    /// <summary>
    /// The renderer alone: a zero is "0" cached (ParseQuantity's shortcut), as in the HPA message above; <c>2G</c> and
    /// <c>2Gi</c> as API-server dumps of stored pods show them (stored copies 2483551320 and 61746705046:
    /// <c>"memory":resource.Quantity{i:resource.int64Amount{value:2, scale:9}, …, s:"2G", Format:"DecimalSI"}</c> and
    /// <c>{value:2147483648, scale:0}, …, s:"2Gi", Format:"BinarySI"}</c>).
    /// </summary>
    [Fact]
    public void The_renderer_prints_a_parsed_zero_like_the_API_server()
    {
        Assert.Equal(
            "resource.Quantity{i:resource.int64Amount{value:0, scale:0}, " + Nil + ", s:\"0\", Format:\"DecimalSI\"}",
            GoValueText.Quantity(Quantity.Parse("0"), new KubernetesVersion(1, 33)).ToString());
        Assert.Equal("resource.Quantity{i:resource.int64Amount{value:2, scale:9}, " + Nil + ", s:\"2G\", Format:\"DecimalSI\"}",
            GoValueText.Quantity(Quantity.Parse("2G"), new KubernetesVersion(1, 33)).ToString());
        Assert.Equal("resource.Quantity{i:resource.int64Amount{value:2147483648, scale:0}, " + Nil + ", s:\"2Gi\", Format:\"BinarySI\"}",
            GoValueText.Quantity(Quantity.Parse("2Gi"), new KubernetesVersion(1, 33)).ToString());
    }

    private static string[] Create(string text, Profile profile) =>
        Errors(PodCreate.Run(WithSpec(s => s with { Containers = [C() with { Resources = new ResourceRequirements { Limits = ValueMap.Of(("example.com/gpu", Quantity.Parse(text))) } }] }), profile));

    private static string[] Errors(PodCreateResult r) => r.Validation.Errors.Select(e => e.ToString()).ToArray();
}
