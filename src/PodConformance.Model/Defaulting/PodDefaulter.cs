using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Defaulting;

/// <summary>
/// The defaulting the API server applies to a Pod it decodes (kubernetes pkg/apis/core/v1 defaults.go and
/// zz_generated.defaults.go, in their order: SetDefaults_Pod, SetDefaults_PodSpec, volumes, then each
/// container). Pods only: PodTemplates do not get requests from limits.
/// </summary>
public static partial class PodDefaulter
{
    public static Pod Apply(Pod pod, Profile profile) => Apply(pod, profile, null);

    /// <summary>Applies defaulting and records every change, for <c>explain</c>.</summary>
    /// <remarks>
    /// On the hot path (<paramref name="changes"/> null) nothing is copied that does not change: a container, list or
    /// spec comes back as the same object when defaulting leaves it alone, and field paths are built only for the log.
    /// </remarks>
    public static Pod Apply(Pod pod, Profile profile, List<DefaultingChange>? changes) => Apply(pod, profile, changes, createStrategy: true);

    /// <summary>
    /// Decode defaulting (SetObjectDefaults_Pod); with <paramref name="createStrategy"/> also the create strategy's
    /// defaulting part (<see cref="CreateStrategy"/>), which the admission pipeline runs separately, after the plugins.
    /// </summary>
    /// <remarks>
    /// On the hot path (<paramref name="changes"/> null) nothing is copied that does not change: a container, list or
    /// spec comes back as the same object when defaulting leaves it alone, and field paths are built only for the log.
    /// </remarks>
    internal static Pod Apply(Pod pod, Profile profile, List<DefaultingChange>? changes, bool createStrategy)
    {
        var log = new ChangeLog(changes);
        var spec = pod.Spec;

        // SetDefaults_Pod; from 1.37 it begins by raising a negative terminationGracePeriodSeconds to 1 (DEF-027).
        if (spec.TerminationGracePeriodSeconds is < 0 && ClampsNegativeGracePeriod(profile))
        {
            spec = spec with { TerminationGracePeriodSeconds = 1 };
            log.Add(DefaultingRules.NegativeGracePeriod, "spec.terminationGracePeriodSeconds", "1");
        }

        spec = WithContainers(
            spec,
            MapContainers(spec.InitContainers, "spec.initContainers", log, static (c, l) => RequestsFromLimits(c, l)),
            MapContainers(spec.Containers, "spec.containers", log, static (c, l) => RequestsFromLimits(c, l)),
            spec.EphemeralContainers);
        if (profile.Version <= ResizePolicyDefaultsUntil && profile.IsEnabled(FeatureGateNames.InPlacePodVerticalScaling))
        {
            spec = WithContainers(spec, spec.InitContainers, MapContainers(spec.Containers, "spec.containers", log, static (c, l) => ResizePolicyDefaults(c, l)), spec.EphemeralContainers);
        }

        if (profile.Admission.PodLevelResources && !PodLevelInCreateStrategy(profile))
        {
            spec = DecodePodLevel(spec, profile, log);
        }

        bool? enableServiceLinks = spec.EnableServiceLinks;
        if (enableServiceLinks is null)
        {
            enableServiceLinks = true;
            log.Add(DefaultingRules.EnableServiceLinks, "spec.enableServiceLinks", "true");
        }

        if (spec.HostNetwork)
        {
            spec = WithContainers(
                spec,
                MapContainers(spec.InitContainers, "spec.initContainers", log, static (c, l) => HostNetworkPorts(c, l)),
                MapContainers(spec.Containers, "spec.containers", log, static (c, l) => HostNetworkPorts(c, l)),
                spec.EphemeralContainers);
        }

        spec = DefaultHttpProbeProtocol(spec, profile, log);

        // SetDefaults_PodSpec
        string dnsPolicy = spec.DnsPolicy;
        if (dnsPolicy.Length == 0)
        {
            dnsPolicy = "ClusterFirst";
            log.Add(DefaultingRules.DnsPolicy, "spec.dnsPolicy", "ClusterFirst");
        }

        string restartPolicy = spec.RestartPolicy;
        if (restartPolicy.Length == 0)
        {
            restartPolicy = "Always";
            log.Add(DefaultingRules.RestartPolicy, "spec.restartPolicy", "Always");
        }

        var securityContext = DefaultPodSecurityContext(spec.SecurityContext, log);

        long? terminationGracePeriod = spec.TerminationGracePeriodSeconds;
        if (terminationGracePeriod is null)
        {
            terminationGracePeriod = 30;
            log.Add(DefaultingRules.TerminationGracePeriod, "spec.terminationGracePeriodSeconds", "30");
        }

        string schedulerName = spec.SchedulerName;
        if (schedulerName.Length == 0)
        {
            schedulerName = "default-scheduler";
            log.Add(DefaultingRules.SchedulerName, "spec.schedulerName", "default-scheduler");
        }

        var volumes = DefaultVolumes(spec.Volumes, profile, log);
        var initContainers = MapContainers(spec.InitContainers, "spec.initContainers", log, static (c, l) => DefaultContainer(c, l));
        var containers = MapContainers(spec.Containers, "spec.containers", log, static (c, l) => DefaultContainer(c, l));
        var ephemeralContainers = MapContainers(spec.EphemeralContainers, "spec.ephemeralContainers", log, static (c, l) => DefaultContainer(c, l));
        var overhead = RoundUpList(spec.Overhead, "spec.overhead", log);
        // The scalar defaults above and these lists land in one copy of the spec (the log keeps their order).
        if (enableServiceLinks != spec.EnableServiceLinks || !ReferenceEquals(dnsPolicy, spec.DnsPolicy) || !ReferenceEquals(restartPolicy, spec.RestartPolicy)
            || !ReferenceEquals(securityContext, spec.SecurityContext)
            || terminationGracePeriod != spec.TerminationGracePeriodSeconds || !ReferenceEquals(schedulerName, spec.SchedulerName)
            || !Same(volumes, spec.Volumes) || !Same(initContainers, spec.InitContainers) || !Same(containers, spec.Containers)
            || !Same(ephemeralContainers, spec.EphemeralContainers) || !Same(overhead, spec.Overhead))
        {
            spec = spec with
            {
                EnableServiceLinks = enableServiceLinks,
                DnsPolicy = dnsPolicy,
                RestartPolicy = restartPolicy,
                SecurityContext = securityContext,
                TerminationGracePeriodSeconds = terminationGracePeriod,
                SchedulerName = schedulerName,
                Volumes = volumes,
                InitContainers = initContainers,
                Containers = containers,
                EphemeralContainers = ephemeralContainers,
                Overhead = overhead,
            };
        }

        if (spec.Resources is { } podResources)
        {
            var limits = RoundUpList(podResources.Limits, "spec.resources.limits", log);
            var requests = RoundUpList(podResources.Requests, "spec.resources.requests", log);
            if (!Same(limits, podResources.Limits) || !Same(requests, podResources.Requests))
            {
                spec = spec with { Resources = podResources with { Limits = limits, Requests = requests } };
            }
        }

        var decoded = ResolveServiceAccountAlias(DropInitContainerAnnotations(ReferenceEquals(spec, pod.Spec) ? pod : pod with { Spec = spec }, log), log);
        return createStrategy ? CreateStrategy(decoded, profile, log) : decoded;
    }

