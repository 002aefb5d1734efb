using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

/// <summary>SCHEMA-009 through <c>podconf explain --validate</c>: the same refusal as validate's, as a step that stops the create.</summary>
public partial class ExplainCommandTests
{
    [Fact]
    public void Strict_stops_at_decoding_and_the_clean_pod_is_explained_as_without_the_flag()
    {
        using var file = CliRun.File(ValidateCommandTests.TwoTyposAndAClean);
        var strict = CliRun.Run("explain", "-f", file.Path, "--validate=strict");
        var warn = CliRun.Run("explain", "-f", file.Path);

        Assert.Equal(1, strict.ExitCode);
        Assert.Equal(0, warn.ExitCode);
        string refused = "Pod default/typo (" + file.Path + ":1:1), Kubernetes 1.37\n\n"
            + "1. Decoding (--validate=strict): the API server refuses a field its struct does not have.\n"
            + "   SCHEMA-009  unknown field \"spec.containers[0].imagePullPolice\"  (" + file.Path + ":10:5)\n"
            + "   SCHEMA-009  unknown field \"spec.restartPolicyy\"  (" + file.Path + ":6:3)\n"
            + "\nThe create stops here: " + ValidateCommandTests.StrictMessage + "\n";
        Assert.StartsWith(refused + "\nPod default/clean (", strict.Out, StringComparison.Ordinal);
        string clean = warn.Out[warn.Out.IndexOf("Pod default/clean (", StringComparison.Ordinal)..];
        Assert.Equal(refused + "\n" + clean, strict.Out);
        Assert.Equal("", strict.Error);
    }

    [Fact]
    public void Strict_json_carries_the_BadRequest_and_ignore_prints_no_warning()
    {
        using var file = CliRun.File(ValidateCommandTests.TwoTyposAndAClean);
        var strict = CliRun.Run("explain", "-f", file.Path, "--validate=strict", "-o", "json");
        var ignore = CliRun.Run("explain", "-f", file.Path, "--validate=ignore");

        Assert.Equal(1, strict.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(strict.Out);
        var typo = doc.RootElement.GetProperty("resources")[0];
        Assert.Equal("statusInvalid", typo.GetProperty("status").GetString());
        Assert.EndsWith(ValidateCommandTests.StrictMessage + "\n", typo.GetProperty("msg").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, typo.GetProperty("validationErrors").GetArrayLength());
        Assert.Equal(0, ignore.ExitCode);
        Assert.Equal("", ignore.Error);
    }
}
