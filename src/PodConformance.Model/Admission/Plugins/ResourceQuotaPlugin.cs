using System.Text;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;
using PodConformance.Model.Quantities;
using PodConformance.Model.Resources;
using PodConformance.Model.Validation;

namespace PodConformance.Model.Admission.Plugins;

/// <summary>
/// ResourceQuota (k8s.io/apiserver pkg/admission/plugin/resourcequota CheckRequest with kubernetes
/// pkg/quota/v1/evaluator/core/pods.go, ADM-060…064) against the ResourceQuotas of the pod's namespace, in the order
/// given. No <c>LimitedResources</c> admission configuration (a default API server has none).
/// </summary>
internal sealed class ResourceQuotaPlugin : IValidatingPlugin
{
    public static ResourceQuotaPlugin Instance { get; } = new();

    public string Name => "ResourceQuota";

    /// <summary>The resources the pod evaluator tracks by name (podResources).</summary>
    private static readonly HashSet<string> PodResourceNames = new(StringComparer.Ordinal)
    {
        "count/pods", "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage",
        "limits.cpu", "limits.memory", "limits.ephemeral-storage", "pods",
    };

    /// <summary>validationSet: quota on these makes every container state them (a backward-compatibility requirement).</summary>
    private static readonly string[] MustSpecify = ["cpu", "limits.cpu", "limits.memory", "memory", "requests.cpu", "requests.memory"];

    public PluginOutcome Validate(Pod pod, CreateRun run)
    {
        if (run.Objects.ResourceQuotas.IsEmpty)
        {
            // Most pods are created where no quota exists: nothing to count, nothing to build.
            return new PluginOutcome(pod, Note: "no ResourceQuota in namespace " + pod.Metadata.Namespace);
        }

        bool any = false;
        var interesting = new List<(ResourceQuota Quota, ValueMap<Quantity> Hard, ValueMap<Quantity> Used)>();
        foreach (var q in run.Objects.ResourceQuotas)
        {
            if (q.Namespace != pod.Metadata.Namespace)
            {
                continue;
            }

            any = true;
            var hard = LimitRangerPlugin.StoredAndListed(q.StatusHard ?? q.Hard);
            var restricted = MatchingResources(hard.Keys, run.Profile.Version);
            if (restricted.Count == 0 || !ScopesMatch(q, pod, run.Profile))
            {
                continue;
            }

            if (Constraints(restricted, pod, run.Profile) is { } missing)
            {
                return new PluginOutcome(pod, AdmissionRejection.Forbidden(pod, AdmissionRules.QuotaConstraints, "failed quota: " + q.Name + ": " + missing));
            }

            var used = q.StatusUsed is { } u ? LimitRangerPlugin.StoredAndListed(u) : Zeros(hard);
            var unknown = new List<string>();
            foreach (string name in hard.Keys)
            {
                if (restricted.Contains(name) && !used.ContainsKey(name))
                {
                    unknown = restricted;
                    break;
                }
            }

            if (unknown.Count > 0)
            {
                return new PluginOutcome(pod, AdmissionRejection.Forbidden(pod, AdmissionRules.QuotaStatus,
                    "status unknown for quota: " + q.Name + ", resources: " + string.Join(",", Sorted(restricted))));
            }

            interesting.Add((q, hard, used));
        }

        // The pod's usage only when some quota limits something it could use.
        var usage = interesting.Count > 0 ? Usage(pod, run.Profile) : default;
        foreach (var (q, hard, used) in interesting)
        {
            // quota.Mask(deltaUsage, hard) then LessThanOrEqual on the new usage of the requested resources.
            var requested = Mask(RemoveZeros(usage), hard.Keys);
            if (requested.IsEmpty)
            {
                continue;
            }

            var exceeded = new List<string>();
            foreach (var (name, amount) in requested)
            {
                var newUsage = used.TryGetValue(name, out var before) ? before.Add(amount) : amount;
                if (hard.TryGetValue(name, out var limit) && newUsage.CompareTo(limit) > 0)
                {
                    exceeded.Add(name);
                }
            }

            if (exceeded.Count > 0)
            {
                return new PluginOutcome(pod, AdmissionRejection.Forbidden(pod, AdmissionRules.QuotaExceeded,
                    "exceeded quota: " + q.Name + ", requested: " + Print(Mask(requested, exceeded)) + ", used: " + Print(Mask(used, exceeded))
                    + ", limited: " + Print(Mask(hard, exceeded))));
            }
        }

        return new PluginOutcome(pod, Note: any ? "" : "no ResourceQuota in namespace " + pod.Metadata.Namespace);
    }