    /// <summary>
    /// The parts of the pod strategy's PrepareForCreate kept in this class, for the admission pipeline, which runs them
    /// after the admission plugins (ADM-001): see <see cref="CreateStrategy"/>.
    /// </summary>
    internal static Pod ApplyCreateStrategy(Pod pod, Profile profile, List<DefaultingChange>? changes) =>
        CreateStrategy(pod, profile, new ChangeLog(changes));

    /// <summary>
    /// PrepareForCreate's defaulting part: with PodLevelResourcesFixDefaulting (1.37) the pod-level resource defaults (DEF-022, after decoding rounded
    /// every quantity), then dropDisabledFields (the areas' parts), the matchLabelKeys merges and applyAppArmorVersionSkew.
    /// </summary>
    private static Pod CreateStrategy(Pod pod, Profile profile, ChangeLog log)
    {
        var spec = pod.Spec;
        if (profile.Admission.PodLevelResources && PodLevelInCreateStrategy(profile))
        {
            spec = CreateStrategyPodLevel(spec, log);
        }

        // PrepareForCreate's defaulting part, in its order: dropDisabledFields (DEF-201 security fields, DEF-300 scheduling,
        // DNS and claim fields), mutatePodAffinity and mutateTopologySpreadConstraints (DEF-301/302), applyAppArmorVersionSkew (DEF-205/206).
        pod = DropAppArmorAnnotations(pod, profile, log);
        spec = DropDisabledFields(spec, profile, log);
        var created = MergeMatchLabelKeys(ReferenceEquals(spec, pod.Spec) ? pod : pod with { Spec = spec }, profile, log);
        return ApplyAppArmorVersionSkew(created, profile, log);
    }

