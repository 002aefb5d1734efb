using FsCheck;
using FsCheck.Experimental;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Api;
using PodConformance.Model.Backoff;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Simulation;

/// <summary>
/// Model-based test (FsCheck StateMachine) of the kubelet's restart decisions: the actual system is the model's
/// crash-loop tracker driven through <see cref="CrashLoopBackoff.Decide"/>; the reference is the plain rule of
/// spec/backoff.md — the first restart is immediate, then 10 s doubling to 300 s, reset after a run of more than 600 s.
/// </summary>
public class CrashLoopStateMachine
{
    [Property(Replay = "(20261130,13)", MaxTest = 200)]
    public Property Restart_delays_follow_the_reference_rule() => new Machine().ToProperty();

    /// <summary>The kubelet side: a tracker and the container's clock.</summary>
    public sealed class Kubelet
    {
        public BackoffTracker Tracker { get; } = CrashLoopBackoffPolicy.For(Profile.Default).NewTracker();

        public DateTimeOffset Now { get; set; } = new(2025, 1, 31, 10, 0, 0, TimeSpan.Zero);

        public DateTimeOffset? LastFinished { get; set; }

        public TimeSpan LastWait { get; set; }
    }

    /// <summary>The reference: the delay in force, crashes so far, and the wait the last crash should have caused.</summary>
    public sealed record Reference(TimeSpan Delay, int Crashes, TimeSpan ExpectedWait);

    private sealed class Machine : Machine<Kubelet, Reference>
    {
        private static readonly ObjectMeta Pod = new() { Name = "p", Namespace = "default", Uid = "u" };

        public override Arbitrary<Setup<Kubelet, Reference>> Setup =>
            Arb.From(Gen.Constant(StateMachine.Setup(() => new Kubelet(), () => new Reference(TimeSpan.Zero, 0, TimeSpan.Zero))));

        public override Gen<Operation<Kubelet, Reference>> Next(Reference model) =>
            Gen.Elements(5, 30, 120, 590, 601, 900).Select(run => (Operation<Kubelet, Reference>)new CrashAfter(TimeSpan.FromSeconds(run)));

        /// <summary>The container runs <paramref name="Run"/> since its (re)start and exits; the kubelet restarts it when allowed.</summary>
        private sealed class CrashAfter(TimeSpan runFor) : Operation<Kubelet, Reference>
        {
            public override Reference Run(Reference model)
            {
                // Reference rule: the first crash restarts at once (and starts the 10 s delay); a crash after a run of
                // more than 600 s does too (the entry expired, reset to 10 s); otherwise the crash waits the delay in
                // force, which then doubles up to 300 s.
                if (model.Crashes == 0 || runFor > TimeSpan.FromSeconds(600))
                {
                    return new Reference(TimeSpan.FromSeconds(10), model.Crashes + 1, TimeSpan.Zero);
                }

                return new Reference(TimeSpan.FromSeconds(Math.Min(300, model.Delay.TotalSeconds * 2)), model.Crashes + 1, model.Delay);
            }

            public override Property Check(Kubelet actual, Reference model)
            {
                actual.Now += runFor;
                var finished = actual.Now;
                var decision = CrashLoopBackoff.Decide(actual.Tracker, Pod, "app", "h", finished, actual.Now);
                TimeSpan waited = TimeSpan.Zero;
                while (!decision.Start)
                {
                    actual.Now += TimeSpan.FromSeconds(1);
                    waited += TimeSpan.FromSeconds(1);
                    decision = CrashLoopBackoff.Decide(actual.Tracker, Pod, "app", "h", finished, actual.Now);
                }

                actual.LastFinished = finished;
                actual.LastWait = waited;
                return (waited == model.ExpectedWait).Label($"after a {runFor.TotalSeconds}s run: waited {waited.TotalSeconds}s, reference {model.ExpectedWait.TotalSeconds}s");
            }

            public override string ToString() => $"CrashAfter({runFor.TotalSeconds}s)";
        }
    }
}
