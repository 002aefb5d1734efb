using System.Text.Json;
using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

/// <summary>
/// SCHEMA-009 through <c>podconf validate --validate</c>: a file with a pod that has two unknown fields (written out of
/// the decoder's order: <c>restartPolicyy</c> before <c>containers</c>) and a clean pod beside it. Warn (the default)
/// warns and admits, Strict refuses the first pod with kubectl's BadRequest line and exits 1, Ignore says nothing.
/// </summary>
public partial class ValidateCommandTests
{
    internal const string TwoTyposAndAClean =
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: typo\nspec:\n  restartPolicyy: Never\n  containers:\n  - name: c\n    image: x\n    imagePullPolice: Always\n"
        + "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: clean\nspec:\n  containers:\n  - name: c\n    image: x\n";

    /// <summary>transformDecodeError's message for the first pod: the fields in sorted-key order (containers before restartPolicyy).</summary>
    internal const string StrictMessage =
        "Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: unknown field \"spec.containers[0].imagePullPolice\", unknown field \"spec.restartPolicyy\"";

    private static string BadRequest(string file) => "Error from server (BadRequest): error when creating \"" + file + "\": " + StrictMessage + "\n";

    private static string Valid(string file) => file + ":1:1: pod default/typo is valid\n" + file + ":12:1: pod default/clean is valid\n";

