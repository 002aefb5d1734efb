using System.Globalization;
using System.Text;
using PodConformance.Adapters.Process.Tests.Support;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Cases;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// The transport never loses a line: answers of every length around the buffer sizes of the pipe and of the reader
/// (4 KiB, 8 KiB, 16 KiB, 64 KiB), written by a real process, are read as soon as they are complete. A lost line
/// shows as "no answer within …" after the (generous) case timeout.
/// </summary>
public sealed class TransportTests : IDisposable
{
    private static readonly ProcessAdapterOptions Options = new()
    {
        HandshakeTimeout = TimeSpan.FromMinutes(2),
        CaseTimeout = TimeSpan.FromSeconds(20),
    };

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Lengths in bytes, newline included, at and around every power of two from 4 KiB to 64 KiB and a few multiples.</summary>
    internal static int[] LengthList { get; } =
        [.. new[] { 4096, 8192, 12288, 16384, 24576, 32768, 65536 }.SelectMany(size => new[] { size - 1, size, size + 1 })];

    public static TheoryData<int> Lengths() => new(LengthList);

    /// <summary>An observation for <paramref name="id"/> that is exactly <paramref name="length"/> bytes long with its newline; its quantity string is the padding.</summary>
    internal static (string Line, string Pad) Answer(long id, int length)
    {
        string head = "{\"type\":\"observation\",\"id\":" + id.ToString(CultureInfo.InvariantCulture) + ",\"observation\":{\"quantity\":{\"ok\":true,\"string\":\"";
        const string Tail = "\",\"canonical\":\"1\",\"format\":\"DecimalSI\",\"milliValue\":1000,\"value\":1,\"error\":\"\"}}}";
        int pad = length - 1 - head.Length - Tail.Length;
        Assert.True(pad > 0);
        string p = new('a', pad);
        return (head + p + Tail, p);
    }

    private const string Hello = "{\"type\":\"hello\",\"protocol\":\"podconf.adapter/v1\",\"name\":\"lines\",\"version\":\"0\",\"capabilities\":[\"quantity\"],\"kubernetesVersions\":[\"1.37\"]}";

    /// <summary>A shell adapter answering each request with the next prepared line, in one write.</summary>
    private ProcessAdapter ReplayingShell(IEnumerable<string> answers)
    {
        string file = _dir.Write("answers.jsonl", string.Concat(answers.Select(a => a + "\n")));
        string script = _dir.Write("replay.sh", "read hello\nprintf '%s\\n' '" + Hello + "'\nwhile read request; do IFS= read -r answer <&3 || exit 0; printf '%s\\n' \"$answer\"; done 3< \"$1\"\n");
        return new ProcessAdapter([Tools.Sh!, script, file], Options);
    }

    [ShellTheory]
    [MemberData(nameof(Lengths))]
    public async Task An_answer_of_any_length_is_read_when_it_is_complete(int length)
    {
        var (line, pad) = Answer(1, length);
        Assert.Equal(length, Encoding.UTF8.GetByteCount(line) + 1);
        await using var adapter = ReplayingShell([line]);

        var o = await adapter.RunAsync(new QuantityCase("1"), Profile.Default, CancellationToken.None);

        Assert.Null(o.Failure);
        Assert.Equal(pad, o.Quantity!.String);
    }

    [ShellFact]
    public async Task Answers_of_every_length_in_one_conversation_stay_in_step()
    {
        var lengths = LengthList;
        await using var adapter = ReplayingShell(lengths.Select((l, i) => Answer(i + 1, l).Line));

        for (int i = 0; i < lengths.Length; i++)
        {
            var o = await adapter.RunAsync(new QuantityCase("1"), Profile.Default, CancellationToken.None);
            Assert.True(o.Failure is null, "answer " + (i + 1) + " (" + lengths[i] + " bytes): " + o.Failure);
            Assert.Equal(Answer(i + 1, lengths[i]).Pad, o.Quantity!.String);
        }

        Assert.Single(adapter.StartedProcessIds);
    }

