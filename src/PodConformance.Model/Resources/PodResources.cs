using System.Collections.Immutable;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Resources;

/// <summary>
/// The effective resources of a whole pod (k8s.io/component-helpers/resource helpers.go): regular containers
/// and sidecars add up; a regular init container needs its own request plus the sidecars started before it;
/// the pod needs the larger of the two. Spec values only (no in-place resize status).
/// </summary>
public static class PodResources
{
    public static ValueMap<Quantity> AggregateContainerRequests(PodSpec spec) =>
        Aggregate(spec, static c => c.Resources.Requests);

    public static ValueMap<Quantity> AggregateContainerLimits(PodSpec spec) =>
        Aggregate(spec, static c => c.Resources.Limits);

    /// <summary>PodRequests: container aggregate, replaced per resource by pod-level requests when set, plus overhead.</summary>
    public static ValueMap<Quantity> PodRequests(PodSpec spec, bool podLevelResourcesEnabled, bool excludeOverhead = false)
    {
        var result = ResourceListMath.NewBuilder();
        ResourceListMath.AddInto(result, AggregateContainerRequests(spec));
        if (podLevelResourcesEnabled && IsPodLevelRequestsSet(spec))
        {
            foreach (var (name, quantity) in spec.Resources!.Requests)
            {
                if (ResourceListMath.IsSupportedPodLevelResource(name))
                {
                    result[name] = quantity;
                }
            }
        }

        if (!excludeOverhead)
        {
            ResourceListMath.AddInto(result, spec.Overhead);
        }

        return ResourceListMath.ToValueMap(result);
    }

    public static bool IsPodLevelRequestsSet(PodSpec spec) => spec.Resources is { } r && AnySupported(r.Requests);

    public static bool IsPodLevelLimitsSet(PodSpec spec) => spec.Resources is { } r && AnySupported(r.Limits);

    public static bool IsPodLevelResourcesSet(PodSpec spec) => IsPodLevelRequestsSet(spec) || IsPodLevelLimitsSet(spec);

    /// <summary>
    /// Every container sets a limit for <paramref name="resource"/>: init (sidecars included), regular and ephemeral, as
    /// pkg/api/pod's <c>VisitContainers(spec, AllContainers, …)</c> walks them (an ephemeral container never has limits,
    /// so one present answers false).
    /// </summary>
    public static bool AllContainersHaveLimitFor(PodSpec spec, string resource) =>
        AllHaveLimit(spec.InitContainers, resource) && AllHaveLimit(spec.Containers, resource) && AllHaveLimit(spec.EphemeralContainers, resource);

    private static bool AllHaveLimit(ValueList<Container> containers, string resource)
    {
        foreach (var c in containers)
        {
            if (!c.Resources.Limits.ContainsKey(resource))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnySupported(ValueMap<Quantity> list)
    {
        foreach (var name in list.Keys)
        {
            if (ResourceListMath.IsSupportedPodLevelResource(name))
            {
                return true;
            }
        }

        return false;
    }

    private static ValueMap<Quantity> Aggregate(PodSpec spec, Func<Container, ValueMap<Quantity>> select)
    {
        var result = ResourceListMath.NewBuilder();
        foreach (var c in spec.Containers)
        {
            ResourceListMath.AddInto(result, select(c));
        }

        var sidecars = ResourceListMath.NewBuilder();
        var initPeak = ResourceListMath.NewBuilder();
        foreach (var c in spec.InitContainers)
        {
            var own = select(c);
            if (c.IsSidecarPolicy)
            {
                ResourceListMath.AddInto(result, own);
                ResourceListMath.AddInto(sidecars, own);
                ResourceListMath.MaxInto(initPeak, sidecars);
            }
            else
            {
                var combined = ResourceListMath.NewBuilder();
                ResourceListMath.AddInto(combined, own);
                ResourceListMath.AddInto(combined, sidecars);
                ResourceListMath.MaxInto(initPeak, combined);
            }
        }

        ResourceListMath.MaxInto(result, initPeak);
        return new ValueMap<Quantity>(result.ToImmutable());
    }
}
