using PodConformance.Model.Api;

namespace PodConformance.Model.Validation;

/// <summary>
/// Pod and container security contexts: <c>validatePodSpecSecurityContext</c> and <c>ValidateSecurityContext</c> of
/// kubernetes pkg/apis/core/validation/validation.go (VAL-200…213, spec/validation.md "Security and host settings").
/// </summary>
public static partial class PodValidator
{
    private const string RangeMessage = "must be between 0 and 2147483647, inclusive";

    /// <summary>validatePodSpecSecurityContext, called after the node selector in ValidatePodSpec.</summary>
    private static void ValidatePodSecurityContext(Context ctx, PodSpec spec)
    {
        // Conversion to the internal API always allocates the pod security context (it carries hostPID there), so
        // the shareProcessNamespace check runs even when the manifest has none.
        var path = SpecSecurityContextPath;
        var sc = spec.SecurityContext;
        bool onPodSpec = ctx.Version >= HostNamespacesOnPodSpecSince;
        if (sc is null)
        {
            ValidateShareProcessNamespace(ctx, spec, onPodSpec ? SpecPath : path);
            return;
        }

        using (ctx.Rule(ValidationRules.SecurityIds))
        {
            if (sc.FSGroup is long fsGroup && !IsValidId(fsGroup))
            {
                ctx.Add(FieldError.Invalid(path.Child("fsGroup"), fsGroup, RangeMessage));
            }

            if (sc.RunAsUser is long user && !IsValidId(user))
            {
                ctx.Add(FieldError.Invalid(path.Child("runAsUser"), user, RangeMessage));
            }

            if (sc.RunAsGroup is long group && !IsValidId(group))
            {
                ctx.Add(FieldError.Invalid(path.Child("runAsGroup"), group, RangeMessage));
            }

            var groups = sc.SupplementalGroups.AsSpan();
            for (int g = 0; g < groups.Length; g++)
            {
                if (!IsValidId(groups[g]))
                {
                    ctx.Add(FieldError.Invalid(path.Child("supplementalGroups").Index(g), groups[g], RangeMessage));
                }
            }
        }

        if (!onPodSpec)
        {
            ValidateShareProcessNamespace(ctx, spec, path);
        }

        if (!sc.Sysctls.IsEmpty)
        {
            ValidateSysctls(ctx, spec, sc, path.Child("sysctls"));
        }

        if (sc.FSGroupChangePolicy is { } changePolicy && changePolicy is not ("OnRootMismatch" or "Always"))
        {
            ctx.Add(FieldError.NotSupported(path.Child("fsGroupChangePolicy"), GoValueText.NamedString(changePolicy, ctx.Version), "Always", "OnRootMismatch"), ValidationRules.FsGroupChangePolicy);
        }

        ValidateSeccompProfileField(ctx, sc.SeccompProfile, SpecSeccompProfilePath);
        ValidateWindowsOptions(ctx, sc.WindowsOptions, SpecWindowsOptionsPath);
        if (sc.AppArmorProfile is not null && ctx.AppArmorFields)
        {
            ValidateAppArmorProfileField(ctx, sc.AppArmorProfile, SpecAppArmorProfilePath);
        }

        // SupplementalGroupsPolicy (alpha 1.31, beta/on 1.33, GA 1.35): dropped before validation while the gate is off.
        if (sc.SupplementalGroupsPolicy is { } groupsPolicy && ctx.SupplementalGroupsPolicy && groupsPolicy is not ("Merge" or "Strict"))
        {
            ctx.Add(FieldError.NotSupported(path.Child("supplementalGroupsPolicy"), GoValueText.NamedString(groupsPolicy, ctx.Version), "Merge", "Strict"), ValidationRules.SupplementalGroupsPolicy);
        }

        if (sc.SELinuxChangePolicy is { } seLinuxPolicy && ctx.SELinuxChangePolicy)
        {
            ValidateSELinuxChangePolicy(ctx, seLinuxPolicy, path.Child("seLinuxChangePolicy"));
        }

        // 1.37: validateShareProcessNamespace(spec, specPath), called by ValidatePodSpec right after the pod security context.
        if (onPodSpec)
        {
            ValidateShareProcessNamespace(ctx, spec, SpecPath);
        }
    }

