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
}
