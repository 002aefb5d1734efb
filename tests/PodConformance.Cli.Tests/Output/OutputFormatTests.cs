using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Output;

/// <summary><see cref="PodConformance.Cli.Output.OutputFlags"/>: what <c>-o</c> selects.</summary>
public class OutputFormatTests
{
    private static string Seed(string name) => Repo.Path("golden", "seed", "manifests", name);

    /// <summary>
    /// An empty <c>-o</c> is the verb's default output, as kubectl's printers take it (kubectl get's
    /// <c>HumanPrintFlags.ToPrinter</c>: <c>if len(outputFormat) &gt; 0 &amp;&amp; outputFormat != "wide"</c> refuses, so ""
    /// is the table; k8s.io/kubectl pkg/cmd/get/humanreadable_flags.go). It was <c>unknown format ""</c>, exit 2.
    /// </summary>
    [Theory]
    [InlineData("qos|-f|POD")]
    [InlineData("validate|-f|POD")]
    [InlineData("explain|-f|POD")]
    [InlineData("status|-f|POD")]
    [InlineData("quantity|100m|1.5Gi")]
    public void An_empty_output_is_the_default(string args)
    {
        string[] plain = args.Replace("POD", Seed("01-pod-spec-web-app.yaml"), StringComparison.Ordinal).Split('|');
        var expected = CliRun.Run(plain);
        Assert.NotEqual("", expected.Out);
        Assert.Equal(expected, CliRun.Run([.. plain, "-o", ""]));
        Assert.Equal(expected, CliRun.Run([.. plain, "--output="]));
        Assert.Equal(expected, CliRun.Run([.. plain, "-o="]));
    }
}
