using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Reports;
using PodConformance.Suite.Running;

namespace PodConformance.Suite.Tests.Running;

/// <summary><c>--shard i/n</c> and <c>--repeat N</c> (issue 13 item 7).</summary>
public class RunControlsTests
{
    private const string Rules = "P-QTY-*,P-QOS-CLASS,P-OOM-SCORE,P-ADM-DEFAULTS";

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/4", 2, 4)]
    [InlineData("10/10", 10, 10)]
    public void Shard_reads_i_of_n(string text, int index, int count)
    {
        Assert.Equal(new Shard(index, count), Shard.Parse(text, out string error));
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("1/0")]
    [InlineData("2")]
    [InlineData("/4")]
    [InlineData("1/4/2")]
    [InlineData("-1/4")]
    [InlineData(" 1/4")]
    public void Shard_refuses_what_is_not_i_of_n(string text)
    {
        Assert.Null(Shard.Parse(text, out string error));
        Assert.Contains("is not i/n", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Shards_are_disjoint_cover_the_run_and_give_the_whole_runs_results()
    {
        var options = new RunOptions { Rules = Rules, Count = 15 };
        var whole = SuiteRun.Execute(new ModelAdapter(), options).Results;
        var parts = Enumerable.Range(1, 3).Select(i => SuiteRun.Execute(new ModelAdapter(), options with { Shard = new Shard(i, 3) }).Results).ToList();
        Assert.All(parts, p => Assert.NotEmpty(p));
        var merged = parts.SelectMany(p => p).ToList();
        Assert.Equal(whole.Select(r => r.Property.Id).Order(StringComparer.Ordinal), merged.Select(r => r.Property.Id).Order(StringComparer.Ordinal));
        foreach (var r in merged)
        {
            var same = whole.Single(w => w.Property.Id == r.Property.Id);
            Assert.Equal((same.Outcome, same.CasesRun, same.Reason), (r.Outcome, r.CasesRun, r.Reason));
        }
    }

    [Fact]
    public void Shards_hold_the_same_properties_on_every_machine()
    {
        var options = new RunOptions { Rules = Rules, Shard = new Shard(2, 3) };
        Assert.Equal(SuiteRun.Select(options).Select(p => p.Id), SuiteRun.Select(options with { }).Select(p => p.Id));
        var all = SuiteRun.Select(options with { Shard = null });
        Assert.Equal(all.Where((_, i) => i % 3 == 1).Select(p => p.Id), SuiteRun.Select(options).Select(p => p.Id));
    }

    [Fact]
    public void A_deterministic_failure_repeated_is_the_same_failure_not_flaky()
    {
        var once = Assert.Single(SuiteRun.Execute(Support.BrokenAdapter.BurstableIsGuaranteed, new RunOptions { Rules = "P-QOS-CLASS", Count = 40 }).Results);
        var thrice = Assert.Single(SuiteRun.Execute(Support.BrokenAdapter.BurstableIsGuaranteed, new RunOptions { Rules = "P-QOS-CLASS", Count = 40, Repeat = 3 }).Results);
        Assert.Equal(Outcome.Failed, thrice.Outcome);
        Assert.False(Repeats.IsFlaky(thrice));
        Assert.Equal(once.Reason, thrice.Reason);
        Assert.Equal(once.Counterexample!.Shrunk, thrice.Counterexample!.Shrunk);
    }

    [Fact]
    public void A_passing_property_repeated_passes_and_runs_its_cases_each_time()
    {
        var adapter = new CountingAdapter(breakFromCall: int.MaxValue);
        var result = Assert.Single(SuiteRun.Execute(adapter, new RunOptions { Rules = "P-QOS-CLASS", Count = 10, Repeat = 3 }).Results);
        Assert.Equal(Outcome.Passed, result.Outcome);
        Assert.Equal(30, adapter.Calls);
    }

    [Fact]
    public void An_adapter_that_changes_its_answer_between_repeats_fails_as_flaky_with_a_replay_that_repeats()
    {
        // Right for its first 10 answers (repeat 1 of 10 cases), wrong from then on (repeat 2).
        var run = SuiteRun.Execute(new CountingAdapter(breakFromCall: 11), new RunOptions { Rules = "P-QOS-CLASS", Count = 10, Repeat = 2 });
        var result = Assert.Single(run.Results);
        Assert.Equal(Outcome.Failed, result.Outcome);
        Assert.True(Repeats.IsFlaky(result));
        Assert.Matches(@"^flaky: repeat 1 passed 10 cases, repeat 2 of 2 failed on case \d+ \(same seed, same cases\): ", result.Reason);
        Assert.Equal(result.Reason, result.Counterexample!.Detail);
        Assert.Matches(@"--seed 20261124 --count \d+ --repeat 2$", RunText.Replay(run, result));
        Assert.Contains("=== FAILED: P-QOS-CLASS", FailureText.Render(run, result), StringComparison.Ordinal);
    }

    [Fact]
    public void An_expected_failure_does_not_hide_flakiness()
    {
        var known = Expectations.Parse("{\"adapter\": \"counting\", \"expectations\": {\"P-QOS-CLASS\": {\"expected\": \"fail\", \"reason\": \"known\"}}}", "test");
        var result = Assert.Single(SuiteRun.Execute(new CountingAdapter(breakFromCall: 11), new RunOptions { Rules = "P-QOS-CLASS", Count = 10, Repeat = 2 }, known).Results);
        Assert.Equal(Outcome.Failed, result.Outcome);
    }

    [Fact]
    public void Progress_hears_every_case_and_every_property()
    {
        var progress = new RecordingProgress();
        SuiteRun.Execute(new ModelAdapter(), new RunOptions { Rules = "P-QTY-PARSE,P-QOS-CLASS", Count = 7, Repeat = 2 }, null, progress);
        Assert.Equal(["started 2 28", "P-QTY-PARSE 14", "done P-QTY-PARSE", "P-QOS-CLASS 14", "done P-QOS-CLASS"], progress.Events);
        Assert.Equal(28, progress.Cases);
    }

    /// <summary>The model, calling every Burstable pod Guaranteed from its <c>breakFromCall</c>-th answer on.</summary>
    private sealed class CountingAdapter(int breakFromCall) : IConformanceAdapter
    {
        public int Calls { get; private set; }

        public string Name => "counting";

        public Capability Capabilities => Capability.All;

        public ValueTask<Observation> RunAsync(ConformanceCase testCase, Profile profile, CancellationToken cancellationToken)
        {
            var o = ModelAdapter.Run(testCase, profile);
            bool broken = ++Calls >= breakFromCall;
            return ValueTask.FromResult(broken && o.Admission is { QosClass: "Burstable" } a ? o with { Admission = a with { QosClass = "Guaranteed" } } : o);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class RecordingProgress : IRunProgress
    {
        public List<string> Events { get; } = [];

        public int Cases { get; private set; }

        public void Started(int properties, long cases) => Events.Add($"started {properties} {cases}");

        public void PropertyStarted(int index, Suite.Rules.ConformanceProperty property, int cases) => Events.Add($"{property.Id} {cases}");

        public void CaseDone() => Cases++;

        public void PropertyDone(int index, PropertyResult result) => Events.Add("done " + result.Property.Id);
    }
}
