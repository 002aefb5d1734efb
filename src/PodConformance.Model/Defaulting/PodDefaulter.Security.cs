using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Model.Defaulting;

/// <summary>
/// The security part of what the API server stores: SetDefaults_PodSpec's empty security context (DEF-200), and, in
/// the create strategy before validation, dropDisabledFields for the security fields (DEF-201…204) and the AppArmor
/// annotation/field version skew (DEF-205/206). See spec/defaulting.md.
/// </summary>
public static partial class PodDefaulter
{
    private const string AppArmorKeyPrefix = PodValidator.AppArmorContainerAnnotationKeyPrefix;

    /// <summary>applyAppArmorVersionSkew also copied fields into annotations until 1.33 (inferred, see DEF-206).</summary>
    private static readonly KubernetesVersion AppArmorFieldsNotCopiedToAnnotationsSince = new(1, 34);

    /// <summary>SetDefaults_PodSpec: <c>securityContext</c> nil becomes <c>{}</c> (DEF-200).</summary>
    private static PodSecurityContext DefaultPodSecurityContext(PodSecurityContext? securityContext, ChangeLog log)
    {
        if (securityContext is not null)
        {
            return securityContext;
        }

        log.Add(DefaultingRules.PodSecurityContext, "spec.securityContext", "{}");
        return EmptyPodSecurityContext;
    }

    /// <summary>The <c>{}</c> SetDefaults_PodSpec puts where a pod has none: immutable, so every such pod shares one.</summary>
    private static readonly PodSecurityContext EmptyPodSecurityContext = new();

    /// <summary>How <c>explain</c> shows an AppArmor field dropped because AppArmor or AppArmorFields is off (1.30–1.32).</summary>
    private const string AppArmorDropped = "(dropped: feature gate AppArmor or AppArmorFields is off)";

    /// <summary>
    /// The security fields of pkg/api/pod dropDisabledFields, in its order, for a create (no old pod); part of
    /// <see cref="DropDisabledFields"/>.
    /// </summary>
    private static PodSpec DropDisabledSecurityFields(PodSpec spec, Profile profile, ChangeLog log)
    {
        // 1.30's util.go (v1.30.7, kubeedge/kubeedge 9b280adfa) drops the AppArmor fields right after the annotations and
        // before hostUsers (session 14; until then the model dropped them after procMount, so explain's order differed).
        if (!SecurityGates.AppArmorFieldsKept(profile))
        {
            spec = DropAppArmorFields(spec, log);
        }

        if (spec.HostUsers is not null && GateOff(profile, FeatureGateNames.UserNamespacesSupport))
        {
            log.Add(DefaultingRules.DropDisabledSecurityFields, "spec.hostUsers", Dropped(FeatureGateNames.UserNamespacesSupport));
            spec = spec with { HostUsers = null };
        }

        if (spec.SecurityContext?.SupplementalGroupsPolicy is not null && GateOff(profile, FeatureGateNames.SupplementalGroupsPolicy))
        {
            log.Add(DefaultingRules.DropDisabledSecurityFields, "spec.securityContext.supplementalGroupsPolicy", Dropped(FeatureGateNames.SupplementalGroupsPolicy));
            spec = spec with { SecurityContext = spec.SecurityContext with { SupplementalGroupsPolicy = null } };
        }

        if (GateOff(profile, FeatureGateNames.ProcMountType))
        {
            spec = WithContainers(
                spec,
                MapProcMount(spec.InitContainers, "spec.initContainers", log),
                MapProcMount(spec.Containers, "spec.containers", log),
                MapProcMount(spec.EphemeralContainers, "spec.ephemeralContainers", log));
        }

        if (spec.SecurityContext?.SELinuxChangePolicy is not null && GateOff(profile, FeatureGateNames.SELinuxChangePolicy))
        {
            log.Add(DefaultingRules.DropDisabledSecurityFields, "spec.securityContext.seLinuxChangePolicy", Dropped(FeatureGateNames.SELinuxChangePolicy));
            spec = spec with { SecurityContext = spec.SecurityContext with { SELinuxChangePolicy = null } };
        }

        return spec;
    }

    /// <summary>
    /// dropDisabledProcMountField: without ProcMountType a procMount that is present is forced to <c>Default</c> (the
    /// field was improperly forced non-nil in 1.12, so it is never cleared).
    /// </summary>
    private static ValueList<Container> MapProcMount(ValueList<Container> containers, string listPath, ChangeLog log)
    {
        if (containers.IsEmpty)
        {
            return containers;
        }

        Container[]? result = null;
        for (int i = 0; i < containers.Count; i++)
        {
            var c = containers[i];
            if (c.SecurityContext?.ProcMount is { } procMount && procMount != "Default")
            {
                result ??= containers.AsSpan().ToArray();
                result[i] = c with { SecurityContext = c.SecurityContext with { ProcMount = "Default" } };
                log.Add(DefaultingRules.DropDisabledSecurityFields, $"{listPath}[{i}].securityContext.procMount", "Default (feature gate " + FeatureGateNames.ProcMountType + " is off)");
            }
        }

        return result is null ? containers : new ValueList<Container>(result);
    }

