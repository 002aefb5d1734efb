using PodConformance.Model.Api;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Model.Warnings;

/// <summary>The security warnings of a Pod create (WARN-001…003, spec/validation.md).</summary>
public static partial class PodWarnings
{
    /// <summary>
    /// applyAppArmorVersionSkew's warning: a container annotation without a container field, unless it converts to a
    /// valid profile equal to the pod's (then nothing is copied and nothing said).
    /// </summary>
    private static void AppArmorVersionSkew(Pod pod, Profile profile, ref List<PodWarning>? warnings)
    {
        var annotations = pod.Metadata.Annotations;
        // Read from the pod as submitted, so the annotations must also survive dropDisabledFields (AppArmor on at 1.30):
        // with AppArmor off the skew runs (AppArmorFields on) but finds no annotation to warn about.
        if (annotations.IsEmpty || !SecurityGates.AppArmorSkewRuns(profile) || !SecurityGates.AppArmorAnnotationsKept(profile) || pod.Spec.OS?.Name == "windows")
        {
            return;
        }

        var podProfile = pod.Spec.SecurityContext?.AppArmorProfile;
        foreach (var c in pod.Spec.InitContainers.AsSpan())
        {
            AppArmorContainer(c, annotations, podProfile, ref warnings);
        }

        foreach (var c in pod.Spec.Containers.AsSpan())
        {
            AppArmorContainer(c, annotations, podProfile, ref warnings);
        }

        foreach (var c in pod.Spec.EphemeralContainers.AsSpan())
        {
            AppArmorContainer(c, annotations, podProfile, ref warnings);
        }
    }

    private static void AppArmorContainer(Container c, Collections.ValueMap<string> annotations, AppArmorProfile? podProfile, ref List<PodWarning>? warnings)
    {
        string key = PodValidator.AppArmorContainerAnnotationKeyPrefix + c.Name;
        if (c.SecurityContext?.AppArmorProfile is not null || !annotations.TryGetValue(key, out string? annotation))
        {
            return;
        }

        var field = PodDefaulter.FieldForAnnotation(annotation);
        bool equalsPod = field is not null && podProfile is not null && field.Type == podProfile.Type && field.LocalhostProfile == podProfile.LocalhostProfile;
        if (!equalsPod)
        {
            Add(ref warnings, AppArmorAnnotationDeprecated, $"metadata.annotations[{key}]: deprecated since v1.30; use the \"appArmorProfile\" field instead");
        }
    }

    /// <summary>deprecatedAnnotations of warnings.go: each key present gets its message.</summary>
    private static void DeprecatedAnnotations(Pod pod, ref List<PodWarning>? warnings)
    {
        var annotations = pod.Metadata.Annotations;
        if (annotations.IsEmpty)
        {
            return;
        }

        Check(annotations, "scheduler.alpha.kubernetes.io/critical-pod", "non-functional in v1.16+; use the \"priorityClassName\" field instead", ref warnings);
        Check(annotations, "security.alpha.kubernetes.io/sysctls", "non-functional in v1.11+; use the \"sysctls\" field instead", ref warnings);
        Check(annotations, "security.alpha.kubernetes.io/unsafe-sysctls", "non-functional in v1.11+; use the \"sysctls\" field instead", ref warnings);

        static void Check(Collections.ValueMap<string> annotations, string key, string message, ref List<PodWarning>? warnings)
        {
            if (annotations.ContainsKey(key))
            {
                Add(ref warnings, DeprecatedAnnotation, $"metadata.annotations[{key}]: {message}");
            }
        }
    }

    private const string SeccompMessage = ": non-functional in v1.27+; use the \"seccompProfile\" field instead";

    /// <summary>The pod's seccomp annotation without <c>securityContext.seccompProfile</c> is ignored since 1.27.</summary>
    private static void SeccompPodAnnotation(Pod pod, ref List<PodWarning>? warnings)
    {
        if (!pod.Metadata.Annotations.IsEmpty && pod.Spec.SecurityContext?.SeccompProfile is null && pod.Metadata.Annotations.ContainsKey(PodValidator.SeccompPodAnnotationKey))
        {
            Add(ref warnings, SeccompAnnotationWithoutField, "metadata.annotations[" + PodValidator.SeccompPodAnnotationKey + "]" + SeccompMessage);
        }
    }

    /// <summary>
    /// A container's seccomp annotation without its field, checked inside the container visit (so it comes between
    /// the previous container's env warnings and this container's fractional-byte ones).
    /// </summary>
    private static void SeccompContainerAnnotation(Pod pod, Container c, ref List<PodWarning>? warnings)
    {
        var annotations = pod.Metadata.Annotations;
        if (annotations.IsEmpty || c.SecurityContext?.SeccompProfile is not null)
        {
            return;
        }

        if (HasKey(annotations, PodValidator.SeccompContainerAnnotationKeyPrefix, c.Name))
        {
            Add(ref warnings, SeccompAnnotationWithoutField, "metadata.annotations[" + PodValidator.SeccompContainerAnnotationKeyPrefix + c.Name + "]" + SeccompMessage);
        }
    }

    /// <summary>Whether <paramref name="annotations"/> has the key <paramref name="prefix"/> + <paramref name="name"/>, without building it.</summary>
    private static bool HasKey(Collections.ValueMap<string> annotations, string prefix, string name)
    {
        int length = prefix.Length + name.Length;
        foreach (var entry in annotations)
        {
            string k = entry.Key;
            if (k.Length == length && k.StartsWith(prefix, StringComparison.Ordinal) && k.AsSpan(prefix.Length).SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }
}
