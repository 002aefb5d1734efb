using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

public partial class ExplainCommandTests
{
    [Fact]
    public void Explain_walks_defaulting_validation_and_qos_citing_rules()
    {
        var r = CliRun.Run("explain", "-f", Repo.Path("golden", "seed", "manifests", "01-pod-spec-web-app.yaml"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("DEF-012  spec.containers[0].imagePullPolicy = IfNotPresent\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("4. Validation: would the API server accept it?\n   yes: no field errors\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("6. QoS class: Burstable\n   QOS-003 QOS-004 QOS-005  container \"web\" (spec.containers[0]) is Burstable: cpu request 100m differs from its limit 500m", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_cites_a_rule_for_each_validation_error_and_exits_1()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: c\n    image: x\n    resources:\n      requests: {cpu: 300m}\n      limits: {cpu: 50m}\n";
        var r = CliRun.WithStdin(pod, "explain", "-f", "-");
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"   VAL-\d{3}  spec\.containers\[0\]\.resources\.requests: Invalid value: ""300m""", r.Out);
    }

    [Fact]
    public void Explain_is_byte_identical_under_another_culture()
    {
        string path = Repo.Path("golden", "seed", "manifests", "14-hands-on-fullstack-pod.yaml");
        Assert.Equal(CliRun.Run("explain", "-f", path).Out, CliRun.RunInCulture("tr-TR", "", "explain", "-f", path).Out);
    }
}
