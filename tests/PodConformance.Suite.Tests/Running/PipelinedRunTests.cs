using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Reports;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;
using PodConformance.Suite.Tests.Support;

namespace PodConformance.Suite.Tests.Running;

/// <summary>
/// The runner hands an <see cref="IPipeliningAdapter"/> the next cases ahead (issue 12 item 6). Reports must be byte for
/// byte those of a run one case at a time, failures, shrinking and expected failures included, and no answer may be taken
/// for another case: the stand-in below fails the test if the runner asks for a case other than the next one sent ahead.
/// </summary>
public class PipelinedRunTests
{
    private const string Failing = "P-QTY-PRINT,P-QTY-PARSE,P-QOS-CLASS,P-LIFE-RESTARTS,P-LIFE-PHASE";

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    public void Reports_with_cases_sent_ahead_are_those_of_a_run_one_case_at_a_time(int window)
    {
        var options = new RunOptions { Rules = Failing, Count = 40 };
        var inTurn = SuiteRun.Execute(BrokenAdapter.Several, options);
        var ahead = new AheadAdapter(BrokenAdapter.Several, window);
        var pipelined = SuiteRun.Execute(ahead, options);
        Assert.Contains(inTurn.Results, r => r.Outcome == Outcome.Failed && r.Counterexample!.Shrinks > 0);
        Assert.Equal(ConsoleReport.Render(inTurn), ConsoleReport.Render(pipelined));
        Assert.Equal(JsonReport.Render(inTurn), JsonReport.Render(pipelined));
        Assert.Empty(ahead.Problems);
        Assert.True(ahead.AnsweredAhead > 0, "no case was answered from the cases sent ahead");
        // A window of one holds only the case about to run; a larger one holds cases after a failing one, which are dropped.
        Assert.True(window == 1 ? ahead.Dropped == 0 : ahead.Dropped > 0, "dropped " + ahead.Dropped);
        Assert.Equal(0, ahead.Pending);
    }

    [Fact]
    public void Expected_failures_shrink_one_candidate_at_a_time_and_the_run_goes_on_ahead()
    {
        var options = new RunOptions { Rules = Failing, Count = 40 };
        var expectations = Expectations.CollectingAll("several-bugs", SuiteRun.Select(options));
        var inTurn = SuiteRun.Execute(BrokenAdapter.Several, options, expectations);
        var ahead = new AheadAdapter(BrokenAdapter.Several, 5);
        var pipelined = SuiteRun.Execute(ahead, options, expectations);
        Assert.Contains(inTurn.Results, r => r.Outcome == Outcome.ExpectedFailure);
        Assert.Equal(JsonReport.Render(inTurn), JsonReport.Render(pipelined));
        Assert.Empty(ahead.Problems);
        Assert.True(ahead.AnsweredAhead > 0);
        Assert.Equal(0, ahead.Pending);
    }

    [Fact]
    public void The_model_checked_against_itself_is_not_sent_ahead()
    {
        // Only an adapter that is not the oracle itself gets cases early; an IPipeliningAdapter that refuses every case
        // is run one case at a time with the same report.
        var options = new RunOptions { Rules = "P-QTY-PARSE,P-QOS-CLASS", Count = 10 };
        var refusing = new AheadAdapter(new ModelAdapter(), 0);
        var run = SuiteRun.Execute(refusing, options);
        Assert.Equal(JsonReport.Render(SuiteRun.Execute(new ModelAdapter(), options)), JsonReport.Render(run));
        Assert.Equal(0, refusing.AnsweredAhead);
        Assert.Empty(refusing.Problems);
    }

    /// <summary>
    /// An adapter behind a pipe, in process: takes up to <c>window</c> cases ahead and answers each from the inner adapter
    /// when asked for it. Anything but asking for the oldest case sent ahead (or for another case once none is pending) is
    /// recorded as a problem.
    /// </summary>
    private sealed class AheadAdapter(IConformanceAdapter inner, int window) : IPipeliningAdapter
    {
        private readonly Queue<(ConformanceCase Case, Profile Profile)> _sent = new();

        public List<string> Problems { get; } = [];

        public int AnsweredAhead { get; private set; }

        public int Dropped { get; private set; }

        public int Pending => _sent.Count;

        public string Name => inner.Name;

        public Capability Capabilities => inner.Capabilities;

        public bool TrySendAhead(ConformanceCase testCase, Profile profile)
        {
            if (_sent.Count >= window)
            {
                return false;
            }

            _sent.Enqueue((testCase, profile));
            return true;
        }

        public ValueTask DropAheadAsync(CancellationToken cancellationToken)
        {
            Dropped += _sent.Count;
            _sent.Clear();
            return ValueTask.CompletedTask;
        }

        public ValueTask<Observation> RunAsync(ConformanceCase testCase, Profile profile, CancellationToken cancellationToken)
        {
            if (_sent.TryDequeue(out var next))
            {
                if (!ReferenceEquals(next.Case, testCase) || next.Profile != profile)
                {
                    Problems.Add("asked for " + testCase.Describe() + " while " + next.Case.Describe() + " was the next case sent ahead");
                }
                else
                {
                    AnsweredAhead++;
                }
            }

            return inner.RunAsync(testCase, profile, cancellationToken);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