    /// <summary>The first release known to clamp a negative grace period in SetDefaults_Pod (DEF-027; 1.36 not read).</summary>
    private static readonly KubernetesVersion GraceClampSince = new(1, 37);

    /// <summary>
    /// Whether decoding under <paramref name="profile"/> raises a negative <c>spec.terminationGracePeriodSeconds</c> to 1
    /// (DEF-027): generators send a negative one only there, where what the API server stores is known.
    /// </summary>
    public static bool ClampsNegativeGracePeriod(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Version >= GraceClampSince;
    }

    /// <summary>The last release whose SetDefaults_Pod defaults resize policies (DEF-026); 1.33's defaults.go has no such step.</summary>
    private static readonly KubernetesVersion ResizePolicyDefaultsUntil = new(1, 32);

    /// <summary>The spec with these container lists, the same spec when none of them changed.</summary>
    private static PodSpec WithContainers(PodSpec spec, ValueList<Container> initContainers, ValueList<Container> containers, ValueList<Container> ephemeralContainers) =>
        Same(initContainers, spec.InitContainers) && Same(containers, spec.Containers) && Same(ephemeralContainers, spec.EphemeralContainers)
            ? spec
            : spec with { InitContainers = initContainers, Containers = containers, EphemeralContainers = ephemeralContainers };

    /// <summary>The same list object (not merely equal): what the map functions return when nothing changed.</summary>
    private static bool Same<T>(ValueList<T> a, ValueList<T> b) => a.IsSameAs(b);

    private static bool Same<T>(ValueMap<T> a, ValueMap<T> b) => a.IsSameAs(b);

    /// <summary>Maps each container; the same list when every container came back as the same object.</summary>
    private static ValueList<Container> MapContainers(ValueList<Container> containers, string listPath, ChangeLog log, Func<ContainerAt, ChangeLog, Container> map)
    {
        if (containers.IsEmpty)
        {
            return containers;
        }

        Container[]? result = null;
        for (int i = 0; i < containers.Count; i++)
        {
            var c = containers[i];
            var mapped = map(new ContainerAt(c, log.On ? $"{listPath}[{i}]" : ""), log);
            if (!ReferenceEquals(mapped, c))
            {
                result ??= containers.AsSpan().ToArray();
                result[i] = mapped;
            }
        }

        return result is null ? containers : new ValueList<Container>(System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(result));
    }

    /// <summary>A container with the field path of its position (empty when nothing is logged), so changes can be reported where they happen.</summary>
    private readonly record struct ContainerAt(Container Container, string Path);

    private readonly struct ChangeLog(List<DefaultingChange>? changes)
    {
        /// <summary>Whether changes are recorded: paths and value texts are built only then.</summary>
        public bool On => changes is not null;

        public void Add(string rule, string field, string value)
        {
            RuleCoverage.Hit(rule);
            changes?.Add(new DefaultingChange(rule, field, value));
        }
    }
}