    [Theory]
    [InlineData("")]
    [InlineData("--validate=warn")]
    [InlineData("--validate=strict --validate=warn")]
    public void Warn_is_the_default_each_unknown_field_is_a_warning_and_both_pods_are_admitted(string flag)
    {
        using var file = CliRun.File(TwoTyposAndAClean);
        var r = CliRun.Run(["validate", "-f", file.Path, .. flag.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(Valid(file.Path), r.Out);
        Assert.Equal(
            "podconf: warning: " + file.Path + ":6:3: unknown field \"spec.restartPolicyy\"\n"
            + "podconf: warning: " + file.Path + ":10:5: unknown field \"spec.containers[0].imagePullPolice\"\n",
            r.Error);
    }

    /// <summary>kubectl's spellings of Strict (GetValidationDirective: strconv.ParseBool first; the bare flag is NoOptDefVal "strict").</summary>
    [Theory]
    [InlineData("--validate=strict")]
    [InlineData("--validate=true")]
    [InlineData("--validate=1")]
    [InlineData("--validate=T")]
    [InlineData("--validate")]
    public void Strict_refuses_the_pod_with_unknown_fields_as_kubectl_prints_it_and_admits_the_clean_one(string flag)
    {
        using var file = CliRun.File(TwoTyposAndAClean);
        var r = CliRun.Run("validate", flag, "-f", file.Path);

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(BadRequest(file.Path) + file.Path + ":12:1: pod default/clean is valid\n", r.Out);
        Assert.Equal("", r.Error);
    }

    [Fact]
    public void Strict_names_stdin_STDIN_as_kubectl_does()
    {
        var r = CliRun.WithStdin(TwoTyposAndAClean, "validate", "-f", "-", "--validate=strict");

        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith(BadRequest("STDIN"), r.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--validate=ignore")]
    [InlineData("--validate=false")]
    [InlineData("--validate=0")]
    [InlineData("--validate=F")]
    public void Ignore_drops_unknown_fields_silently(string flag)
    {
        using var file = CliRun.File(TwoTyposAndAClean);
        var r = CliRun.Run("validate", "-f", file.Path, flag);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(Valid(file.Path), r.Out);
        Assert.Equal("", r.Error);
    }

    /// <summary>
    /// GetValidationDirective's error, as a usage error (exit 2). The values are case-sensitive (<c>strconv.ParseBool</c>
    /// takes only its listed spellings, the switch compares exactly), and <c>--validate=</c> is the empty value, which
    /// pflag passes on as given (<c>parseLongArg</c>: <c>--flag=arg</c> with <c>arg</c> empty).
    /// </summary>
    [Theory]
    [InlineData("maybe")]
    [InlineData("Strict")]
    [InlineData("STRICT")]
    [InlineData("Warn")]
    [InlineData("IGNORE")]
    [InlineData("tRUE")]
    [InlineData("yes")]
    [InlineData("")]
    [InlineData(" strict")]
    public void A_bad_value_is_a_usage_error_worded_as_kubectls(string value)
    {
        using var file = CliRun.File(TwoTyposAndAClean);
        var r = CliRun.Run("validate", "-f", file.Path, "--validate=" + value);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Equal(
            "podconf: --validate: invalid - validate option \"" + value + "\"; must be one of: strict (or true), warn, ignore (or false)\nSee 'podconf validate --help' for usage.\n",
            r.Error);
    }

    [Fact]
    public void Strict_json_marks_the_pod_invalid_with_each_field_located()
    {
        using var file = CliRun.File(TwoTyposAndAClean);
        var r = CliRun.Run("validate", "-f", file.Path, "--validate=strict", "-o", "json", "--summary");

        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var resources = doc.RootElement.GetProperty("resources");
        Assert.Equal(2, resources.GetArrayLength());
        var typo = resources[0];
        Assert.Equal("typo", typo.GetProperty("name").GetString());
        Assert.Equal("statusInvalid", typo.GetProperty("status").GetString());
        Assert.Equal(BadRequest(file.Path), typo.GetProperty("msg").GetString());
        Assert.Equal(
            ["spec.containers[0].imagePullPolice 10:5 SCHEMA-009 unknown field \"spec.containers[0].imagePullPolice\"", "spec.restartPolicyy 6:3 SCHEMA-009 unknown field \"spec.restartPolicyy\""],
            typo.GetProperty("validationErrors").EnumerateArray().Select(e =>
                $"{e.GetProperty("path").GetString()} {e.GetProperty("line").GetInt32()}:{e.GetProperty("column").GetInt32()} {e.GetProperty("rule").GetString()} {e.GetProperty("msg").GetString()}"));
        Assert.Equal("statusValid", resources[1].GetProperty("status").GetString());
        Assert.Equal(1, doc.RootElement.GetProperty("summary").GetProperty("valid").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("summary").GetProperty("invalid").GetInt32());
    }

    [Fact]
    public void Strict_tap_is_not_ok_with_each_field_as_a_diagnostic()
    {
        using var file = CliRun.File(TwoTyposAndAClean);
        var r = CliRun.Run("validate", "-f", file.Path, "--validate=strict", "-o", "tap");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(
            "TAP version 13\n"
            + "not ok 1 - " + file.Path + ":1:1 (Pod default/typo): " + BadRequest(file.Path)
            + "  # " + file.Path + ":10:5: unknown field \"spec.containers[0].imagePullPolice\" (SCHEMA-009)\n"
            + "  # " + file.Path + ":6:3: unknown field \"spec.restartPolicyy\" (SCHEMA-009)\n"
            + "ok 2 - " + file.Path + ":12:1 (Pod default/clean)\n"
            + "1..2\n",
            r.Out);
    }

    [Fact]
    public void Strict_junit_is_a_failure_carrying_the_BadRequest()
    {
        using var file = CliRun.File(TwoTyposAndAClean);
        var r = CliRun.Run("validate", "-f", file.Path, "--validate=strict", "-o", "junit");

        Assert.Equal(1, r.ExitCode);
        string escaped = System.Security.SecurityElement.Escape(file.Path + ":1:1: " + BadRequest(file.Path));
        Assert.Contains("tests=\"2\" failures=\"1\"", r.Out, StringComparison.Ordinal);
        Assert.Contains("<testcase name=\"default/typo\" classname=\"Pod@v1\">\n      <failure message=\"" + escaped + "\" type=\"\">", r.Out, StringComparison.Ordinal);
        Assert.Contains("<testcase name=\"default/clean\" classname=\"Pod@v1\"></testcase>", r.Out, StringComparison.Ordinal);
    }

    /// <summary>A workload is refused as its own kind, with <c>transformDecodeError</c>'s version part of <c>apps/v1</c>.</summary>
    [Fact]
    public void Strict_refuses_a_workload_as_its_kind()
    {
        const string deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: x}]\n      foo: 1\n";
        var r = CliRun.WithStdin(deployment, "validate", "-f", "-", "--validate=strict");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(
            "Error from server (BadRequest): error when creating \"STDIN\": Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.template.spec.foo\"\n",
            r.Out);
    }

    /// <summary>
    /// A document that fails to decode is refused for that error alone (the strict serializer returns strict errors only
    /// beside a successful decode): under Strict its unknown field is not printed; the input error exits 2 as always.
    /// </summary>
    [Fact]
    public void Strict_does_not_list_the_unknown_fields_of_a_document_that_failed_to_decode()
    {
        const string broken = "apiVersion: v1\nkind: Pod\nmetadata: {name: broken}\nspec:\n  foo: 1\n  containers: [{name: c, image: x, tty: \"yes\"}]\n";
        var strict = CliRun.WithStdin(broken, "validate", "-f", "-", "--validate=strict");
        var warn = CliRun.WithStdin(broken, "validate", "-f", "-");

        Assert.Equal(2, strict.ExitCode);
        Assert.Equal(2, warn.ExitCode);
        Assert.Contains("unknown field \"spec.foo\"", warn.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown field", strict.Error + strict.Out, StringComparison.Ordinal);
        Assert.Contains("podconf: error: <stdin>:6:", strict.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// pflag gives a flag with <c>NoOptDefVal</c> its value only after <c>=</c> (<c>parseLongArg</c> checks <c>--flag=arg</c>,
    /// then <c>NoOptDefVal</c>, before it would take the next argument): <c>--validate warn</c> is <c>--validate</c> (strict)
    /// and a positional <c>warn</c>, which podconf's verbs do not take.
    /// </summary>
    [Theory]
    [InlineData("warn")]
    [InlineData("ignore")]
    [InlineData("false")]
    public void A_value_as_a_separate_word_is_not_the_flags_value_but_an_unexpected_argument(string value)
    {
        using var file = CliRun.File(TwoTyposAndAClean);
        var r = CliRun.Run("validate", "-f", file.Path, "--validate", value);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Equal(
            "podconf: unexpected argument \"" + value + "\" for \"podconf validate\"\n"
            + "podconf: --validate takes its value after '=' only, as kubectl's (--validate=" + value + "); alone it means strict\n"
            + "See 'podconf validate --help' for usage.\n",
            r.Error);
    }

    /// <summary>A bare <c>--validate</c> takes nothing after it: the next flag, or the end, is not its value.</summary>
    [Theory]
    [InlineData("validate", "--validate", "-f", "FILE")]
    [InlineData("validate", "-f", "FILE", "--validate")]
    [InlineData("validate", "--validate=ignore", "-f", "FILE", "--validate")]
    public void The_bare_flag_is_strict_wherever_it_stands_and_the_last_occurrence_wins(params string[] args)
    {
        using var file = CliRun.File(TwoTyposAndAClean);
        var r = CliRun.Run([.. args.Select(a => a == "FILE" ? file.Path : a)]);

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(BadRequest(file.Path) + file.Path + ":12:1: pod default/clean is valid\n", r.Out);
    }

    /// <summary>After <c>--</c> pflag reads no flags: the rewriting of <c>--validate</c> stops there too.</summary>
    [Fact]
    public void Nothing_after_a_double_dash_is_read_as_the_flag()
    {
        using var file = CliRun.File(TwoTyposAndAClean);
        var r = CliRun.Run("validate", "-f", file.Path, "--", "--validate=");

        Assert.Equal(2, r.ExitCode);
        Assert.DoesNotContain("invalid - validate option", r.Error, StringComparison.Ordinal);
    }
}
