using PodConformance.Manifests.Reading;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;
using PodConformance.Tests.Shared;

namespace PodConformance.Model.Tests.Validation.Upstream.Spec;

/// <summary>
/// kubernetes/website <c>content/en/examples/pods/pod-with-numeric-toleration.yaml</c> (commit
/// <c>7a090ad7363dc8f01a2304c43a0fa3d27b25b540</c>, verbatim: flow-style YAML) read and created as the API server of each
/// release would (CreateAnswer: defaulting, admission plugins, dropped gated fields, validation; VAL-310, VAL-311).
/// </summary>
public class WebsiteExampleTests
{
    private const string NumericToleration = """
        ---
        {
          apiVersion: "v1",
          kind: "Pod",
          metadata: {
            name: "nginx-numeric-toleration",
            labels: {
              env: "test",
            },
          },
          spec: {
            containers: [{
              name: "nginx",
              image: "nginx",
              imagePullPolicy: "IfNotPresent",
            }],
            tolerations: [{
              key: "servicelevel.organization.example/agreed-service-level",
              operator: "Gt",
              value: "900",
              effect: "NoSchedule",
            }],
          },
        }

        """;

    private static ValidationResult Admit(string manifest, Profile profile)
    {
        var read = PodManifestReader.ReadText(manifest, "pod-with-numeric-toleration.yaml", profile.Version);
        Assert.Empty(read.Diagnostics);
        var answer = CreateAnswer.Of(Assert.Single(read.Pods).Pod, profile);
        Assert.True(answer.Forbidden is null, answer.Forbidden);
        return answer.Validation;
    }

    [Fact]
    public void Numeric_toleration_is_rejected_at_1_37_by_default()
    {
        var result = Admit(NumericToleration, Profile.For(new KubernetesVersion(1, 37)));
        var error = Assert.Single(result.Errors);
        Assert.Equal("spec.tolerations[0].operator: Unsupported value: \"Gt\": supported values: \"Equal\", \"Exists\", \"Lt\", \"Gt\"", error.ToString());
        Assert.Equal(ValidationRules.TolerationComparisonOperators, error.Rule);
    }

    [Theory]
    [InlineData(35)]
    [InlineData(36)]
    [InlineData(37)]
    public void Numeric_toleration_is_accepted_with_the_gate_on(int minor)
    {
        var profile = new Profile(new KubernetesVersion(1, minor), ValueMap.Of(("TaintTolerationComparisonOperators", true)));
        Assert.True(Admit(NumericToleration, profile).IsValid);
    }

    [Fact]
    public void Before_1_35_Gt_is_an_unknown_operator()
    {
        var error = Assert.Single(Admit(NumericToleration, Profile.For(new KubernetesVersion(1, 34))).Errors);
        Assert.Equal("spec.tolerations[0].operator: Unsupported value: \"Gt\": supported values: \"Equal\", \"Exists\"", error.ToString());
        Assert.Equal(ValidationRules.Tolerations, error.Rule);
    }

    [Fact]
    public void A_bogus_operator_is_rejected_whatever_the_gate()
    {
        string bogus = NumericToleration.Replace("\"Gt\"", "\"Bogus\"", StringComparison.Ordinal);
        foreach (bool gate in new[] { false, true })
        {
            var profile = new Profile(KubernetesVersion.Newest, ValueMap.Of(("TaintTolerationComparisonOperators", gate)));
            var error = Assert.Single(Admit(bogus, profile).Errors);
            Assert.Equal("spec.tolerations[0].operator: Unsupported value: \"Bogus\": supported values: \"Equal\", \"Exists\"", error.ToString());
        }
    }
}