    /// <summary>
    /// Until 1.36 the internal API kept shareProcessNamespace and hostPID in the pod security context, so the error is
    /// reported at the internal path spec.securityContext.shareProcessNamespace, as upstream prints it; from 1.37 they
    /// live on the internal PodSpec and the path is spec.shareProcessNamespace (<paramref name="path"/> is the parent).
    /// </summary>
    private static void ValidateShareProcessNamespace(Context ctx, PodSpec spec, FieldPath path)
    {
        if (spec.ShareProcessNamespace == true && spec.HostPID)
        {
            ctx.Add(FieldError.Invalid(path.Child("shareProcessNamespace"), true, "ShareProcessNamespace and HostPID cannot both be enabled"), ValidationRules.ShareProcessNamespace);
        }
    }

    private static bool IsValidId(long id) => id is >= 0 and <= int.MaxValue;

    /// <summary>
    /// validateSysctls: name Required / Invalid / Duplicate (one of them), then — from 1.29, on create always — the
    /// host-namespace conflict of every entry, even a nameless or malformed one.
    /// </summary>
    private static void ValidateSysctls(Context ctx, PodSpec spec, PodSecurityContext sc, FieldPath path)
    {
        var sysctls = sc.Sysctls.AsSpan();
        HashSet<string>? seen = null;
        for (int i = 0; i < sysctls.Length; i++)
        {
            string name = sysctls[i].Name;
            var namePath = path.Index(i).Child("name");
            if (name.Length == 0)
            {
                ctx.Add(FieldError.Required(namePath), ValidationRules.SysctlNames);
            }
            else if (!SysctlNames.IsValid(name))
            {
                ctx.Add(FieldError.Invalid(namePath, name, SysctlNames.InvalidMessage), ValidationRules.SysctlNames);
            }
            else if (seen is not null && seen.Contains(name))
            {
                ctx.Add(FieldError.Duplicate(namePath, name), ValidationRules.SysctlNames);
            }

            if (ctx.Version >= SysctlHostNamespacesSince)
            {
                var ns = SysctlNames.NamespaceOf(name);
                if (spec.HostNetwork && ns == SysctlNamespace.Net)
                {
                    ctx.Add(FieldError.Invalid(namePath, name, "may not be specified when 'hostNetwork' is true"), ValidationRules.SysctlHostNamespaces);
                }
                else if (spec.HostIPC && ns == SysctlNamespace.Ipc)
                {
                    ctx.Add(FieldError.Invalid(namePath, name, "may not be specified when 'hostIPC' is true"), ValidationRules.SysctlHostNamespaces);
                }
            }

            (seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
        }
    }

    /// <summary>ValidateHostSysctl first shipped in 1.29 (absent from the 1.28.0 validation.go).</summary>
    private static readonly Profiles.KubernetesVersion SysctlHostNamespacesSince = new(1, 29);

    /// <summary>
    /// validateSELinuxChangePolicy. On create <c>AllowOnlyRecursiveSELinuxChangePolicy</c> is true unless SELinuxMount is
    /// on (pkg/api/pod util.go <c>useOnlyRecursiveSELinuxChangePolicy</c> with no old pod).
    /// </summary>
    private static void ValidateSELinuxChangePolicy(Context ctx, string policy, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.SELinuxChangePolicy);
        if (!ctx.SELinuxMount)
        {
            if (policy != "Recursive")
            {
                ctx.Add(FieldError.NotSupported(path, GoValueText.NamedString(policy, ctx.Version), "Recursive"));
            }
        }
        else if (policy is not ("Recursive" or "MountOption"))
        {
            ctx.Add(FieldError.NotSupported(path, GoValueText.NamedString(policy, ctx.Version), "MountOption", "Recursive"));
        }
    }

