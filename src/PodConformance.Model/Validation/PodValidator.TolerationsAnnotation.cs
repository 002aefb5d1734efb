using PodConformance.Model.Collections;

namespace PodConformance.Model.Validation;

/// <summary>ValidateTolerationsInPodAnnotations (spec/validation.md VAL-312).</summary>
public static partial class PodValidator
{
    /// <summary>
    /// VAL-312: the non-empty <c>scheduler.alpha.kubernetes.io/tolerations</c> annotation is decoded as Go's encoding/json
    /// decodes it into <c>[]core.Toleration</c> (<see cref="TolerationsAnnotationJson"/>); a decode error is reported at
    /// <c>metadata.annotations</c> with the annotation's <b>key</b> as the bad value. Decoded tolerations go through
    /// ValidateTolerations (VAL-310/311) under <c>metadata.annotations.scheduler.alpha.kubernetes.io/tolerations</c>
    /// (a Child, not a Key, upstream: the key's dots print as path separators).
    /// </summary>
    private static void ValidateTolerationsAnnotation(Context ctx, string value, FieldPath annotationsPath)
    {
        using var _ = ctx.Rule(ValidationRules.TolerationsAnnotation);
        string? error = TolerationsAnnotationJson.Decode(value, out var tolerations);
        if (error is not null)
        {
            ctx.Add(FieldError.Invalid(annotationsPath, TolerationsAnnotationKey, error));
            return;
        }

        if (tolerations is { Count: > 0 })
        {
            ValidateTolerations(ctx, new ValueList<Api.Toleration>(tolerations), annotationsPath.Child(TolerationsAnnotationKey));
        }
    }
}
