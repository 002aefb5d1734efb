using PodConformance.Model.Resources;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Validation;

public static partial class PodValidator
{
    /// <summary>
    /// Hugepages are a supported pod-level resource from 1.33 (component-helpers v0.33.3 <c>IsSupportedPodLevelResource</c>
    /// and <c>SupportedPodLevelResources</c>, vendored by openshift-kni/scheduler-plugins 0c967825a; v0.32.5, 0aead6551:
    /// cpu and memory only; VAL-036).
    /// </summary>
    private static readonly KubernetesVersion PodLevelHugePagesSince = new(1, 33);

    /// <summary>
    /// validateResourceRequirements: limits first, then requests (each: name, quantity, then request-vs-limit),
    /// then "HugePages require cpu or memory". Upstream walks Go maps in random order; the model walks keys in
    /// ordinal order (ValueMap's order).
    /// </summary>
    /// <remarks>
    /// Hot (every container of every admitted pod): entries are read by index, and an entry for cpu or memory (a valid,
    /// standard, overcommittable name that is not a huge page, at container and pod level alike) hits the name and
    /// quantity rules without running their checks, which only a negative value can fail; the limits and requests paths,
    /// and a key's, are built only when a check runs or fails.
    /// </remarks>
    private static void ValidateResourceRequirements(Context ctx, ValueMap<Quantity> limits, ValueMap<Quantity> requests, FieldPath path, bool podLevel)
    {
        if (CpuAndMemoryOnlyAndValid(limits, requests, out bool compared))
        {
            // What the walk below does for such lists: it hits the name and quantity rules on each entry and the
            // within-limits rule on each request with a limit, and reports nothing (hits are a set: once is enough).
            if (!limits.IsEmpty || !requests.IsEmpty)
            {
                RuleCoverage.Hit(ResourceNameRule(podLevel));
                RuleCoverage.Hit(ValidationRules.ResourceQuantities);
            }

            if (compared)
            {
                RuleCoverage.Hit(ValidationRules.RequestsWithinLimits);
            }

            return;
        }

        ValidateResourceRequirementsWalk(ctx, limits, requests, path, podLevel);
    }

