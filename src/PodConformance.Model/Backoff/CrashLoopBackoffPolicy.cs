using PodConformance.Model.Time;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Backoff;

/// <summary>
/// The kubelet's crash-loop backoff parameters (pkg/kubelet/kubelet.go <c>newCrashLoopBackOff</c>, KEP-4603):
/// they depend on two gates and on the node's <c>crashLoopBackOff.maxContainerRestartPeriod</c>.
/// </summary>
public sealed record CrashLoopBackoffPolicy(TimeSpan Initial, TimeSpan Max, ValueList<string> Rules, string Reason)
{
    public static readonly TimeSpan DefaultInitial = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultMax = TimeSpan.FromSeconds(300);
    public static readonly TimeSpan ReducedInitial = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan ReducedMax = TimeSpan.FromSeconds(60);

    /// <summary>The kubelet config validation range of maxContainerRestartPeriod.</summary>
    public static readonly TimeSpan MinConfigurableMax = TimeSpan.FromSeconds(1);

    /// <summary>HasExpiredFunc in kubelet.go: fixed, independent of max, so a small max does not shorten the reset window.</summary>
    public static readonly TimeSpan KubeletExpiry = TimeSpan.FromSeconds(600);

    /// <summary>
    /// Parameters in force. <paramref name="maxContainerRestartPeriod"/> is the node's kubelet setting; it is only
    /// read with <c>KubeletCrashLoopBackOffMax</c> on, where null means the kubelet default of 300 s (even with the
    /// reduced-decay gate on). Values outside 1 s..300 s are rejected, as the kubelet refuses to start with them.
    /// </summary>
    public static CrashLoopBackoffPolicy For(Profile profile, TimeSpan? maxContainerRestartPeriod = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var initial = DefaultInitial;
        var max = DefaultMax;
        string reason = "defaults: initial 10s, max 5m0s";
        if (profile.IsEnabled(FeatureGateNames.ReduceDefaultCrashLoopBackOffDecay))
        {
            initial = ReducedInitial;
            max = ReducedMax;
            reason = "ReduceDefaultCrashLoopBackOffDecay: initial 1s, max 1m0s";
        }

        if (profile.IsEnabled(FeatureGateNames.KubeletCrashLoopBackOffMax))
        {
            var configured = maxContainerRestartPeriod ?? DefaultMax;
            if (configured < MinConfigurableMax || configured > DefaultMax)
            {
                throw new ArgumentOutOfRangeException(nameof(maxContainerRestartPeriod), configured,
                    "crashLoopBackOff.maxContainerRestartPeriod must be between 1s and 5m0s");
            }

            max = configured;
            if (max < initial)
            {
                initial = max;
            }

            reason += "; KubeletCrashLoopBackOffMax: max = node maxContainerRestartPeriod " + GoDuration.Format(configured)
                + (maxContainerRestartPeriod is null ? " (kubelet default)" : string.Empty)
                + ", initial " + GoDuration.Format(initial);
        }

        RuleCoverage.Hit(BackoffRules.Parameters);
        return new CrashLoopBackoffPolicy(initial, max, ValueList.Of(BackoffRules.Parameters), reason);
    }

    /// <summary>
    /// <see cref="For"/> with the kubelet's default restart period, computed once per (immutable) profile object: every
    /// simulation asks it. The rule is hit on every call, as <see cref="For"/> hits it.
    /// </summary>
    internal static CrashLoopBackoffPolicy ForDefaultPeriod(Profile profile)
    {
        var policy = DefaultPeriodCache.GetValue(profile, static p => For(p));
        RuleCoverage.Hit(BackoffRules.Parameters);
        return policy;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Profile, CrashLoopBackoffPolicy> DefaultPeriodCache = new();

    /// <summary>A tracker with these parameters and the kubelet's fixed 600 s expiry.</summary>
    public BackoffTracker NewTracker() => new(Initial, Max, KubeletExpiry);
}
