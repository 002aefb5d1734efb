using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Validation;

public static partial class PodValidator
{
    /// <summary>Hugepages became a supported pod-level resource with the beta of PodLevelResources (unverified, VAL-036).</summary>
    private static readonly KubernetesVersion PodLevelHugePagesSince = new(1, 34);

    /// <summary>
    /// validateResourceRequirements: limits first, then requests (each: name, quantity, then request-vs-limit),
    /// then "HugePages require cpu or memory". Upstream walks Go maps in random order; the model walks keys in
    /// ordinal order (ValueMap's order).
    /// </summary>
    private static void ValidateResourceRequirements(Context ctx, ValueMap<Quantity> limits, ValueMap<Quantity> requests, FieldPath path, bool podLevel)
    {
        var limPath = path.Child("limits");
        var reqPath = path.Child("requests");
        bool limCpuOrMemory = false, reqCpuOrMemory = false, limHugePages = false, reqHugePages = false;

        foreach (var (name, quantity) in limits)
        {
            var keyPath = limPath.Key(name);
            ValidateResourceName(ctx, name, keyPath, podLevel);
            ValidateResourceQuantityValue(ctx, name, quantity, keyPath);
            if (IsHugePageResourceName(name))
            {
                limHugePages = true;
                ValidateHugePageValue(ctx, name, quantity, keyPath);
            }

            if (name is ResourceNames.Cpu or ResourceNames.Memory)
            {
                limCpuOrMemory = true;
            }
        }

        foreach (var (name, quantity) in requests)
        {
            var keyPath = reqPath.Key(name);
            ValidateResourceName(ctx, name, keyPath, podLevel);
            ValidateResourceQuantityValue(ctx, name, quantity, keyPath);

            if (limits.TryGetValue(name, out var limit))
            {
                int cmp = quantity.CompareTo(limit);
                if (cmp != 0 && !IsOvercommitAllowed(name))
                {
                    ctx.Add(FieldError.Invalid(reqPath, quantity.ToString(), "must be equal to " + name + " limit of " + limit.ToString()), ValidationRules.NonOvercommittable);
                }
                else if (cmp > 0)
                {
                    ctx.Add(FieldError.Invalid(reqPath, quantity.ToString(), "must be less than or equal to " + name + " limit of " + limit.ToString()), ValidationRules.RequestsWithinLimits);
                }
            }
            else if (!IsOvercommitAllowed(name))
            {
                ctx.Add(FieldError.Required(limPath, "Limit must be set for non overcommitable resources"), ValidationRules.NonOvercommittable);
            }

            if (IsHugePageResourceName(name))
            {
                reqHugePages = true;
                ValidateHugePageValue(ctx, name, quantity, keyPath);
            }

            if (name is ResourceNames.Cpu or ResourceNames.Memory)
            {
                reqCpuOrMemory = true;
            }
        }

        if (!limCpuOrMemory && !reqCpuOrMemory && (reqHugePages || limHugePages))
        {
            ctx.Add(FieldError.Forbidden(path, "HugePages require cpu or memory"), ValidationRules.HugePages);
        }
    }

    /// <summary>validateContainerResourceName / validatePodResourceName.</summary>
    private static void ValidateResourceName(Context ctx, string name, FieldPath path, bool podLevel)
    {
        using var _ = ctx.Rule(podLevel ? ValidationRules.PodLevelResources : ValidationRules.ResourceNames);
        // validateResourceName: a qualified name; unprefixed names must be standard.
        string[] qmsgs = NameRules.QualifiedName(name);
        foreach (string msg in qmsgs)
        {
            ctx.Add(FieldError.Invalid(path, name, msg));
        }

        bool unprefixed = !name.Contains('/', StringComparison.Ordinal);
        bool baseOk = qmsgs.Length == 0;
        if (baseOk && unprefixed && !IsStandardResourceName(name))
        {
            ctx.Add(FieldError.Invalid(path, name, "must be a standard resource type or fully qualified"));
            baseOk = false;
        }

        if (podLevel)
        {
            if (baseOk && !IsSupportedPodLevelResource(ctx, name))
            {
                ctx.Add(FieldError.NotSupported(path, name, "cpu", "memory"));
            }

            return;
        }

        // The container check runs even when the base check already failed (upstream appends to it).
        if (unprefixed)
        {
            if (!IsStandardContainerResourceName(name))
            {
                ctx.Add(FieldError.Invalid(path, name, "must be a standard resource for containers"));
            }
        }
        else if (!IsNativeResource(name) && !IsExtendedResourceName(name))
        {
            ctx.Add(FieldError.Invalid(path, name, "doesn't follow extended resource name standard"));
        }
    }