    /// <summary>
    /// Without AppArmor or AppArmorFields at 1.30 (both beta, on; GA and locked 1.31–1.32, whose util.go has no AppArmor
    /// drop) the pod's and every container's <c>securityContext.appArmorProfile</c> are set to nil (v1.30.7 util.go,
    /// kubeedge/kubeedge 9b280adfa: the pod's field, then VisitContainers over init, regular and ephemeral containers).
    /// The <c>explain</c> text is the model's own.
    /// </summary>
    private static PodSpec DropAppArmorFields(PodSpec spec, ChangeLog log)
    {
        if (spec.SecurityContext?.AppArmorProfile is not null)
        {
            log.Add(DefaultingRules.DropDisabledSecurityFields, "spec.securityContext.appArmorProfile", AppArmorDropped);
            spec = spec with { SecurityContext = spec.SecurityContext with { AppArmorProfile = null } };
        }

        return WithContainers(
            spec,
            MapAppArmor(spec.InitContainers, "spec.initContainers", log),
            MapAppArmor(spec.Containers, "spec.containers", log),
            MapAppArmor(spec.EphemeralContainers, "spec.ephemeralContainers", log));

        static ValueList<Container> MapAppArmor(ValueList<Container> containers, string listPath, ChangeLog log)
        {
            Container[]? result = null;
            for (int i = 0; i < containers.Count; i++)
            {
                var c = containers[i];
                if (c.SecurityContext?.AppArmorProfile is not null)
                {
                    result ??= containers.AsSpan().ToArray();
                    result[i] = c with { SecurityContext = c.SecurityContext with { AppArmorProfile = null } };
                    log.Add(DefaultingRules.DropDisabledSecurityFields, $"{listPath}[{i}].securityContext.appArmorProfile", AppArmorDropped);
                }
            }

            return result is null ? containers : new ValueList<Container>(result);
        }
    }

    /// <summary>
    /// applyAppArmorVersionSkew (PrepareForCreate, 1.30+, not for Windows pods), per container in init, regular,
    /// ephemeral order: an annotation without a container field becomes the field when it converts to a valid profile
    /// different from the pod's (DEF-205); until 1.33 a container without the annotation also got one from its own
    /// or the pod's field (DEF-206).
    /// </summary>
    private static Pod ApplyAppArmorVersionSkew(Pod pod, Profile profile, ChangeLog log)
    {
        // The gate is AppArmorFields alone at 1.30 (SecurityGates.AppArmorSkewRuns); the pod here is past dropDisabledFields.
        if (!SecurityGates.AppArmorSkewRuns(profile) || pod.Spec.OS?.Name == "windows")
        {
            return pod;
        }

        var annotations = pod.Metadata.Annotations;
        var podProfile = pod.Spec.SecurityContext?.AppArmorProfile;
        bool fieldsToAnnotations = profile.Version < AppArmorFieldsNotCopiedToAnnotationsSince;
        if (podProfile is null && !fieldsToAnnotations && !HasAppArmorAnnotation(annotations))
        {
            return pod;
        }

        var spec = pod.Spec;
        spec = spec with
        {
            InitContainers = Skew(spec.InitContainers, "spec.initContainers"),
            Containers = Skew(spec.Containers, "spec.containers"),
            EphemeralContainers = Skew(spec.EphemeralContainers, "spec.ephemeralContainers"),
        };
        return pod with { Spec = spec, Metadata = pod.Metadata with { Annotations = annotations } };

        ValueList<Container> Skew(ValueList<Container> containers, string listPath)
        {
            Container[]? result = null;
            for (int i = 0; i < containers.Count; i++)
            {
                var c = containers[i];
                string key = AppArmorKeyPrefix + c.Name;
                var containerProfile = c.SecurityContext?.AppArmorProfile;
                if (!annotations.TryGetValue(key, out string? annotation))
                {
                    if (fieldsToAnnotations && AnnotationForField(containerProfile ?? podProfile) is { Length: > 0 } value)
                    {
                        annotations = annotations.SetItem(key, value);
                        log.Add(DefaultingRules.AppArmorFieldToAnnotation, $"metadata.annotations[{key}]", value);
                    }

                    continue;
                }

                if (containerProfile is not null)
                {
                    continue;
                }

                var field = FieldForAnnotation(annotation);
                if (field is not null && !SameProfile(field, podProfile))
                {
                    result ??= containers.AsSpan().ToArray();
                    result[i] = c with { SecurityContext = (c.SecurityContext ?? new SecurityContext()) with { AppArmorProfile = field } };
                    log.Add(DefaultingRules.AppArmorAnnotationToField, $"{listPath}[{i}].securityContext.appArmorProfile", Describe(field));
                }
            }

            return result is null ? containers : new ValueList<Container>(result);
        }
    }

