using PodConformance.Model.Profiles;
using PodConformance.Suite.Cases;

namespace PodConformance.Suite.Adapters;

/// <summary>
/// An adapter that can be handed cases before they are run (issue 12 item 6): <see cref="Running.SuiteRunner"/> sends it
/// the next cases of a property ahead, so an adapter behind a pipe works on them while the oracle runs and a burst of
/// requests costs one write and one wake-up instead of one each. Answers still come through
/// <see cref="IConformanceAdapter.RunAsync"/>, in order: for a case sent ahead it returns that very case's answer. Asked
/// to run any other case (a shrink candidate), the adapter first drops the cases sent ahead (<see cref="DropAheadAsync"/>):
/// an answer is never given to another case.
/// </summary>
public interface IPipeliningAdapter : IConformanceAdapter
{
    /// <summary>
    /// Sends <paramref name="testCase"/> after the cases already sent ahead, without waiting for the adapter. True when it
    /// was taken: the next <see cref="IConformanceAdapter.RunAsync"/> calls must ask for the cases taken, in the order
    /// taken (the same objects). False when the adapter takes no more now (its window is full, it runs one case at a time,
    /// it is not running, or it would not send this case): nothing was sent, and <c>RunAsync</c> runs the case as usual.
    /// </summary>
    bool TrySendAhead(ConformanceCase testCase, Profile profile);

    /// <summary>
    /// Drops every case sent ahead and not yet asked for: their answers are read and thrown away (or, cancelled or out of
    /// step, the adapter is stopped and starts afresh for the next case).
    /// </summary>
    ValueTask DropAheadAsync(CancellationToken cancellationToken);
}
