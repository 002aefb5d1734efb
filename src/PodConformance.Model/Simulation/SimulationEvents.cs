using PodConformance.Model.Backoff;
using PodConformance.Model.Profiles;
using PodConformance.Model.Time;

namespace PodConformance.Model.Simulation;

/// <summary>
/// The texts of the events the simulated scheduler and kubelet record. One method per event so the wording
/// (which changes between releases) lives in one place.
/// </summary>
internal static class SimulationEvents
{
    public const string Scheduler = "default-scheduler";
    public const string Kubelet = "kubelet";

    public static string Scheduled(string ns, string name, string node) => $"Successfully assigned {ns}/{name} to {node}";

    public static string Pulling(string image) => BackoffMessages.Pulling(image);

    public static string Pulled(string image, TimeSpan took, Profile profile) =>
        "Successfully pulled image " + BackoffMessages.GoQuote(image) + " in " + GoDuration.Format(took) + " (" + GoDuration.Format(took) + " including waiting)"
        + (profile.Version >= new KubernetesVersion(1, 30) ? ". Image size: " + ImageSize(image).ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes." : "");

    public static string AlreadyPresent(string image) => "Container image " + BackoffMessages.GoQuote(image) + " already present on machine";

    public static string Created(string container, Profile profile) =>
        profile.Version >= new KubernetesVersion(1, 32) ? "Created container: " + container : "Created container " + container;

    public static string Started(string container) => "Started container " + container;

    public static string Killing(string container) => "Stopping container " + container;

    /// <summary>A stand-in image size (bytes): fixed per image name, so output is reproducible.</summary>
    public static long ImageSize(string image)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in image)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return 1_000_000 + (long)(hash % 50_000_000UL);
    }

    public static string FieldPath(ContainerRuntime c) =>
        (c.Kind == ContainerKind.Regular ? "spec.containers{" : "spec.initContainers{") + c.Name + "}";
}
