using System.Globalization;
using System.Text;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Validation;

/// <summary>
/// <c>spec.evictionResponders</c> (1.37, EvictionRequestAPI; the create strategy drops it with the gate off). Upstream
/// validates it declaratively: the <c>+k8s:</c> tags on PodSpec.EvictionResponders and EvictionResponder (k8s.io/api
/// core/v1 types.go), two custom functions (kubernetes pkg/apis/core/v1/validation.go @fde22c3f) and apimachinery's
/// validate package. Standard declarative errors are authoritative and are appended after every handwritten error
/// (apiserver rest/validate.go), so this runs last. The alpha <c>dependentForbidden("schedulingGroup")</c> tag is only
/// shadowed; its handwritten twin is <see cref="ValidateEvictionRespondersSchedulingGroup"/>. spec/validation.md VAL-700…703.
/// </summary>
public static partial class PodValidator
{
    /// <summary><c>+k8s:maxItems=10</c> on PodSpec.EvictionResponders.</summary>
    private const int MaxEvictionResponders = 10;

    /// <summary><c>+k8s:maximum=100000</c> on EvictionResponder.Priority.</summary>
    private const int MaxEvictionResponderPriority = 100000;

    /// <summary>The custom check's reserved interval: priorities below this belong to *.k8s.io responders.</summary>
    private const int ReservedEvictionResponderPriority = 1000;

    private const string ReservedResponderDomainsMessage = "domain names *.k8s.io, *.kubernetes.io are reserved";

    private const string ReservedResponderPriorityMessage = "priorities 0-999 are reserved for responders with *.k8s.io suffix";

    /// <summary>
    /// The declarative checks of <c>spec.evictionResponders</c> (VAL-700…702): the list first (maxItems, which stops the
    /// list's checks, then listType=map uniqueness by name), then each item's name and priority.
    /// </summary>
    private static void ValidateEvictionResponders(Context ctx, ValueList<EvictionResponder> responders)
    {
        if (responders.IsEmpty)
        {
            return;
        }

        var path = SpecPath.Child("evictionResponders");
        using (ctx.Rule(ValidationRules.EvictionRespondersList))
        {
            if (responders.Count > MaxEvictionResponders)
            {
                ctx.Add(FieldError.TooMany(path, responders.Count, MaxEvictionResponders));
                return;
            }

            // validate.ValSliceUnique: every later item whose name an earlier one has, in index order, once each;
            // the bad value is the whole versioned item, which field.Error prints through json.Marshal.
            for (int j = 1; j < responders.Count; j++)
            {
                for (int i = 0; i < j; i++)
                {
                    if (string.Equals(responders[i].Name, responders[j].Name, StringComparison.Ordinal))
                    {
                        ctx.Add(FieldError.Duplicate(path.Index(j), new RawJsonValue(ResponderJson(responders[j]))));
                        break;
                    }
                }
            }
        }

        for (int i = 0; i < responders.Count; i++)
        {
            var itemPath = path.Index(i);
            ValidateEvictionResponderName(ctx, responders[i].Name, itemPath.Child("name"));
            ValidateEvictionResponderPriority(ctx, responders[i].Priority, itemPath.Child("priority"));
        }
    }

    /// <summary>
    /// EvictionResponder.name (VAL-701): <c>+k8s:required</c> (an empty name stops here), <c>+k8s:format=k8s-prefixed-label-key</c>
    /// (a label key that must have a prefix), then ValidateCustom_EvictionResponder_Name (the prefix, lower-cased, trimmed
    /// of spaces and trailing dots, may not be or end in k8s.io / kubernetes.io).
    /// </summary>
    private static void ValidateEvictionResponderName(Context ctx, string name, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.EvictionResponderName);
        if (name.Length == 0)
        {
            ctx.Add(FieldError.Required(path));
            return;
        }

        string[] msgs = NameRules.QualifiedName(name, ctx.Version);
        if (msgs.Length == 0 && name.IndexOf('/', StringComparison.Ordinal) < 0)
        {
            msgs = ["must include a prefix (e.g. 'example.com/key')"];
        }

        foreach (string msg in msgs)
        {
            ctx.Add(FieldError.Invalid(path, name, msg));
        }

        if (HasReservedResponderDomain(name))
        {
            ctx.Add(FieldError.Invalid(path, name, ReservedResponderDomainsMessage));
        }
    }

    /// <summary>ValidateForbiddenReservedDomainSuffixes with .k8s.io and .kubernetes.io.</summary>
    private static bool HasReservedResponderDomain(string name)
    {
        int slash = name.IndexOf('/', StringComparison.Ordinal);
        string prefix = (slash < 0 ? name : name[..slash]).ToLowerInvariant().Trim().TrimEnd('.');
        return prefix.EndsWith(".k8s.io", StringComparison.Ordinal) || prefix.EndsWith(".kubernetes.io", StringComparison.Ordinal)
            || prefix == "k8s.io" || prefix == "kubernetes.io";
    }

    /// <summary>
    /// EvictionResponder.priority (VAL-702): <c>+k8s:required</c> (unset stops here), <c>+k8s:minimum=0</c>,
    /// <c>+k8s:maximum=100000</c>, then ValidateCustom_EvictionResponder_Priority (0–999 reserved).
    /// </summary>
    private static void ValidateEvictionResponderPriority(Context ctx, int? priority, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.EvictionResponderPriority);
        if (priority is not { } p)
        {
            ctx.Add(FieldError.Required(path));
            return;
        }

        if (p < 0)
        {
            ctx.Add(FieldError.Invalid(path, p, "must be greater than or equal to 0"));
        }

        if (p > MaxEvictionResponderPriority)
        {
            ctx.Add(FieldError.Invalid(path, p, "must be less than or equal to " + MaxEvictionResponderPriority.ToString(CultureInfo.InvariantCulture)));
        }

        if (p is >= 0 and < ReservedEvictionResponderPriority)
        {
            ctx.Add(FieldError.Invalid(path, p, ReservedResponderPriorityMessage));
        }
    }

    /// <summary>
    /// VAL-703: a pod in a PodGroup (<c>spec.schedulingGroup</c>) may not name eviction responders. The declarative
    /// <c>dependentForbidden</c> is alpha (shadowed), so the error the API server returns is the handwritten one in
    /// ValidatePodSpec, right after validateSchedulingGroup (read in a 1.37 fork copy, spec VAL-703).
    /// </summary>
    private static void ValidateEvictionRespondersSchedulingGroup(Context ctx, PodSpec spec)
    {
        if (spec.SchedulingGroup is not null && !spec.EvictionResponders.IsEmpty)
        {
            using var _ = ctx.Rule(ValidationRules.EvictionRespondersSchedulingGroup);
            ctx.Add(FieldError.Forbidden(SpecPath.Child("schedulingGroup"), "may not be set when evictionResponders is set"));
        }
    }

    /// <summary>json.Marshal of a v1.EvictionResponder: name, then priority (null when unset; no omitempty on either).</summary>
    private static string ResponderJson(EvictionResponder responder)
    {
        var sb = new StringBuilder("{\"name\":");
        GoValueText.AppendJsonString(sb, responder.Name);
        sb.Append(",\"priority\":");
        sb.Append(responder.Priority is { } p ? p.ToString(CultureInfo.InvariantCulture) : "null");
        return sb.Append('}').ToString();
    }
}