    /// <summary>
    /// DEF-201: the first step of dropDisabledFields in the v1.27.11, v1.29.9 and v1.30.7 util.go (rancher/support-bundle-kit
    /// 2f54eb6b4, c37d268c4; kubeedge/kubeedge 9b280adfa, session 14): with the AppArmor gate off (beta, on by default, in
    /// 1.28–1.30; GA and locked from 1.31, whose util.go has no such drop) every annotation with the container AppArmor
    /// prefix is deleted, so the stored pod lacks it and validation never sees it (VAL-220). Deleted in ordinal key order (Go ranges over the map; only <c>explain</c>'s order shows it).
    /// </summary>
    private static Pod DropAppArmorAnnotations(Pod pod, Profile profile, ChangeLog log)
    {
        var annotations = pod.Metadata.Annotations;
        if (annotations.IsEmpty || SecurityGates.AppArmorAnnotationsKept(profile) || !HasAppArmorAnnotation(annotations))
        {
            return pod;
        }

        var kept = annotations;
        foreach (var (key, _) in annotations)
        {
            if (key.StartsWith(AppArmorKeyPrefix, StringComparison.Ordinal))
            {
                kept = kept.Remove(key);
                log.Add(DefaultingRules.DropDisabledSecurityFields, $"metadata.annotations[{key}]", AppArmorAnnotationDropped);
            }
        }

        return pod with { Metadata = pod.Metadata with { Annotations = kept } };
    }

    /// <summary>How <c>explain</c> shows an AppArmor annotation dropped because AppArmor is off.</summary>
    private const string AppArmorAnnotationDropped = "(dropped: feature gate AppArmor is off)";

    private static bool HasAppArmorAnnotation(ValueMap<string> annotations)
    {
        foreach (var (key, _) in annotations)
        {
            if (key.StartsWith(AppArmorKeyPrefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// ApparmorFieldForAnnotation, keeping only a profile that passes ValidateAppArmorProfileField (a localhost name
    /// padded with whitespace or longer than 4095 bytes is not copied).
    /// </summary>
    public static AppArmorProfile? FieldForAnnotation(string annotation)
    {
        switch (annotation)
        {
            case "unconfined":
                return new AppArmorProfile { Type = "Unconfined" };
            case "runtime/default":
                return new AppArmorProfile { Type = "RuntimeDefault" };
        }

        if (!annotation.StartsWith("localhost/", StringComparison.Ordinal))
        {
            return null;
        }

        string name = annotation["localhost/".Length..];
        if (name.Length == 0 || name.Trim(GoSpaceChars).Length != name.Length || System.Text.Encoding.UTF8.GetByteCount(name) > 4095)
        {
            return null;
        }

        return new AppArmorProfile { Type = "Localhost", LocalhostProfile = name };
    }

    /// <summary>Go's <c>unicode.IsSpace</c> set, as <c>strings.TrimSpace</c> uses it.</summary>
    private static readonly char[] GoSpaceChars = ['\t', '\n', '\v', '\f', '\r', ' ', '\u0085', '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000'];

    /// <summary>appArmorAnnotationForField: the annotation a profile stands for; empty for Localhost without a name.</summary>
    private static string AnnotationForField(AppArmorProfile? field) => field switch
    {
        null => "",
        { Type: "Unconfined" } => "unconfined",
        { Type: "RuntimeDefault" } => "runtime/default",
        { Type: "Localhost", LocalhostProfile: { } name } => "localhost/" + name,
        _ => "",
    };

    /// <summary>apiequality.Semantic.DeepEqual of two profiles (nil equals only nil).</summary>
    private static bool SameProfile(AppArmorProfile a, AppArmorProfile? b) =>
        b is not null && a.Type == b.Type && a.LocalhostProfile == b.LocalhostProfile;

    private static string Describe(AppArmorProfile p) =>
        p.LocalhostProfile is null ? "{type: " + p.Type + "}" : "{type: " + p.Type + ", localhostProfile: " + p.LocalhostProfile + "}";
}
