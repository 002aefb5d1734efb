using System.Text;
using PodConformance.Adapters.Process.Codec;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Generators;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Running;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// Issue 12 item 6: both sides now read and write protocol lines as UTF-8 bytes (the serve loop with blocking byte
/// lines, the client's requests and replies without a string per line). The wire and every answer and error must be
/// what the text path gives: each byte path is compared with the text path on the same input, over the cases a default
/// run sends, generated cases (fixed seeds) and damaged lines.
/// </summary>
public class ByteLineTests
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private static IEnumerable<ConformanceCase> DefaultRunCases(string propertyId, int count)
    {
        var gen = Suite.Rules.Catalog.Find(propertyId)!.Cases(Profile.Default);
        for (int i = 0; i < count; i++)
        {
            yield return SuiteRunner.CaseAt(gen, RunOptions.DefaultSeed, i, RunOptions.DefaultCount);
        }
    }

    private static IEnumerable<ConformanceCase> GeneratedCases()
    {
        foreach (string t in Seeds.Sample(QuantityGen.AnyText, ReplaySeed.Of(8201), 30))
        {
            yield return new QuantityCase(t);
        }

        foreach (var c in Seeds.Sample(ScenarioGen.Case, ReplaySeed.Of(8202), 15))
        {
            yield return new PodCase(c.Pod, c.Scenario);
        }

        foreach (var c in Seeds.Sample(PodGen.Invalid(Profile.Default), ReplaySeed.Of(8203), 30))
        {
            yield return new PodCase(c.Pod);
        }

        foreach (var e in Seeds.Sample(EnvGen.Case, ReplaySeed.Of(8204), 15))
        {
            yield return new PodCase(e.Pod) { Objects = e.Objects };
        }
    }

    /// <summary>What reading a message gave: the message re-encoded, or the error's text.</summary>
    private static string Outcome(Func<ClientMessage> read)
    {
        try
        {
            return read() switch
            {
                RunRequest run => "run " + ProtocolMessages.Run(run.Id, run.Case, run.Profile),
                var other => other.ToString(),
            };
        }
        catch (ProtocolException e)
        {
            return "error " + e.Message;
        }
    }

    private static string ReplyOutcome(Func<AdapterReply> read)
    {
        try
        {
            return read() switch
            {
                ObservationReply o => "observation " + ProtocolMessages.Observation(o.Id, o.Observation),
                var other => other.ToString(),
            };
        }
        catch (ProtocolException e)
        {
            return "error " + e.Message;
        }
    }

    /// <summary>
    /// A line cut short at a few places, and with one character replaced: the errors must agree too. Only text that is
    /// valid UTF-8 once encoded (no cut surrogate pair): bytes off the wire are checked UTF-8 before either reader sees them.
    /// </summary>
    private static IEnumerable<string> Damaged(string line, Random random)
    {
        var candidates = new List<string> { line };
        for (int k = 0; k < 3; k++)
        {
            candidates.Add(line[..random.Next(line.Length)]);
            int at = random.Next(line.Length);
            candidates.Add(line[..at] + "\"{}[],:1 x"[random.Next(10)] + line[(at + 1)..]);
        }

        return candidates.Where(IsWellFormed);
    }

    private static bool IsWellFormed(string text)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    [Fact]
    public void A_run_line_is_written_as_the_UTF8_of_its_text()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        long id = 0;
        foreach (var c in GeneratedCases().Concat(DefaultRunCases("P-ADM-VALIDATION", 40)))
        {
            buffer.ResetWrittenCount();
            ProtocolMessages.WriteRunLine(buffer, ++id, c, Profile.Default);
            Assert.Equal(Utf8.GetBytes(ProtocolMessages.Run(id, c, Profile.Default) + "\n"), buffer.WrittenSpan.ToArray());
        }
    }

    [Fact]
    public void A_request_read_from_its_bytes_is_the_request_read_from_its_text()
    {
        var random = new Random(8205);
        long id = 0;
        int errors = 0;
        foreach (var c in GeneratedCases().Concat(DefaultRunCases("P-LIFE-PHASE", 20)))
        {
            foreach (string line in Damaged(ProtocolMessages.Run(++id, c, Profile.Default), random))
            {
                string text = Outcome(() => ProtocolMessages.ReadRequest(line));
                Assert.Equal(text, Outcome(() => ProtocolMessages.ReadRequest(Utf8.GetBytes(line).AsMemory())));
                errors += text.StartsWith("error ", StringComparison.Ordinal) ? 1 : 0;
            }
        }

        Assert.True(errors > 100, "damaged lines must reach the error paths: " + errors);
    }

    [Fact]
    public void A_reply_read_from_its_bytes_is_the_reply_read_from_its_text()
    {
        var random = new Random(8206);
        long id = 0;
        int errors = 0;
        foreach (var c in GeneratedCases().Concat(DefaultRunCases("P-LIFE-PHASE", 20)))
        {
            var observation = ModelAdapter.Run(c, Profile.Default);
            string reply = observation.Failure is { } failure ? ProtocolMessages.Error(++id, failure) : ProtocolMessages.Observation(++id, observation);
            foreach (string line in Damaged(reply, random))
            {
                string text = ReplyOutcome(() => ProtocolMessages.ReadReply(line));
                Assert.Equal(text, ReplyOutcome(() => ProtocolMessages.ReadReply(Utf8.GetBytes(line))));
                errors += text.StartsWith("error ", StringComparison.Ordinal) ? 1 : 0;
            }
        }

        Assert.True(errors > 100, "damaged lines must reach the error paths: " + errors);
    }

    /// <summary>A stream that hands out at most a few bytes per read, as a pipe may.</summary>
    private sealed class Trickle(byte[] data, int seed) : Stream
    {
        private readonly Random _random = new(seed);
        private int _at;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => data.Length;

        public override long Position { get => _at; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, data.Length - _at), 1 + _random.Next(300));
            Array.Copy(data, _at, buffer, offset, n);
            _at += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>The blocking byte-line loop <c>podconf adapter serve</c> now runs against the text loop it replaced, on the same bytes.</summary>
    private static void AssertServedAlike(byte[] input, int seed)
    {
        var server = new AdapterServer(new ModelAdapter(), "9.9.9", AdapterServer.ModelVersions);
        using var textOut = new MemoryStream();
        int textCode = server.ServeAsync(new StreamReader(new MemoryStream(input), Utf8, false), textOut, CancellationToken.None).GetAwaiter().GetResult();
        using var bytesOut = new MemoryStream();
        int bytesCode = server.Serve(new Trickle(input, seed), bytesOut);
        Assert.Equal(textCode, bytesCode);
        Assert.Equal(Utf8.GetString(textOut.ToArray()), Utf8.GetString(bytesOut.ToArray()));
        Assert.Equal(textOut.ToArray(), bytesOut.ToArray());
    }

    [Theory]
    [InlineData("P-QTY-PARSE")]
    [InlineData("P-ADM-VALIDATION")]
    [InlineData("P-LIFE-PHASE")]
    public void Serving_byte_lines_answers_as_serving_text_lines(string propertyId)
    {
        var lines = new List<string> { ProtocolMessages.Hello("test"), "garbage \u00e9", "   ", "\u3000\t", "" };
        long id = 0;
        foreach (var c in DefaultRunCases(propertyId, RunOptions.DefaultCount))
        {
            lines.Add(ProtocolMessages.Run(++id, c, Profile.Default));
        }

        lines.Add(ProtocolMessages.Run(++id, new QuantityCase("1"), new Profile(new KubernetesVersion(1, 20), default)));
        lines.Add(ProtocolMessages.Hello("again"));

        // Lines ended as a text reader ends them: \n, \r\n and a lone \r, and the last one not ended at all.
        var input = new MemoryStream();
        string[] ends = ["\n", "\r\n", "\r"];
        for (int i = 0; i < lines.Count; i++)
        {
            input.Write(Utf8.GetBytes(lines[i]));
            if (i < lines.Count - 1)
            {
                input.Write(Utf8.GetBytes(ends[i % 3]));
            }
        }

        AssertServedAlike(input.ToArray(), 8207);
    }

    [Fact]
    public void Serving_bytes_that_are_not_UTF8_answers_as_the_text_reader_decodes_them()
    {
        byte[] hello = Utf8.GetBytes(ProtocolMessages.Hello("test") + "\n");
        byte[] bad = [.. "{\"type\":\"run\",\"id\":5,\"profile\":{\"kubernetesVersion\":\"1.37\"},\"case\":{\"kind\":\"quantity\",\"input\":\"1"u8, 0xFF, 0xC3, .. "\"}}\n"u8];
        byte[] junk = [0xEF, 0xBB, 0xBF, .. "{\"type\":\"run\",\"id\":6}\n"u8, 0xC3, (byte)'\n', .. "{\"type\":\"bye\"}"u8];
        AssertServedAlike([.. hello, .. bad, .. junk], 8208);

        // A byte-order mark before the handshake: the text reader keeps it (no encoding detection), so does the byte loop.
        AssertServedAlike([0xEF, 0xBB, 0xBF, .. hello], 8209);
    }

    [Fact]
    public void Request_lines_split_and_blank_as_a_text_reader_sees_them()
    {
        var random = new Random(8210);
        byte[][] pieces = ["a"u8.ToArray(), "{}"u8.ToArray(), " "u8.ToArray(), "\t"u8.ToArray(), "\r"u8.ToArray(), "\n"u8.ToArray(), "\r\n"u8.ToArray(), "\u00e9"u8.ToArray(), "\u3000"u8.ToArray(), [0xFF], [0xE3, 0x80]];
        for (int round = 0; round < 300; round++)
        {
            var data = new List<byte>();
            int n = random.Next(40);
            for (int i = 0; i < n; i++)
            {
                data.AddRange(pieces[random.Next(pieces.Length)]);
            }

            byte[] bytes = [.. data];
            var expected = new List<string>();
            using (var reader = new StreamReader(new MemoryStream(bytes), Utf8, false))
            {
                while (reader.ReadLine() is { } line)
                {
                    expected.Add((string.IsNullOrWhiteSpace(line) ? "blank " : "line ") + line);
                }
            }

            var actual = new List<string>();
            var lines = new RequestLines(new Trickle(bytes, round));
            while (lines.TryRead(out var line))
            {
                actual.Add((RequestLines.IsBlank(line.Span) ? "blank " : "line ") + RequestLines.Decode(line.Span));
            }

            Assert.Equal(expected, actual);
        }
    }
}
