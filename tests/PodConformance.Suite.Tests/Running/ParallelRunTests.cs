using PodConformance.Suite.Adapters;
using PodConformance.Suite.Reports;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;
using PodConformance.Suite.Tests.Support;

namespace PodConformance.Suite.Tests.Running;

/// <summary>
/// Properties run side by side when the adapter is the in-process model (issue 12 item 1): the reports must be what a
/// run one property at a time gives, and progress must still be told on the calling thread, in catalogue order.
/// </summary>
public class ParallelRunTests
{
    private const string Rules = "P-QTY-PARSE,P-QOS-CLASS,P-ADM-DEFAULTS,P-LIFE-PHASE,P-OOM-SCORE,P-ENV-RESOLVE";

    [Fact]
    public void A_parallel_run_reports_byte_for_byte_what_a_run_in_turn_reports()
    {
        var options = new RunOptions { Rules = Rules, Count = 12, Coverage = true };
        var inTurn = SuiteRun.Execute(new ModelAdapter(), options with { Parallelism = 1 });
        var parallel = SuiteRun.Execute(new ModelAdapter(), options with { Parallelism = 3 });
        Assert.True(inTurn.Results.Count >= 6);
        Assert.Equal(ConsoleReport.Render(inTurn), ConsoleReport.Render(parallel));
        Assert.Equal(JsonReport.Render(inTurn), JsonReport.Render(parallel));
        Assert.Equal(CoverageText.Render(inTurn), CoverageText.Render(parallel));
    }

    [Fact]
    public void Only_the_model_runs_properties_in_parallel()
    {
        var options = new RunOptions { Parallelism = 4 };
        Assert.Equal(4, SuiteRun.Workers(new ModelAdapter(), options, 20));
        Assert.Equal(2, SuiteRun.Workers(new ModelAdapter(), options, 2));
        Assert.Equal(1, SuiteRun.Workers(new ModelAdapter(), options, 1));
        Assert.Equal(1, SuiteRun.Workers(BrokenAdapter.BurstableIsGuaranteed, options, 20));
        Assert.Equal(Math.Min(Environment.ProcessorCount, 20), SuiteRun.Workers(new ModelAdapter(), new RunOptions(), 20));
    }

    [Fact]
    public void Progress_is_told_on_the_calling_thread_in_catalogue_order()
    {
        var options = new RunOptions { Rules = Rules, Count = 9, Parallelism = 3 };
        var progress = new Recorder(Environment.CurrentManagedThreadId);
        var run = SuiteRun.Execute(new ModelAdapter(), options, null, progress);
        Assert.Empty(progress.WrongThread);
        var expected = new List<string> { "started " + run.Results.Count };
        for (int i = 0; i < run.Results.Count; i++)
        {
            expected.Add("property " + i);
            expected.AddRange(Enumerable.Repeat("case", run.Results[i].Outcome == Outcome.Skipped ? 0 : options.CountFor(run.Results[i].Property)));
            expected.Add("done " + i + " " + run.Results[i].Property.Id);
        }

        Assert.Equal(expected, progress.Calls);
    }

    [Fact]
    public void A_cancelled_parallel_run_throws_as_a_run_in_turn_does()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var options = new RunOptions { Rules = Rules, Count = 5, Parallelism = 2 };
        Assert.ThrowsAny<OperationCanceledException>(() => SuiteRun.Execute(new ModelAdapter(), options, null, (IRunProgress?)null, cancelled.Token));
    }

    private sealed class Recorder(int thread) : IRunProgress
    {
        public List<string> Calls { get; } = [];

        public List<string> WrongThread { get; } = [];

        public void Started(int properties, long cases) => Add("started " + properties);

        public void PropertyStarted(int index, ConformanceProperty property, int cases) => Add("property " + index);

        public void CaseDone() => Add("case");

        public void PropertyDone(int index, PropertyResult result) => Add("done " + index + " " + result.Property.Id);

        private void Add(string call)
        {
            if (Environment.CurrentManagedThreadId != thread)
            {
                WrongThread.Add(call);
            }

            Calls.Add(call);
        }
    }
}
