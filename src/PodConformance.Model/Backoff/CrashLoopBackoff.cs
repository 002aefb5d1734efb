using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;

namespace PodConformance.Model.Backoff;

/// <summary>What the kubelet does on a sync for a container that should be restarted.</summary>
/// <param name="Start">True: the container is started now (and the backoff was advanced).</param>
/// <param name="Waiting">When not started: the waiting state (reason CrashLoopBackOff and its message).</param>
/// <param name="EventMessage">When not started: the Warning BackOff event message.</param>
/// <param name="Rules">Spec rule IDs applied.</param>
/// <param name="Delay">The delay in force after the decision (zero when no exited instance exists).</param>
public sealed record CrashLoopDecision(
    bool Start,
    ContainerStateWaiting? Waiting,
    string? EventMessage,
    TimeSpan Delay,
    ValueList<string> Rules);

/// <summary>
/// doBackOff (kuberuntime_manager.go) on the model's virtual clock: with no exited instance the container
/// starts with no backoff; otherwise it waits while now − FinishedAt &lt; delay, else the delay advances and it starts.
/// </summary>
public static class CrashLoopBackoff
{
    private static readonly ValueList<string> StartRules = ValueList.Of(BackoffRules.Doubling);
    private static readonly ValueList<string> WaitingRules = ValueList.Of(BackoffRules.Key, BackoffRules.Waiting);
    private static readonly ValueList<string> RestartRules = ValueList.Of(BackoffRules.Key, BackoffRules.Doubling, BackoffRules.Reset);

    /// <param name="tracker">The node's crash-loop tracker (<see cref="CrashLoopBackoffPolicy.NewTracker"/>).</param>
    /// <param name="pod">Pod metadata (name, namespace, uid are in the key and message).</param>
    /// <param name="containerName">The container to (re)start.</param>
    /// <param name="specHash">The container spec hash (a changed spec is a new key).</param>
    /// <param name="lastFinishedAt">FinishedAt of the newest exited instance, or null if it never exited.</param>
    /// <param name="now">The sync time.</param>
    public static CrashLoopDecision Decide(
        BackoffTracker tracker, ObjectMeta pod, string containerName, string specHash, DateTimeOffset? lastFinishedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return Decide(tracker, BackoffKeys.Container(pod, containerName, specHash), pod, containerName, lastFinishedAt, now, null);
    }

    /// <summary>
    /// <see cref="Decide(BackoffTracker, ObjectMeta, string, string, DateTimeOffset?, DateTimeOffset)"/> for a caller
    /// that keeps the container's <paramref name="key"/> (<see cref="BackoffKeys.Container"/>) and its
    /// <paramref name="previous"/> decision: a sync that waits at the same delay again gets that decision back, and a
    /// wait at a new delay keeps the previous wait's event message and the container and pod part of its waiting
    /// message, so a crash loop's syncs build no new strings but the new duration.
    /// </summary>
    public static CrashLoopDecision Decide(
        BackoffTracker tracker, string key, ObjectMeta pod, string containerName, DateTimeOffset? lastFinishedAt, DateTimeOffset now,
        CrashLoopDecision? previous)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(pod);
        if (lastFinishedAt is not { } finishedAt)
        {
            return new CrashLoopDecision(true, null, null, TimeSpan.Zero, StartRules);
        }

        if (tracker.IsInBackOffSince(key, finishedAt, now))
        {
            var delay = tracker.Get(key);
            RuleCoverage.Hit(BackoffRules.Waiting, delay == tracker.Max ? "waiting at the cap" : "waiting below the cap");
            if (previous is { Start: false } same && same.Delay == delay)
            {
                return same;
            }

            // A new delay for the same container: the event message and the waiting message's tail (container and pod)
            // are those of its previous wait.
            var waiting = new ContainerStateWaiting
            {
                Reason = BackoffMessages.CrashLoopBackOffReason,
                Message = previous is { Start: false, Waiting.Message: { } lastMessage }
                    ? BackoffMessages.CrashLoopWaitingAgain(delay, lastMessage, containerName, pod)
                    : BackoffMessages.CrashLoopWaiting(delay, containerName, pod),
            };
            string eventMessage = previous is { Start: false, EventMessage: { } again } ? again : BackoffMessages.CrashLoopEvent(containerName, pod);
            return new CrashLoopDecision(false, waiting, eventMessage, delay, WaitingRules);
        }

        var before = tracker.Get(key);
        bool expired = tracker.LastUpdate(key) is { } last && finishedAt - last > tracker.ExpireAfter;
        tracker.Next(key, finishedAt, now);
        var after = tracker.Get(key);
        RuleCoverage.Hit(BackoffRules.Doubling, before == TimeSpan.Zero ? "first delay"
            : expired ? "back to the first delay"
            : before == tracker.Max ? "stays at the cap"
            : after == tracker.Max ? "reaches the cap"
            : "doubled");
        if (expired)
        {
            RuleCoverage.Hit(BackoffRules.Reset, "after 10 minutes without a crash");
        }

        // Restarts at the cap all carry the same decision: the last one is handed back when its delay is the same.
        if (t_restart is not { } restart || restart.Delay != after)
        {
            t_restart = restart = new CrashLoopDecision(true, null, null, after, RestartRules);
        }

        return restart;
    }

    [ThreadStatic]
    private static CrashLoopDecision? t_restart;

}