    /// <summary>
    /// Whether the lists name only cpu and memory (keys in ordinal order: at most cpu then memory), no value is negative
    /// and no request exceeds its limit: nearly every container, on which <see cref="ValidateResourceRequirementsWalk"/>
    /// reports nothing. <paramref name="compared"/>: some request
    /// has a limit (the walk hits the within-limits rule then).
    /// </summary>
    private static bool CpuAndMemoryOnlyAndValid(ValueMap<Quantity> limits, ValueMap<Quantity> requests, out bool compared)
    {
        compared = false;
        var limitEntries = limits.Entries;
        var requestEntries = requests.Entries;
        if (limitEntries.Length > 2 || requestEntries.Length > 2)
        {
            return false;
        }

        for (int i = 0; i < limitEntries.Length; i++)
        {
            ref readonly var entry = ref limitEntries[i];
            if (entry.Key is not (ResourceNames.Cpu or ResourceNames.Memory) || entry.Value.Sign < 0)
            {
                return false;
            }
        }

        for (int i = 0; i < requestEntries.Length; i++)
        {
            ref readonly var entry = ref requestEntries[i];
            if (entry.Key is not (ResourceNames.Cpu or ResourceNames.Memory) || entry.Value.Sign < 0)
            {
                return false;
            }

            // The limit of the same name, if any: the limits hold only cpu and memory, in that order.
            for (int j = 0; j < limitEntries.Length; j++)
            {
                ref readonly var limit = ref limitEntries[j];
                if (string.Equals(limit.Key, entry.Key, StringComparison.Ordinal))
                {
                    compared = true;
                    if (Quantity.CompareInPlace(entry.Value, limit.Value) > 0)
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    /// <summary>The whole walk of <see cref="ValidateResourceRequirements"/>, for lists with other names, or an error to report.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ValidateResourceRequirementsWalk(Context ctx, ValueMap<Quantity> limits, ValueMap<Quantity> requests, FieldPath path, bool podLevel)
    {
        bool limCpuOrMemory = false, reqCpuOrMemory = false, limHugePages = false, reqHugePages = false;

        var limitEntries = limits.Entries;
        for (int i = 0; i < limitEntries.Length; i++)
        {
            string name = limitEntries[i].Key;
            var quantity = limitEntries[i].Value;
            if (name is ResourceNames.Cpu or ResourceNames.Memory)
            {
                limCpuOrMemory = true;
                if (CpuOrMemoryQuantityPasses(in quantity, podLevel))
                {
                    continue;
                }
            }

            var keyPath = path.Child("limits").Key(name);
            ValidateResourceName(ctx, name, keyPath, podLevel);
            ValidateResourceQuantityValue(ctx, name, quantity, keyPath);
            if (ResourceListMath.IsHugePages(name))
            {
                limHugePages = true;
                ValidateHugePageValue(ctx, name, quantity, keyPath);
            }
        }

        var requestEntries = requests.Entries;
        for (int i = 0; i < requestEntries.Length; i++)
        {
            string name = requestEntries[i].Key;
            var quantity = requestEntries[i].Value;
            bool cpuOrMemory = name is ResourceNames.Cpu or ResourceNames.Memory;
            if (cpuOrMemory)
            {
                reqCpuOrMemory = true;
            }

            if (!cpuOrMemory || !CpuOrMemoryQuantityPasses(in quantity, podLevel))
            {
                var keyPath = path.Child("requests").Key(name);
                ValidateResourceName(ctx, name, keyPath, podLevel);
                ValidateResourceQuantityValue(ctx, name, quantity, keyPath);
            }

            int at = limits.IndexOfKey(name);
            if (at >= 0)
            {
                bool overcommit = cpuOrMemory || ResourceListMath.IsOvercommitAllowed(name);
                RuleCoverage.Hit(overcommit ? ValidationRules.RequestsWithinLimits : ValidationRules.NonOvercommittable);
                var limit = limits.Entries[at].Value;
                int cmp = Quantity.CompareInPlace(in quantity, in limit);
                if (cmp != 0 && !overcommit)
                {
                    ctx.Add(FieldError.Invalid(path.Child("requests"), quantity.ToString(), "must be equal to " + name + " limit of " + limit.ToString()), ValidationRules.NonOvercommittable);
                }
                else if (cmp > 0)
                {
                    ctx.Add(FieldError.Invalid(path.Child("requests"), quantity.ToString(), "must be less than or equal to " + name + " limit of " + limit.ToString()), ValidationRules.RequestsWithinLimits);
                }
            }
            else if (!cpuOrMemory && !ResourceListMath.IsOvercommitAllowed(name))
            {
                ctx.Add(FieldError.Required(path.Child("limits"), "Limit must be set for non overcommitable resources"), ValidationRules.NonOvercommittable);
            }

            if (!cpuOrMemory && ResourceListMath.IsHugePages(name))
            {
                reqHugePages = true;
                ValidateHugePageValue(ctx, name, quantity, path.Child("requests").Key(name));
            }
        }

        if (reqHugePages || limHugePages)
        {
            RuleCoverage.Hit(ValidationRules.HugePages);
        }

        if (!limCpuOrMemory && !reqCpuOrMemory && (reqHugePages || limHugePages))
        {
            ctx.Add(FieldError.Forbidden(path, "HugePages require cpu or memory"), ValidationRules.HugePages);
        }
    }

    /// <summary>
    /// Whether <see cref="ValidateResourceName"/> and <see cref="ValidateResourceQuantityValue"/> would pass a cpu or
    /// memory entry with this value: the names pass every name check, so only a negative value fails. Hits their rules
    /// as running them would; false sends the caller to run them (which then report the error).
    /// </summary>
    private static bool CpuOrMemoryQuantityPasses(in Quantity quantity, bool podLevel)
    {
        RuleCoverage.Hit(ResourceNameRule(podLevel));
        RuleCoverage.Hit(ValidationRules.ResourceQuantities);
        return quantity.Sign >= 0;
    }

    private static string ResourceNameRule(bool podLevel) => podLevel ? ValidationRules.PodLevelResources : ValidationRules.ResourceNames;

    /// <summary>validateContainerResourceName / validatePodResourceName.</summary>
    private static void ValidateResourceName(Context ctx, string name, FieldPath path, bool podLevel)
    {
        using var _ = ctx.Rule(ResourceNameRule(podLevel));
        if (name is ResourceNames.Cpu or ResourceNames.Memory)
        {
            // The two names nearly every pod uses pass every check below (a qualified name, standard, a container
            // resource, supported at pod level): answered without scanning the name.
            return;
        }

        // validateResourceName: a qualified name (the release's IsQualifiedName wording); unprefixed names must be standard.
        // The bad value is a core.ResourceName, a fmt.Stringer: bare before 1.34 (GoValueText.ResourceName).
        string[] qmsgs = NameRules.QualifiedName(name, ctx.Version);
        foreach (string msg in qmsgs)
        {
            ctx.Add(FieldError.Invalid(path, GoValueText.ResourceName(name, ctx.Version), msg));
        }

        bool unprefixed = !name.Contains('/', StringComparison.Ordinal);
        bool baseOk = qmsgs.Length == 0;
        if (baseOk && unprefixed && !IsStandardResourceName(name))
        {
            ctx.Add(FieldError.Invalid(path, GoValueText.ResourceName(name, ctx.Version), "must be a standard resource type or fully qualified"));
            baseOk = false;
        }

        if (podLevel)
        {
            if (baseOk && !IsSupportedPodLevelResource(ctx, name))
            {
                // sets.List(resourcehelper.SupportedPodLevelResources()): component-helpers v0.33+ adds the bare prefix.
                var value = GoValueText.ResourceName(name, ctx.Version);
                ctx.Add(ctx.Version >= PodLevelHugePagesSince
                    ? FieldError.NotSupported(path, value, "cpu", "hugepages-", "memory")
                    : FieldError.NotSupported(path, value, "cpu", "memory"));
            }

            return;
        }

        // The container check runs even when the base check already failed (upstream appends to it).
        if (unprefixed)
        {
            if (!IsStandardContainerResourceName(name))
            {
                ctx.Add(FieldError.Invalid(path, GoValueText.ResourceName(name, ctx.Version), "must be a standard resource for containers"));
            }
        }
        else if (!ResourceListMath.IsNativeResource(name) && !IsExtendedResourceName(name))
        {
            ctx.Add(FieldError.Invalid(path, GoValueText.ResourceName(name, ctx.Version), "doesn't follow extended resource name standard"));
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

        if (name is not (ResourceNames.Cpu or ResourceNames.Memory) && IsIntegerResourceName(name) && value.MilliValue() % 1000 != 0)
        {
            // The Quantity itself is the bad value (not its String()): %#v of its fields up to 1.33 (GoValueText.Quantity).
            ctx.Add(FieldError.Invalid(path, GoValueText.Quantity(value, ctx.Version), "must be an integer"));
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

    /// <summary>The release whose validatePodResources first rejects pod-level resources on a windows pod (v1.34.1 has it, v1.33.3 not).</summary>
    private static readonly KubernetesVersion PodResourcesWindowsForbiddenSince = new(1, 34);

    /// <summary>
    /// The release whose validatePodResourceConsistency skips a resource without a pod-level request and checks pod-level
    /// hugepage limits against the containers' aggregate limits (VAL-037; v1.34.1 has both, v1.33.3 neither).
    /// </summary>
    private static readonly KubernetesVersion PodLevelConsistencySkipsUnsetSince = new(1, 34);

    /// <summary>validatePodResources: pod-level requirements, then pod-level versus container values.</summary>
    private static void ValidatePodResources(Context ctx, PodSpec spec, FieldPath path)
    {
        var res = spec.Resources!;

        // 1.34+: on a windows pod the field is Forbidden and nothing else of it is checked (VAL-036).
        if (ctx.Version >= PodResourcesWindowsForbiddenSince && spec.OS?.Name == "windows")
        {
            ctx.Add(FieldError.Forbidden(path, "may not be set for a windows pod"), ValidationRules.PodLevelResources);
            return;
        }

        ValidatePodLevelClaims(ctx, res, path);
        ValidateResourceRequirements(ctx, res.Limits, res.Requests, path, podLevel: true);
        ValidateResourceClaimNames(ctx, res.Claims, path.Child("claims"));

        using var _ = ctx.Rule(ValidationRules.PodLevelConsistency);

        // Pod-level requests must cover the aggregate container requests (effective, with init and sidecars). Before 1.34 a
        // resource without a pod-level request compares against zero; from 1.34 it is skipped.
        bool since134 = ctx.Version >= PodLevelConsistencySkipsUnsetSince;
        var aggregate = PodResources.AggregateContainerRequests(spec);
        var reqPath = path.Child("requests");
        foreach (var (name, containerTotal) in aggregate)
        {
            Quantity podRequest;
            if (res.Requests.TryGetValue(name, out var q))
            {
                podRequest = q;
            }
            else if (since134)
            {
                continue;
            }
            else
            {
                podRequest = Quantity.Zero;
            }

            if (containerTotal.CompareTo(podRequest) > 0)
            {
                ctx.Add(FieldError.Invalid(reqPath.Key(name), podRequest.ToString(),
                    "must be greater than or equal to aggregate container requests of " + containerTotal.ToString()));
            }
        }

        // 1.34+: a pod-level hugepages-* limit must cover the containers' aggregate limit of that size.
        if (since134)
        {
            foreach (var (name, containerTotal) in PodResources.AggregateContainerLimits(spec))
            {
                if (ResourceListMath.IsHugePages(name) && res.Limits.TryGetValue(name, out var podLimit) && containerTotal.CompareTo(podLimit) > 0)
                {
                    ctx.Add(FieldError.Invalid(path.Child("limits").Key(name), podLimit.ToString(),
                        "must be greater than or equal to aggregate container limits of " + containerTotal.ToString()));
                }
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

    internal static bool IsExtendedResourceName(string name)
    {
        if (ResourceListMath.IsNativeResource(name) || name.StartsWith(ResourceNames.RequestsPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        return NameRules.QualifiedName(ResourceNames.RequestsPrefix + name).Length == 0;
    }

    internal static bool IsStandardContainerResourceName(string name) =>
        name is ResourceNames.Cpu or ResourceNames.Memory or ResourceNames.EphemeralStorage || ResourceListMath.IsHugePages(name);

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
                return ResourceListMath.IsHugePages(name) || name.StartsWith("requests.hugepages-", StringComparison.Ordinal);
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
        name is ResourceNames.Cpu or ResourceNames.Memory || (ctx.Version >= PodLevelHugePagesSince && ResourceListMath.IsHugePages(name));
}
