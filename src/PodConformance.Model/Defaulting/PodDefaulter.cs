using PodConformance.Model.Api;
using PodConformance.Model.Collections;
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
    public static Pod Apply(Pod pod, Profile profile, List<DefaultingChange>? changes) => Apply(pod, profile, changes, createStrategy: true);

    /// <summary>
    /// Decode defaulting (SetObjectDefaults_Pod); with <paramref name="createStrategy"/> also the create strategy's
    /// defaulting part (<see cref="CreateStrategy"/>), which the admission pipeline runs separately, after the plugins.
    /// </summary>
    internal static Pod Apply(Pod pod, Profile profile, List<DefaultingChange>? changes, bool createStrategy)
    {
        var log = new ChangeLog(changes);
        var spec = pod.Spec;

        // SetDefaults_Pod
        spec = spec with
        {
            Containers = MapContainers(spec.Containers, "spec.containers", c => RequestsFromLimits(c, log)),
            InitContainers = MapContainers(spec.InitContainers, "spec.initContainers", c => RequestsFromLimits(c, log)),
        };
        bool podLevel = profile.IsEnabled(FeatureGateNames.PodLevelResources);
        if (podLevel && profile.Version < PodLevelDefaultsInCreateStrategySince)
        {
            spec = DefaultPodLevelResources(spec, profile, log);
        }

        if (spec.EnableServiceLinks is null)
        {
            spec = spec with { EnableServiceLinks = true };
            log.Add(DefaultingRules.EnableServiceLinks, "spec.enableServiceLinks", "true");
        }

        if (spec.HostNetwork)
        {
            spec = spec with
            {
                Containers = MapContainers(spec.Containers, "spec.containers", c => HostNetworkPorts(c, log)),
                InitContainers = MapContainers(spec.InitContainers, "spec.initContainers", c => HostNetworkPorts(c, log)),
            };
        }

        // SetDefaults_PodSpec
        if (spec.DnsPolicy.Length == 0)
        {
            spec = spec with { DnsPolicy = "ClusterFirst" };
            log.Add(DefaultingRules.DnsPolicy, "spec.dnsPolicy", "ClusterFirst");
        }

        if (spec.RestartPolicy.Length == 0)
        {
            spec = spec with { RestartPolicy = "Always" };
            log.Add(DefaultingRules.RestartPolicy, "spec.restartPolicy", "Always");
        }

        spec = DefaultPodSecurityContext(spec, log);

        if (spec.TerminationGracePeriodSeconds is null)
        {
            spec = spec with { TerminationGracePeriodSeconds = 30 };
            log.Add(DefaultingRules.TerminationGracePeriod, "spec.terminationGracePeriodSeconds", "30");
        }

        if (spec.SchedulerName.Length == 0)
        {
            spec = spec with { SchedulerName = "default-scheduler" };
            log.Add(DefaultingRules.SchedulerName, "spec.schedulerName", "default-scheduler");
        }

        spec = spec with
        {
            Volumes = DefaultVolumes(spec.Volumes, profile, log),
            InitContainers = MapContainers(spec.InitContainers, "spec.initContainers", c => DefaultContainer(c, log)),
            Containers = MapContainers(spec.Containers, "spec.containers", c => DefaultContainer(c, log)),
            EphemeralContainers = MapContainers(spec.EphemeralContainers, "spec.ephemeralContainers", c => DefaultContainer(c, log)),
            Overhead = RoundUpList(spec.Overhead, "spec.overhead", log),
        };
        if (spec.Resources is { } podResources)
        {
            spec = spec with
            {
                Resources = podResources with
                {
                    Limits = RoundUpList(podResources.Limits, "spec.resources.limits", log),
                    Requests = RoundUpList(podResources.Requests, "spec.resources.requests", log),
                },
            };
        }

        var decoded = pod with { Spec = spec };
        return createStrategy ? CreateStrategy(decoded, profile, log) : decoded;
    }

    /// <summary>
    /// The parts of the pod strategy's PrepareForCreate kept in this class, for the admission pipeline, which runs them
    /// after the admission plugins (ADM-001): see <see cref="CreateStrategy"/>.
    /// </summary>
    internal static Pod ApplyCreateStrategy(Pod pod, Profile profile, List<DefaultingChange>? changes) =>
        CreateStrategy(pod, profile, new ChangeLog(changes));

    /// <summary>
    /// PrepareForCreate's defaulting part: since 1.37 the pod-level resource defaults (PR #140514, after decoding rounded
    /// every quantity), then dropDisabledFields (the areas' parts), the matchLabelKeys merges and applyAppArmorVersionSkew.
    /// </summary>
    private static Pod CreateStrategy(Pod pod, Profile profile, ChangeLog log)
    {
        var spec = pod.Spec;
        if (profile.Version >= PodLevelDefaultsInCreateStrategySince && profile.IsEnabled(FeatureGateNames.PodLevelResources))
        {
            spec = DefaultPodLevelResources(spec, profile, log);
        }

        // PrepareForCreate's defaulting part, in its order: dropDisabledFields (DEF-201 security fields, DEF-300 scheduling,
        // DNS and claim fields), mutatePodAffinity and mutateTopologySpreadConstraints (DEF-301/302), applyAppArmorVersionSkew (DEF-205/206).
        spec = DropDisabledFields(spec, profile, log);
        var created = MergeMatchLabelKeys(pod with { Spec = spec }, profile, log);
        return ApplyAppArmorVersionSkew(created, profile, log);
    }

    private static ValueList<Container> MapContainers(ValueList<Container> containers, string listPath, Func<ContainerAt, Container> map)
    {
        if (containers.IsEmpty)
        {
            return containers;
        }

        var result = new Container[containers.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = map(new ContainerAt(containers[i], $"{listPath}[{i}]"));
        }

        return result;
    }

    /// <summary>A container with the field path of its position, so changes can be reported where they happen.</summary>
    private readonly record struct ContainerAt(Container Container, string Path);

    private sealed class ChangeLog(List<DefaultingChange>? changes)
    {
        public void Add(string rule, string field, string value) => changes?.Add(new DefaultingChange(rule, field, value));
    }
}