    /// <summary>A Python adapter writing each answer in pieces: byte by byte, or in three writes around the middle.</summary>
    private ProcessAdapter SplittingPython(IEnumerable<string> answers, string mode)
    {
        string file = _dir.Write("answers.jsonl", string.Concat(answers.Select(a => a + "\n")));
        string script = _dir.Write("split.py", """
            import sys, time
            answers = open(sys.argv[1], "rb").read().split(b"\n")
            mode = sys.argv[2]
            out = sys.stdout.buffer
            def send(data):
                if mode == "bytes":
                    for i in range(len(data)):
                        out.write(data[i:i + 1]); out.flush()
                else:
                    third = len(data) // 3
                    for part in (data[:third], data[third:2 * third], data[2 * third:]):
                        out.write(part); out.flush(); time.sleep(0.01)
            sys.stdin.readline()
            send(b'HELLO\n')
            n = 0
            for line in sys.stdin:
                send(answers[n] + b"\n")
                n += 1
            """.Replace("HELLO", Hello, StringComparison.Ordinal));
        return new ProcessAdapter([Tools.Python3!, script, file, mode], Options);
    }

    [PythonTheory]
    [InlineData("bytes")]
    [InlineData("thirds")]
    public async Task Answers_split_across_writes_are_read_whole(string mode)
    {
        int[] lengths = [4095, 4096, 4097, 8192, 12288, 16385];
        await using var adapter = SplittingPython(lengths.Select((l, i) => Answer(i + 1, l).Line), mode);

        for (int i = 0; i < lengths.Length; i++)
        {
            var o = await adapter.RunAsync(new QuantityCase("1"), Profile.Default, CancellationToken.None);
            Assert.True(o.Failure is null, mode + ", answer " + (i + 1) + " (" + lengths[i] + " bytes): " + o.Failure);
            Assert.Equal(Answer(i + 1, lengths[i]).Pad, o.Quantity!.String);
        }
    }

    /// <summary>
    /// Like a pipe whose writer then waits for the next request: hands out the given chunks one per read, then blocks
    /// until cancelled. A line must be handed on while the stream blocks, not when it ends.
    /// </summary>
    private sealed class WaitingPipe(IEnumerable<byte[]> chunks) : Stream
    {
        private readonly Queue<byte[]> _chunks = new(chunks);
        private readonly CancellationTokenSource _closed = new();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public void Close(bool _) => _closed.Cancel();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_chunks.TryDequeue(out var chunk))
            {
                Assert.True(chunk.Length <= buffer.Length, "a test chunk larger than the reader's buffer");
                chunk.CopyTo(buffer);
                return chunk.Length;
            }

            try
            {
                await Task.Delay(Timeout.Infinite, _closed.Token);
            }
            catch (OperationCanceledException)
            {
            }

