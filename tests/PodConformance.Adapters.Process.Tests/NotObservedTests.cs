using PodConformance.Adapters.Process.Codec;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// PROTO-019: a quantity answer may list members it cannot observe; they are absent on the wire, left out of every
/// comparison, and a property none of whose cases was checked is skipped, never passed.
/// </summary>
public class NotObservedTests
{
    private const QuantityMembers Unprintable = QuantityMembers.String | QuantityMembers.Canonical | QuantityMembers.Format | QuantityMembers.Error;

    [Fact]
    public void Members_not_observed_are_absent_on_the_wire_and_round_trip()
    {
        var o = new Observation { Quantity = new QuantityObservation(true, "", "", "", 0, 2, "") { NotObserved = Unprintable | QuantityMembers.MilliValue } };
        string line = ProtocolMessages.Observation(3, o);
        Assert.Equal("""{"type":"observation","id":3,"observation":{"quantity":{"ok":true,"value":2,"notObserved":["string","canonical","format","milliValue","error"]}}}""", line);
        var reply = Assert.IsType<ObservationReply>(ProtocolMessages.ReadReply(line));
        Assert.Equal(o, reply.Observation);
    }

    [Theory]
    [InlineData("""{"type":"observation","id":1,"observation":{"quantity":{"ok":true,"value":1,"milliValue":1000,"notObserved":["string","canonical","format"]}}}""", "observation.quantity.error: required field is missing")]
    [InlineData("""{"type":"observation","id":1,"observation":{"quantity":{"ok":true,"string":"1","canonical":"1","format":"DecimalSI","milliValue":1000,"value":1,"error":"","notObserved":["string"]}}}""", "observation.quantity.string: listed in notObserved, so it must be absent")]
    [InlineData("""{"type":"observation","id":1,"observation":{"quantity":{"ok":true,"notObserved":["string","canonical","format","milliValue","value","error","ok"]}}}""", "observation.quantity.notObserved: unknown member \"ok\"")]
    [InlineData("""{"type":"observation","id":1,"observation":{"quantity":{"ok":true,"notObserved":"string"}}}""", "observation.quantity.notObserved: expected an array")]
    public void A_wrong_list_fails_with_the_path(string line, string expected) =>
        Assert.Contains(expected, Assert.Throws<ProtocolException>(() => ProtocolMessages.ReadReply(line)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_property_whose_members_are_all_unobserved_is_skipped_not_passed()
    {
        var runner = new SuiteRunner(new ModelAdapter(), new ParseOnly(), Profile.Default);
        var print = Catalog.All.Single(p => p.Id == "P-QTY-PRINT");
        var result = runner.Run(print, seed: 5, count: 30);

        // The fake agrees with the model on acceptance, so nothing of printing was ever compared.
        Assert.Equal(Outcome.Skipped, result.Outcome);
        Assert.Equal("not observed: the adapter does not observe string, canonical", result.Reason);
        Assert.Equal(30, result.CasesRun);
    }

    [Fact]
    public void Observed_members_are_still_compared_and_acceptance_always()
    {
        var runner = new SuiteRunner(new ModelAdapter(), new ParseOnly(), Profile.Default);
        var value = runner.Run(Catalog.All.Single(p => p.Id == "P-QTY-VALUE"), seed: 5, count: 30);
        Assert.Equal(Outcome.Passed, value.Outcome);

        var wrong = new SuiteRunner(new ModelAdapter(), new ParseOnly { AcceptEverything = true }, Profile.Default);
        var parse = wrong.Run(Catalog.All.Single(p => p.Id == "P-QTY-PARSE"), seed: 5, count: 100);
        Assert.Equal(Outcome.Failed, parse.Outcome);
        Assert.Equal("line 1: expected rejected, got accepted", parse.Reason);
    }

    [Fact]
    public void Reports_show_a_member_not_observed_in_its_place()
    {
        var print = Catalog.All.Single(p => p.Id == "P-QTY-PRINT");
        var actual = new Observation { Quantity = new QuantityObservation(true, "", "", "", 1000, 1, "") { NotObserved = Unprintable } };
        Assert.Equal(new[] { "string: (not observed)", "canonical: (not observed)" }, print.View(actual));
        var rejected = new Observation { Quantity = new QuantityObservation(false, "", "", "", 0, 0, "") { NotObserved = Unprintable } };
        Assert.Equal(new[] { "rejected: (not observed)" }, print.View(rejected));
    }

    /// <summary>A parser that only knows acceptance and the values, answering them as the model does.</summary>
    private sealed class ParseOnly : IConformanceAdapter
    {
        public bool AcceptEverything { get; init; }

        public string Name => "parse-only";

        public Capability Capabilities => Capability.Quantity;

        public ValueTask<Observation> RunAsync(ConformanceCase testCase, Profile profile, CancellationToken cancellationToken)
        {
            var q = ModelAdapter.Run(testCase, profile).Quantity!;
            var answer = q.Ok || !AcceptEverything
                ? q with { String = "", Canonical = "", Format = "", Error = "", NotObserved = Unprintable }
                : new QuantityObservation(true, "", "", "", 0, 0, "") { NotObserved = Unprintable };
            return ValueTask.FromResult(new Observation { Quantity = answer });
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
