using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Validation;

/// <summary>
/// validateAffinity and what it calls (spec/validation.md VAL-300…305): node affinity (node selector terms, their
/// requirements and field requirements, preferred terms), pod affinity and anti-affinity terms (label and namespace
/// selectors through apimachinery's ValidateLabelSelector, namespaces, topologyKey, matchLabelKeys/mismatchLabelKeys).
/// </summary>
public static partial class PodValidator
{
    /// <summary>
    /// Release from which values of a required node affinity's match expressions are checked as label values on create
    /// (validateNodeAffinity passes opts.AllowInvalidLabelValueInRequiredNodeAffinity; 1.32 passed a literal true).
    /// </summary>
    private static readonly KubernetesVersion RequiredNodeAffinityValuesCheckedSince = new(1, 33);

    private const string NotAValidSelectorOperator = "not a valid selector operator";

    private static void ValidateAffinity(Context ctx, Affinity? affinity, FieldPath path)
    {
        if (affinity is null)
        {
            return;
        }

        if (affinity.NodeAffinity is { } node)
        {
            ValidateNodeAffinity(ctx, node, path.Child("nodeAffinity"));
        }

        if (affinity.PodAffinity is { } pod)
        {
            var p = path.Child("podAffinity");
            ValidatePodAffinityTerms(ctx, pod.RequiredDuringSchedulingIgnoredDuringExecution, p.Child("requiredDuringSchedulingIgnoredDuringExecution"));
            ValidateWeightedPodAffinityTerms(ctx, pod.PreferredDuringSchedulingIgnoredDuringExecution, p.Child("preferredDuringSchedulingIgnoredDuringExecution"));
        }

        if (affinity.PodAntiAffinity is { } anti)
        {
            var p = path.Child("podAntiAffinity");
            ValidatePodAffinityTerms(ctx, anti.RequiredDuringSchedulingIgnoredDuringExecution, p.Child("requiredDuringSchedulingIgnoredDuringExecution"));
            ValidateWeightedPodAffinityTerms(ctx, anti.PreferredDuringSchedulingIgnoredDuringExecution, p.Child("preferredDuringSchedulingIgnoredDuringExecution"));
        }
    }

    /// <summary>validateNodeAffinity: the required selector (label values checked from 1.33), then preferred terms.</summary>
    private static void ValidateNodeAffinity(Context ctx, NodeAffinity node, FieldPath path)
    {
        if (node.RequiredDuringSchedulingIgnoredDuringExecution is { } required)
        {
            using var _ = ctx.Rule(ValidationRules.NodeSelectorTerms);
            var termsPath = path.Child("requiredDuringSchedulingIgnoredDuringExecution").Child("nodeSelectorTerms");
            var terms = required.NodeSelectorTerms;
            if (terms.IsEmpty)
            {
                ctx.Add(FieldError.Required(termsPath, "must have at least one node selector term"));
            }
            else
            {
                bool allowInvalidValues = ctx.Version < RequiredNodeAffinityValuesCheckedSince;
                for (int i = 0; i < terms.Count; i++)
                {
                    ValidateNodeSelectorTerm(ctx, terms[i], allowInvalidValues, termsPath.Index(i));
                }
            }
        }

        var preferred = node.PreferredDuringSchedulingIgnoredDuringExecution;
        if (!preferred.IsEmpty)
        {
            var prefPath = path.Child("preferredDuringSchedulingIgnoredDuringExecution");
            for (int i = 0; i < preferred.Count; i++)
            {
                int weight = preferred[i].Weight;
                if (weight <= 0 || weight > 100)
                {
                    ctx.Add(FieldError.Invalid(prefPath.Index(i).Child("weight"), weight, "must be in the range 1-100"), ValidationRules.WeightRange);
                }

                // Preferred terms always allow invalid label values ("they can succeed when the cluster has one node").
                using var _ = ctx.Rule(ValidationRules.NodeSelectorTerms);
                ValidateNodeSelectorTerm(ctx, preferred[i].Preference, allowInvalidLabelValues: true, prefPath.Index(i).Child("preference"));
            }
        }
    }