            return 0;
        }

        // The blocking read AdapterProcess's reader thread makes (StdoutLines.Pump).
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _closed.Cancel();
            _closed.Dispose();
            base.Dispose(disposing);
        }
    }

    private static IEnumerable<byte[]> Split(byte[] data, int piece)
    {
        for (int at = 0; at < data.Length; at += piece)
        {
            yield return data[at..Math.Min(data.Length, at + piece)];
        }
    }

    [Fact]
    public async Task A_line_is_handed_on_as_soon_as_its_newline_arrives_however_it_is_split()
    {
        foreach (int length in LengthList)
        {
            byte[] data = Encoding.UTF8.GetBytes(Answer(7, length).Line + "\n");
            foreach (int piece in new[] { 1, 7, 4095, 4096, 8192, 16 * 1024, data.Length })
            {
                var got = new TaskCompletionSource<LineRead>(TaskCreationOptions.RunContinuationsAsynchronously);
                using var pipe = new WaitingPipe(Split(data, Math.Min(piece, 16 * 1024)));
                var lines = new StdoutLines(pipe, line => { got.TrySetResult(line); return ValueTask.CompletedTask; }, AdapterProcess.MaxLineBytes);
                var pump = Task.Run(lines.Pump);

                var line = await got.Task.WaitAsync(TimeSpan.FromMinutes(1));
                Assert.False(pump.IsCompleted, "the line came only with the end of the stream");
                Assert.Equal((LineKind.Line, length - 1), (line.Kind, Encoding.UTF8.GetByteCount(line.Text)));
                pipe.Close(true);
                await pump.WaitAsync(TimeSpan.FromMinutes(1));
            }
        }
    }

    [Fact]
    public void Every_split_point_gives_the_same_lines()
    {
        byte[] data = Encoding.UTF8.GetBytes("{\"a\":\"é\"}\r\n\n  \n{\"b\":1}\n");
        for (int cut = 0; cut <= data.Length; cut++)
        {
            var lines = new List<LineRead>();
            var splitter = new StdoutLines(Stream.Null, _ => ValueTask.CompletedTask, 1024);
            lines.AddRange(splitter.Feed(data.AsSpan(0, cut)));
            lines.AddRange(splitter.Feed(data.AsSpan(cut)));
            Assert.Equal([new LineRead(LineKind.Line, "{\"a\":\"é\"}"), new LineRead(LineKind.Line, "{\"b\":1}")], lines);
        }
    }

    /// <summary>
    /// A line wholly inside one chunk is copied from the chunk (session 11), any other through the line buffer: the same
    /// lines either way, at the limit and past it, with <c>\r\n</c>, blank lines, bytes that are not UTF-8 and lines of
    /// nothing but a carriage return.
    /// </summary>
    [Fact]
    public void A_whole_chunk_and_a_byte_at_a_time_give_the_same_lines()
    {
        var data = new List<byte>();
        data.AddRange("{\"a\":1}\r\n\n \t\n\r\n{\"é\":\"€\"}\n"u8.ToArray());
        data.AddRange([(byte)'{', 0xff, (byte)'}', (byte)'\n']);
        data.AddRange(Enumerable.Repeat((byte)'x', 1024).Append((byte)'\n'));
        data.AddRange(Enumerable.Repeat((byte)'y', 1025).Append((byte)'\n'));
        data.AddRange(Enumerable.Repeat((byte)'z', 1024).Append((byte)'\r').Append((byte)'\n'));
        data.AddRange("{}\n"u8.ToArray());
        byte[] bytes = [.. data];

        var whole = new StdoutLines(Stream.Null, _ => ValueTask.CompletedTask, 1024).Feed(bytes).ToList();
        var byByte = new List<LineRead>();
        var splitter = new StdoutLines(Stream.Null, _ => ValueTask.CompletedTask, 1024);
        for (int i = 0; i < bytes.Length; i++)
        {
            byByte.AddRange(splitter.Feed(bytes.AsSpan(i, 1)));
        }

        Assert.Equal(byByte, whole);
        Assert.Equal(
            [LineKind.Line, LineKind.Line, LineKind.Invalid, LineKind.Line, LineKind.Invalid, LineKind.Invalid, LineKind.Line],
            whole.Select(l => l.Kind));
    }

    [Fact]
    public void Too_long_a_line_is_refused_without_keeping_it_and_the_next_line_is_read()
    {
        var lines = new List<LineRead>();
        var splitter = new StdoutLines(Stream.Null, _ => ValueTask.CompletedTask, 4096);
        var chunk = new byte[1000];
        Array.Fill(chunk, (byte)'x');
        for (int i = 0; i < 100; i++)
        {
            lines.AddRange(splitter.Feed(chunk));
        }

        lines.AddRange(splitter.Feed("\n{}\n"u8));
        Assert.Equal(2, lines.Count);
        Assert.Equal(LineKind.Invalid, lines[0].Kind);
        Assert.StartsWith("a line longer than 4096 bytes (100000 bytes) starting \"xxx", lines[0].Text, StringComparison.Ordinal);
        Assert.Equal(new LineRead(LineKind.Line, "{}"), lines[1]);
    }

    [Fact]
    public void A_last_line_without_newline_is_reported_with_the_end_not_as_a_message()
    {
        var lines = new List<LineRead>();
        using var stream = new MemoryStream("{\"type\":\"observ"u8.ToArray());
        var pump = new StdoutLines(stream, l => { lines.Add(l); return ValueTask.CompletedTask; }, 1024);
        pump.Pump();

        var end = Assert.Single(lines);
        Assert.Equal(LineKind.End, end.Kind);
        Assert.Equal("an unterminated line (15 bytes) starting \"{\\\"type\\\":\\\"observ\"", end.Text);
    }

    [ShellFact]
    public async Task An_adapter_flooding_stdout_waits_on_its_pipe_and_is_stopped_at_the_next_request()
    {
        // Answers, then writes lines without end: podconf holds at most a couple of them (the rest waits in the pipe), and
        // the next request finds an answer for the wrong id, so the adapter is restarted.
        string script = _dir.Write("flood.sh", "read hello\nprintf '%s\\n' '" + Hello + "'\nread request\nprintf '%s\\n' '" + Answer(1, 200).Line + "'\nyes '" + Answer(999, 200).Line + "'\n");
        await using var adapter = new ProcessAdapter([Tools.Sh!, script], Options);

        Assert.Null((await adapter.RunAsync(new QuantityCase("1"), Profile.Default, CancellationToken.None)).Failure);
        var second = await adapter.RunAsync(new QuantityCase("1"), Profile.Default, CancellationToken.None);
        Assert.Contains("answer for id 999 while waiting for id 2", second.Failure, StringComparison.Ordinal);
    }
}