    /// <summary>ValidateResourceQuantityValue: not negative; integer-valued resources (extended ones) whole.</summary>
    private static void ValidateResourceQuantityValue(Context ctx, string name, Quantity value, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.ResourceQuantities);
        if (value.Sign < 0)
        {
            ctx.Add(FieldError.Invalid(path, value.ToString(), "must be greater than or equal to 0"));
        }

        if (IsIntegerResourceName(name) && value.MilliValue() % 1000 != 0)
        {
            ctx.Add(FieldError.Invalid(path, value.ToString(), "must be an integer"));
        }
    }

    /// <summary>validateResourceQuantityHugePageValue: a positive integer multiple of the page size.</summary>
    private static void ValidateHugePageValue(Context ctx, string name, Quantity value, FieldPath path)
    {
        bool divisible = Quantity.TryParse(name[ResourceNames.HugePagesPrefix.Length..], out var pageSize)
            && pageSize.Sign > 0
            && pageSize.MilliValue() % 1000 == 0
            && value.Value() % pageSize.Value() == 0;
        if (!divisible)
        {
            ctx.Add(FieldError.Invalid(path, value.ToString(), value.ToString() + " is not positive integer multiple of " + name), ValidationRules.HugePages);
        }
    }

    /// <summary>validatePodResources: pod-level requirements, then pod-level versus container values.</summary>
    private static void ValidatePodResources(Context ctx, PodSpec spec, FieldPath path)
    {
        var res = spec.Resources!;
        ValidateResourceRequirements(ctx, res.Limits, res.Requests, path, podLevel: true);

        using var _ = ctx.Rule(ValidationRules.PodLevelConsistency);

        // Pod-level requests must cover the aggregate container requests (effective, with init and sidecars).
        var aggregate = AggregateContainerRequests(spec);
        var reqPath = path.Child("requests");
        foreach (var (name, containerTotal) in aggregate)
        {
            var podRequest = res.Requests.TryGetValue(name, out var q) ? q : Quantity.Zero;
            if (containerTotal.CompareTo(podRequest) > 0)
            {
                ctx.Add(FieldError.Invalid(reqPath.Key(name), podRequest.ToString(),
                    "must be greater than or equal to aggregate container requests of " + containerTotal.ToString()));
            }
        }

        // Each regular container's limit must fit the pod-level limit (note upstream's odd path shape).
        for (int i = 0; i < spec.Containers.Count; i++)
        {
            foreach (var (name, limit) in spec.Containers[i].Resources.Limits)
            {
                if (res.Limits.TryGetValue(name, out var podLimit) && limit.CompareTo(podLimit) > 0)
                {
                    ctx.Add(FieldError.Invalid(path.Child("containers").Index(i).Key(name).Child("limits"), limit.ToString(),
                        "must be less than or equal to pod limits of " + podLimit.ToString()));
                }
            }
        }
    }

    /// <summary>
    /// component-helpers AggregateContainerRequests: regular containers and sidecars run together; each init
    /// container runs with the sidecars started before it; the result is the larger of the two, per resource.
    /// </summary>
    internal static SortedDictionary<string, Quantity> AggregateContainerRequests(PodSpec spec)
    {
        var total = new SortedDictionary<string, Quantity>(StringComparer.Ordinal);
        foreach (var c in spec.Containers)
        {
            AddInto(total, c.Resources.Requests);
        }

        var sidecars = new SortedDictionary<string, Quantity>(StringComparer.Ordinal);
        var initMax = new SortedDictionary<string, Quantity>(StringComparer.Ordinal);
        foreach (var c in spec.InitContainers)
        {
            if (c.RestartPolicy == "Always")
            {
                AddInto(total, c.Resources.Requests);
                AddInto(sidecars, c.Resources.Requests);
                MaxInto(initMax, sidecars);
            }
            else
            {
                var tmp = new SortedDictionary<string, Quantity>(StringComparer.Ordinal);
                AddInto(tmp, c.Resources.Requests);
                AddInto(tmp, sidecars);
                MaxInto(initMax, tmp);
            }
        }

        MaxInto(total, initMax);
        return total;
    }

    private static void AddInto(SortedDictionary<string, Quantity> into, IEnumerable<KeyValuePair<string, Quantity>> from)
    {
        foreach (var (k, v) in from)
        {
            into[k] = into.TryGetValue(k, out var cur) ? cur.Add(v) : v;
        }
    }

    private static void MaxInto(SortedDictionary<string, Quantity> into, IEnumerable<KeyValuePair<string, Quantity>> from)
    {
        foreach (var (k, v) in from)
        {
            if (!into.TryGetValue(k, out var cur) || v.CompareTo(cur) > 0)
            {
                into[k] = v;
            }
        }
    }

    internal static bool IsHugePageResourceName(string name) => name.StartsWith(ResourceNames.HugePagesPrefix, StringComparison.Ordinal);

    /// <summary>Unprefixed, or in the kubernetes.io domain.</summary>
    internal static bool IsNativeResource(string name) =>
        !name.Contains('/', StringComparison.Ordinal) || name.Contains(ResourceNames.DefaultNamespacePrefix, StringComparison.Ordinal);

    /// <summary>Hugepages and extended resources cannot be overcommitted: request must equal limit.</summary>
    internal static bool IsOvercommitAllowed(string name) => IsNativeResource(name) && !IsHugePageResourceName(name);

    internal static bool IsExtendedResourceName(string name)
    {
        if (IsNativeResource(name) || name.StartsWith(ResourceNames.RequestsPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        return NameRules.QualifiedName(ResourceNames.RequestsPrefix + name).Length == 0;
    }

    internal static bool IsStandardContainerResourceName(string name) =>
        name is ResourceNames.Cpu or ResourceNames.Memory or ResourceNames.EphemeralStorage || IsHugePageResourceName(name);

    private static bool IsStandardResourceName(string name)
    {
        switch (name)
        {
            case "cpu": case "memory": case "ephemeral-storage":
            case "requests.cpu": case "requests.memory": case "requests.ephemeral-storage":
            case "limits.cpu": case "limits.memory": case "limits.ephemeral-storage":
            case "pods": case "resourcequotas": case "services": case "replicationcontrollers":
            case "secrets": case "configmaps": case "persistentvolumeclaims": case "storage":
            case "requests.storage": case "services.nodeports": case "services.loadbalancers":
                return true;
            default:
                return IsHugePageResourceName(name) || name.StartsWith("requests.hugepages-", StringComparison.Ordinal);
        }
    }

    private static bool IsIntegerResourceName(string name)
    {
        switch (name)
        {
            case "pods": case "resourcequotas": case "services": case "replicationcontrollers":
            case "secrets": case "configmaps": case "persistentvolumeclaims":
            case "services.nodeports": case "services.loadbalancers":
                return true;
            default:
                return IsExtendedResourceName(name);
        }
    }

    private static bool IsSupportedPodLevelResource(Context ctx, string name) =>
        name is ResourceNames.Cpu or ResourceNames.Memory || (ctx.Version >= PodLevelHugePagesSince && IsHugePageResourceName(name));
}
