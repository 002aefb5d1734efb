using PodConformance.Adapters.Process.Codec;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// The one-pass reader of common observation replies must read exactly what the strict reader reads, and give up
/// (leaving the strict reader to accept or word the error) on everything else.
/// </summary>
public class FastReplyReaderTests
{
    [Theory]
    [InlineData("P-ADM-VALIDATION")]
    [InlineData("P-LIFE-PHASE")]
    [InlineData("P-QTY-PARSE")]
    public void The_replies_of_a_default_run_read_as_the_strict_reader_reads_them(string propertyId)
    {
        var gen = Catalog.Find(propertyId)!.Cases(Profile.Default);
        for (int i = 0; i < RunOptions.DefaultCount; i++)
        {
            var observation = ModelAdapter.Run(SuiteRunner.CaseAt(gen, RunOptions.DefaultSeed, i, RunOptions.DefaultCount), Profile.Default);
            string line = ProtocolMessages.Observation(i, observation);
            Assert.True(FastReplyReader.TryRead(line, out var fast), propertyId + " case " + i + " was not read in one pass");
            Assert.Equal(ProtocolMessages.ReadReplyStrictly(line), fast);
            Assert.Equal(observation, fast!.Observation);
        }
    }

    [Theory]
    [InlineData("""{"observation":{"lifecycle":{"events":[{"message":"m","reason":"Pulled","type":"Normal","offset":"1.5s"}],"rejected":false}},"id":7,"type":"observation"}""", true)]
    [InlineData("""{"type":"observation","id":7,"observation":{"admission":{"accepted":false,"errors":[],"defaults":{}}}}""", true)]
    [InlineData("""{"type":"observation","id":7,"observation":{"lifecycle":{"samples":[{"offset":"0s","phase":"Pending","containers":[{"name":"a","exitCode":0}]}]}}}""", true)]
    [InlineData("""{"type":"observation","id":7,"x-took":"5ms","observation":{}}""", false)]
    [InlineData("""{"type":"observation","id":7,"observation":{"lifecycle":null}}""", false)]
    [InlineData("""{"type":"observation","id":7,"observation":{"lifecycle":{"samples":[{"offset":"0s","phase":"Pending","x-node":"n"}]}}}""", false)]
    [InlineData("""{"type":"observation","id":7,"observation":{"oomScore":{"scores":{"a":3}},"env":{"containers":{"a":{"X":"1"}},"errors":{}},"eviction":{"order":["a"]}}}""", true)]
    [InlineData("""{"type":"observation","id":7,"observation":{"quantity":{"ok":true,"string":"1","canonical":"1","format":"DecimalSI","milliValue":1000,"value":1,"error":""}}}""", true)]
    [InlineData("""{"type":"observation","id":7,"observation":{"quantity":{"error":"e","value":0,"milliValue":0,"format":"","canonical":"","string":"","ok":false}}}""", true)]
    [InlineData("""{"type":"observation","id":7,"observation":{"quantity":{"ok":true,"string":"1","canonical":"1","format":"DecimalSI","milliValue":1000,"value":1,"notObserved":["error"]}}}""", false)]
    [InlineData("""{"type":"error","id":7,"message":"no"}""", false)]
    [InlineData("""{"type":"observation","id":7,"observation":{}} """, true)]
    public void Valid_replies_read_the_same_whichever_reader_takes_them(string line, bool onePass)
    {
        Assert.Equal(onePass, FastReplyReader.TryRead(line, out _));
        Assert.Equal(ProtocolMessages.ReadReplyStrictly(line), ProtocolMessages.ReadReply(line));
    }

    [Theory]
    [InlineData("""{"type":"observation","id":7,"observation":{"admission":{"accepted":true,"defaults":{"a":"1","a":"2"}}}}""")]
    [InlineData("""{"type":"observation","id":7,"id":8,"observation":{}}""")]
    [InlineData("""{"type":"observation","id":7,"observation":{"lifecycle":{"samples":[{"phase":"Pending"}]}}}""")]
    [InlineData("""{"type":"observation","id":7,"observation":{"lifecycle":{"events":[{"offset":"0s","type":"Normal"}]}}}""")]
    [InlineData("""{"type":"observation","id":7,"observation":{"lifecycle":{"samples":[{"offset":"soon","phase":"Pending"}]}}}""")]
    [InlineData("""{"type":"observation","id":7,"observation":{"lifecycle":{"samples":[{"offset":"0s","phase":"Pending","containers":[{"name":"a","exitCode":1.5}]}]}}}""")]
    [InlineData("""{"type":"observation","id":7,"observation":{}}{}""")]
    [InlineData("""{"type":"observation","id":7,"observation":{},}""")]
    [InlineData("""{"type":"observation","id":7,"observation":{"quantity":{"ok":true,"string":"1","canonical":"1","format":"DecimalSI","milliValue":1000,"value":1}}}""")]
    [InlineData("""{"type":"observation","id":7,"observation":{"quantity":{"ok":true,"string":"1","canonical":"1","format":"DecimalSI","milliValue":1.5,"value":1,"error":""}}}""")]
    [InlineData("""{"type":"observation","id":7,"observation":{"quantity":{"ok":"yes","string":"1","canonical":"1","format":"DecimalSI","milliValue":1000,"value":1,"error":""}}}""")]
    [InlineData("""{"type":"observation","id":7,"observation":{"quantity":{"ok":true,"string":null,"canonical":"1","format":"DecimalSI","milliValue":1000,"value":1,"error":""}}}""")]
    public void Invalid_replies_are_left_to_the_strict_reader(string line)
    {
        Invalid(line);
    }

    /// <summary>A lone surrogate (built here: test-case serialization would replace it) cannot be UTF-8: the strict reader's error (today an ArgumentException).</summary>
    [Fact]
    public void A_string_that_is_not_utf16_is_left_to_the_strict_reader() =>
        Invalid("{\"type\":\"observation\",\"id\":7,\"observation\":{\"admission\":{\"accepted\":true,\"qosClass\":\"" + '\ud800' + "\"}}}");

    private static void Invalid(string line)
    {
        Assert.False(FastReplyReader.TryRead(line, out _));
        var strict = Record.Exception(() => ProtocolMessages.ReadReplyStrictly(line));
        var read = Record.Exception(() => ProtocolMessages.ReadReply(line));
        Assert.NotNull(strict);
        Assert.Equal(strict.GetType(), read?.GetType());
        Assert.Equal(strict.Message, read!.Message);
    }
}
