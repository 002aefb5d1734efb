using System.Globalization;
using PodConformance.Model.Profiles;
using PodConformance.Model.Time;

namespace PodConformance.Model.Events;

/// <summary>Image events: kubelet <c>pkg/kubelet/images/image_manager.go</c> (<c>EnsureImageExists</c>, <c>pullImage</c>).</summary>
public static partial class EventCatalog
{
    /// <summary>The gate (alpha 1.33, beta and on by default from 1.35) that makes the kubelet re-check pull credentials for images already present.</summary>
    public const string KubeletEnsureSecretPulledImages = FeatureGateNames.KubeletEnsureSecretPulledImages;

    /// <summary>EVENT-003. Normal Pulling "Pulling image %q", the image as written in the spec. All releases.</summary>
    public static PodEvent Pulling(ContainerRef container, string image, DateTimeOffset at) =>
        Kubelet(PodEventType.Normal, EventReasons.Pulling, "Pulling image " + Quote(image), container, at, EventRules.Pulling);

    /// <summary>
    /// EVENT-004. Normal Pulled after a successful pull: "Successfully pulled image %q in %v (%v including waiting)",
    /// both durations truncated to milliseconds in every modelled release (the kubelet's 1.28.6–1.29.11 copies vendored
    /// by kubeedge already truncate; OpenShift's 1.27 one does not); 1.30+ appends ". Image size: %v bytes.". <paramref name="pullTime"/> is the runtime's pull time,
    /// <paramref name="totalTime"/> includes waiting in the kubelet's pull queue; the size is the runtime's image size.
    /// </summary>
    public static PodEvent Pulled(Profile profile, ContainerRef container, string image, TimeSpan pullTime,
        TimeSpan totalTime, long imageSizeBytes, DateTimeOffset at)
    {
        string message = "Successfully pulled image " + Quote(image)
            + " in " + GoDuration.Format(GoDuration.TruncateToMilliseconds(pullTime))
            + " (" + GoDuration.Format(GoDuration.TruncateToMilliseconds(totalTime)) + " including waiting)";
        if (AtLeast(profile, 30))
        {
            message += ". Image size: " + imageSizeBytes.ToString(CultureInfo.InvariantCulture) + " bytes.";
        }

        return Kubelet(PodEventType.Normal, EventReasons.Pulled, message, container, at, EventRules.Pulled);
    }

    /// <summary>
    /// EVENT-005. Normal Pulled "Container image %q already present on machine" when the pull policy lets the kubelet
    /// use the local image. With KubeletEnsureSecretPulledImages on (alpha 1.33; beta, on by default from 1.35, spec/profiles.md) the kubelet says
    /// "… already present on machine and can be accessed by the pod" once it has checked the pod may use it.
    /// </summary>
    public static PodEvent AlreadyPresent(Profile profile, ContainerRef container, string image, DateTimeOffset at)
    {
        string message = "Container image " + Quote(image) + " already present on machine";
        if (AtLeast(profile, 33) && profile.IsEnabled(KubeletEnsureSecretPulledImages))
        {
            message += " and can be accessed by the pod";
        }

        return Kubelet(PodEventType.Normal, EventReasons.Pulled, message, container, at, EventRules.AlreadyPresent);
    }

    /// <summary>
    /// EVENT-006. Warning Failed "Failed to pull image %q: %v", the runtime's error text verbatim (for example
    /// <c>rpc error: code = NotFound desc = …</c>). All releases. Always followed by <see cref="ErrImagePull"/>.
    /// </summary>
    public static PodEvent FailedToPull(ContainerRef container, string image, string pullError, DateTimeOffset at) =>
        Kubelet(PodEventType.Warning, EventReasons.Failed, "Failed to pull image " + Quote(image) + ": " + pullError,
            container, at, EventRules.FailedPull);

    /// <summary>EVENT-007. Warning Failed "Error: ErrImagePull" (startContainer reports the pull error's name).</summary>
    public static PodEvent ErrImagePull(ContainerRef container, DateTimeOffset at) =>
        ContainerError(container, "ErrImagePull", at);

    /// <summary>
    /// EVENT-008. Normal BackOff "Back-off pulling image %q" while the pull is in back-off. The previous pull error
    /// that newer kubelets append goes to the container's waiting message only, never to this event.
    /// </summary>
    public static PodEvent BackOffPullingImage(ContainerRef container, string image, DateTimeOffset at) =>
        Kubelet(PodEventType.Normal, EventReasons.BackOff, "Back-off pulling image " + Quote(image), container, at,
            EventRules.BackOffPull);

    /// <summary>EVENT-007. Warning Failed "Error: ImagePullBackOff", recorded with every back-off.</summary>
    public static PodEvent ImagePullBackOff(ContainerRef container, DateTimeOffset at) =>
        ContainerError(container, "ImagePullBackOff", at);

    /// <summary>
    /// EVENT-009. Warning ErrImageNeverPull "Container image %q is not present with pull policy of Never",
    /// followed by "Error: ErrImageNeverPull" (<see cref="ContainerError"/>). All releases.
    /// </summary>
    public static PodEvent NeverPull(ContainerRef container, string image, DateTimeOffset at) =>
        Kubelet(PodEventType.Warning, EventReasons.ErrImageNeverPull,
            "Container image " + Quote(image) + " is not present with pull policy of Never", container, at,
            EventRules.NeverPull);
}
