using PodConformance.Model.Api;
using PodConformance.Model.Profiles;
using PodConformance.Model.Resources;

namespace PodConformance.Model.Defaulting;

public static partial class PodDefaulter
{
    /// <summary>Release in which pod-level limits started to default from container limits (kubernetes PR #140514).</summary>
    private static readonly KubernetesVersion PodLimitsDefaultingSince = new(1, 37);

    /// <summary>Release in which pod-level defaulting moved from the decoder to the create strategy (PR #140514).</summary>
    private static readonly KubernetesVersion PodLevelDefaultsInCreateStrategySince = new(1, 37);

    /// <summary>
    /// Pod-level defaults under PodLevelResources, after container requests were defaulted: hugepage limits,
    /// then requests, then (1.37+) limits. They only fill in a pod-level block the user already started.
    /// </summary>
    private static PodSpec DefaultPodLevelResources(PodSpec spec, Profile profile, ChangeLog log)
    {
        spec = DefaultHugePagePodLimits(spec, log);
        spec = DefaultPodRequests(spec, log);
        if (profile.Version >= PodLimitsDefaultingSince)
        {
            spec = DefaultPodLimits(spec, log);
        }

        return spec;
    }

    private static PodSpec DefaultHugePagePodLimits(PodSpec spec, ChangeLog log)
    {
        if (spec.Resources is not { } r || (r.Limits.IsEmpty && r.Requests.IsEmpty))
        {
            return spec;
        }

        var limits = r.Limits;
        foreach (var (name, aggregate) in PodResources.AggregateContainerLimits(spec))
        {
            if (!ResourceListMath.IsHugePages(name) || r.Requests.ContainsKey(name) || limits.ContainsKey(name))
            {
                continue;
            }

            limits = limits.SetItem(name, aggregate);
            log.Add(DefaultingRules.PodHugePageLimits, "spec.resources.limits." + name, aggregate.ToString());
        }

        return limits.IsEmpty ? spec : spec with { Resources = r with { Limits = limits } };
    }

    private static PodSpec DefaultPodRequests(PodSpec spec, ChangeLog log)
    {
        if (spec.Resources is not { } r || r.Limits.IsEmpty)
        {
            return spec;
        }

        var requests = r.Requests;
        foreach (var (name, aggregate) in PodResources.AggregateContainerRequests(spec))
        {
            if (!requests.ContainsKey(name) && ResourceListMath.IsSupportedPodLevelResource(name) && ResourceListMath.IsOvercommitAllowed(name))
            {
                requests = requests.SetItem(name, aggregate);
                log.Add(DefaultingRules.PodRequests, "spec.resources.requests." + name, aggregate.ToString());
            }
        }

        foreach (var (name, limit) in r.Limits)
        {
            if (!requests.ContainsKey(name) && ResourceListMath.IsSupportedPodLevelResource(name))
            {
                requests = requests.SetItem(name, limit);
                log.Add(DefaultingRules.PodRequests, "spec.resources.requests." + name, limit.ToString());
            }
        }

        return requests.IsEmpty ? spec : spec with { Resources = r with { Requests = requests } };
    }

    private static PodSpec DefaultPodLimits(PodSpec spec, ChangeLog log)
    {
        if (PodResources.IsPodLevelLimitsSet(spec) || !PodResources.IsPodLevelRequestsSet(spec))
        {
            return spec;
        }

        var r = spec.Resources!;
        var limits = r.Limits;
        foreach (var (name, aggregate) in PodResources.AggregateContainerLimits(spec))
        {
            if (limits.ContainsKey(name) || !ResourceListMath.IsSupportedPodLevelResource(name)
                || !ResourceListMath.IsOvercommitAllowed(name) || !PodResources.AllContainersHaveLimitFor(spec, name))
            {
                continue;
            }

            limits = limits.SetItem(name, aggregate);
            log.Add(DefaultingRules.PodLimits, "spec.resources.limits." + name, aggregate.ToString());
        }

        return limits.IsEmpty ? spec : spec with { Resources = r with { Limits = limits } };
    }
}
