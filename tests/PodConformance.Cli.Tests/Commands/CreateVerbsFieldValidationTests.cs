using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

/// <summary>
/// SCHEMA-009 on the verbs that answer about the pod a create would store without reporting the create itself (qos, env,
/// simulate, oom-score): they take kubectl's <c>--validate</c> as validate does, and under Strict the pod with unknown
/// fields is refused at decode — an input error (exit 2) printed as kubectl's BadRequest line, the pod left out, as a pod
/// with a type error (also a BadRequest at decode) is. status and audit read objects that exist, and take no
/// <c>--validate</c>, as <c>--objects</c> does not.
/// </summary>
public class CreateVerbsFieldValidationTests
{
    /// <summary>Each verb's arguments around <c>-f FILE</c>; the second pod, <c>clean</c>, is the one env reads.</summary>
    public static TheoryData<string[]> Verbs() => new()
    {
        new[] { "qos", "-f", "FILE" },
        new[] { "env", "-f", "FILE", "--pod", "clean" },
        new[] { "simulate", "-f", "FILE", "--until", "1s", "-o", "table" },
        new[] { "oom-score", "-f", "FILE", "--node-memory", "1Gi" },
    };

    private static string[] With(string[] verb, string file, params string[] more) => [.. verb.Select(a => a == "FILE" ? file : a), .. more];

    private static string Refusal(string file) =>
        "podconf: error: " + file + ":1:1: Error from server (BadRequest): error when creating \"" + file + "\": " + ValidateCommandTests.StrictMessage + "\n"
        + "  " + file + ":10:5: unknown field \"spec.containers[0].imagePullPolice\"\n"
        + "  " + file + ":6:3: unknown field \"spec.restartPolicyy\"\n";

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Strict_refuses_the_pod_with_unknown_fields_as_an_input_error_and_answers_for_the_rest(string[] verb)
    {
        using var file = CliRun.File(ValidateCommandTests.TwoTyposAndAClean);
        var warn = CliRun.Run(With(verb, file.Path));
        var strict = CliRun.Run(With(verb, file.Path, "--validate"));

        Assert.Equal(0, warn.ExitCode);
        Assert.Equal(2, strict.ExitCode);
        Assert.Equal(Refusal(file.Path), strict.Error);
        Assert.DoesNotContain("typo", strict.Out, StringComparison.Ordinal);
        if (verb[0] == "env")
        {
            // env answers for one pod and stops at any input error.
            Assert.Contains("HOSTNAME=clean\n", warn.Out, StringComparison.Ordinal);
            Assert.Equal("", strict.Out);
        }
        else
        {
            // The others go on with the pods that were read.
            Assert.Contains("typo", warn.Out, StringComparison.Ordinal);
            Assert.Contains("clean", strict.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Ignore_drops_the_unknown_fields_silently_and_warn_is_the_default(string[] verb)
    {
        using var file = CliRun.File(ValidateCommandTests.TwoTyposAndAClean);
        var warn = CliRun.Run(With(verb, file.Path));
        var explicitWarn = CliRun.Run(With(verb, file.Path, "--validate=warn"));
        var ignore = CliRun.Run(With(verb, file.Path, "--validate=false"));

        Assert.Equal(0, ignore.ExitCode);
        Assert.Equal(string.Concat(warn.Error.Split('\n').Where(l => l.Length > 0 && !l.Contains("unknown field", StringComparison.Ordinal)).Select(l => l + "\n")), ignore.Error);
        Assert.DoesNotContain("unknown field", ignore.Error, StringComparison.Ordinal);
        Assert.Equal(warn.Out, ignore.Out);
        Assert.Equal(warn, explicitWarn);
        Assert.Contains("podconf: warning: " + file.Path + ":6:3: unknown field \"spec.restartPolicyy\"\n", warn.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void The_flag_is_parsed_as_kubectls(string[] verb)
    {
        using var file = CliRun.File(ValidateCommandTests.TwoTyposAndAClean);
        var empty = CliRun.Run(With(verb, file.Path, "--validate="));
        var separate = CliRun.Run(With(verb, file.Path, "--validate", "ignore"));

        Assert.Equal(2, empty.ExitCode);
        Assert.Equal("podconf: --validate: invalid - validate option \"\"; must be one of: strict (or true), warn, ignore (or false)\nSee 'podconf " + verb[0] + " --help' for usage.\n", empty.Error);
        Assert.Equal(2, separate.ExitCode);
        Assert.StartsWith("podconf: unexpected argument \"ignore\" for \"podconf " + verb[0] + "\"\npodconf: --validate takes its value after '=' only", separate.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("audit")]
    public void The_verbs_that_read_existing_objects_take_no_validate_flag(string verb)
    {
        using var file = CliRun.File(ValidateCommandTests.TwoTyposAndAClean);
        var r = CliRun.Run(verb, "-f", file.Path, "--validate");

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("podconf: unknown flag: --validate\n", r.Error, StringComparison.Ordinal);
    }
}