    /// <summary>PodUsageFunc for a pod being created (ADM-064): its object count, and its compute usage (it is not terminal).</summary>
    internal static ValueMap<Quantity> Usage(Pod pod, Profile profile)
    {
        bool podLevel = profile.IsEnabled(FeatureGateNames.PodLevelResources);
        var requests = PodResources.PodRequests(pod.Spec, podLevel);
        var limits = Limits(pod.Spec, podLevel);
        var result = ComputeUsage(requests, limits);
        return result.SetItem("count/pods", Quantity.FromInt64(1, QuantityFormat.DecimalSI));
    }

    /// <summary>
    /// PodLimits: the container aggregate, pod-level limits where set, overhead added to the limits that are set and not
    /// zero (<c>ok &amp;&amp; !value.IsZero()</c>, component-helpers and the older pkg/api/v1/resource alike).
    /// </summary>
    private static ValueMap<Quantity> Limits(PodSpec spec, bool podLevel)
    {
        var limits = PodResources.AggregateContainerLimits(spec);
        if (podLevel && spec.Resources is { } r && PodResources.IsPodLevelLimitsSet(spec))
        {
            foreach (var (name, q) in r.Limits)
            {
                if (ResourceListMath.IsSupportedPodLevelResource(name))
                {
                    limits = limits.SetItem(name, q);
                }
            }
        }

        foreach (var (name, q) in spec.Overhead)
        {
            if (limits.TryGetValue(name, out var existing) && !existing.IsZero)
            {
                limits = limits.SetItem(name, existing.Add(q));
            }
        }

        return limits;
    }

    /// <summary>podComputeUsageHelper: what a request or limit counts against.</summary>
    private static ValueMap<Quantity> ComputeUsage(ValueMap<Quantity> requests, ValueMap<Quantity> limits)
    {
        var result = ValueMap<Quantity>.Empty.SetItem("pods", Quantity.FromInt64(1, QuantityFormat.DecimalSI));
        foreach (string name in (string[])["cpu", "memory", "ephemeral-storage"])
        {
            if (requests.TryGetValue(name, out var request))
            {
                result = result.SetItem(name, request).SetItem("requests." + name, request);
            }

            if (limits.TryGetValue(name, out var limit))
            {
                result = result.SetItem("limits." + name, limit);
            }
        }

        foreach (var (name, request) in requests)
        {
            if (ResourceListMath.IsHugePages(name))
            {
                result = result.SetItem(name, request).SetItem("requests." + name, request);
            }

            if (IsExtendedResourceName(name))
            {
                result = result.SetItem("requests." + name, request);
            }
        }

        return result;
    }

    /// <summary>helper.IsExtendedResourceName: not native, not already <c>requests.</c>, and a qualified name once prefixed.</summary>
    private static bool IsExtendedResourceName(string name) =>
        !ResourceListMath.IsNativeResource(name) && !name.StartsWith("requests.", StringComparison.Ordinal)
        && NameRules.QualifiedName("requests." + name).Length == 0;

    /// <summary>
    /// The quota name of a DRA device class's implicit extended resource (<c>requests.</c> +
    /// resource/v1 <c>ResourceDeviceClassPrefix</c>), which pods.go's isExtendedResourceNameForQuota accepts from 1.35 on
    /// although the name is in the kubernetes.io domain (ADM-060).
    /// </summary>
    private const string RequestsDeviceClassPrefix = "requests.deviceclass.resource.kubernetes.io/";

    private static readonly KubernetesVersion DeviceClassQuotaSince = new(1, 35);

    /// <summary>
    /// MatchingResources: the hard resources the pod evaluator tracks. From 1.35 a device-class name counts too (ADM-060):
    /// such a quota then applies to every pod, and a status without its usage refuses the create as "status unknown".
    /// </summary>
    private static List<string> MatchingResources(IEnumerable<string> hard, KubernetesVersion version)
    {
        bool deviceClasses = version >= DeviceClassQuotaSince;
        var result = new List<string>();
        foreach (string name in hard)
        {
            if (PodResourceNames.Contains(name) || name.StartsWith("hugepages-", StringComparison.Ordinal)
                || name.StartsWith("requests.hugepages-", StringComparison.Ordinal)
                || (!ResourceListMath.IsNativeResource(name) && name.StartsWith("requests.", StringComparison.Ordinal))
                || (deviceClasses && name.StartsWith(RequestsDeviceClassPrefix, StringComparison.Ordinal)))
            {
                result.Add(name);
            }
        }

        return result;
    }