    /// <summary>ValidateNodeSelectorTerm: every match expression, then every match field.</summary>
    private static void ValidateNodeSelectorTerm(Context ctx, NodeSelectorTerm term, bool allowInvalidLabelValues, FieldPath path)
    {
        var expressions = term.MatchExpressions;
        for (int j = 0; j < expressions.Count; j++)
        {
            ValidateNodeSelectorRequirement(ctx, expressions[j], allowInvalidLabelValues, path.Child("matchExpressions").Index(j));
        }

        var fields = term.MatchFields;
        for (int j = 0; j < fields.Count; j++)
        {
            ValidateNodeFieldSelectorRequirement(ctx, fields[j], path.Child("matchFields").Index(j));
        }
    }

    /// <summary>ValidateNodeSelectorRequirement: operator and value count, then the key, then (when asked) each value.</summary>
    private static void ValidateNodeSelectorRequirement(Context ctx, NodeSelectorRequirement rq, bool allowInvalidLabelValues, FieldPath path)
    {
        var valuesPath = path.Child("values");
        switch (rq.Operator)
        {
            case "In":
            case "NotIn":
                if (rq.Values.IsEmpty)
                {
                    ctx.Add(FieldError.Required(valuesPath, "must be specified when `operator` is 'In' or 'NotIn'"));
                }

                break;
            case "Exists":
            case "DoesNotExist":
                if (!rq.Values.IsEmpty)
                {
                    ctx.Add(FieldError.Forbidden(valuesPath, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
                }

                break;
            case "Gt":
            case "Lt":
                if (rq.Values.Count != 1)
                {
                    ctx.Add(FieldError.Required(valuesPath, "must be specified single value when `operator` is 'Lt' or 'Gt'"));
                }

                break;
            default:
                ctx.Add(FieldError.Invalid(path.Child("operator"), Json(ctx, rq.Operator), NotAValidSelectorOperator));
                break;
        }

        ValidateLabelName(ctx, rq.Key, path.Child("key"));
        if (!allowInvalidLabelValues)
        {
            for (int v = 0; v < rq.Values.Count; v++)
            {
                foreach (string msg in NameRules.LabelValue(rq.Values[v]))
                {
                    ctx.Add(FieldError.Invalid(valuesPath.Index(v), rq.Values[v], msg));
                }
            }
        }
    }

    /// <summary>
    /// ValidateNodeFieldSelectorRequirement (VAL-301): In/NotIn with exactly one value; the only key is
    /// <c>metadata.name</c>, whose values are node names (DNS subdomains).
    /// </summary>
    private static void ValidateNodeFieldSelectorRequirement(Context ctx, NodeSelectorRequirement rq, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.NodeFieldSelector);
        switch (rq.Operator)
        {
            case "In":
            case "NotIn":
                if (rq.Values.Count != 1)
                {
                    ctx.Add(FieldError.Required(path.Child("values"), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
                }

                break;
            default:
                ctx.Add(FieldError.Invalid(path.Child("operator"), Json(ctx, rq.Operator), NotAValidSelectorOperator));
                break;
        }

        if (!string.Equals(rq.Key, "metadata.name", StringComparison.Ordinal))
        {
            ctx.Add(FieldError.Invalid(path.Child("key"), rq.Key, "not a valid field selector key"));
            return;
        }

        for (int v = 0; v < rq.Values.Count; v++)
        {
            foreach (string msg in NameRules.NameIsDnsSubdomain(rq.Values[v], prefix: false))
            {
                ctx.Add(FieldError.Invalid(path.Child("values").Index(v), rq.Values[v], msg));
            }
        }
    }

    private static void ValidatePodAffinityTerms(Context ctx, ValueList<PodAffinityTerm> terms, FieldPath path)
    {
        for (int i = 0; i < terms.Count; i++)
        {
            ValidatePodAffinityTerm(ctx, terms[i], path.Index(i));
        }
    }

    /// <summary>validateWeightedPodAffinityTerms: each weight 1–100 (VAL-302), then the term.</summary>
    private static void ValidateWeightedPodAffinityTerms(Context ctx, ValueList<WeightedPodAffinityTerm> terms, FieldPath path)
    {
        for (int i = 0; i < terms.Count; i++)
        {
            int weight = terms[i].Weight;
            if (weight <= 0 || weight > 100)
            {
                ctx.Add(FieldError.Invalid(path.Index(i).Child("weight"), weight, "must be in the range 1-100"), ValidationRules.WeightRange);
            }

            ValidatePodAffinityTerm(ctx, terms[i].PodAffinityTerm, path.Index(i).Child("podAffinityTerm"));
        }
    }

    /// <summary>
    /// validatePodAffinityTerm (VAL-303): the label and namespace selectors (VAL-305), each namespace a DNS label —
    /// reported at the singular, unindexed <c>….namespace</c>, as upstream — then matchLabelKeys/mismatchLabelKeys
    /// (VAL-304, 1.29+), then topologyKey: Required when empty and, always, a label name.
    /// </summary>
    private static void ValidatePodAffinityTerm(Context ctx, PodAffinityTerm term, FieldPath path)
    {
        ValidateLabelSelector(ctx, term.LabelSelector, path.Child("labelSelector"));
        ValidateLabelSelector(ctx, term.NamespaceSelector, path.Child("namespaceSelector"));
        using var _ = ctx.Rule(ValidationRules.PodAffinityTerm);
        foreach (string ns in term.Namespaces)
        {
            foreach (string msg in NameRules.NameIsDnsLabel(ns, prefix: false, ctx.Version))
            {
                ctx.Add(FieldError.Invalid(path.Child("namespace"), ns, msg));
            }
        }

        ValidateMatchLabelKeysAndMismatchLabelKeys(ctx, path, term.MatchLabelKeys, term.MismatchLabelKeys, term.LabelSelector);
        var topologyKeyPath = path.Child("topologyKey");
        if (term.TopologyKey.Length == 0)
        {
            ctx.Add(FieldError.Required(topologyKeyPath, "can not be empty"));
        }

        ValidateLabelName(ctx, term.TopologyKey, topologyKeyPath);
    }

    /// <summary>
    /// ValidateMatchLabelKeysAndMismatchLabelKeys (VAL-304), on the selector as the create strategy left it (the keys'
    /// <c>In</c>/<c>NotIn</c> requirements already merged, DEF-301/302): every key a label name (Forbidden without a
    /// selector), a matchLabelKey whose key the selector names twice (in matchLabels and an expression, or in two
    /// expressions) is Invalid at <c>&lt;term&gt;[i]</c> — the index appended to the term's own path, as upstream does —
    /// and a key in both lists is Invalid at <c>matchLabelKeys[i]</c>.
    /// </summary>
    private static void ValidateMatchLabelKeysAndMismatchLabelKeys(Context ctx, FieldPath path, ValueList<string> matchLabelKeys, ValueList<string> mismatchLabelKeys, LabelSelector? selector)
    {
        if (matchLabelKeys.IsEmpty && mismatchLabelKeys.IsEmpty)
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.MatchLabelKeys);
        ValidateLabelKeys(ctx, path.Child("matchLabelKeys"), matchLabelKeys, selector);
        ValidateLabelKeys(ctx, path.Child("mismatchLabelKeys"), mismatchLabelKeys, selector);

        if (selector is not null && !matchLabelKeys.IsEmpty)
        {
            // Upstream keeps the last index of each key (a map built in list order).
            var lastIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < matchLabelKeys.Count; i++)
            {
                lastIndex[matchLabelKeys[i]] = i;
            }

            var seen = new HashSet<string>(selector.MatchLabels.Keys, StringComparer.Ordinal);
            foreach (var expression in selector.MatchExpressions)
            {
                if (lastIndex.TryGetValue(expression.Key, out int i) && seen.Contains(expression.Key))
                {
                    ctx.Add(FieldError.Invalid(path.Index(i), expression.Key, "exists in both matchLabelKeys and labelSelector"));
                }

                seen.Add(expression.Key);
            }
        }

        if (!mismatchLabelKeys.IsEmpty)
        {
            for (int i = 0; i < matchLabelKeys.Count; i++)
            {
                if (mismatchLabelKeys.Contains(matchLabelKeys[i]))
                {
                    ctx.Add(FieldError.Invalid(path.Child("matchLabelKeys").Index(i), matchLabelKeys[i], "exists in both matchLabelKeys and mismatchLabelKeys"));
                }
            }
        }
    }

    /// <summary>validateLabelKeys: Forbidden without a selector, else each key a label name.</summary>
    private static void ValidateLabelKeys(Context ctx, FieldPath path, ValueList<string> keys, LabelSelector? selector)
    {
        if (keys.IsEmpty)
        {
            return;
        }

        if (selector is null)
        {
            ctx.Add(FieldError.Forbidden(path, "must not be specified when labelSelector is not set"));
            return;
        }

        for (int i = 0; i < keys.Count; i++)
        {
            ValidateLabelName(ctx, keys[i], path.Index(i));
        }
    }

    /// <summary>
    /// apimachinery ValidateLabelSelector (VAL-305) with AllowInvalidLabelValueInSelector off, as on create: matchLabels
    /// as labels (errors at <c>matchLabels</c>), then each expression: operator and value count, key, values. The one
    /// implementation for every selector of a Pod; scheduling selectors stamp VAL-305, the volume ones (PVC template,
    /// clusterTrustBundle) pass their own rule.
    /// </summary>
    private static void ValidateLabelSelector(Context ctx, LabelSelector? selector, FieldPath path, string rule = ValidationRules.LabelSelector)
    {
        if (selector is null)
        {
            return;
        }

        using var _ = ctx.Rule(rule);
        ValidateLabels(ctx, selector.MatchLabels, path.Child("matchLabels"));
        var expressions = selector.MatchExpressions;
        for (int i = 0; i < expressions.Count; i++)
        {
            var sr = expressions[i];
            var ePath = path.Child("matchExpressions").Index(i);
            var valuesPath = ePath.Child("values");
            switch (sr.Operator)
            {
                case "In":
                case "NotIn":
                    if (sr.Values.IsEmpty)
                    {
                        ctx.Add(FieldError.Required(valuesPath, "must be specified when `operator` is 'In' or 'NotIn'"));
                    }

                    break;
                case "Exists":
                case "DoesNotExist":
                    if (!sr.Values.IsEmpty)
                    {
                        ctx.Add(FieldError.Forbidden(valuesPath, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
                    }

                    break;
                default:
                    ctx.Add(FieldError.Invalid(ePath.Child("operator"), Json(ctx, sr.Operator), NotAValidSelectorOperator));
                    break;
            }

            ValidateLabelName(ctx, sr.Key, ePath.Child("key"));
            for (int v = 0; v < sr.Values.Count; v++)
            {
                foreach (string msg in NameRules.LabelValue(sr.Values[v]))
                {
                    ctx.Add(FieldError.Invalid(valuesPath.Index(v), sr.Values[v], msg));
                }
            }
        }
    }

    /// <summary>A named-string value as field.Error prints it: <c>%#v</c> (as <c>%q</c>) up to 1.33, json.Marshal from 1.34 (VAL-201).</summary>
    private static object Json(Context ctx, string value) => GoValues.NamedString(value, ctx.Version);
}
