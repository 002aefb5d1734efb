using System.Text;
using PodConformance.Model.Api;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Resources;

namespace PodConformance.Model.Eviction;

/// <summary>
/// evictionMessage (pkg/kubelet/eviction/helpers.go): the status message and event text of an evicted pod,
/// built from fixed fragments, each ending in ". " (so the message ends with a space).
/// </summary>
public static class EvictionMessage
{
    public const string Reason = "Evicted";

    /// <summary>The message for evicting <paramref name="pod"/> to reclaim <paramref name="resource"/> (memory,
    /// ephemeral-storage, inodes or pids); <paramref name="thresholds"/> are the met thresholds in eviction-priority
    /// order, and the first for the resource is quoted.</summary>
    public static string Build(string resource, Pod pod, PodUsage? usage, IEnumerable<Threshold> thresholds, IReadOnlyDictionary<string, SignalObservation> observations, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(profile);
        var sb = new StringBuilder();
        sb.Append("The node was low on resource: ").Append(resource).Append(". ");
        if (ThresholdEvaluation.TryGetThresholdMetInfo(resource, thresholds, observations, out var quantity, out var available))
        {
            sb.Append("Threshold quantity: ").Append(quantity.ToString()).Append(", available: ").Append(available.ToString()).Append(". ");
        }

        if (usage is null)
        {
            return sb.ToString();
        }

        // Pod-level resources (1.32+): the pod's own line comes first and is written whether or not it exceeds.
        if (resource == ResourceNames.Memory && profile.IsEnabled(FeatureGateNames.PodLevelResources)
            && PodResources.IsPodLevelResourcesSet(pod.Spec)
            && pod.Spec.Resources!.Requests.TryGetValue(resource, out var podRequest) && usage.MemoryWorkingSetBytes is long podBytes)
        {
            AppendUsage(sb, "Pod", pod.Metadata.Name, Bytes(podBytes), podRequest, resource);
        }

        foreach (var stats in usage.Containers)
        {
            var container = Find(pod.Spec, stats.Name);
            if (container is null)
            {
                continue;
            }

            var request = container.Resources.Requests.TryGetValue(resource, out var r) ? r : Quantity.Zero;
            long? used = resource switch
            {
                ResourceNames.Memory => stats.MemoryWorkingSetBytes,
                ResourceNames.EphemeralStorage when stats.RootfsUsedBytes is long root && stats.LogsUsedBytes is long logs => root + logs,
                _ => null,
            };
            if (used is long bytes)
            {
                var q = Quantity.FromInt64(bytes, QuantityFormat.BinarySI);
                if (q.CompareTo(request) > 0)
                {
                    AppendUsage(sb, "Container", container.Name, q.ToString(), request, resource);
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>Admission's message: Go prints the condition list as <c>[A B]</c>.</summary>
    public static string NodeCondition(IReadOnlyList<string> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        return "The node had condition: [" + string.Join(' ', conditions) + "]. ";
    }

    /// <summary>The "Pod …" and "Container …" fragments have the same shape upstream.</summary>
    private static void AppendUsage(StringBuilder sb, string kind, string name, string used, Quantity request, string resource) =>
        sb.Append(kind).Append(' ').Append(name).Append(" was using ").Append(used)
          .Append(", request is ").Append(request.ToString()).Append(", has larger consumption of ").Append(resource).Append(". ");

    private static string Bytes(long value) => Quantity.FromInt64(value, QuantityFormat.BinarySI).ToString();

    /// <summary>Regular containers first, then init containers (sidecars included); ephemeral ones are never blamed.</summary>
    private static Container? Find(PodSpec spec, string name)
    {
        foreach (var c in spec.Containers)
        {
            if (c.Name == name)
            {
                return c;
            }
        }

        foreach (var c in spec.InitContainers)
        {
            if (c.Name == name)
            {
                return c;
            }
        }

        return null;
    }
}