    /// <summary>generic.Matches' scope part: every scope and scope-selector requirement must match (ADM-060).</summary>
    private static bool ScopesMatch(ResourceQuota q, Pod pod, Profile profile)
    {
        foreach (string scope in q.Scopes)
        {
            if (!ScopeMatches(new ScopedResourceSelectorRequirement { ScopeName = scope, Operator = "Exists" }, pod, profile))
            {
                return false;
            }
        }

        foreach (var s in q.ScopeSelector)
        {
            if (!ScopeMatches(s, pod, profile))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ScopeMatches(ScopedResourceSelectorRequirement s, Pod pod, Profile profile)
    {
        var spec = pod.Spec;
        switch (s.ScopeName)
        {
            case "Terminating":
                return spec.ActiveDeadlineSeconds is >= 0;
            case "NotTerminating":
                return spec.ActiveDeadlineSeconds is not >= 0;
            case "BestEffort":
                return QosCalculator.ComputePodQos(spec, profile) == QosClass.BestEffort;
            case "NotBestEffort":
                return QosCalculator.ComputePodQos(spec, profile) != QosClass.BestEffort;
            case "PriorityClass":
                bool has = spec.PriorityClassName.Length != 0;
                return s.Operator switch
                {
                    "Exists" => has,
                    "DoesNotExist" => !has,
                    "In" => has && s.Values.Contains(spec.PriorityClassName),
                    "NotIn" => !has || !s.Values.Contains(spec.PriorityClassName),
                    _ => false,
                };
            case "CrossNamespacePodAffinity":
                return CrossNamespaceAffinity(spec.Affinity);
            default:
                return false;
        }
    }

    private static bool CrossNamespaceAffinity(Affinity? affinity)
    {
        if (affinity is null)
        {
            return false;
        }

        return Any(affinity.PodAffinity?.RequiredDuringSchedulingIgnoredDuringExecution, affinity.PodAffinity?.PreferredDuringSchedulingIgnoredDuringExecution)
            || Any(affinity.PodAntiAffinity?.RequiredDuringSchedulingIgnoredDuringExecution, affinity.PodAntiAffinity?.PreferredDuringSchedulingIgnoredDuringExecution);

        static bool Any(ValueList<PodAffinityTerm>? required, ValueList<WeightedPodAffinityTerm>? preferred)
        {
            foreach (var t in required ?? ValueList<PodAffinityTerm>.Empty)
            {
                if (!t.Namespaces.IsEmpty || t.NamespaceSelector is not null)
                {
                    return true;
                }
            }

            foreach (var w in preferred ?? ValueList<WeightedPodAffinityTerm>.Empty)
            {
                if (!w.PodAffinityTerm.Namespaces.IsEmpty || w.PodAffinityTerm.NamespaceSelector is not null)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Constraints (ADM-061): with cpu or memory quota, every container and init container must state the matching
    /// request or limit; skipped when pod-level resources are set and the gate is on.
    /// </summary>
    private static string? Constraints(List<string> restricted, Pod pod, Profile profile)
    {
        if (profile.IsEnabled(FeatureGateNames.PodLevelResources) && PodResources.IsPodLevelResourcesSet(pod.Spec))
        {
            return null;
        }

        var required = new List<string>();
        foreach (string r in MustSpecify)
        {
            if (restricted.Contains(r))
            {
                required.Add(r);
            }
        }

        if (required.Count == 0)
        {
            return null;
        }

        var missing = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var c in pod.Spec.Containers.Concat(pod.Spec.InitContainers))
        {
            var own = ComputeUsage(c.Resources.Requests, c.Resources.Limits);
            foreach (string r in required)
            {
                if (!own.ContainsKey(r))
                {
                    if (!missing.TryGetValue(r, out var names))
                    {
                        missing[r] = names = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    names.Add(c.Name);
                }
            }
        }

        if (missing.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder("must specify ");
        bool first = true;
        foreach (var (resource, names) in missing)
        {
            if (!first)
            {
                sb.Append("; ");
            }

            first = false;
            sb.Append(resource).Append(" for: ").Append(string.Join(",", names));
        }

        return sb.ToString();
    }

    private static ValueMap<Quantity> Zeros(ValueMap<Quantity> hard)
    {
        var result = ValueMap<Quantity>.Empty;
        foreach (string name in hard.Keys)
        {
            result = result.SetItem(name, Quantity.Zero);
        }

        return result;
    }

    private static ValueMap<Quantity> RemoveZeros(ValueMap<Quantity> list)
    {
        var result = list;
        foreach (var (name, q) in list)
        {
            if (q.IsZero)
            {
                result = result.Remove(name);
            }
        }

        return result;
    }

    private static ValueMap<Quantity> Mask(ValueMap<Quantity> list, IEnumerable<string> names)
    {
        var result = ValueMap<Quantity>.Empty;
        foreach (string name in names)
        {
            if (list.TryGetValue(name, out var q))
            {
                result = result.SetItem(name, q);
            }
        }

        return result;
    }

    /// <summary>prettyPrint: <c>name=value</c> sorted by name, joined with commas.</summary>
    private static string Print(ValueMap<Quantity> list)
    {
        var parts = new List<string>(list.Count);
        foreach (var (name, q) in list)
        {
            parts.Add(name + "=" + q);
        }

        return string.Join(",", parts);
    }

    private static List<string> Sorted(List<string> names)
    {
        var copy = new List<string>(names);
        copy.Sort(StringComparer.Ordinal);
        return copy;
    }
}
