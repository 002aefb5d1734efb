using PodConformance.Manifests.Objects;
using PodConformance.Manifests.Reading;

namespace PodConformance.Manifests.Tests.Objects;

/// <summary>ServiceAccounts, PriorityClasses, LimitRanges and ResourceQuotas from <c>--objects</c> manifests (spec/admission.md).</summary>
public partial class AdmissionObjectMapperTests
{
    private static (Model.Admission.AdmissionObjects Objects, System.Collections.Immutable.ImmutableArray<ManifestDiagnostic> Diagnostics) Map(string yaml) =>
        AdmissionObjectMapper.Map(PodManifestReader.ReadText(yaml, "o.yaml").OtherObjects);

    [Fact]
    public void The_four_kinds_are_read_with_the_fields_the_plugins_use()
    {
        var (objects, diagnostics) = Map("""
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: builder, namespace: ci, annotations: {kubernetes.io/enforce-mountable-secrets: "true"}}
            automountServiceAccountToken: false
            imagePullSecrets: [{name: regcred}]
            secrets: [{name: token}]
            ---
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: {name: gold}
            value: 1000
            globalDefault: true
            ---
            apiVersion: v1
            kind: LimitRange
            metadata: {name: lr}
            spec:
              limits:
              - type: Container
                max: {cpu: "2"}
            ---
            apiVersion: v1
            kind: ResourceQuota
            metadata: {name: q, namespace: ci}
            spec:
              hard: {pods: "3"}
            """);
        Assert.Empty(diagnostics);
        var sa = Assert.Single(objects.ServiceAccounts);
        Assert.Equal(("ci", "builder", false), (sa.Namespace, sa.Name, sa.AutomountServiceAccountToken));
        Assert.Equal(["regcred"], sa.ImagePullSecrets);
        Assert.Equal(["token"], sa.Secrets);
        var pc = Assert.Single(objects.PriorityClasses);
        Assert.Equal(("gold", 1000, true, "PreemptLowerPriority"), (pc.Name, pc.Value, pc.GlobalDefault, pc.PreemptionPolicy));
        var lr = Assert.Single(objects.LimitRanges);
        Assert.Equal("default", lr.Namespace);
        Assert.Equal("2", lr.Limits[0].Max["cpu"].ToString());
        Assert.Equal("3", Assert.Single(objects.ResourceQuotas).Hard["pods"].ToString());
    }

    [Fact]
    public void A_wrong_type_is_an_error_with_the_decoders_words_and_a_position()
    {
        var (_, diagnostics) = Map("""
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: {name: gold}
            value: high
            """);
        var d = Assert.Single(diagnostics);
        Assert.True(d.IsError);
        Assert.Contains("json: cannot unmarshal string into Go struct field PriorityClass.value of type int32", d.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("o.yaml:4:", d.ToString(), StringComparison.Ordinal);
    }
}
