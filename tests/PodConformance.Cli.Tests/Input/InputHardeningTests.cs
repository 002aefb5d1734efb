using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Input;

/// <summary>
/// Inputs that once crashed podconf (exit 134 or 70), flooded it, or reached the terminal raw (issue 14): each is
/// now a located error with exit 2 (1 for a failed check), through every flag that reads a file.
/// </summary>
public class InputHardeningTests
{
    private const string Pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: web, image: nginx}]}\n";

    private static string Deep => "a: " + new string('[', 16_000) + "\n";

    /// <summary>
    /// A directory given where a file is read (<c>--scenario</c>, <c>--objects</c>) is said to be one; it was "permission
    /// denied (or it is a directory)", .NET's access error for opening a directory left for the user to untangle.
    /// </summary>
    [Fact]
    public void A_directory_where_a_file_is_read_is_said_to_be_a_directory()
    {
        using var pod = CliRun.File(Pod);
        string dir = Path.GetDirectoryName(pod.Path)!;
        foreach (string flag in new[] { "--scenario", "--objects" })
        {
            var r = CliRun.Run("simulate", "-f", pod.Path, flag, dir);
            Assert.Equal(2, r.ExitCode);
            Assert.Equal("podconf: " + dir + ": is a directory (give a file)\n", r.Error);
        }
    }

    [Fact]
    public void Deep_yaml_is_a_located_error_through_f_scenario_and_objects()
    {
        using var deep = CliRun.File(Deep);
        using var pod = CliRun.File(Pod);

        var viaF = CliRun.Run("validate", "-f", deep.Path);
        var viaScenario = CliRun.Run("simulate", "-f", pod.Path, "--scenario", deep.Path);
        var viaObjects = CliRun.Run("env", "-f", pod.Path, "--objects", deep.Path);

        foreach (var r in new[] { viaF, viaScenario, viaObjects })
        {
            Assert.Equal(2, r.ExitCode);
            Assert.Contains(deep.Path + ":1:259: invalid YAML: exceeded max depth of 256", r.Error, StringComparison.Ordinal);
        }
    }

    /// <summary>MANI-008: invalid UTF-8 is refused with file, line and column, exit 2, through every flag that reads a file.</summary>
    [Fact]
    public void Invalid_utf8_is_a_located_error_through_f_scenario_objects_and_expectations()
    {
        string bad = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "podconf-test-" + Guid.NewGuid().ToString("N") + ".yaml");
        System.IO.File.WriteAllBytes(bad, [.. "a: 1\nb: \""u8, 0xC3, 0x28, .. "\"\n"u8]);
        using var pod = CliRun.File(Pod);
        try
        {
            var runs = new[]
            {
                CliRun.Run("validate", "-f", bad),
                CliRun.Run("simulate", "-f", pod.Path, "--scenario", bad),
                CliRun.Run("env", "-f", pod.Path, "--objects", bad),
                CliRun.Run("run", "--rules", "P-QOS-CLASS", "--count", "1", "--expectations", bad),
            };
            foreach (var r in runs)
            {
                Assert.Equal(2, r.ExitCode);
                Assert.Contains(bad + ":2:5: invalid UTF-8: invalid trailing UTF-8 octet 0x28 at byte 10 (save the file as UTF-8)", r.Error, StringComparison.Ordinal);
                Assert.DoesNotContain("\uFFFD", r.Out + r.Error, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
            }
        }
        finally
        {
            System.IO.File.Delete(bad);
        }
    }

    [Theory]
    [InlineData("a: 1\n...\na\n", ":3:1: invalid YAML: did not find expected <document start>")]
    [InlineData("a: {\nb\n", ":3:1: invalid YAML: did not find expected ',' or '}'")]
    [InlineData("a: [\nb\n", ":3:1: invalid YAML: did not find expected ',' or ']'")]
    public void Yaml_that_ended_in_an_internal_error_is_a_located_one(string text, string message)
    {
        using var file = CliRun.File(text);

        var r = CliRun.Run("validate", "-f", file.Path);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(file.Path + message, r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_escape_is_read_as_go_reads_it()
    {
        using var file = CliRun.File("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"x\\ud800\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"b\"}]}}", ".json");

        var r = CliRun.Run("validate", "-f", file.Path);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("metadata.name: Invalid value: \"x\uFFFD\"", r.Out + r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_from_input_never_reach_the_terminal_raw()
    {
        using var file = CliRun.File("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"x\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"b\",\"\\u001b]0;title\\u0007\":1,\"env\":[{\"name\":\"\\u001b[2Jevil\",\"value\":\"v\\u001bx\\ny\"}]}]}}", ".json");

        var validate = CliRun.Run("validate", "-f", file.Path);
        var env = CliRun.Run("env", "-f", file.Path);

        // The path is Go-quoted, as sigs.k8s.io/json's strictError quotes it (strconv.Quote: ESC as \x1b, BEL as \a; SCHEMA-002).
        Assert.Contains("unknown field \"spec.containers[0].\\x1b]0;title\\a\"", validate.Error, StringComparison.Ordinal);
        Assert.Contains("\\x1b[2Jevil=v\\x1bx\\ny\n", env.Out, StringComparison.Ordinal);
        foreach (var r in new[] { validate, env })
        {
            Assert.DoesNotContain(r.Out + r.Error, c => c < ' ' && c is not ('\n' or '\t'));
        }
    }

    [Theory]
    [InlineData("qos")]
    [InlineData("oom-score", "--node-memory", "1Gi")]
    [InlineData("status")]
    [InlineData("audit")]
    [InlineData("validate")]
    [InlineData("explain")]
    public void No_table_header_is_printed_when_every_document_has_errors(string verb, params string[] more)
    {
        using var file = CliRun.File("kind: Pod\napiVersion: v1\nmetadata: {name: x}\nspec: {containers: [{name: a, image: b, resources: {limits: {cpu: xx}}}]}\n");

        var r = CliRun.Run([verb, "-f", file.Path, .. more]);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Contains(file.Path + ":4:", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Env_of_a_pod_without_containers_names_the_file()
    {
        using var file = CliRun.File("kind: Pod\napiVersion: v1\nmetadata: {name: x}\nspec: {containers: []}\n");

        var r = CliRun.Run("env", "-f", file.Path);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("podconf: " + file.Path + ":1:1: env: pod \"x\" has no containers\n", r.Error);
    }

    /// <summary>
    /// An empty file name (a shell variable that was not set: <c>-f "$POD"</c>) is an input error naming the flag's empty
    /// value, exit 2, through every flag that reads or writes a file; it was an internal error (exit 70,
    /// "ArgumentException: The value cannot be an empty string").
    /// </summary>
    [Fact]
    public void An_empty_file_name_is_an_input_error_through_every_file_flag()
    {
        string pod = Repo.Path("golden", "seed", "manifests", "01-pod-spec-web-app.yaml");
        var runs = new[]
        {
            CliRun.Run("validate", "-f", ""),
            CliRun.Run("qos", "-f", pod, "-f", ""),
            CliRun.Run("simulate", "-f", pod, "--scenario", ""),
            CliRun.Run("env", "-f", pod, "--objects", ""),
            CliRun.Run("quantity", "-f", ""),
            CliRun.Run("evict", "-f", ""),
            CliRun.Run("run", "--rules", "P-QOS-CLASS", "--count", "1", "--expectations", ""),
            CliRun.Run("run", "--rules", "P-QOS-CLASS", "--count", "1", "--junit", ""),
            CliRun.Run("run", "--rules", "P-QOS-CLASS", "--count", "1", "--report", ""),
        };
        foreach (var r in runs)
        {
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("\"\": no such file", r.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", r.Error, StringComparison.Ordinal);
        }

        var template = CliRun.Run("qos", "-f", pod, "-o", "jsonpath-file=");
        Assert.Equal(2, template.ExitCode);
        Assert.StartsWith("podconf: --output: template format specified but no template given", template.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// A report file that could not be written is refused before the run, exit 2, with the path and why; it was found only
    /// when the run was over (minutes of work lost). Nothing is run (no console report) and nothing is left behind.
    /// </summary>
    [Fact]
    public void An_unwritable_report_file_is_refused_before_the_run()
    {
        using var file = CliRun.File("not a directory\n");
        string missing = Path.Combine(Path.GetTempPath(), "podconf-no-such-dir-" + Guid.NewGuid().ToString("N"), "x.xml");
        foreach (string flag in new[] { "--junit", "--report", "--markdown", "--html" })
        {
            var r = CliRun.Run("run", "--rules", "P-QOS-CLASS", "--count", "5", flag, missing);
            Assert.Equal(2, r.ExitCode);
            Assert.Equal("", r.Out);
            Assert.Equal("podconf: " + flag + ": " + missing + ": cannot write: the directory " + Path.GetDirectoryName(missing) + " does not exist\nSee 'podconf run --help' for usage.\n", r.Error);
        }

        var underFile = CliRun.Run("run", "--rules", "P-QOS-CLASS", "--count", "5", "--junit", Path.Combine(file.Path, "x.xml"));
        Assert.Equal(2, underFile.ExitCode);
        Assert.Equal("podconf: --junit: " + Path.Combine(file.Path, "x.xml") + ": cannot write: " + file.Path + " is not a directory\nSee 'podconf run --help' for usage.\n", underFile.Error);

        var directory = CliRun.Run("run", "--rules", "P-QOS-CLASS", "--count", "5", "--report", Path.GetTempPath());
        Assert.Equal(2, directory.ExitCode);
        Assert.Contains("cannot write: it is a directory", directory.Error, StringComparison.Ordinal);

        string fresh = Path.Combine(Path.GetTempPath(), "podconf-report-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var ok = CliRun.Run("run", "--rules", "P-QOS-CLASS", "--count", "5", "--report", fresh);
            Assert.Equal(0, ok.ExitCode);
            Assert.StartsWith("{", File.ReadAllText(fresh), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(fresh);
        }
    }

    [Fact]
    public void Input_over_the_api_servers_body_limit_is_refused_with_its_message()
    {
        string big = "a: " + new string('x', 3 * 1024 * 1024) + "\n";
        using var file = CliRun.File(big);

        var fromFile = CliRun.Run("validate", "-f", file.Path);
        var fromStdin = CliRun.WithStdin(big, "validate", "-f", "-");

        Assert.Equal(2, fromFile.ExitCode);
        Assert.Contains(file.Path + ": Request entity too large: limit is 3145728", fromFile.Error, StringComparison.Ordinal);
        Assert.Equal(2, fromStdin.ExitCode);
        Assert.Contains("<stdin>: Request entity too large: limit is 3145728", fromStdin.Error, StringComparison.Ordinal);
    }
}
