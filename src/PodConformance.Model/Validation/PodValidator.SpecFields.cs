using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Validation;

/// <summary>
/// The plain PodSpec fields of ValidatePodSpec (names, gates, numbers and enums), each at its place in upstream's
/// order. Source: kubernetes pkg/apis/core/validation/validation.go (spec/validation.md, VAL-070…079).
/// </summary>
public static partial class PodValidator
{
    /// <summary>Release that added <c>hostnameOverride</c> and its checks (validatePodHostName), KEP-4762.</summary>
    private static readonly KubernetesVersion HostnameOverrideSince = new(1, 34);

    /// <summary>
    /// <c>unversionedvalidation.ValidateLabels(spec.NodeSelector, …)</c> (VAL-071): keys are label names, values label
    /// values; both kinds of error are reported at <c>spec.nodeSelector</c> itself, not at the key.
    /// </summary>
    private static void ValidateNodeSelectorLabels(Context ctx, ValueMap<string> nodeSelector, FieldPath path)
    {
        if (nodeSelector.IsEmpty)
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.NodeSelectorLabels);
        ValidateLabels(ctx, nodeSelector, path);
    }

    /// <summary>apimachinery <c>ValidateLabels</c>: each key a label name, each value a label value, both at <paramref name="path"/>.</summary>
    private static void ValidateLabels(Context ctx, ValueMap<string> labels, FieldPath path)
    {
        foreach (var (key, value) in labels)
        {
            ValidateLabelName(ctx, key, path);
            foreach (string msg in NameRules.LabelValue(value))
            {
                ctx.Add(FieldError.Invalid(path, value, msg));
            }
        }
    }

    /// <summary>apimachinery <c>ValidateLabelName</c>: <c>IsQualifiedName</c>, one Invalid per message.</summary>
    private static void ValidateLabelName(Context ctx, string name, FieldPath path)
    {
        foreach (string msg in NameRules.QualifiedName(name, ctx.Version))
        {
            ctx.Add(FieldError.Invalid(path, name, msg));
        }
    }

    /// <summary>validateReadinessGates (VAL-073): each conditionType a qualified name.</summary>
    private static void ValidateReadinessGates(Context ctx, ValueList<PodReadinessGate> gates, FieldPath path)
    {
        if (gates.IsEmpty)
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.ReadinessGates);
        for (int i = 0; i < gates.Count; i++)
        {
            string type = gates[i].ConditionType;
            foreach (string msg in NameRules.QualifiedName(type, ctx.Version))
            {
                ctx.Add(FieldError.Invalid(path.Index(i).Child("conditionType"), type, msg));
            }
        }
    }

    /// <summary>validateSchedulingGates (VAL-072): each name a qualified name (at the item), no duplicates.</summary>
    private static void ValidateSchedulingGates(Context ctx, ValueList<PodSchedulingGate> gates, FieldPath path)
    {
        if (gates.IsEmpty)
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.SchedulingGates);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < gates.Count; i++)
        {
            string name = gates[i].Name;
            foreach (string msg in NameRules.QualifiedName(name, ctx.Version))
            {
                ctx.Add(FieldError.Invalid(path.Index(i), name, msg));
            }

            if (!seen.Add(name))
            {
                ctx.Add(FieldError.Duplicate(path.Index(i), name));
            }
        }
    }

    /// <summary>
    /// validatePodHostName (VAL-076, 1.34+): <c>hostnameOverride</c> is forbidden with <c>setHostnameAsFQDN: true</c>
    /// and with <c>hostNetwork</c>, at most 64 bytes, and a DNS-1123 subdomain.
    /// </summary>
    private static void ValidatePodHostName(Context ctx, PodSpec spec)
    {
        if (spec.HostnameOverride is not { } name || ctx.Version < HostnameOverrideSince)
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.HostnameOverride);
        var path = SpecPath.Child("hostnameOverride");
        if (spec.SetHostnameAsFQDN == true)
        {
            ctx.Add(FieldError.Forbidden(path, "may not be specified when setHostnameAsFQDN is true"));
        }

        if (spec.HostNetwork)
        {
            ctx.Add(FieldError.Forbidden(path, "may not be specified when hostNetwork is true"));
        }

        if (System.Text.Encoding.UTF8.GetByteCount(name) > 64)
        {
            ctx.Add(FieldError.TooLong(path, 64));
        }

        foreach (string msg in NameRules.Dns1123Subdomain(name))
        {
            ctx.Add(FieldError.Invalid(path, name, msg));
        }
    }

    /// <summary>
    /// The run of name and number checks after validatePodHostName: serviceAccountName, nodeName, activeDeadlineSeconds
    /// (VAL-070), then hostname and subdomain (VAL-075).
    /// </summary>
    private static void ValidatePodSpecFields(Context ctx, PodSpec spec)
    {
        using (ctx.Rule(ValidationRules.PodSpecFields))
        {
            if (spec.ServiceAccountName.Length != 0)
            {
                foreach (string msg in NameRules.NameIsDnsSubdomain(spec.ServiceAccountName, prefix: false))
                {
                    ctx.Add(FieldError.Invalid(SpecPath.Child("serviceAccountName"), spec.ServiceAccountName, msg));
                }
            }

            if (spec.NodeName.Length != 0)
            {
                foreach (string msg in NameRules.NameIsDnsSubdomain(spec.NodeName, prefix: false))
                {
                    ctx.Add(FieldError.Invalid(SpecPath.Child("nodeName"), spec.NodeName, msg));
                }
            }

            if (spec.ActiveDeadlineSeconds is long deadline && (deadline < 1 || deadline > int.MaxValue))
            {
                ctx.Add(FieldError.Invalid(SpecPath.Child("activeDeadlineSeconds"), deadline, NameRules.InclusiveRangeError(1, int.MaxValue)));
            }
        }

        if (spec.Hostname.Length == 0 && spec.Subdomain.Length == 0)
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.HostnameAndSubdomain);
        if (spec.Hostname.Length != 0)
        {
            foreach (string msg in NameRules.Dns1123Label(spec.Hostname, ctx.Version))
            {
                ctx.Add(FieldError.Invalid(SpecPath.Child("hostname"), spec.Hostname, msg));
            }
        }

        if (spec.Subdomain.Length != 0)
        {
            foreach (string msg in NameRules.Dns1123Label(spec.Subdomain, ctx.Version))
            {
                ctx.Add(FieldError.Invalid(SpecPath.Child("subdomain"), spec.Subdomain, msg));
            }
        }
    }

    /// <summary>priorityClassName (VAL-070), runtimeClassName (VAL-077), preemptionPolicy (VAL-078), after hostAliases.</summary>
    private static void ValidatePodSpecClassFields(Context ctx, PodSpec spec)
    {
        if (spec.PriorityClassName.Length != 0)
        {
            foreach (string msg in NameRules.NameIsDnsSubdomain(spec.PriorityClassName, prefix: false))
            {
                ctx.Add(FieldError.Invalid(SpecPath.Child("priorityClassName"), spec.PriorityClassName, msg), ValidationRules.PodSpecFields);
            }
        }

        if (spec.RuntimeClassName is { } runtimeClass)
        {
            foreach (string msg in NameRules.NameIsDnsSubdomain(runtimeClass, prefix: false))
            {
                ctx.Add(FieldError.Invalid(SpecPath.Child("runtimeClassName"), runtimeClass, msg), ValidationRules.RuntimeClassName);
            }
        }

        if (spec.PreemptionPolicy is { } policy)
        {
            var path = SpecPath.Child("preemptionPolicy");
            switch (policy)
            {
                case "PreemptLowerPriority":
                case "Never":
                    break;
                case "":
                    ctx.Add(FieldError.Required(path), ValidationRules.PreemptionPolicy);
                    break;
                default:
                    // The value is a *core.PreemptionPolicy, which field.Error prints through json.Marshal.
                    ctx.Add(FieldError.NotSupported(path, Json(ctx, policy), "PreemptLowerPriority", "Never"), ValidationRules.PreemptionPolicy);
                    break;
            }
        }
    }

    /// <summary>
    /// validateSchedulingGroup (VAL-705; 1.36+, GenericWorkload — the create strategy drops the field with the gate off,
    /// DEF-410), after the OS checks in ValidatePodSpec: <c>podGroupName</c> unset → Invalid with a null value (the
    /// field is a one-of of one member), else a DNS subdomain (ValidatePodGroupName). Then VAL-703.
    /// </summary>
    private static void ValidateSchedulingGroup(Context ctx, PodSpec spec)
    {
        if (spec.SchedulingGroup is { } group)
        {
            using var _ = ctx.Rule(ValidationRules.SchedulingGroup);
            var namePath = SpecPath.Child("schedulingGroup").Child("podGroupName");
            if (group.PodGroupName is not { } name)
            {
                ctx.Add(FieldError.Invalid(namePath, new RawJsonValue("null"), "must specify one of: `podGroupName`"));
            }
            else
            {
                foreach (string msg in NameRules.NameIsDnsSubdomain(name, prefix: false))
                {
                    ctx.Add(FieldError.Invalid(namePath, name, msg));
                }
            }
        }

        // evictionResponders itself is checked declaratively at the end of Validate (VAL-700…702).
        ValidateEvictionRespondersSchedulingGroup(ctx, spec);
    }

    /// <summary>
    /// validateWorkloadReference (VAL-079, 1.35 only: the field exists in 1.35 and GenericWorkload drops it when off):
    /// name a DNS subdomain, podGroup a DNS label, a non-empty podGroupReplicaKey a DNS label.
    /// </summary>
    private static void ValidateWorkloadReference(Context ctx, WorkloadReference? workloadRef, FieldPath path)
    {
        if (workloadRef is null)
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.WorkloadReference);
        foreach (string msg in NameRules.NameIsDnsSubdomain(workloadRef.Name, prefix: false))
        {
            ctx.Add(FieldError.Invalid(path.Child("name"), workloadRef.Name, msg));
        }

        foreach (string msg in NameRules.NameIsDnsLabel(workloadRef.PodGroup, prefix: false, ctx.Version))
        {
            ctx.Add(FieldError.Invalid(path.Child("podGroup"), workloadRef.PodGroup, msg));
        }

        if (workloadRef.PodGroupReplicaKey.Length != 0)
        {
            foreach (string msg in NameRules.NameIsDnsLabel(workloadRef.PodGroupReplicaKey, prefix: false, ctx.Version))
            {
                ctx.Add(FieldError.Invalid(path.Child("podGroupReplicaKey"), workloadRef.PodGroupReplicaKey, msg));
            }
        }
    }
}
