using System.Globalization;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Resources;

namespace PodConformance.Model.ContainerEnv;

/// <summary>
/// <c>env[].valueFrom.resourceFieldRef</c> at run time: limit defaulting (<c>defaultPodLimitsForDownwardAPI</c>),
/// container lookup and the float64 ceiling conversion of pkg/api/v1/resource/helpers.go.
/// </summary>
public static class ResourceFieldResolver
{
    private static readonly string[] DefaultedResources = [ResourceNames.Cpu, ResourceNames.Memory, ResourceNames.EphemeralStorage];

    /// <summary>
    /// The kubelet's path: default the limits of the pod's regular containers and of <paramref name="container"/>,
    /// then read from <paramref name="container"/> when no containerName is given, else look the name up in
    /// the defaulted regular containers, then the (undefaulted) init containers.
    /// </summary>
    public static bool TryResolve(ResourceFieldSelector selector, Pod pod, Container container, Node? node, Profile profile, out string value, out EnvError? error)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var (defaultedPod, defaultedContainer) = DefaultPodLimitsForDownwardApi(pod, container, node, profile);
        RuleCoverage.Hit(DownwardRules.ResourceField, selector.ContainerName.Length == 0 ? "the container being started" : "a named container");
        if (selector.ContainerName.Length == 0)
        {
            return TryExtractContainerResourceValue(selector, defaultedContainer, out value, out error);
        }

