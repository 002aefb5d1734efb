using k8s;
using k8s.Models;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Api;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Cluster;

/// <summary>
/// Conversions between the API server's objects and the model's: through the JSON the server sent (or KubernetesClient
/// re-serialized), read by the same reader that reads <c>kubectl get -o yaml</c>, so both see identical Pods.
/// </summary>
public static class ClusterObjects
{
    /// <summary>The model Pod in a JSON or YAML text from the server; null (with why) when it holds none.</summary>
    public static Pod? ReadPod(string text, string what, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = PodManifestReader.ReadText(text, what);
        if (result.HasErrors || result.Pods.Length != 1)
        {
            var first = result.Errors.FirstOrDefault();
            error = what + ": " + (first is null ? "expected one Pod, got " + result.Pods.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) : first.Message);
            return null;
        }

        error = "";
        return result.Pods[0].Pod;
    }

    /// <summary>A watched <see cref="V1Pod"/> as the model's Pod. Quantities survive: the server sends them canonical, and KubernetesClient re-prints canonical forms unchanged.</summary>
    public static Pod? FromV1(V1Pod pod, out string error)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return ReadPod(KubernetesJson.Serialize(pod), "pod " + (pod.Metadata?.Name ?? "?"), out error);
    }

    /// <summary>
    /// Events about one pod in order of first occurrence, offsets from the pod's creation. Events only carry reasons
    /// and messages the kubelet wrote (image names, exit codes), never environment values.
    /// </summary>
    public static IReadOnlyList<EventSample> Events(IEnumerable<Corev1Event> events, DateTimeOffset podCreated)
    {
        ArgumentNullException.ThrowIfNull(events);
        var list = new List<(DateTime At, EventSample Sample)>();
        foreach (var e in events)
        {
            var at = e.FirstTimestamp ?? e.EventTime ?? e.LastTimestamp ?? e.Metadata?.CreationTimestamp;
            if (at is not { } when)
            {
                continue;
            }

            var utc = DateTime.SpecifyKind(when, DateTimeKind.Utc);
            var offset = new DateTimeOffset(utc) - podCreated;
            list.Add((utc, new EventSample(offset < TimeSpan.Zero ? TimeSpan.Zero : offset, e.Type ?? "", e.Reason ?? "", e.Message ?? "")));
        }

        return list.OrderBy(x => x.At).Select(x => x.Sample).ToList();
    }
}
