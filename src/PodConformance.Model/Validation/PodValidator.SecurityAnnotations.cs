using PodConformance.Model.Api;

namespace PodConformance.Model.Validation;

/// <summary>
/// The deprecated seccomp and AppArmor annotations: their format (part of ValidatePodSpecificAnnotations, VAL-219/220)
/// and, on create, their agreement with the fields (VAL-221/222, end of ValidatePodCreate).
/// </summary>
public static partial class PodValidator
{
    public const string SeccompPodAnnotationKey = "seccomp.security.alpha.kubernetes.io/pod";
    public const string SeccompContainerAnnotationKeyPrefix = "container.seccomp.security.alpha.kubernetes.io/";
    public const string AppArmorContainerAnnotationKeyPrefix = "container.apparmor.security.beta.kubernetes.io/";

    private static readonly Profiles.KubernetesVersion AppArmorFieldsMatchSince = new(1, 30);

    /// <summary>ValidateSeccompPodAnnotations then ValidateAppArmorPodAnnotations, at metadata.annotations.</summary>
    private static void ValidateSecurityAnnotations(Context ctx, Pod pod)
    {
        var annotations = pod.Metadata.Annotations;
        if (annotations.IsEmpty)
        {
            return;
        }

        var path = AnnotationsPath;
        using (ctx.Rule(ValidationRules.SeccompAnnotations))
        {
            if (annotations.TryGetValue(SeccompPodAnnotationKey, out string? podProfile))
            {
                ValidateSeccompAnnotationValue(ctx, podProfile, path.Child(SeccompPodAnnotationKey));
            }

            foreach (var (key, value) in annotations)
            {
                if (key.StartsWith(SeccompContainerAnnotationKeyPrefix, StringComparison.Ordinal))
                {
                    ValidateSeccompAnnotationValue(ctx, value, path.Child(key));
                }
            }
        }

        if (!ctx.AppArmorAnnotations)
        {
            return;
        }

        using (ctx.Rule(ValidationRules.AppArmorAnnotations))
        {
            foreach (var (key, value) in annotations)
            {
                if (!key.StartsWith(AppArmorContainerAnnotationKeyPrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                string container = key[AppArmorContainerAnnotationKeyPrefix.Length..];
                if (!HasContainerNamed(pod.Spec, container))
                {
                    ctx.Add(FieldError.Invalid(path.Key(key), container, "container not found"));
                }

                if (!IsAppArmorAnnotationFormat(value))
                {
                    ctx.Add(FieldError.Invalid(path.Key(key), value, "invalid AppArmor profile name: " + GoQuote.Quote(value)));
                }
            }
        }
    }

    /// <summary>
    /// ValidateSeccompProfile: runtime/default, docker/default, unconfined, or localhost/&lt;relative path without
    /// '..'&gt;. Note the path is printed with Child, not Key: <c>metadata.annotations.seccomp.security…/pod</c>.
    /// </summary>
    private static void ValidateSeccompAnnotationValue(Context ctx, string profile, FieldPath path)
    {
        switch (profile)
        {
            case "runtime/default":
            case "docker/default":
            case "unconfined":
                return;
        }

        if (profile.StartsWith("localhost/", StringComparison.Ordinal))
        {
            ValidateLocalDescendingPath(ctx, profile["localhost/".Length..], path);
            return;
        }

        ctx.Add(FieldError.Invalid(path, profile, "must be a valid seccomp profile"));
    }

    /// <summary>ValidateAppArmorProfileFormat: empty, runtime/default, unconfined, or a localhost/ profile.</summary>
    private static bool IsAppArmorAnnotationFormat(string profile) =>
        profile.Length == 0 || profile == "runtime/default" || profile == "unconfined" || profile.StartsWith("localhost/", StringComparison.Ordinal);

    private static bool HasContainerNamed(PodSpec spec, string name)
    {
        foreach (var c in spec.InitContainers.AsSpan())
        {
            if (c.Name == name)
            {
                return true;
            }
        }

        foreach (var c in spec.Containers.AsSpan())
        {
            if (c.Name == name)
            {
                return true;
            }
        }

        foreach (var c in spec.EphemeralContainers.AsSpan())
        {
            if (c.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>validateSeccompAnnotationsAndFields then validateAppArmorAnnotationsAndFieldsMatchOnCreate.</summary>
    private static void ValidateSecurityAnnotationsMatchFields(Context ctx, Pod pod)
    {
        if (!pod.Metadata.Annotations.IsEmpty)
        {
            MatchSecurityAnnotationsAndFields(ctx, pod);
        }
    }

    /// <summary>Apart from its caller, so the closures' state is allocated only for a pod with annotations.</summary>
    private static void MatchSecurityAnnotationsAndFields(Context ctx, Pod pod)
    {
        var annotations = pod.Metadata.Annotations;
        var spec = pod.Spec;
        using (ctx.Rule(ValidationRules.SeccompAnnotationsMatchFields))
        {
            if (spec.SecurityContext?.SeccompProfile is { } podField && annotations.TryGetValue(SeccompPodAnnotationKey, out string? podAnnotation))
            {
                MatchSeccomp(ctx, podAnnotation, podField, SpecSeccompProfilePath);
            }

            ForEachContainer(spec, (c, cPath) =>
            {
                if (c.SecurityContext?.SeccompProfile is { } field && annotations.TryGetValue(SeccompContainerAnnotationKeyPrefix + c.Name, out string? annotation))
                {
                    MatchSeccomp(ctx, annotation, field, cPath.Child("securityContext").Child("seccompProfile"));
                }
            });
        }

        if (ctx.Version < AppArmorFieldsMatchSince || !ctx.AppArmorFields || spec.OS?.Name == "windows")
        {
            return;
        }

        using (ctx.Rule(ValidationRules.AppArmorAnnotationsMatchFields))
        {
            var podProfile = spec.SecurityContext?.AppArmorProfile;
            ForEachContainer(spec, (c, cPath) =>
            {
                var profile = c.SecurityContext?.AppArmorProfile ?? podProfile;
                if (profile is null || !annotations.TryGetValue(AppArmorContainerAnnotationKeyPrefix + c.Name, out string? annotation))
                {
                    return;
                }

                var apparmorPath = cPath.Child("securityContext").Child("appArmorProfile");
                switch (profile.Type)
                {
                    case "Unconfined" when annotation != "unconfined":
                    case "RuntimeDefault" when annotation != "runtime/default":
                        ctx.Add(FieldError.Forbidden(apparmorPath.Child("type"), "apparmor type in annotation and field must match"));
                        break;
                    case "Localhost":
                        if (!annotation.StartsWith("localhost/", StringComparison.Ordinal))
                        {
                            ctx.Add(FieldError.Forbidden(apparmorPath.Child("type"), "apparmor type in annotation and field must match"));
                        }
                        else if (profile.LocalhostProfile is null || annotation["localhost/".Length..] != profile.LocalhostProfile)
                        {
                            ctx.Add(FieldError.Forbidden(apparmorPath.Child("localhostProfile"), "apparmor profile in annotation and field must match"));
                        }

                        break;
                }
            });
        }
    }

    /// <summary>validateSeccompAnnotationsAndFieldsMatch: one error at most, at .type or .localhostProfile.</summary>
    private static void MatchSeccomp(Context ctx, string annotation, SeccompProfile field, FieldPath path)
    {
        switch (field.Type)
        {
            case "Unconfined" when annotation != "unconfined":
            case "RuntimeDefault" when annotation is not ("runtime/default" or "docker/default"):
                ctx.Add(FieldError.Forbidden(path.Child("type"), "seccomp type in annotation and field must match"));
                break;
            case "Localhost":
                if (!annotation.StartsWith("localhost/", StringComparison.Ordinal))
                {
                    ctx.Add(FieldError.Forbidden(path.Child("type"), "seccomp type in annotation and field must match"));
                }
                else if (field.LocalhostProfile is null || annotation["localhost/".Length..] != field.LocalhostProfile)
                {
                    ctx.Add(FieldError.Forbidden(path.Child("localhostProfile"), "seccomp profile in annotation and field must match"));
                }

                break;
        }
    }
}
