using PodConformance.Model.Time;
using System.Globalization;
using System.Text;
using PodConformance.Model.Api;

namespace PodConformance.Model.Backoff;

/// <summary>
/// The exact strings the kubelet writes for crash-loop and image-pull backoff (kuberuntime_manager.go doBackOff,
/// images/image_manager.go, images/types.go). Pods are printed as format.Pod does: <c>name_namespace(uid)</c>.
/// </summary>
public static class BackoffMessages
{
    public const string CrashLoopBackOffReason = "CrashLoopBackOff";
    public const string ImagePullBackOffReason = "ImagePullBackOff";
    public const string ErrImagePullReason = "ErrImagePull";
    public const string ErrImageNeverPullReason = "ErrImageNeverPull";

    /// <summary>Event reason of both the crash-loop and image-pull back-off events.</summary>
    public const string BackOffEventReason = "BackOff";

    /// <summary>Event reason of a failed pull and of the "Error: …" events.</summary>
    public const string FailedEventReason = "Failed";

    /// <summary>format.Pod: <c>name_namespace(uid)</c>.</summary>
    public static string PodDescription(ObjectMeta pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Name + "_" + pod.Namespace + "(" + pod.Uid + ")";
    }

    /// <summary>The waiting message: <c>back-off 20s restarting failed container=app pod=web_default(uid)</c>.</summary>
    public static string CrashLoopWaiting(TimeSpan delay, string containerName, ObjectMeta pod) =>
        "back-off " + GoDuration.Format(delay) + " restarting failed container=" + containerName + " pod=" + PodDescription(pod);

    /// <summary>
    /// <see cref="CrashLoopWaiting"/> at a new <paramref name="delay"/> for the container and pod of
    /// <paramref name="previous"/>, a waiting message built by it: only the duration is new.
    /// </summary>
    internal static string CrashLoopWaitingAgain(TimeSpan delay, string previous, string containerName, ObjectMeta pod)
    {
        int tail = previous.IndexOf(" restarting failed container=", StringComparison.Ordinal);
        return tail < 0
            ? CrashLoopWaiting(delay, containerName, pod)
            : string.Concat("back-off ", GoDuration.Format(delay), previous.AsSpan(tail));
    }

    /// <summary>The Warning BackOff event: <c>Back-off restarting failed container app in pod web_default(uid)</c>.</summary>
    public static string CrashLoopEvent(string containerName, ObjectMeta pod) =>
        "Back-off restarting failed container " + containerName + " in pod " + PodDescription(pod);

    /// <summary>The ImagePullBackOff waiting message and Normal BackOff event: <c>Back-off pulling image "x"</c>.</summary>
    public static string ImagePullBackOff(string image) => "Back-off pulling image " + GoQuote(image);

    /// <summary>
    /// What a failed pull leaves for the back-off message (1.32+): <c>fmt.Sprintf("%s: %s", err, msg)</c> with
    /// <c>evalCRIPullErr</c>'s generic answer, err = ErrImagePull and msg = the runtime's error text (the model's pull
    /// errors never carry the RegistryUnavailable / SignatureValidationFailed prefixes that change both).
    /// </summary>
    public static string LastPullError(string pullError) => ErrImagePullReason + ": " + pullError;

    /// <summary>The Warning Failed event of a failed pull: <c>Failed to pull image "x": &lt;runtime error&gt;</c>.</summary>
    public static string FailedToPullImage(string image, string runtimeError) =>
        "Failed to pull image " + GoQuote(image) + ": " + runtimeError;

    /// <summary>The Warning Failed event the kubelet adds for a start failure: <c>Error: ErrImagePull</c>.</summary>
    public static string ErrorEvent(string reason) => "Error: " + reason;

    /// <summary>The Normal Pulling event: <c>Pulling image "x"</c>.</summary>
    public static string Pulling(string image) => "Pulling image " + GoQuote(image);

    /// <summary>imagePullPolicy Never and the image is absent.</summary>
    public static string NeverPull(string image) =>
        "Container image " + GoQuote(image) + " is not present with pull policy of Never";

    /// <summary>
    /// Go's %q for the strings that occur here: ASCII printable characters as they are, quote and backslash escaped,
    /// other characters as Go escapes them (\n, \t, \xNN, \uNNNN).
    /// </summary>
    public static string GoQuote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 2);
        sb.Append('"');
        foreach (char ch in text)
        {
            switch (ch)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (ch < 0x20 || ch == 0x7f)
                    {
                        sb.Append("\\x").Append(((int)ch).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(ch);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