    /// <summary>validateSeccompProfileField (pod and container): type, then localhostProfile against the type.</summary>
    private static void ValidateSeccompProfileField(Context ctx, SeccompProfile? sp, FieldPath path)
    {
        if (sp is null)
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.SeccompField);
        switch (sp.Type)
        {
            case "Localhost":
            case "RuntimeDefault":
            case "Unconfined":
                break;
            case "":
                ctx.Add(FieldError.Required(path.Child("type"), "type is required when seccompProfile is set"));
                break;
            default:
                ctx.Add(FieldError.NotSupported(path.Child("type"), GoValueText.NamedString(sp.Type, ctx.Version), "Localhost", "RuntimeDefault", "Unconfined"));
                break;
        }

        if (sp.Type == "Localhost")
        {
            if (sp.LocalhostProfile is null)
            {
                ctx.Add(FieldError.Required(path.Child("localhostProfile"), "must be set when seccomp type is Localhost"));
            }
            else
            {
                ValidateLocalDescendingPath(ctx, sp.LocalhostProfile, path.Child("localhostProfile"));
            }
        }
        else if (sp.LocalhostProfile is not null)
        {
            ctx.Add(FieldError.Invalid(path.Child("localhostProfile"), SecurityValueText.SeccompProfile(sp, ctx.Version), "can only be set when seccomp type is Localhost"));
        }
    }

    /// <summary>ValidateAppArmorProfileField (1.30+): the type decides whether localhostProfile must or may not be set.</summary>
    private static void ValidateAppArmorProfileField(Context ctx, AppArmorProfile? profile, FieldPath path)
    {
        if (profile is null)
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.AppArmorField);
        switch (profile.Type)
        {
            case "Localhost":
                var localhostPath = path.Child("localhostProfile");
                if (profile.LocalhostProfile is not { } localhost)
                {
                    ctx.Add(FieldError.Required(localhostPath, "must be set when AppArmor type is Localhost"));
                    break;
                }

                if (localhost.Trim(GoSpace) is var trimmed && trimmed.Length != localhost.Length)
                {
                    ctx.Add(FieldError.Invalid(localhostPath, localhost, "must not be padded with whitespace"));
                }
                else if (trimmed.Length == 0)
                {
                    ctx.Add(FieldError.Required(localhostPath, "must be set when AppArmor type is Localhost"));
                }

                const int maxLocalhostProfileLength = 4095; // PATH_MAX - 1
                if (System.Text.Encoding.UTF8.GetByteCount(localhost) > maxLocalhostProfileLength)
                {
                    // apimachinery before v0.32 printed TooLongMaxLength's "may not be longer than N".
                    ctx.Add(ctx.Version >= TooLongBytesSince
                        ? FieldError.TooLong(localhostPath, maxLocalhostProfileLength)
                        : new FieldError(FieldErrorType.TooLong, localhostPath.ToString(), null, "may not be longer than 4095"));
                }

                break;
            case "RuntimeDefault":
            case "Unconfined":
                if (profile.LocalhostProfile is { } set)
                {
                    ctx.Add(FieldError.Invalid(path.Child("localhostProfile"), GoValueText.NamedString(set, ctx.Version), "can only be set when AppArmor type is Localhost"));
                }

                break;
            case "":
                ctx.Add(FieldError.Required(path.Child("type"), "type is required when appArmorProfile is set"));
                break;
            default:
                ctx.Add(FieldError.NotSupported(path.Child("type"), GoValueText.NamedString(profile.Type, ctx.Version), "Localhost", "RuntimeDefault", "Unconfined"));
                break;
        }
    }

    /// <summary>apimachinery v0.32 made <c>TooLongMaxLength</c> print "may not be more than N bytes".</summary>
    private static readonly Profiles.KubernetesVersion TooLongBytesSince = new(1, 32);

    /// <summary>The characters Go's <c>strings.TrimSpace</c> removes (<c>unicode.IsSpace</c>).</summary>
    private static readonly char[] GoSpace = ['\t', '\n', '\v', '\f', '\r', ' ', '\u0085', '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000'];

    /// <summary>
    /// ValidateSecurityContext of a container (after its resizePolicy in validateContainerCommon). <paramref name="hostUsers"/>
    /// is the pod's effective hostUsers (true unless it is set to false).
    /// </summary>
    private static void ValidateContainerSecurityContext(Context ctx, SecurityContext? sc, FieldPath path, bool hostUsers)
    {
        if (sc is null)
        {
            return;
        }

        // privileged: "disallowed by cluster policy" only on an API server started without --allow-privileged; the
        // model is a kubeadm/kind-style server that allows it (VAL-211).
        using (ctx.Rule(ValidationRules.ContainerSecurityIds))
        {
            if (sc.RunAsUser is long user && !IsValidId(user))
            {
                ctx.Add(FieldError.Invalid(path.Child("runAsUser"), user, RangeMessage));
            }

            if (sc.RunAsGroup is long group && !IsValidId(group))
            {
                ctx.Add(FieldError.Invalid(path.Child("runAsGroup"), group, RangeMessage));
            }
        }

        // Without ProcMountType the create strategy rewrites any procMount to Default before validation.
        if (sc.ProcMount is { } procMount && ctx.ProcMountType)
        {
            using var _ = ctx.Rule(ValidationRules.ProcMount);
            if (procMount is not ("Default" or "Unmasked"))
            {
                ctx.Add(FieldError.NotSupported(path.Child("procMount"), GoValueText.NamedString(procMount, ctx.Version), "Default", "Unmasked"));
            }

            if (hostUsers && procMount == "Unmasked" && ctx.Version >= UnmaskedNeedsUserNamespaceSince)
            {
                ctx.Add(FieldError.Invalid(path.Child("procMount"), GoValueText.NamedString(procMount, ctx.Version), "`hostUsers` must be false to use `Unmasked`"));
            }
        }

        // The three checks below return at once for an unset field: its path is built only when it is set.
        if (sc.SeccompProfile is not null)
        {
            ValidateSeccompProfileField(ctx, sc.SeccompProfile, path.Child("seccompProfile"));
        }

        if (sc.AllowPrivilegeEscalation == false)
        {
            using var _ = ctx.Rule(ValidationRules.PrivilegeEscalation);
            if (sc.Privileged == true)
            {
                ctx.Add(FieldError.Invalid(path, SecurityValueText.SecurityContext(sc, ctx.Version), "cannot set `allowPrivilegeEscalation` to false and `privileged` to true"));
            }

            if (sc.Capabilities is { } caps)
            {
                foreach (string cap in caps.Add.AsSpan())
                {
                    if (cap == "CAP_SYS_ADMIN")
                    {
                        ctx.Add(FieldError.Invalid(path, SecurityValueText.SecurityContext(sc, ctx.Version), "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN"));
                    }
                }
            }
        }

        if (sc.WindowsOptions is not null)
        {
            ValidateWindowsOptions(ctx, sc.WindowsOptions, path.Child("windowsOptions"));
        }

        if (sc.AppArmorProfile is not null && ctx.AppArmorFields)
        {
            ValidateAppArmorProfileField(ctx, sc.AppArmorProfile, path.Child("appArmorProfile"));
        }
    }

    /// <summary>The hostUsers check on procMount: Unmasked needs a user namespace since 1.30.</summary>
    private static readonly Profiles.KubernetesVersion UnmaskedNeedsUserNamespaceSince = new(1, 30);
}
