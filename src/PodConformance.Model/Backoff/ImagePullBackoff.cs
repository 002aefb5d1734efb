using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;

namespace PodConformance.Model.Backoff;

/// <summary>An event the kubelet records: type (Normal/Warning), reason, message.</summary>
public sealed record KubeletEvent(string Type, string Reason, string Message);

/// <summary>The outcome of one attempt to get a container's image.</summary>
/// <param name="Pulled">True when the image is now present.</param>
/// <param name="Waiting">Otherwise the container's waiting state (ErrImagePull or ImagePullBackOff).</param>
/// <param name="Rules">Spec rule IDs applied.</param>
/// <param name="Events">(type, reason, message) events the kubelet records for the attempt, in order.</param>
public sealed record ImagePullAttempt(
    bool Pulled,
    ContainerStateWaiting? Waiting,
    ValueList<KubeletEvent> Events,
    ValueList<string> Rules);

/// <summary>
/// The kubelet's image-pull backoff (images/image_manager.go EnsureImageExists): a separate tracker with
/// initial 10 s and max 300 s and the default 2×max expiry; a pull is skipped while
/// now − lastFailure &lt; delay. A failed pull shows ErrImagePull with the runtime's error text; a skipped one shows
/// ImagePullBackOff with <c>Back-off pulling image "x"</c>, from 1.32 followed by <c>: ErrImagePull: &lt;error&gt;</c>
/// of the last failed pull (<see cref="PreviousPullErrors"/>).
/// </summary>
public static class ImagePullBackoff
{
    public static readonly TimeSpan Initial = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(300);

    public static BackoffTracker NewTracker() => new(Initial, Max);

    /// <param name="tracker">The node's image-pull tracker.</param>
    /// <param name="podUid">The pod uid (part of the key).</param>
    /// <param name="image">The container image as written.</param>
    /// <param name="now">The sync time.</param>
    /// <param name="pullError">The runtime's error when a pull is attempted and fails; null when it succeeds.</param>
    /// <param name="previousErrors">
    /// The kubelet's last-pull-error map (1.32+, <see cref="PreviousPullErrors.For"/>); null for a release without it,
    /// whose ImagePullBackOff message is the bare <c>Back-off pulling image "x"</c>.
    /// </param>
    public static ImagePullAttempt Attempt(
        BackoffTracker tracker, string podUid, string image, string? pullError, DateTimeOffset now, PreviousPullErrors? previousErrors = null)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        string key = BackoffKeys.Image(podUid, image);
        if (tracker.IsInBackOffSinceUpdate(key, now))
        {
            RuleCoverage.Hit(BackoffRules.ImagePull, "skipped while in back-off");
            RuleCoverage.Hit(BackoffRules.ImagePullMessages, "ImagePullBackOff");
            string msg = BackoffMessages.ImagePullBackOff(image);
            string waiting = msg;
            if (previousErrors is not null && previousErrors.TryGet(key, out string? previous))
            {
                RuleCoverage.Hit(BackoffRules.ImagePullMessages, "ImagePullBackOff with the last pull error (1.32+)");
                waiting = msg + ": " + previous;
            }

            return new ImagePullAttempt(false,
                new ContainerStateWaiting { Reason = BackoffMessages.ImagePullBackOffReason, Message = waiting },
                ValueList.Of(
                    new KubeletEvent("Normal", BackoffMessages.BackOffEventReason, msg),
                    new KubeletEvent("Warning", BackoffMessages.FailedEventReason, BackoffMessages.ErrorEvent(BackoffMessages.ImagePullBackOffReason))),
                ValueList.Of(BackoffRules.ImagePull, BackoffRules.ImagePullMessages));
        }

        previousErrors?.Forget(key);
        if (pullError is null)
        {
            RuleCoverage.Hit(BackoffRules.ImagePull);
            return new ImagePullAttempt(true, null,
                ValueList.Of(new KubeletEvent("Normal", "Pulling", BackoffMessages.Pulling(image))),
                ValueList.Of(BackoffRules.ImagePull));
        }

        tracker.Next(key, now);
        previousErrors?.Remember(key, BackoffMessages.LastPullError(pullError));
        RuleCoverage.Hit(BackoffRules.ImagePull, "failed: the delay advances");
        RuleCoverage.Hit(BackoffRules.ImagePullMessages, "ErrImagePull");
        return new ImagePullAttempt(false,
            new ContainerStateWaiting { Reason = BackoffMessages.ErrImagePullReason, Message = pullError },
            ValueList.Of(
                new KubeletEvent("Normal", "Pulling", BackoffMessages.Pulling(image)),
                new KubeletEvent("Warning", BackoffMessages.FailedEventReason, BackoffMessages.FailedToPullImage(image, pullError)),
                new KubeletEvent("Warning", BackoffMessages.FailedEventReason, BackoffMessages.ErrorEvent(BackoffMessages.ErrImagePullReason))),
            ValueList.Of(BackoffRules.ImagePull, BackoffRules.ImagePullMessages));
    }
}
