using System.Text;
using PodConformance.Adapters.Process;
using PodConformance.Adapters.Process.Codec;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Adapters.Process.Tests.Fakes;
using PodConformance.Adapters.Process.Tests.Support;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Reports;
using PodConformance.Suite.Running;
using PodConformance.Tests.Shared;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// Several requests in flight (PROTO-005, issue 12 item 6): the server writes a burst's answers at once and each answer of a
/// client that waits for it at once; a client that pipelines gets the reports of one that does not, and the same failure
/// texts; an adapter that does not answer the offer is driven one request at a time.
/// </summary>
public sealed class PipeliningTests : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private static readonly ProcessAdapterOptions Slow = new() { HandshakeTimeout = TimeSpan.FromMinutes(3), CaseTimeout = TimeSpan.FromMinutes(2), ExitGrace = TimeSpan.FromSeconds(1) };

    private static readonly TimeSpan EventBound = TimeSpan.FromMinutes(2);

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static AdapterServer Server() => new(new ModelAdapter(), "9.9.9", AdapterServer.ModelVersions);

    private static List<string> Requests(int n)
    {
        var lines = new List<string>();
        for (int i = 1; i <= n; i++)
        {
            lines.Add(ProtocolMessages.Run(i, new QuantityCase(i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "Mi"), Profile.Default));
        }

        return lines;
    }

    [Fact]
    public void The_hello_answers_maxInFlight_only_to_an_offer()
    {
        var offered = Serve([ProtocolMessages.Hello("t", pipelining: true)]);
        var plain = Serve([ProtocolMessages.Hello("t")]);
        Assert.Equal(AdapterServer.MaxInFlight, ProtocolMessages.ReadAdapterHello(offered[0]).MaxInFlight);
        Assert.Contains("\"maxInFlight\":1024", offered[0], StringComparison.Ordinal);
        Assert.Equal(1, ProtocolMessages.ReadAdapterHello(plain[0]).MaxInFlight);
        Assert.DoesNotContain("maxInFlight", plain[0], StringComparison.Ordinal);

        static string[] Serve(string[] lines)
        {
            using var output = new MemoryStream();
            Server().Serve(new MemoryStream(Utf8.GetBytes(string.Join("\n", lines) + "\n")), output);
            return Utf8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
    }

    [Theory]
    [InlineData("0", "maxInFlight: must be a positive integer (1: one request at a time), got 0")]
    [InlineData("2.5", "maxInFlight: expected an integer")]
    [InlineData("\"8\"", "maxInFlight: expected an integer")]
    public void A_bad_maxInFlight_fails_the_handshake(string value, string error)
    {
        string line = """{"type":"hello","protocol":"podconf.adapter/v1","name":"a","version":"1","capabilities":[],"kubernetesVersions":["1.37"],"maxInFlight":""" + value + "}";
        var e = Assert.Throws<ProtocolException>(() => ProtocolMessages.ReadAdapterHello(line));
        Assert.StartsWith(error, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_burst_of_requests_is_answered_in_one_write_with_the_bytes_of_answering_one_by_one()
    {
        var lines = new List<string> { ProtocolMessages.Hello("t", pipelining: true) };
        lines.AddRange(Requests(60));
        lines.Add("garbage");
        lines.Add(ProtocolMessages.Bye());
        byte[] input = Utf8.GetBytes(string.Join("\n", lines) + "\n");
        Assert.True(input.Length < 16 * 1024, "the whole burst is read at once");

        var batched = new CountingStream();
        Assert.Equal(0, Server().Serve(new MemoryStream(input), batched));
        using var oneByOne = new MemoryStream();
        Assert.Equal(0, await Server().ServeAsync(new StreamReader(new MemoryStream(input), Utf8), oneByOne, CancellationToken.None));
        Assert.Equal(oneByOne.ToArray(), batched.ToArray());
        Assert.Equal(62, Utf8.GetString(batched.ToArray()).Count(c => c == '\n'));
        Assert.Equal(1, batched.Writes);
    }

    [Fact]
    public void Held_answers_go_out_past_the_flush_bound_even_while_requests_wait()
    {
        var lines = new List<string> { ProtocolMessages.Hello("t", pipelining: true) };
        var big = new ConformanceCase[40];
        for (int i = 0; i < big.Length; i++)
        {
            big[i] = new QuantityCase(new string('9', 3000));
        }

        lines.AddRange(big.Select((c, i) => ProtocolMessages.Run(i + 1, c, Profile.Default)));
        var output = new CountingStream();
        Server().Serve(new MemoryStream(Utf8.GetBytes(string.Join("\n", lines) + "\n")), output);
        Assert.True(output.Writes > 1, "answers past " + AdapterServer.FlushBytes + " bytes were held");
        Assert.True(output.LargestWrite < AdapterServer.FlushBytes + 16 * 1024, "a write held " + output.LargestWrite + " bytes");
    }

    /// <summary>
    /// A client that sends one request and waits for its answer: the server must have written every answer before it reads
    /// again, or both would wait for ever. The input hands out one line per read and checks the answers so far first.
    /// </summary>
    [Fact]
    public void A_client_one_request_at_a_time_gets_each_answer_before_the_server_reads_again()
    {
        var lines = new List<string> { ProtocolMessages.Hello("t", pipelining: true) };
        lines.AddRange(Requests(20));
        lines.Add("{\"type\":\"run\",\"id\":99}");
        var output = new MemoryStream();
        var input = new LockstepInput(lines, output);
        Assert.Equal(0, Server().Serve(input, output));
        Assert.Empty(input.Problems);
        Assert.Equal(lines.Count, Utf8.GetString(output.ToArray()).Count(c => c == '\n'));
    }

    /// <summary>
    /// The default run's properties through <c>podconf adapter serve</c>, once with cases sent ahead and once one at a time:
    /// byte-identical console and JSON reports.
    /// </summary>
    [Fact]
    public async Task The_default_run_through_adapter_serve_reports_the_same_pipelined_and_one_at_a_time()
    {
        string[] command = [Tools.Dotnet, ServeAgreementTests.PodconfDll, "adapter", "serve"];
        var options = new RunOptions();
        await using var pipelined = new ProcessAdapter(command, Slow);
        await using var lockstep = new ProcessAdapter(command, Slow with { MaxInFlight = 1 });
        Assert.Equal(AdapterServer.MaxInFlight, (await pipelined.StartAsync(CancellationToken.None)).MaxInFlight);
        Assert.Equal(1, (await lockstep.StartAsync(CancellationToken.None)).MaxInFlight);

        var ahead = SuiteRun.Execute(pipelined, options);
        var inTurn = SuiteRun.Execute(lockstep, options);
        Assert.True(inTurn.CasesReached > 1000, "the run reached " + inTurn.CasesReached + " cases");
        Assert.Equal(ConsoleReport.Render(inTurn), ConsoleReport.Render(ahead));
        Assert.Equal(JsonReport.Render(inTurn), JsonReport.Render(ahead));
        Assert.True(pipelined.AnsweredAhead > inTurn.CasesReached / 2, "answered ahead: " + pipelined.AnsweredAhead);
        Assert.Equal(0, lockstep.AnsweredAhead);
        Assert.Single(pipelined.StartedProcessIds);
    }

    /// <summary>Answers one request at a time, and refuses every request that arrived before it answered the previous one.</summary>
    private const string LockstepOnly = """
        import json, os, select, sys

        def send(obj):
            sys.stdout.write(json.dumps(obj) + "\n")
            sys.stdout.flush()

        buf = b""
        while True:
            while b"\n" not in buf:
                chunk = os.read(0, 65536)
                if not chunk:
                    sys.exit(0)
                buf += chunk
            line, buf = buf.split(b"\n", 1)
            msg = json.loads(line)
            if msg["type"] == "hello":
                send({"type": "hello", "protocol": msg["protocol"], "name": "lockstep", "version": "0",
                      "capabilities": ["quantity"], "kubernetesVersions": ["1.37"]})
                continue
            if msg["type"] == "bye":
                break
            early = buf.strip() != b"" or select.select([0], [], [], 0)[0]
            if early:
                send({"type": "error", "id": msg["id"], "message": "a request arrived before this one was answered"})
            else:
                text = msg["case"]["input"]
                send({"type": "observation", "id": msg["id"], "observation": {"quantity": {
                    "ok": True, "string": text, "canonical": text, "format": "DecimalSI", "milliValue": 0, "value": 0, "error": ""}}})
        """;

    [PythonFact]
    public async Task An_adapter_that_does_not_answer_the_offer_gets_one_request_at_a_time()
    {
        await using var adapter = new ProcessAdapter([Tools.Python3!, _dir.Write("lockstep.py", LockstepOnly)], Slow);
        Assert.Equal(1, (await adapter.StartAsync(CancellationToken.None)).MaxInFlight);
        var run = SuiteRun.Execute(adapter, new RunOptions { Rules = "P-QTY-PARSE,P-QTY-PRINT", Count = 60 });
        Assert.All(run.Results, r => Assert.DoesNotContain("arrived before", r.Reason, StringComparison.Ordinal));
        Assert.Contains(run.Results, r => r.Outcome == Outcome.Failed); // the echo prints wrongly: shrinking ran too
        Assert.True(run.CasesReached > 0);
        Assert.Equal(0, adapter.AnsweredAhead);
        Assert.False(adapter.TrySendAhead(new QuantityCase("1"), Profile.Default));
    }

    private ProcessAdapter Fake(ProcessAdapterOptions options) =>
        new([Tools.Python3!, _dir.Write("fake.py", FakeAdapters.Python.Replace(
            "\"capabilities\": [\"quantity\"], \"kubernetesVersions\": [\"1.36\", \"1.37\"]}",
            "\"capabilities\": [\"quantity\"], \"kubernetesVersions\": [\"1.36\", \"1.37\"], **({\"maxInFlight\": 8} if msg.get(\"pipelining\") else {})}",
            StringComparison.Ordinal)), _dir.PathOf("children.pid")], options);

    /// <summary>The cases sent ahead, by input: a case is asked for as the same object it was sent as.</summary>
    private readonly Dictionary<string, QuantityCase> _cases = [];

    private bool Ahead(ProcessAdapter adapter, params string[] inputs) =>
        inputs.All(i => adapter.TrySendAhead(_cases[i] = new QuantityCase(i), Profile.Default));

    private async Task<Observation> Run(ProcessAdapter adapter, string input) =>
        await adapter.RunAsync(_cases.TryGetValue(input, out var c) ? c : new QuantityCase(input), Profile.Default, CancellationToken.None);

    [PythonFact]
    public async Task Misbehaviour_on_a_case_sent_ahead_fails_that_case_with_the_text_of_one_at_a_time()
    {
        var adapter = Fake(Slow);
        await using (adapter)
        {
            Assert.Equal(8, (await adapter.StartAsync(CancellationToken.None)).MaxInFlight);
            Assert.True(Ahead(adapter, "a", "refuse", "b", "crash", "c"));
            Assert.Equal("a", (await Run(adapter, "a")).Quantity!.String);
            var refused = await Run(adapter, "refuse");
            Assert.Contains("request 2 (quantity \"refuse\"): the adapter reported an error: cannot do that", refused.Failure, StringComparison.Ordinal);
            Assert.Equal("b", (await Run(adapter, "b")).Quantity!.String);
            var crash = await Run(adapter, "crash");
            Assert.Contains("request 4 (quantity \"crash\"): got no answer: the adapter exited with code 3; it is restarted for the next case", crash.Failure, StringComparison.Ordinal);
            Assert.Contains("stderr (last 1 lines): \"Traceback: fake adapter crashed on purpose\"", crash.Failure, StringComparison.Ordinal);

            // "c" died with the adapter: asked for, it is sent again to the restarted one.
            Assert.Equal("c", (await Run(adapter, "c")).Quantity!.String);
            Assert.Equal(2, adapter.StartedProcessIds.Count);
            Assert.Equal(4, adapter.AnsweredAhead);

            // A case not sent ahead (a shrink candidate) first drops the answers of those that were.
            Assert.True(Ahead(adapter, "d", "e", "f"));
            Assert.Equal("x", (await Run(adapter, "x")).Quantity!.String);
            var wrongId = await Run(adapter, "wrong-id");
            Assert.Contains("request 11 (quantity \"wrong-id\"): answer for id 111 while waiting for id 11", wrongId.Failure, StringComparison.Ordinal);
            Assert.Equal(2, adapter.StartedProcessIds.Count); // restarted for the next case, not before
        }
    }

    [PythonFact]
    public async Task A_hang_on_a_case_sent_ahead_times_out_on_that_case()
    {
        var clock = new ManualClock();
        var adapter = Fake(Slow with { CaseTimeout = TimeSpan.FromSeconds(30), Time = clock });
        await using (adapter)
        {
            await adapter.StartAsync(CancellationToken.None);
            Assert.True(Ahead(adapter, "a", "hang", "b"));
            Assert.Equal("a", (await Run(adapter, "a")).Quantity!.String);
            var running = Run(adapter, "hang");
            var deadline = DateTime.UtcNow + EventBound;
            while (!File.Exists(_dir.PathOf("children.pid")) || File.ReadAllText(_dir.PathOf("children.pid")).Trim().Length == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "the fake adapter never wrote its child's pid");
                await Task.Delay(20);
            }

            while (!running.IsCompleted)
            {
                Assert.True(DateTime.UtcNow < deadline, "the timeout never fired");
                clock.Advance(TimeSpan.FromSeconds(30));
                await Task.WhenAny(running, Task.Delay(20));
            }

            var hang = await running;
            Assert.Contains("request 2 (quantity \"hang\"): no answer within 30s (hang?); the adapter was stopped (process tree killed)", hang.Failure, StringComparison.Ordinal);
            Assert.Equal("b", (await Run(adapter, "b")).Quantity!.String);
            Assert.Equal(2, adapter.StartedProcessIds.Count);
        }

        foreach (int pid in adapter.StartedProcessIds)
        {
            Assert.False(ProcessFamily.IsRunning(pid), $"process {pid} survived");
        }
    }

    /// <summary>Keeps what is written and counts the writes that reach it.</summary>
    private sealed class CountingStream : Stream
    {
        private readonly MemoryStream _bytes = new();

        public int Writes { get; private set; }

        public int LargestWrite { get; private set; }

        public byte[] ToArray() => _bytes.ToArray();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _bytes.Length;

        public override long Position { get => _bytes.Length; set => throw new NotSupportedException(); }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes++;
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            _bytes.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>Hands out one line per read, after checking that every line handed out so far has been answered.</summary>
    private sealed class LockstepInput(List<string> lines, MemoryStream output) : Stream
    {
        private int _next;

        public List<string> Problems { get; } = [];

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int answered = output.ToArray().Count(b => b == (byte)'\n');
            if (answered != _next)
            {
                Problems.Add($"read {_next + 1} while {answered} of {_next} requests were answered");
            }

            if (_next == lines.Count)
            {
                return 0;
            }

            byte[] line = Utf8.GetBytes(lines[_next++] + "\n");
            Assert.True(line.Length <= count);
            line.CopyTo(buffer, offset);
            return line.Length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
