using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Adapters.Process.Codec;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// Issue 12 item 6, session 11: a reply in exactly podconf's own layout is read by <see cref="ExactReplyReader"/>, which
/// matches the layout's constant bytes instead of running a token reader. It must read every such reply (or it saves
/// nothing), read it to the reply the token reader (<see cref="FastReplyReader.TryReadTokens"/>) reads, and on anything
/// else either give up or still agree: it never decides a reply on its own. The errors of bad replies are the strict
/// reader's, unchanged (ObservationEquivalenceTests compares them with c0f9115's over the same damaged lines).
/// </summary>
public class ExactReplyReaderTests
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private static byte[] Line(long id, Observation o)
    {
        var buffer = new ArrayBufferWriter<byte>();
        ProtocolMessages.WriteObservationLine(buffer, id, o);
        return buffer.WrittenSpan[..^1].ToArray();
    }

    /// <summary>Whether the exact reader took the line; when it did, its reply equals the token reader's (which must take it too).</summary>
    private static bool AgreesWithTokens(byte[] line)
    {
        bool exact = ExactReplyReader.TryRead(line, out var fromExact);
        if (exact)
        {
            Assert.True(FastReplyReader.TryReadTokens(line, out var fromTokens), "the exact reader took a line the token reader does not: " + Utf8.GetString(line));
            Assert.Equal(fromTokens, fromExact);
        }

        return exact;
    }

    [Fact]
    public void Every_reply_of_a_default_run_is_read_exactly_to_its_observation()
    {
        long id = 0;
        int lifecycles = 0;
        foreach (var o in ObservationEquivalenceTests.DefaultRunObservations())
        {
            byte[] line = Line(++id, o);
            Assert.True(AgreesWithTokens(line), "case " + id + " was not read exactly: " + Utf8.GetString(line)[..Math.Min(line.Length, 300)]);
            Assert.True(ExactReplyReader.TryRead(line, out var reply));
            Assert.Equal(id, reply!.Id);
            Assert.Equal(o, reply.Observation);
            lifecycles += o.Lifecycle is { Samples.Count: > 1 } ? 1 : 0;
        }

        Assert.True(id > 1000 && lifecycles > 300, id + " observations, " + lifecycles + " with samples");
    }

    [Fact]
    public void Replies_of_generated_cases_are_read_exactly()
    {
        long id = 0;
        foreach (var o in ObservationEquivalenceTests.GeneratedCaseObservations())
        {
            byte[] line = Line(++id, o);
            bool quantityWithHidden = o.Quantity is { NotObserved: not QuantityMembers.None };
            Assert.Equal(!quantityWithHidden, AgreesWithTokens(line));
            if (!quantityWithHidden)
            {
                Assert.Equal(o, ((ObservationReply)ProtocolMessages.ReadReply(line)).Observation);
            }
        }
    }

    /// <summary>
    /// Texts with quotes, backslashes, control characters, non-ASCII and U+2028, null texts, offsets that are not whole
    /// seconds, hidden quantity members: of every line the writer writes, the exact reader takes exactly those the token
    /// reader takes (not null texts nor hidden quantity members, which the strict reader reads), to the observation written.
    /// </summary>
    [Property(Replay = "(20261207,1101)", MaxTest = 300)]
    public Property Written_replies_read_exactly_as_the_token_reader_reads_them() =>
        Prop.ForAll(ObservationEquivalenceTests.AnyObservation.ToArbitrary(), o =>
        {
            byte[] line;
            try
            {
                line = Line(7, o);
            }
            catch (ArgumentException)
            {
                return true; // a null text where the writer refuses it: nothing goes on the wire
            }

            bool exact = AgreesWithTokens(line);
            return exact == FastReplyReader.TryReadTokens(line, out _)
                && (!exact || (ExactReplyReader.TryRead(line, out var r) && r!.Observation.Equals(o)));
        });

    [Fact]
    public void The_generated_texts_reach_the_escape_and_non_ascii_paths()
    {
        int escaped = 0, nonAscii = 0, exact = 0;
        foreach (var o in ObservationEquivalenceTests.GeneratedObservations())
        {
            byte[] line;
            try
            {
                line = Line(1, o);
            }
            catch (ArgumentException)
            {
                continue;
            }

            bool read = AgreesWithTokens(line);
            exact += read ? 1 : 0;
            escaped += read && line.AsSpan().IndexOf((byte)'\\') >= 0 ? 1 : 0;
            nonAscii += read && line.AsSpan().IndexOfAnyInRange((byte)0x80, (byte)0xff) >= 0 ? 1 : 0;
        }

        Assert.True(escaped >= 15 && nonAscii >= 10 && exact >= 25, "escaped " + escaped + ", non-ASCII " + nonAscii + ", read exactly " + exact);
    }

    /// <summary>Damaged and reordered copies (cut short, a character replaced, members reversed with escaped names): given up, or the token reader's reply.</summary>
    [Fact]
    public void Damaged_replies_are_given_up_or_read_as_the_token_reader_reads_them()
    {
        var random = new Random(1102);
        long id = 0;
        int givenUp = 0, taken = 0;
        var observations = ObservationEquivalenceTests.DefaultRunObservations().Where((_, i) => i % 13 == 0)
            .Concat(ObservationEquivalenceTests.GeneratedObservations().Take(60));
        foreach (var o in observations)
        {
            byte[] bytes;
            try
            {
                bytes = Line(++id, o);
            }
            catch (ArgumentException)
            {
                continue;
            }

            string line = Utf8.GetString(bytes);
            foreach (string damaged in ObservationEquivalenceTests.Damaged(line, random))
            {
                bool exact = AgreesWithTokens(Utf8.GetBytes(damaged));
                givenUp += exact ? 0 : 1;
                taken += exact && damaged != line ? 1 : 0;
            }
        }

        Assert.True(givenUp > 300 && taken > 20, "given up " + givenUp + ", damaged lines still read " + taken);
    }

    /// <summary>Layouts the exact reader leaves to the token reader: valid replies, another writer's form; each still reads the same through <see cref="ProtocolMessages.ReadReply(ReadOnlySpan{byte})"/>.</summary>
    [Theory]
    [InlineData("""{"type":"observation","id":7,"observation":{} }""")]
    [InlineData("""{"type":"observation", "id":7,"observation":{}}""")]
    [InlineData("""{"id":7,"type":"observation","observation":{}}""")]
    [InlineData("""{"type":"observation","id":07,"observation":{}}""")]
    [InlineData("""{"type":"observation","id":7.0,"observation":{}}""")]
    [InlineData("""{"type":"observation","id":1e3,"observation":{}}""")]
    [InlineData("""{"type":"observation","id":12345678901234567890,"observation":{}}""")]
    [InlineData("""{"type":"observation","id":9223372036854775808,"observation":{}}""")]
    [InlineData("""{"type":"observation","id":-9223372036854775809,"observation":{}}""")]
    [InlineData("""{"type":"observation","id":7,"observation":{"lifecycle":{"rejected":false,"samples":[{"offset":"1\u0073","phase":"P","conditions":[],"containers":[],"ready":"","status":"","restarts":"","deleted":false}],"events":[]}}}""")]
    [InlineData("""{"type":"observation","id":7,"observation":{"lifecycle":{"rejected":false,"samples":[{"offset":"0s","phase":"P","conditions":[],"containers":[{"name":"a","state":"s","reason":"","exitCode":2147483648,"restartCount":0,"ready":false,"lastReason":""}],"ready":"","status":"","restarts":"","deleted":false}],"events":[]}}}""")]
    [InlineData("""{"type":"observation","id":7,"observation":{"admission":{"accepted":true,"errors":[],"qosClass":"","defaults":{"a":"1","a":"2"}}}}""")]
    [InlineData("""{"type":"observation","id":7,"observation":{"admission":{"accepted":true,"errors":["a	b"],"qosClass":"","defaults":{}}}}""")]
    [InlineData("""{"type":"observation","id":7,"observation":{"admission":{"accepted":true,"errors":[],"qosClass":null,"defaults":{}}}}""")]
    [InlineData("""{"type":"observation","id":7,"observation":{"admission":{"accepted":true,"errors":[],"qosClass":"x","defaults":{}},"admission":{"accepted":true,"errors":[],"qosClass":"x","defaults":{}}}}""")]
    [InlineData("""{"type":"observation","id":7,"observation":{"oomScore":{"scores":{}},"env":{"containers":{},"errors":{}}}}""")]
    [InlineData("""{"type":"observation","id":7,"observation":{},"x-took":"1ms"}""")]
    public void Other_layouts_are_left_to_the_token_reader(string text)
    {
        byte[] line = Utf8.GetBytes(text);
        Assert.False(ExactReplyReader.TryRead(line, out _));
        var strict = Record.Exception(() => ProtocolMessages.ReadReplyStrictly(text));
        var read = Record.Exception(() => ProtocolMessages.ReadReply(line));
        Assert.Equal(strict?.Message, read?.Message);
        if (strict is null)
        {
            Assert.Equal(ProtocolMessages.ReadReplyStrictly(text), ProtocolMessages.ReadReply(line));
        }
    }

    /// <summary>The exact layout's own corner cases: negative and zero numbers, escapes, non-ASCII, empty lists and maps, repeated sample parts.</summary>
    [Theory]
    [InlineData("""{"type":"observation","id":-0,"observation":{}}""")]
    [InlineData("""{"type":"observation","id":9223372036854775807,"observation":{}}""")]
    [InlineData("""{"type":"observation","id":-9223372036854775808,"observation":{}}""")]
    [InlineData("""{"type":"observation","id":-9,"observation":{"quantity":{"ok":false,"string":"a\"b\\c","canonical":"\u00e9","format":"é","milliValue":-1,"value":0,"error":"\n"}}}""")]
    [InlineData("""{"type":"observation","id":7,"observation":{"env":{"containers":{"c":{"A":"1","B":"2"},"d":{}},"errors":{"x":"y"}},"oomScore":{"scores":{"c":-999,"d":1000}},"eviction":{"order":["a"],"neverEvicted":[]}}}""")]
    [InlineData("""{"type":"observation","id":7,"observation":{"admission":{"accepted":false,"errors":["b","a"],"qosClass":"","defaults":{"b":"1","a":"2"}}}}""")]
    [InlineData("""{"type":"observation","id":7,"observation":{"lifecycle":{"rejected":true,"samples":[{"offset":"1.5s","phase":"P","conditions":["A"],"containers":[{"name":"a","state":"s","reason":"","exitCode":-1,"restartCount":0,"ready":false,"lastReason":"","lastExitCode":2147483647}],"ready":"","status":"","restarts":"","deleted":false},{"offset":"2s","phase":"Q","conditions":["A"],"containers":[{"name":"a","state":"s","reason":"","exitCode":-1,"restartCount":0,"ready":false,"lastReason":"","lastExitCode":2147483647},{"name":"b","state":"s","reason":"","restartCount":0,"ready":true,"lastReason":""}],"ready":"","status":"","restarts":"","deleted":true},{"offset":"3s","phase":"Q","conditions":[],"containers":[{"name":"a","state":"s","reason":"","exitCode":-1,"restartCount":0,"ready":false,"lastReason":"","lastExitCode":2147483647},{"name":"b","state":"s","reason":"","restartCount":0,"ready":true,"lastReason":""}],"ready":"","status":"","restarts":"","deleted":true}],"events":[{"offset":"1h0m5s","type":"N","reason":"R","message":"m\u2028"}]}}}""")]
    public void Corner_cases_of_the_layout_read_as_the_token_reader_reads_them(string text)
    {
        Assert.True(AgreesWithTokens(Utf8.GetBytes(text)));
    }

    /// <summary>Bytes that are not UTF-8 inside a string: given up (the token reader gives up too; the strict reader words the error).</summary>
    [Fact]
    public void Bytes_that_are_not_UTF8_are_given_up()
    {
        byte[] line = [.. "{\"type\":\"observation\",\"id\":7,\"observation\":{\"eviction\":{\"order\":[\""u8, 0xff, 0xfe, .. "\"],\"neverEvicted\":[]}}}"u8];
        Assert.False(ExactReplyReader.TryRead(line, out _));
        Assert.False(FastReplyReader.TryReadTokens(line, out _));
    }
}
