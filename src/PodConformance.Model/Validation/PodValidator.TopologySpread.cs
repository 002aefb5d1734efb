using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Validation;

/// <summary>validateTopologySpreadConstraints (spec/validation.md VAL-320…323; label selectors VAL-305).</summary>
public static partial class PodValidator
{
    /// <summary>
    /// Release whose validation takes the MatchLabelKeysInPodTopologySpread(SelectorMerge) options: with both gates on,
    /// matchLabelKeys are checked on the merged selector (ValidateMatchLabelKeysAndMismatchLabelKeys); before it, and
    /// with either gate off, by the legacy ValidateMatchLabelKeysInTopologySpread.
    /// </summary>
    private static readonly KubernetesVersion TopologySpreadSelectorMergeSince = new(1, 34);

    private static void ValidateTopologySpreadConstraints(Context ctx, ValueList<TopologySpreadConstraint> constraints, FieldPath path)
    {
        if (constraints.IsEmpty)
        {
            return;
        }

        bool merged = ctx.Version >= TopologySpreadSelectorMergeSince
            && ctx.Profile.IsEnabled(FeatureGateNames.MatchLabelKeysInPodTopologySpread)
            && ctx.Profile.IsEnabled(FeatureGateNames.MatchLabelKeysInPodTopologySpreadSelectorMerge);
        for (int i = 0; i < constraints.Count; i++)
        {
            var c = constraints[i];
            var sub = path.Index(i);
            ValidateSpreadConstraintBasics(ctx, constraints, i, sub);
            ValidateMinDomains(ctx, c, sub.Child("minDomains"));
            ValidateNodeInclusionPolicy(ctx, c.NodeAffinityPolicy, sub.Child("nodeAffinityPolicy"));
            ValidateNodeInclusionPolicy(ctx, c.NodeTaintsPolicy, sub.Child("nodeTaintsPolicy"));
            if (merged)
            {
                ValidateMatchLabelKeysAndMismatchLabelKeys(ctx, sub, c.MatchLabelKeys, ValueList<string>.Empty, c.LabelSelector);
            }
            else
            {
                ValidateMatchLabelKeysInTopologySpread(ctx, sub.Child("matchLabelKeys"), c.MatchLabelKeys, c.LabelSelector);
            }

            ValidateLabelSelector(ctx, c.LabelSelector, sub.Child("labelSelector"));
        }
    }

    /// <summary>
    /// VAL-320: maxSkew &gt; 0, topologyKey non-empty, whenUnsatisfiable DoNotSchedule/ScheduleAnyway, and no later
    /// constraint with the same {topologyKey, whenUnsatisfiable} (Duplicate at the literal child
    /// <c>{topologyKey, whenUnsatisfiable}</c>).
    /// </summary>
    private static void ValidateSpreadConstraintBasics(Context ctx, ValueList<TopologySpreadConstraint> constraints, int i, FieldPath sub)
    {
        using var _ = ctx.Rule(ValidationRules.TopologySpread);
        var c = constraints[i];
        if (c.MaxSkew <= 0)
        {
            ctx.Add(FieldError.Invalid(sub.Child("maxSkew"), (long)c.MaxSkew, "must be greater than zero"));
        }

        if (c.TopologyKey.Length == 0)
        {
            ctx.Add(FieldError.Required(sub.Child("topologyKey"), "can not be empty"));
        }

        if (c.WhenUnsatisfiable is not ("DoNotSchedule" or "ScheduleAnyway"))
        {
            ctx.Add(FieldError.NotSupported(sub.Child("whenUnsatisfiable"), Json(ctx, c.WhenUnsatisfiable), "DoNotSchedule", "ScheduleAnyway"));
        }

        for (int j = i + 1; j < constraints.Count; j++)
        {
            var other = constraints[j];
            if (string.Equals(c.TopologyKey, other.TopologyKey, StringComparison.Ordinal)
                && string.Equals(c.WhenUnsatisfiable, other.WhenUnsatisfiable, StringComparison.Ordinal))
            {
                ctx.Add(FieldError.Duplicate(sub.Child("{topologyKey, whenUnsatisfiable}"), "{" + c.TopologyKey + ", " + c.WhenUnsatisfiable + "}"));
                break;
            }
        }
    }

    /// <summary>validateMinDomains (VAL-321): when set, &gt; 0 and only with whenUnsatisfiable DoNotSchedule.</summary>
    private static void ValidateMinDomains(Context ctx, TopologySpreadConstraint c, FieldPath path)
    {
        if (c.MinDomains is not int minDomains)
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.MinDomains);
        if (minDomains <= 0)
        {
            ctx.Add(FieldError.Invalid(path, (long)minDomains, "must be greater than zero"));
        }

        if (!string.Equals(c.WhenUnsatisfiable, "DoNotSchedule", StringComparison.Ordinal))
        {
            ctx.Add(FieldError.Invalid(path, (long)minDomains, "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not " + c.WhenUnsatisfiable));
        }
    }

    /// <summary>validateNodeInclusionPolicy (VAL-322): when set, Honor or Ignore (listed sorted).</summary>
    private static void ValidateNodeInclusionPolicy(Context ctx, string? policy, FieldPath path)
    {
        if (policy is null or "Honor" or "Ignore")
        {
            return;
        }

        ctx.Add(FieldError.NotSupported(path, Json(ctx, policy), "Honor", "Ignore"), ValidationRules.NodeInclusionPolicy);
    }

    /// <summary>
    /// The legacy ValidateMatchLabelKeysInTopologySpread (VAL-323): Forbidden without a selector; each key a label
    /// name and not a key the selector already names.
    /// </summary>
    private static void ValidateMatchLabelKeysInTopologySpread(Context ctx, FieldPath path, ValueList<string> keys, LabelSelector? selector)
    {
        if (keys.IsEmpty)
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.TopologySpreadMatchLabelKeys);
        if (selector is null)
        {
            ctx.Add(FieldError.Forbidden(path, "must not be specified when labelSelector is not set"));
        }

        for (int i = 0; i < keys.Count; i++)
        {
            ValidateLabelName(ctx, keys[i], path.Index(i));
            if (selector is not null && SelectorNamesKey(selector, keys[i]))
            {
                ctx.Add(FieldError.Invalid(path.Index(i), keys[i], "exists in both matchLabelKeys and labelSelector"));
            }
        }
    }

    private static bool SelectorNamesKey(LabelSelector selector, string key)
    {
        if (selector.MatchLabels.ContainsKey(key))
        {
            return true;
        }

        foreach (var e in selector.MatchExpressions)
        {
            if (string.Equals(e.Key, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