        return TryExtractByContainerName(selector, defaultedPod, selector.ContainerName, out value, out error);
    }

    /// <summary><c>ExtractResourceValueByContainerName</c>: regular containers first, then init containers.</summary>
    public static bool TryExtractByContainerName(ResourceFieldSelector selector, Pod pod, string containerName, out string value, out EnvError? error)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var found = Find(pod.Spec.Containers, containerName) ?? Find(pod.Spec.InitContainers, containerName);
        if (found is null)
        {
            value = "";
            error = new EnvError(DownwardRules.ResourceField, "container " + containerName + " not found");
            return false;
        }

        return TryExtractContainerResourceValue(selector, found, out value, out error);
    }

    /// <summary>
    /// <c>ExtractContainerResourceValue</c> (DOWNWARD-006): a zero or unset divisor is 1; cpu converts through
    /// MilliValue, everything else through Value; unset reads as 0.
    /// </summary>
    public static bool TryExtractContainerResourceValue(ResourceFieldSelector selector, Container container, out string value, out EnvError? error)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(container);
        var divisor = selector.Divisor is { IsZero: false } d ? d : Quantity.FromInt64(1, QuantityFormat.DecimalSI);
        string resource = selector.Resource;
        error = null;
        ValueMap<Quantity> list;
        string name;
        if (resource.StartsWith("limits.", StringComparison.Ordinal))
        {
            list = container.Resources.Limits;
            name = resource["limits.".Length..];
        }
        else if (resource.StartsWith("requests.", StringComparison.Ordinal))
        {
            list = container.Resources.Requests;
            name = resource["requests.".Length..];
        }
        else
        {
            return Unsupported(resource, out value, out error);
        }

        var quantity = list.TryGetValue(name, out var q) ? q : Quantity.Zero;
        RuleCoverage.Hit(DownwardRules.Conversion, selector.Divisor is { IsZero: false } ? "with a divisor" : "divisor 1");
        switch (name)
        {
            case ResourceNames.Cpu:
                value = Format(CeilDivide(quantity.MilliValue(), divisor.MilliValue()));
                return true;
            case ResourceNames.Memory:
            case ResourceNames.EphemeralStorage:
                value = Format(CeilDivide(quantity.Value(), divisor.Value()));
                return true;
        }

        if (name.StartsWith(ResourceNames.HugePagesPrefix, StringComparison.Ordinal))
        {
            value = Format(CeilDivide(quantity.Value(), divisor.Value()));
            return true;
        }

        return Unsupported(resource, out value, out error);
    }

    /// <summary>
    /// <c>int64(math.Ceil(float64(a) / float64(b)))</c> as Go computes it on amd64 (DOWNWARD-007): both sides
    /// are rounded to float64 first (precision is lost above 2^53), and a result outside int64 (or NaN)
    /// converts to <see cref="long.MinValue"/>, the x86-64 "integer indefinite" value. .NET 9+ saturates
    /// instead, so the conversion is spelled out.
    /// </summary>
    public static long CeilDivide(long value, long divisor)
    {
        double quotient = Math.Ceiling((double)value / (double)divisor);
        const double TwoTo63 = 9223372036854775808.0;
        if (double.IsNaN(quotient) || quotient >= TwoTo63 || quotient < -TwoTo63)
        {
            return long.MinValue;
        }

        return (long)quotient;
    }

    /// <summary>
    /// <c>defaultPodLimitsForDownwardAPI</c> (DOWNWARD-008): in copies of the pod's regular containers and of
    /// <paramref name="container"/>, a missing or zero cpu, memory or ephemeral-storage limit becomes the node's
    /// allocatable value. With PodLevelResources on and pod-level limits set, a non-zero pod-level cpu or memory
    /// limit replaces allocatable for that resource (only where allocatable has it). Hugepages are never defaulted.
    /// </summary>
    public static (Pod Pod, Container Container) DefaultPodLimitsForDownwardApi(Pod pod, Container container, Node? node, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(profile);
        var allocatable = node?.EffectiveAllocatable ?? ValueMap<Quantity>.Empty;
        if (profile.IsEnabled(FeatureGateNames.PodLevelResources) && PodResources.IsPodLevelLimitsSet(pod.Spec) && pod.Spec.Resources is { } podResources)
        {
            foreach (string res in PodLevelResourceNames)
            {
                if (podResources.Limits.TryGetValue(res, out var limit) && !limit.IsZero && allocatable.ContainsKey(res))
                {
                    allocatable = allocatable.SetItem(res, limit);
                }
            }
        }

        var containers = pod.Spec.Containers;
        var defaulted = new Container[containers.Count];
        for (int i = 0; i < containers.Count; i++)
        {
            defaulted[i] = MergeContainerResourceLimits(containers[i], allocatable);
        }

        var outPod = pod with { Spec = pod.Spec with { Containers = defaulted } };
        return (outPod, MergeContainerResourceLimits(container, allocatable));
    }

    /// <summary><c>MergeContainerResourceLimits</c>: cpu, memory, ephemeral-storage only.</summary>
    public static Container MergeContainerResourceLimits(Container container, ValueMap<Quantity> allocatable)
    {
        ArgumentNullException.ThrowIfNull(container);
        var limits = container.Resources.Limits;
        foreach (string res in DefaultedResources)
        {
            bool set = limits.TryGetValue(res, out var q) && !q.IsZero;
            if (!set && allocatable.TryGetValue(res, out var cap))
            {
                RuleCoverage.Hit(DownwardRules.LimitDefaulting, "an unset limit becomes allocatable");
                limits = limits.SetItem(res, cap);
            }
        }

        return limits == container.Resources.Limits
            ? container
            : container with { Resources = container.Resources with { Limits = limits } };
    }

    /// <summary>Resources the Downward API defaulting takes from pod-level limits (IsSupportedPodLevelResource ∩ cpu/memory/ephemeral-storage).</summary>
    private static readonly string[] PodLevelResourceNames = [ResourceNames.Cpu, ResourceNames.Memory];

    private static Container? Find(ValueList<Container> containers, string name)
    {
        foreach (var c in containers)
        {
            if (c.Name == name)
            {
                return c;
            }
        }

        return null;
    }

    private static bool Unsupported(string resource, out string value, out EnvError? error)
    {
        value = "";
        error = new EnvError(DownwardRules.ResourceField, "unsupported container resource : " + resource);
        return false;
    }

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
