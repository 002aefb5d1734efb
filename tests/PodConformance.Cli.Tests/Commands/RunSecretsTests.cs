using PodConformance.Cli.Tests.Support;
using PodConformance.Generators;

namespace PodConformance.Cli.Tests.Commands;

/// <summary>
/// A process adapter that leaks the case's Secret values — in its error message, in its stderr before it crashes, in a
/// malformed answer, in an env answer in clear — leaks none of them into anything <c>podconf run</c> prints or writes
/// (stdout, stderr, JSON, JUnit, Markdown, HTML). With <c>--withhold-secrets</c> it never receives one.
/// </summary>
public sealed class RunSecretsTests : IDisposable
{
    /// <summary>Echoes the request it got ($2 selects how); every request line is appended to $1.</summary>
    private const string Leaky = """
        read hello
        echo '{"type":"hello","protocol":"podconf.adapter/v1","name":"leaky","version":"0","capabilities":["env"],"kubernetesVersions":["1.37"]}'
        while read line; do
          printf '%s\n' "$line" >> "$1"
          case "$line" in *'"type":"bye"'*) exit 0 ;; esac
          id=$(printf '%s\n' "$line" | sed -n 's/^{"type":"run","id":\([0-9]*\),.*/\1/p')
          quoted=$(printf '%s' "$line" | sed 's/\\/\\\\/g; s/"/\\"/g')
          token=$(printf '%s\n' "$line" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
          case $2 in
            error) printf '{"type":"error","id":%s,"message":"I was sent %s"}\n' "$id" "$quoted" ;;
            stderr) printf 'got %s\n' "$line" >&2; exit 3 ;;
            malformed) printf '%s\n' "$line" ;;
            env) printf '{"type":"observation","id":%s,"observation":{"env":{"containers":{"app":{"TOKEN":"%s"}},"errors":{}}}}\n' "$id" "$token" ;;
          esac
        done
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("podconf-secrets-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (CliResult Result, string Written, string Requests) Run(string mode, params string[] extra)
    {
        string script = Path.Combine(_dir, "leaky.sh");
        File.WriteAllText(script, Leaky);
        string requests = Path.Combine(_dir, mode + ".requests");
        string[] files = ["r.json", "r.xml", "r.md", "r.html"];
        var r = CliRun.Run([
            "run", "--adapter", "process:/bin/sh " + script + " " + requests + " " + mode, "--rules", "P-ENV-RESOLVE", "--seed", "2", "--count", "5", // seed 2: the first case (size 1 under the growing sizes) has app-secret/token (and env files since session 12: seed 1 no longer had the token); an error ends the run there
            "--report", Path.Combine(_dir, files[0]), "--junit", Path.Combine(_dir, files[1]), "--markdown", Path.Combine(_dir, files[2]), "--html", Path.Combine(_dir, files[3]),
            .. extra]);
        string written = string.Concat(files.Select(f => File.ReadAllText(Path.Combine(_dir, f))));
        return (r, written, File.Exists(requests) ? File.ReadAllText(requests) : "");
    }

    [Theory]
    [InlineData("error", "the adapter reported an error: I was sent")]
    [InlineData("stderr", "the adapter exited with code 3")]
    [InlineData("malformed", "malformed answer")]
    [InlineData("env", "the answer holds a Secret value in clear")]
    public void No_secret_reaches_any_output(string mode, string failure)
    {
        if (!File.Exists("/bin/sh"))
        {
            return;
        }

        var (r, written, requests) = Run(mode);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains(EnvGen.SecretValues[0], requests, StringComparison.Ordinal); // the adapter did get the secrets (else this test shows nothing)
        Assert.Contains(failure, r.Out, StringComparison.Ordinal);
        if (mode is "error" or "env")
        {
            // stderr and malformed echo the request as an excerpt, which ends before the env part under this seed's
            // case: the masked value is cut off there, and the checks below still hold.
            Assert.Contains("<secret:app-secret/token>", r.Out + written, StringComparison.Ordinal);
        }
        foreach (string secret in EnvGen.SecretValues)
        {
            Assert.DoesNotContain(secret, r.Out, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, r.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, written, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Withheld_secrets_are_never_sent()
    {
        if (!File.Exists("/bin/sh"))
        {
            return;
        }

        var (r, written, requests) = Run("env", "--withhold-secrets");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("\"secretsWithheld\":true", requests, StringComparison.Ordinal);
        Assert.Contains("podconf-withheld-secret:app-secret/token", requests, StringComparison.Ordinal);
        Assert.Contains("the answer holds a Secret value in clear", r.Out, StringComparison.Ordinal);
        foreach (string secret in EnvGen.SecretValues)
        {
            Assert.DoesNotContain(secret, requests, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, r.Out + r.Error + written, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("podconf-withheld-secret:", r.Out + r.Error + written, StringComparison.Ordinal);
    }

    [Fact]
    public void Withholding_secrets_from_an_adapter_that_gets_none_is_a_usage_error()
    {
        var r = CliRun.Run("run", "--adapter", "model", "--withhold-secrets", "--rules", "P-ENV-RESOLVE", "--count", "1");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("podconf: --withhold-secrets: applies to process adapters only (got --adapter model)\nSee 'podconf run --help' for usage.\n", r.Error);
    }
}
