using PodConformance.Model.Api;
using PodConformance.Model.Coverage;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Resources;

namespace PodConformance.Model.Defaulting;

public static partial class PodDefaulter
{
    /// <summary>
    /// Where pod-level resource defaulting runs (DEF-022): in SetDefaults_Pod (decoding) while PodLevelResourcesFixDefaulting
    /// is off or not yet in the release, in PrepareForCreate (<see cref="CreateStrategyPodLevel"/>) while it is on (1.37, beta,
    /// on by default). A gate the release lacks is off (PROF-002), so releases before 1.37 always take the decoder path.
    /// </summary>
    private static bool PodLevelInCreateStrategy(Profile profile) => profile.Admission.PodLevelResourcesFixDefaulting;

    /// <summary>
    /// defaults.go's SetDefaults_Pod part (gate off): hugepage limits, then requests, and only when pod-level limits are set
    /// (<c>defaultHugePagePodLimits</c>, <c>defaultPodRequests</c>). Runs before DEF-017 rounds the container quantities.
    /// 1.32 has no <c>defaultHugePagePodLimits</c> and its component-helpers support only cpu and memory at pod level, so no
    /// hugepages-* request is defaulted either (DEF-002/DEF-003 releases).
    /// </summary>
    private static PodSpec DecodePodLevel(PodSpec spec, Profile profile, ChangeLog log)
    {
        bool hugePages = profile.Version >= PodLevelHugePagesSince;
        if (hugePages)
        {
            spec = DefaultHugePagePodLimits(spec, log, skipRequested: profile.Version >= HugePageLimitSkipsRequestedSince);
        }

        return spec.Resources is { } r && !r.Limits.IsEmpty ? DefaultPodRequests(spec, log, hugePages) : spec;
    }

    /// <summary>The first release whose pod-level resources include hugepages-* (component-helpers v0.33.0).</summary>
    private static readonly KubernetesVersion PodLevelHugePagesSince = new(1, 33);

    /// <summary>
    /// The first release whose defaultHugePagePodLimits leaves a size alone when the pod requests it (DEF-002): v1.34.1's
    /// defaults.go (openshift-kni/scheduler-plugins 313dff1ce) has the skip, v1.33.3's (0c967825a) defaults every size
    /// without a pod-level limit.
    /// </summary>
    private static readonly KubernetesVersion HugePageLimitSkipsRequestedSince = new(1, 34);

    /// <summary>
    /// pkg/api/pod <c>DefaultPodLevelResources</c> (gate on), called by PrepareForCreate after the admission plugins and
    /// decoding: hugepage limits, requests (now also when only pod-level requests are set), then limits (DEF-004).
    /// </summary>
    private static PodSpec CreateStrategyPodLevel(PodSpec spec, ChangeLog log)
    {
        if (spec.Resources is not { } r || (r.Requests.IsEmpty && r.Limits.IsEmpty))
        {
            return spec;
        }

        RuleCoverage.Hit(DefaultingRules.PodLevelFixDefaulting);
        spec = DefaultHugePagePodLimits(spec, log);
        spec = DefaultPodRequests(spec, log);
        return DefaultPodLimits(spec, log);
    }

    private static PodSpec DefaultHugePagePodLimits(PodSpec spec, ChangeLog log, bool skipRequested = true)
    {
        if (spec.Resources is not { } r || (r.Limits.IsEmpty && r.Requests.IsEmpty))
        {
            return spec;
        }

        var limits = r.Limits;
        foreach (var (name, aggregate) in PodResources.AggregateContainerLimits(spec))
        {
            if (!ResourceListMath.IsHugePages(name) || (skipRequested && r.Requests.ContainsKey(name)) || limits.ContainsKey(name))
            {
                continue;
            }

            limits = limits.SetItem(name, aggregate);
            log.Add(DefaultingRules.PodHugePageLimits, "spec.resources.limits." + name, aggregate.ToString());
        }

        return limits.IsEmpty ? spec : spec with { Resources = r with { Limits = limits } };
    }

    /// <summary>
    /// Missing pod-level requests: the containers' aggregate request of each supported overcommittable resource, then the
    /// pod-level limit of each supported resource still missing. The callers decide when it runs (limits set, or either set).
    /// </summary>
    private static PodSpec DefaultPodRequests(PodSpec spec, ChangeLog log, bool hugePages = true)
    {
        if (spec.Resources is not { } r || (r.Limits.IsEmpty && r.Requests.IsEmpty))
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
            if (!requests.ContainsKey(name) && ResourceListMath.IsSupportedPodLevelResource(name) && (hugePages || !ResourceListMath.IsHugePages(name)))
            {
                requests = requests.SetItem(name, limit);
                log.Add(DefaultingRules.PodRequests, "spec.resources.requests." + name, limit.ToString());
            }
        }

        return requests.IsEmpty ? spec : spec with { Resources = r with { Requests = requests } };
    }

    /// <summary>
    /// <c>defaultPodLevelLimits</c>: each supported resource with a pod-level request and no pod-level limit, that every
    /// container (init, regular and ephemeral) limits, gets the containers' aggregate limit, raised to the pod-level request
    /// when that is larger.
    /// </summary>
    private static PodSpec DefaultPodLimits(PodSpec spec, ChangeLog log)
    {
        var r = spec.Resources!;
        var limits = r.Limits;
        Model.Collections.ValueMap<Quantity>? aggregates = null;
        foreach (var (name, request) in r.Requests)
        {
            if (!ResourceListMath.IsSupportedPodLevelResource(name) || r.Limits.ContainsKey(name) || !PodResources.AllContainersHaveLimitFor(spec, name))
            {
                continue;
            }

            aggregates ??= PodResources.AggregateContainerLimits(spec);
            if (!aggregates.Value.TryGetValue(name, out var limit))
            {
                continue;
            }

            if (request.CompareTo(limit) > 0)
            {
                limit = request;
            }

            limits = limits.SetItem(name, limit);
            log.Add(DefaultingRules.PodLimits, "spec.resources.limits." + name, limit.ToString());
        }

        return limits.IsSameAs(r.Limits) ? spec : spec with { Resources = r with { Limits = limits } };
    }
}
