using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

/// <summary>
/// ADM-019 through the CLI: a misspelt field of an <c>--objects</c> object is the strict-decoding warning on stderr
/// (as a pod's, SCHEMA-002), the field is dropped, and the verdict and exit code are those of the object without it.
/// </summary>
public partial class AdmissionCommandTests
{
    private const string KataHead = "apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: {name: kata}\nhandler: kata\noverhead:\n";

    private const string LimitsHead = "---\napiVersion: v1\nkind: LimitRange\nmetadata: {name: lr}\nspec:\n  limits:\n  - type: Container\n";

    [Theory]
    [InlineData("validate")]
    [InlineData("explain")]
    public void A_misspelt_object_field_is_warned_about_and_changes_nothing_else(string verb)
    {
        // overhead.podfixed and spec.limits[0].defaultRequests: the misspellings of issue 9.
        using var misspelt = CliRun.File(KataHead + "  podfixed: {cpu: 250m}\n" + LimitsHead + "    defaultRequests: {cpu: 100m}\n");
        using var without = CliRun.File(KataHead + "  {}\n" + LimitsHead);
        string pod = Plain + "  runtimeClassName: kata\n";
        var r = CliRun.WithStdin(pod, verb, "-f", "-", "--objects", misspelt.Path);
        var baseline = CliRun.WithStdin(pod, verb, "-f", "-", "--objects", without.Path);

        Assert.Contains("podconf: warning: " + misspelt.Path + ":6:3: unknown field \"overhead.podfixed\"\n", r.Error, StringComparison.Ordinal);
        Assert.Contains("podconf: warning: " + misspelt.Path + ":14:5: unknown field \"spec.limits[0].defaultRequests\"\n", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown field", baseline.Error, StringComparison.Ordinal);
        Assert.Equal(0, baseline.ExitCode);
        Assert.Equal(baseline.ExitCode, r.ExitCode);
        Assert.Equal(baseline.Out.Replace(without.Path, misspelt.Path, StringComparison.Ordinal), r.Out);
    }

    /// <summary>
    /// ADM-019: a wrong type in a field no mapper reads is the pod reader's decode error (SCHEMA-003) printed as an input
    /// error with its file:line:col, and the verb stops with exit 2, as for a bad -f file.
    /// </summary>
    [Theory]
    [InlineData("apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default}\nautomountServiceAccountToken: \"yes\"\n",
        ":4:31: automountServiceAccountToken: json: cannot unmarshal string into Go struct field ServiceAccount.automountServiceAccountToken of type bool\n")]
    [InlineData("apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1\npreemptionPolicy: 3\n",
        ":5:19: preemptionPolicy: json: cannot unmarshal number into Go struct field PriorityClass.preemptionPolicy of type v1.PreemptionPolicy\n")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm, labels: []}\n",
        ":3:30: metadata.labels: json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string\n")]
    public void A_wrong_type_in_an_object_is_an_input_error(string objects, string expected)
    {
        using var file = CliRun.File(objects);
        var r = CliRun.WithStdin(Plain, "validate", "-f", "-", "--objects", file.Path);

        Assert.Contains("podconf: error: " + file.Path + expected, r.Error, StringComparison.Ordinal);
        Assert.Equal(2, r.ExitCode);
    }

    /// <summary>
    /// ADM-019 per release: the objects are decoded with the structs of <c>--kubernetes-version</c>'s release. Service
    /// <c>spec.trafficDistribution</c> (kubernetes/api core/v1 ServiceSpec: absent at v0.29.15, present at v0.30.14) and
    /// <c>status.loadBalancer.ingress[].ipMode</c> (absent at v0.28.15, present at v0.29.15) are unknown fields before their
    /// release; the exit code is unchanged.
    /// </summary>
    [Theory]
    [InlineData("validate", "1.28", true, true)]
    [InlineData("validate", "1.29", false, true)]
    [InlineData("explain", "1.29", false, true)]
    [InlineData("validate", "1.30", false, false)]
    [InlineData("explain", "1.37", false, false)]
    public void An_objects_field_from_a_later_release_is_unknown_at_the_chosen_release(string verb, string release, bool ipModeUnknown, bool trafficUnknown)
    {
        using var file = CliRun.File("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {trafficDistribution: PreferClose}\nstatus: {loadBalancer: {ingress: [{ip: 1.2.3.4, ipMode: VIP}]}}\n");
        var r = CliRun.WithStdin(Plain, verb, "-f", "-", "--objects", file.Path, "--kubernetes-version", release);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(ipModeUnknown, r.Error.Contains("podconf: warning: " + file.Path + ":5:49: unknown field \"status.loadBalancer.ingress[0].ipMode\"\n", StringComparison.Ordinal));
        Assert.Equal(trafficUnknown, r.Error.Contains("podconf: warning: " + file.Path + ":4:8: unknown field \"spec.trafficDistribution\"\n", StringComparison.Ordinal));
        Assert.Equal((ipModeUnknown ? 1 : 0) + (trafficUnknown ? 1 : 0), r.Error.Split("unknown field").Length - 1);
    }
}
