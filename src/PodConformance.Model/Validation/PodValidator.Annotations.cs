using PodConformance.Model.Api;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Validation;

/// <summary>
/// ValidatePodSpecificAnnotations (spec/validation.md VAL-004, VAL-312), called right after ValidateObjectMeta: the mirror
/// pod annotation needs a node name, the tolerations annotation (VAL-312), the pod deletion cost, then the seccomp
/// and AppArmor annotations of the security area (VAL-219/220).
/// </summary>
public static partial class PodValidator
{
    public const string MirrorPodAnnotationKey = "kubernetes.io/config.mirror";
    public const string TolerationsAnnotationKey = "scheduler.alpha.kubernetes.io/tolerations";
    public const string PodDeletionCostAnnotationKey = "controller.kubernetes.io/pod-deletion-cost";

    private static void ValidatePodSpecificAnnotations(Context ctx, Pod pod)
    {
        var annotations = pod.Metadata.Annotations;
        if (annotations.IsEmpty)
        {
            return;
        }

        var path = AnnotationsPath;
        using (ctx.Rule(ValidationRules.PodAnnotations))
        {
            if (annotations.TryGetValue(MirrorPodAnnotationKey, out string? mirror) && pod.Spec.NodeName.Length == 0)
            {
                ctx.Add(FieldError.Invalid(path.Key(MirrorPodAnnotationKey), mirror, "must set spec.nodeName if mirror pod annotation is set"));
            }

            if (annotations.TryGetValue(TolerationsAnnotationKey, out string? tolerations) && tolerations.Length != 0)
            {
                ValidateTolerationsAnnotation(ctx, tolerations, path);
            }

            // AllowInvalidPodDeletionCost is off on create while PodDeletionCost is on (beta, on in every modelled release).
            if (annotations.TryGetValue(PodDeletionCostAnnotationKey, out string? cost) && ctx.Profile.IsEnabled(FeatureGateNames.PodDeletionCost)
                && !IsDeletionCost(cost))
            {
                ctx.Add(FieldError.Invalid(path.Key(PodDeletionCostAnnotationKey), cost, "must be a 32bit integer"));
            }
        }

        ValidateSecurityAnnotations(ctx, pod);
    }

    /// <summary>
    /// helper.GetDeletionCostFromPodAnnotations without error: a first character <c>-</c>, a lone <c>0</c> or 1–9 (no
    /// <c>+</c>, no leading zero), then strconv.ParseInt(value, 10, 32) — an optional sign, decimal digits, in int32 range.
    /// </summary>
    internal static bool IsDeletionCost(string value)
    {
        if (value.Length == 0 || !(value[0] == '-' || value == "0" || value[0] is >= '1' and <= '9'))
        {
            return false;
        }

        int start = value[0] == '-' ? 1 : 0;
        if (start == value.Length)
        {
            return false;
        }

        long n = 0;
        for (int i = start; i < value.Length; i++)
        {
            char c = value[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            n = (n * 10) + (c - '0');
            if (n > 2147483648L)
            {
                return false;
            }
        }

        return start == 1 ? n <= 2147483648L : n <= int.MaxValue;
    }
}
