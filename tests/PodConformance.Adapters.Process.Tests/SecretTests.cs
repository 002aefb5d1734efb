using PodConformance.Adapters.Process.Codec;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Adapters.Process.Tests.Support;
using PodConformance.Generators;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// No Secret value of a case reaches anything podconf shows through what an adapter supplies — its error messages, its
/// stderr, an excerpt of a bad answer — and an answer that shows one in clear is refused (PROTO-036). With
/// <see cref="ProcessAdapterOptions.WithholdSecrets"/> the adapter never receives one at all.
/// </summary>
public sealed class SecretTests : IDisposable
{
    private const string Secret = "pw-S3CR3T-hunter2-Kx7-do-not-print";
    private const string Mask = "<secret:db/password>";

    private static readonly ProcessAdapterOptions Options = new() { HandshakeTimeout = TimeSpan.FromMinutes(2), CaseTimeout = TimeSpan.FromMinutes(2) };

    /// <summary>
    /// Answers request n by misbehaviour n, each carrying the secret ($2): an error message, stderr then a crash, a
    /// malformed answer, a non-JSON line, env in clear, env in clear spelled with a JSON escape, env masked, and the
    /// stand-in it was sent (the value of "password" in the request) in clear. Every request line goes to $1; the count
/// survives the restarts after the crash and the garbage.
    /// </summary>
    private const string Leaky = """
        read hello
        echo '{"type":"hello","protocol":"podconf.adapter/v1","name":"leaky","version":"0","capabilities":["env"],"kubernetesVersions":["1.37"]}'
        while read line; do
          printf '%s\n' "$line" >> "$1"
          case "$line" in *'"type":"bye"'*) exit 0 ;; esac
          n=$(cat "$1.n" 2>/dev/null || echo 0)
          n=$((n+1))
          echo $n > "$1.n"
          id=$(printf '%s\n' "$line" | sed -n 's/^{"type":"run","id":\([0-9]*\),.*/\1/p')
          escaped=$(printf '%s' "$2" | sed 's/p/\\u0070/')
          sent=$(printf '%s\n' "$line" | sed -n 's/.*"password":"\([^"]*\)".*/\1/p')
          case $n in
            1) echo '{"type":"error","id":'"$id"',"message":"cannot connect with password '"$2"'"}' ;;
            2) echo "Traceback: login failed for $2" >&2; exit 3 ;;
            3) echo '{"type":"observation","id":'"$id"',"observation":{"envv":"'"$2"'"}}' ;;
            4) echo "debug: password is $2" ;;
            5) echo '{"type":"observation","id":'"$id"',"observation":{"env":{"containers":{"app":{"PASSWORD":"'"$2"'"}},"errors":{}}}}' ;;
            6) echo '{"type":"observation","id":'"$id"',"observation":{"env":{"containers":{"app":{"PASSWORD":"'"$escaped"'"}},"errors":{}}}}' ;;
            7) echo '{"type":"observation","id":'"$id"',"observation":{"env":{"containers":{"app":{"PASSWORD":"<secret:db/password>"}},"errors":{}}}}' ;;
            *) echo '{"type":"observation","id":'"$id"',"observation":{"env":{"containers":{"app":{"PASSWORD":"'"$sent"'"}},"errors":{}}}}' ;;
          esac
        done
        """;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static PodCase Case => new(new Model.Api.Pod { Metadata = new Model.Api.ObjectMeta { Name = "web" } })
    {
        Objects = new EnvInputs { Secrets = ValueMap.Of(("db", ValueMap.Of(("password", Secret)))) },
    };

    private ProcessAdapter Leaking(ProcessAdapterOptions options) => new([Tools.Sh!, _dir.Write("leaky.sh", Leaky), _dir.PathOf("requests.jsonl"), Secret], options);

    [ShellFact]
    public async Task Adapter_supplied_text_shows_secrets_masked_and_clear_answers_are_refused()
    {
        await using var adapter = Leaking(Options);
        var failures = new List<string?>();
        for (int i = 0; i < 8; i++)
        {
            failures.Add((await adapter.RunAsync(Case, Profile.Default, CancellationToken.None)).Failure);
        }

        Assert.All(failures, f => Assert.DoesNotContain(Secret, f ?? "", StringComparison.Ordinal));
        Assert.Contains("the adapter reported an error: cannot connect with password " + Mask, failures[0], StringComparison.Ordinal);
        Assert.Contains("stderr (last 1 lines): \"Traceback: login failed for " + Mask + "\"", failures[1], StringComparison.Ordinal);
        Assert.Contains("malformed answer: observation.envv: unknown field; received \"{\\\"type\\\":\\\"observation\\\",\\\"id\\\":3,\\\"observation\\\":{\\\"envv\\\":\\\"" + Mask, failures[2], StringComparison.Ordinal);
        Assert.Contains("received \"debug: password is " + Mask + "\"", failures[3], StringComparison.Ordinal);
        Assert.Contains("the answer holds a Secret value in clear (at observation.env.containers.app.PASSWORD, " + Mask + ")", failures[4], StringComparison.Ordinal);
        Assert.Contains("the answer holds a Secret value in clear (at observation.env.containers.app.PASSWORD, " + Mask + ")", failures[5], StringComparison.Ordinal);
        Assert.Null(failures[6]);
        Assert.Contains("the answer holds a Secret value in clear", failures[7], StringComparison.Ordinal);
    }

