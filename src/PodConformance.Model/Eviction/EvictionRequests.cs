using PodConformance.Model.Api;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Resources;

namespace PodConformance.Model.Eviction;

/// <summary>
/// GetResourceRequestQuantity (pkg/api/v1/resource/helpers.go) as eviction ranking uses it: the pod's
/// effective request (containers and sidecars summed, or the largest init container plus earlier sidecars,
/// whichever is larger), pod-level requests instead when PodLevelResources is on and pod-level resources are
/// set, then the overhead — added only when the total so far is non-zero.
/// </summary>
public static class EvictionRequests
{
    public static Quantity For(Pod pod, string resource, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(profile);
        var format = resource is ResourceNames.Memory or ResourceNames.Storage or ResourceNames.EphemeralStorage
            ? QuantityFormat.BinarySI
            : QuantityFormat.DecimalSI;
        var total = Quantity.FromInt64(0, format);
        var spec = pod.Spec;

        // SkipContainerLevelResources: with pod-level resources set (requests or limits), containers are ignored.
        bool podLevel = profile.IsEnabled(FeatureGateNames.PodLevelResources) && PodResources.IsPodLevelResourcesSet(spec);
        Quantity? request = null;
        if (!podLevel && PodResources.AggregateContainerRequests(spec).TryGetValue(resource, out var aggregate))
        {
            request = aggregate;
        }

        if (PodResources.IsPodLevelRequestsSet(spec) && profile.IsEnabled(FeatureGateNames.PodLevelResources)
            && ResourceListMath.IsSupportedPodLevelResource(resource)
            && spec.Resources!.Requests.TryGetValue(resource, out var podValue))
        {
            request = podValue;
        }

        if (request is { } r)
        {
            total = total.Add(r);
        }

        if (!total.IsZero && spec.Overhead.TryGetValue(resource, out var overhead))
        {
            total = total.Add(overhead);
        }

        return total;
    }
}
