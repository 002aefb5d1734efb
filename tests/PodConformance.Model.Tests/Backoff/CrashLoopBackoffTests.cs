using PodConformance.Model.Api;
using PodConformance.Model.Backoff;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Backoff;

/// <summary>
/// Crash-loop parameters (kubelet.go newCrashLoopBackOff), the doBackOff sequence and the kubelet's strings
/// (kuberuntime_manager.go doBackOff, images/image_manager.go).
/// </summary>
public sealed class CrashLoopBackoffTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ObjectMeta Web = new() { Name = "web", Namespace = "default", Uid = "uid-1" };

    private static Profile With(params (string Gate, bool On)[] gates) =>
        new(KubernetesVersion.Newest, ValueMap.Of(gates));

    [Fact]
    public void Defaults_are_10s_and_5m()
    {
        var p = CrashLoopBackoffPolicy.For(With((FeatureGateNames.ReduceDefaultCrashLoopBackOffDecay, false), (FeatureGateNames.KubeletCrashLoopBackOffMax, false)));
        Assert.Equal((10, 300), ((int)p.Initial.TotalSeconds, (int)p.Max.TotalSeconds));
    }

    [Fact]
    public void Reduced_decay_is_1s_and_1m()
    {
        var p = CrashLoopBackoffPolicy.For(With((FeatureGateNames.ReduceDefaultCrashLoopBackOffDecay, true), (FeatureGateNames.KubeletCrashLoopBackOffMax, false)));
        Assert.Equal((1, 60), ((int)p.Initial.TotalSeconds, (int)p.Max.TotalSeconds));
    }

    [Theory]
    [InlineData(false, null, 10, 300)]
    [InlineData(false, 120, 10, 120)]
    [InlineData(false, 5, 5, 5)]
    [InlineData(true, null, 1, 300)]
    [InlineData(true, 30, 1, 30)]
    [InlineData(true, 1, 1, 1)]
    public void Node_max_wins_and_clamps_initial(bool reduced, int? nodeMax, int initial, int max)
    {
        var p = CrashLoopBackoffPolicy.For(
            With((FeatureGateNames.ReduceDefaultCrashLoopBackOffDecay, reduced), (FeatureGateNames.KubeletCrashLoopBackOffMax, true)),
            nodeMax is { } s ? TimeSpan.FromSeconds(s) : null);
        Assert.Equal((initial, max), ((int)p.Initial.TotalSeconds, (int)p.Max.TotalSeconds));
    }

    [Fact]
    public void Node_max_is_ignored_with_the_gate_off()
    {
        var p = CrashLoopBackoffPolicy.For(With((FeatureGateNames.KubeletCrashLoopBackOffMax, false)), TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(300), p.Max);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(301)]
    public void Node_max_outside_1s_5m_is_rejected(double seconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CrashLoopBackoffPolicy.For(
            With((FeatureGateNames.KubeletCrashLoopBackOffMax, true)), TimeSpan.FromSeconds(seconds)));

    /// <summary>A container that crashes as soon as it starts: the kubelet syncs every second.</summary>
    [Fact]
    public void Immediate_crashes_restart_at_once_then_wait_10_20_40_80_160_300()
    {
        var tracker = CrashLoopBackoffPolicy.For(Profile.For(new KubernetesVersion(1, 30))).NewTracker();
        var now = T0;
        DateTimeOffset? finished = null;
        var waits = new List<int>();
        for (int restart = 0; restart < 8; restart++)
        {
            var start = now;
            while (true)
            {
                var d = CrashLoopBackoff.Decide(tracker, Web, "app", "h1", finished, now);
                if (d.Start)
                {
                    break;
                }

                now += TimeSpan.FromSeconds(1);
            }

            waits.Add((int)(now - start).TotalSeconds);
            finished = now; // crashes at once
        }

        Assert.Equal([0, 0, 10, 20, 40, 80, 160, 300], waits);
    }

    [Fact]
    public void Waiting_message_and_event_are_the_kubelets()
    {
        var tracker = CrashLoopBackoffPolicy.For(Profile.For(new KubernetesVersion(1, 30))).NewTracker();
        Assert.True(CrashLoopBackoff.Decide(tracker, Web, "app", "h1", T0, T0).Start);
        var second = T0 + TimeSpan.FromSeconds(5);
        Assert.True(CrashLoopBackoff.Decide(tracker, Web, "app", "h1", T0 + TimeSpan.FromSeconds(1), second + TimeSpan.FromSeconds(30)).Start);
        var d = CrashLoopBackoff.Decide(tracker, Web, "app", "h1", second + TimeSpan.FromSeconds(31), second + TimeSpan.FromSeconds(32));
        Assert.False(d.Start);
        Assert.Equal("CrashLoopBackOff", d.Waiting!.Reason);
        Assert.Equal("back-off 20s restarting failed container=app pod=web_default(uid-1)", d.Waiting.Message);
        Assert.Equal("Back-off restarting failed container app in pod web_default(uid-1)", d.EventMessage);
    }

    /// <summary>
    /// The overload the simulator calls, handed the container's previous wait, gives at every delay of a crash loop the
    /// messages a call without it builds (it keeps the previous event message and the container and pod part).
    /// </summary>
    [Fact]
    public void A_previous_wait_changes_no_message()
    {
        var tracker = CrashLoopBackoffPolicy.For(Profile.For(new KubernetesVersion(1, 30))).NewTracker();
        string key = BackoffKeys.Container(Web, "app", "h1");
        var now = T0;
        DateTimeOffset? finished = null;
        CrashLoopDecision? previous = null;
        var delays = new List<int>();
        for (int restart = 0; restart < 9; restart++)
        {
            while (true)
            {
                // A start advances the tracker; a wait does not, so the call without the previous wait sees the same state.
                var kept = CrashLoopBackoff.Decide(tracker, key, Web, "app", finished, now, previous);
                if (kept.Start)
                {
                    break;
                }

                var fresh = CrashLoopBackoff.Decide(tracker, key, Web, "app", finished, now, null);
                Assert.False(fresh.Start);
                Assert.Equal(fresh.Delay, kept.Delay);

                Assert.Equal(fresh.Waiting!.Message, kept.Waiting!.Message);
                Assert.Equal(fresh.EventMessage, kept.EventMessage);
                if (previous?.Delay != kept.Delay)
                {
                    delays.Add((int)kept.Delay.TotalSeconds);
                }

                previous = kept;
                now += TimeSpan.FromSeconds(1);
            }

            finished = now;
        }

        Assert.Equal([10, 20, 40, 80, 160, 300], delays);
        Assert.Equal("back-off 5m0s restarting failed container=app pod=web_default(uid-1)", previous!.Waiting!.Message);
    }

    [Fact]
    public void A_run_longer_than_600s_resets_to_initial_even_with_a_small_max()
    {
        var p = CrashLoopBackoffPolicy.For(With((FeatureGateNames.KubeletCrashLoopBackOffMax, true)), TimeSpan.FromSeconds(20));
        var tracker = p.NewTracker();
        const string key = "k";
        tracker.Next(key, T0);
        tracker.Next(key, T0 + TimeSpan.FromSeconds(11));
        Assert.Equal(TimeSpan.FromSeconds(20), tracker.Get(key));

        // ran 599 s after the last restart: no reset (a 2×max = 40 s window would have reset)
        tracker.Next(key, T0 + TimeSpan.FromSeconds(11 + 599));
        Assert.Equal(TimeSpan.FromSeconds(20), tracker.Get(key));
        tracker.Next(key, T0 + TimeSpan.FromSeconds(11 + 599 + 601));
        Assert.Equal(TimeSpan.FromSeconds(10), tracker.Get(key));
    }

    [Fact]
    public void A_spec_change_is_a_new_key()
    {
        var tracker = CrashLoopBackoffPolicy.For(Profile.For(new KubernetesVersion(1, 30))).NewTracker();
        for (int i = 0; i < 4; i++)
        {
            tracker.Next(BackoffKeys.Container(Web, "app", "h1"), T0 + TimeSpan.FromSeconds(i));
        }

        Assert.Equal("web_default_uid-1_app_h1", BackoffKeys.Container(Web, "app", "h1"));
        Assert.Equal(TimeSpan.FromSeconds(80), tracker.Get(BackoffKeys.Container(Web, "app", "h1")));
        Assert.Equal(TimeSpan.Zero, tracker.Get(BackoffKeys.Container(Web, "app", "h2")));
    }

    [Fact]
    public void Image_pull_fails_then_backs_off_10s()
    {
        var tracker = ImagePullBackoff.NewTracker();
        var first = ImagePullBackoff.Attempt(tracker, "uid-1", "myapp:latest", "rpc error: not found", T0);
        Assert.Equal("ErrImagePull", first.Waiting!.Reason);
        Assert.Equal("rpc error: not found", first.Waiting.Message);
        Assert.Equal("Failed to pull image \"myapp:latest\": rpc error: not found", first.Events[1].Message);
        Assert.Equal("Error: ErrImagePull", first.Events[2].Message);

        var second = ImagePullBackoff.Attempt(tracker, "uid-1", "myapp:latest", "rpc error: not found", T0 + TimeSpan.FromSeconds(9));
        Assert.Equal("ImagePullBackOff", second.Waiting!.Reason);
        Assert.Equal("Back-off pulling image \"myapp:latest\"", second.Waiting.Message);
        Assert.Equal(new KubeletEvent("Normal", "BackOff", "Back-off pulling image \"myapp:latest\""), second.Events[0]);
        Assert.Equal("Error: ImagePullBackOff", second.Events[1].Message);

        var third = ImagePullBackoff.Attempt(tracker, "uid-1", "myapp:latest", "rpc error: not found", T0 + TimeSpan.FromSeconds(10));
        Assert.Equal("ErrImagePull", third.Waiting!.Reason);
        Assert.Equal(TimeSpan.FromSeconds(20), tracker.Get(BackoffKeys.Image("uid-1", "myapp:latest")));
    }

    [Fact]
    public void From_1_32_a_skipped_pull_shows_the_last_pull_error_and_a_new_attempt_forgets_it()
    {
        // BACKOFF-007: image_manager.go's prevPullErrMsg (microshift release-4.19 … release-5.0 copies, v1.32.12–v1.36.3).
        Assert.Null(PreviousPullErrors.For(Profile.For(new KubernetesVersion(1, 31))));
        var previous = PreviousPullErrors.For(Profile.For(new KubernetesVersion(1, 32)));
        Assert.NotNull(previous);
        var tracker = ImagePullBackoff.NewTracker();
        ImagePullBackoff.Attempt(tracker, "uid-1", "myapp:latest", "rpc error: not found", T0, previous);
        var skipped = ImagePullBackoff.Attempt(tracker, "uid-1", "myapp:latest", null, T0 + TimeSpan.FromSeconds(9), previous);
        Assert.Equal("Back-off pulling image \"myapp:latest\": ErrImagePull: rpc error: not found", skipped.Waiting!.Message);
        Assert.Equal("Back-off pulling image \"myapp:latest\"", skipped.Events[0].Message);

        var again = ImagePullBackoff.Attempt(tracker, "uid-1", "myapp:latest", "rpc error: denied", T0 + TimeSpan.FromSeconds(10), previous);
        Assert.Equal("rpc error: denied", again.Waiting!.Message);
        var next = ImagePullBackoff.Attempt(tracker, "uid-1", "myapp:latest", null, T0 + TimeSpan.FromSeconds(11), previous);
        Assert.Equal("Back-off pulling image \"myapp:latest\": ErrImagePull: rpc error: denied", next.Waiting!.Message);

        // A pull that succeeds forgets the text; another image's key never sees it.
        ImagePullBackoff.Attempt(tracker, "uid-1", "myapp:latest", null, T0 + TimeSpan.FromSeconds(40), previous);
        Assert.False(previous!.TryGet(BackoffKeys.Image("uid-1", "myapp:latest"), out _));
    }

    [Fact]
    public void Go_quote_escapes_quotes_and_controls() =>
        Assert.Equal("\"a\\\"b\\\\c\\n\\x01\"", BackoffMessages.GoQuote("a\"b\\c\n\u0001"));
}