    [ShellFact]
    public async Task Withheld_secrets_never_reach_the_adapter_and_its_stand_ins_are_held_to_the_same_rule()
    {
        await using (var adapter = Leaking(Options with { WithholdSecrets = true }))
        {
            var failures = new List<string?>();
            for (int i = 0; i < 8; i++)
            {
                failures.Add((await adapter.RunAsync(Case, Profile.Default, CancellationToken.None)).Failure);
            }

            // The adapter echoes the value it was sent (the stand-in) in clear: refused like a real value would be.
            Assert.Contains("the answer holds a Secret value in clear (at observation.env.containers.app.PASSWORD, " + Mask + ")", failures[7], StringComparison.Ordinal);
            Assert.All(failures, f => Assert.DoesNotContain(Secret, f ?? "", StringComparison.Ordinal));
            Assert.All(failures, f => Assert.DoesNotContain(EnvInputsJson.StandIn("db", "password"), f ?? "", StringComparison.Ordinal));
        }

        string requests = File.ReadAllText(_dir.PathOf("requests.jsonl"));
        Assert.DoesNotContain(Secret, requests, StringComparison.Ordinal);
        Assert.Contains("\"password\":\"podconf-withheld-secret:db/password\"", requests, StringComparison.Ordinal);
        Assert.Contains("\"secretsWithheld\":true", requests, StringComparison.Ordinal);
    }

    [Fact]
    public void Withheld_secrets_give_the_model_the_same_masked_env()
    {
        // What a correct adapter answers from stand-ins equals what it answers from the values: env is compared masked.
        foreach (var e in Seeds.Sample(EnvGen.Case, ReplaySeed.Of(8101), 60))
        {
            var real = new PodCase(e.Pod) { Objects = e.Objects };
            var sent = Assert.IsType<RunRequest>(ProtocolMessages.ReadRequest(ProtocolMessages.Run(1, real, Profile.Default, withholdSecrets: true)));
            var standIns = Assert.IsType<PodCase>(sent.Case);
            Assert.All(standIns.Objects!.Secrets.SelectMany(s => s.Value.Values), v => Assert.True(v.Length == 0 || v.StartsWith("podconf-withheld-secret:", StringComparison.Ordinal), v));
            Assert.Equal(ModelAdapter.ObserveEnv(real, Profile.Default), ModelAdapter.ObserveEnv(standIns, Profile.Default));
        }
    }

    [Fact]
    public void Without_withholding_the_request_is_unchanged()
    {
        string line = ProtocolMessages.Run(1, Case, Profile.Default);
        Assert.Contains("\"password\":\"" + Secret + "\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain("secretsWithheld", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_a_cut_splits_is_masked_in_the_piece_that_shows()
    {
        const string Cert = "-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0B\nAQEFAASCBKcwggSjAgEAAoIB\n-----END KEY-----";
        var book = new SecretBook();
        book.Add(new EnvInputs { Secrets = ValueMap.Of(("db", ValueMap.Of(("password", Secret), ("cert", Cert)))) }, withheld: false);

        // An excerpt cut at 200 characters in the middle of the value.
        string quoted = book.Quote(new string('a', 190) + Secret + " and more", 200);
        Assert.StartsWith("\"" + new string('a', 190) + Mask, quoted, StringComparison.Ordinal);

        // A stderr line kept as its first and last 250 characters, a value cut at each end; and a multi-line value's lines.
        var tail = new StderrTail();
        tail.Add(new string('a', 240) + Secret + new string('b', 1000) + Secret + new string('c', 230));
        tail.Add("MIIEvQIBADANBgkqhkiG9w0B");
        string described = tail.Describe(5, book);

        foreach (string piece in new[] { "pw-S3C", "S3CR3T", "hunter2", "do-not-print", "MIIEvQIBADANBgkqhkiG9w0B" })
        {
            Assert.DoesNotContain(piece, described + quoted, StringComparison.Ordinal);
        }

        Assert.Contains(new string('a', 240) + Mask + "…(", described, StringComparison.Ordinal);
        Assert.Contains("left out)…" + Mask + new string('c', 230), described, StringComparison.Ordinal);
        Assert.Contains("\"<secret:db/cert>\"", described, StringComparison.Ordinal);
    }
}
