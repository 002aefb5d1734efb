using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Backoff;

namespace PodConformance.Model.Tests.Backoff;

/// <summary>Laws of the kubelet's crash-loop backoff, with fixed seeds.</summary>
public sealed class BackoffProperties
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Gen<(int Initial, int Max)> Parameters() =>
        from max in Gen.Choose(1, 300)
        from initial in Gen.Choose(1, 10)
        select (Math.Min(initial, max), max);

    /// <summary>Run lengths (seconds) under the 600 s window, so no reset occurs.</summary>
    private static Gen<int[]> ShortRuns() => Gen.Choose(0, 599).ArrayOf();

    [Property(Replay = "(91731,40017)", MaxTest = 300)]
    public Property Backoff_delays_are_non_decreasing_and_capped_at_max() =>
        Prop.ForAll(Parameters().ToArbitrary(), ShortRuns().ToArbitrary(), (p, runs) =>
        {
            var t = new BackoffTracker(TimeSpan.FromSeconds(p.Initial), TimeSpan.FromSeconds(p.Max), CrashLoopBackoffPolicy.KubeletExpiry);
            var now = T0;
            var previous = TimeSpan.Zero;
            foreach (int run in runs)
            {
                var finished = now + TimeSpan.FromSeconds(run);
                now = finished + t.Get("k");
                t.Next("k", finished, now);
                var d = t.Get("k");
                if (d < previous || d > TimeSpan.FromSeconds(p.Max))
                {
                    return false;
                }

                previous = d;
            }

            return true;
        });

    [Property(Replay = "(52413,77771)", MaxTest = 300)]
    public Property The_first_restart_is_immediate() =>
        Prop.ForAll(Parameters().ToArbitrary(), Gen.Choose(0, 100_000).ToArbitrary(), (p, offset) =>
        {
            var t = new BackoffTracker(TimeSpan.FromSeconds(p.Initial), TimeSpan.FromSeconds(p.Max), CrashLoopBackoffPolicy.KubeletExpiry);
            var meta = new Api.ObjectMeta { Name = "p", Namespace = "ns", Uid = "u" };
            var finished = T0 + TimeSpan.FromSeconds(offset);
            var d = CrashLoopBackoff.Decide(t, meta, "c", "h", finished, finished);
            return d.Start && d.Delay == TimeSpan.FromSeconds(p.Initial);
        });

    [Property(Replay = "(13579,24681)", MaxTest = 300)]
    public Property After_a_run_longer_than_600s_the_delay_resets_to_initial() =>
        Prop.ForAll(Parameters().ToArbitrary(), ShortRuns().ToArbitrary(), Gen.Choose(601, 100_000).ToArbitrary(), (p, runs, longRun) =>
        {
            var t = new BackoffTracker(TimeSpan.FromSeconds(p.Initial), TimeSpan.FromSeconds(p.Max), CrashLoopBackoffPolicy.KubeletExpiry);
            var now = T0;
            foreach (int run in runs)
            {
                var finished = now + TimeSpan.FromSeconds(run);
                now = finished + t.Get("k");
                t.Next("k", finished, now);
            }

            var longFinished = now + TimeSpan.FromSeconds(longRun);
            t.Next("k", longFinished, longFinished);
            return t.Get("k") == TimeSpan.FromSeconds(p.Initial);
        });
}
