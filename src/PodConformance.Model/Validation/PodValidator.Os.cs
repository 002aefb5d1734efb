using PodConformance.Model.Api;

namespace PodConformance.Model.Validation;

/// <summary>
/// <c>spec.os</c>: validateOS (VAL-216), then validateLinux (VAL-217) or validateWindows (VAL-218), the last checks of
/// ValidatePodSpec. The fields a Windows pod may not set are upstream's TestValidateOSFields "OS specific" list.
/// </summary>
public static partial class PodValidator
{
    private const string NotForWindows = "cannot be set for a windows pod";

    /// <summary>validateOS returned "cannot be empty" as the Required detail until 1.33 and an empty detail since 1.34.</summary>
    private static readonly Profiles.KubernetesVersion OsNameRequiredWithoutDetailSince = new(1, 34);

    private static void ValidateOs(Context ctx, PodSpec spec)
    {
        if (spec.OS is not { } os)
        {
            return;
        }

        var osPath = SpecPath.Child("os");
        switch (os.Name)
        {
            case "":
                ctx.Add(FieldError.Required(osPath.Child("name"), ctx.Version >= OsNameRequiredWithoutDetailSince ? "" : "cannot be empty"), ValidationRules.OsName);
                break;
            case "linux":
                ValidateLinuxOnly(ctx, spec);
                break;
            case "windows":
                ValidateWindowsOnly(ctx, spec);
                break;
            default:
                ctx.Add(FieldError.NotSupported(osPath, GoValueText.NamedString(os.Name, ctx.Version), "linux", "windows"), ValidationRules.OsName);
                break;
        }
    }

    /// <summary>validateLinux: no Windows options, neither on the pod nor on any container (init, regular, ephemeral).</summary>
    private static void ValidateLinuxOnly(Context ctx, PodSpec spec)
    {
        using var _ = ctx.Rule(ValidationRules.LinuxPod);
        const string detail = "windows options cannot be set for a linux pod";
        if (spec.SecurityContext?.WindowsOptions is not null)
        {
            ctx.Add(FieldError.Forbidden(SpecWindowsOptionsPath, detail));
        }

        ForEachContainer(spec, (c, path) =>
        {
            if (c.SecurityContext?.WindowsOptions is not null)
            {
                ctx.Add(FieldError.Forbidden(path.Child("securityContext").Child("windowsOptions"), detail));
            }
        });
    }

    /// <summary>validateWindows: the Linux-only pod and container fields, each Forbidden, in upstream's order.</summary>
    private static void ValidateWindowsOnly(Context ctx, PodSpec spec)
    {
        using var _ = ctx.Rule(ValidationRules.WindowsPod);
        var sc = spec.SecurityContext;
        var scPath = SpecSecurityContextPath;

        // Upstream checks these on the internal PodSecurityContext, which also holds hostPID/hostIPC/hostUsers and
        // shareProcessNamespace; a pod without securityContext cannot set them after defaulting (DEF-200).
        if (sc is not null)
        {
            if (ctx.AppArmorFields && sc.AppArmorProfile is not null)
            {
                ctx.Add(FieldError.Forbidden(scPath.Child("appArmorProfile"), NotForWindows));
            }

            if (sc.SELinuxOptions is not null)
            {
                ctx.Add(FieldError.Forbidden(scPath.Child("seLinuxOptions"), NotForWindows));
            }
        }

        // 1.37 moved hostUsers/hostPID/hostIPC/shareProcessNamespace from the internal PodSecurityContext to the
        // internal PodSpec: validateWindows checks them after every pod security context field (VAL-218).
        bool hostFieldsLast = ctx.Version >= HostNamespacesOnPodSpecSince;
        if (!hostFieldsLast)
        {
            ForbidWindowsHostNamespaces(ctx, spec);
        }

        if (sc is not null)
        {
            if (sc.SeccompProfile is not null)
            {
                ctx.Add(FieldError.Forbidden(scPath.Child("seccompProfile"), NotForWindows));
            }

            if (sc.FSGroup is not null)
            {
                ctx.Add(FieldError.Forbidden(scPath.Child("fsGroup"), NotForWindows));
            }

            if (sc.FSGroupChangePolicy is not null)
            {
                ctx.Add(FieldError.Forbidden(scPath.Child("fsGroupChangePolicy"), NotForWindows));
            }

            if (!sc.Sysctls.IsEmpty)
            {
                ctx.Add(FieldError.Forbidden(scPath.Child("sysctls"), NotForWindows));
            }
        }

        if (!hostFieldsLast && spec.ShareProcessNamespace is not null)
        {
            ctx.Add(FieldError.Forbidden(SpecPath.Child("shareProcessNamespace"), NotForWindows));
        }

        if (sc is not null)
        {
            if (sc.RunAsUser is not null)
            {
                ctx.Add(FieldError.Forbidden(scPath.Child("runAsUser"), NotForWindows));
            }

            if (sc.RunAsGroup is not null)
            {
                ctx.Add(FieldError.Forbidden(scPath.Child("runAsGroup"), NotForWindows));
            }

            // A Go nil slice: the model cannot tell `supplementalGroups: []` from an absent list (both decode to empty here).
            if (!sc.SupplementalGroups.IsEmpty)
            {
                ctx.Add(FieldError.Forbidden(scPath.Child("supplementalGroups"), NotForWindows));
            }

            if (sc.SupplementalGroupsPolicy is not null && ctx.SupplementalGroupsPolicy && ctx.Version >= WindowsForbidsSupplementalGroupsPolicySince)
            {
                ctx.Add(FieldError.Forbidden(scPath.Child("supplementalGroupsPolicy"), NotForWindows));
            }

            if (sc.SELinuxChangePolicy is not null && ctx.SELinuxChangePolicy)
            {
                ctx.Add(FieldError.Forbidden(scPath.Child("seLinuxChangePolicy"), NotForWindows));
            }
        }

        if (hostFieldsLast)
        {
            ForbidWindowsHostNamespaces(ctx, spec);
            if (spec.ShareProcessNamespace is not null)
            {
                ctx.Add(FieldError.Forbidden(SpecPath.Child("shareProcessNamespace"), NotForWindows));
            }
        }

        bool appArmor = ctx.AppArmorFields;
        ForEachContainer(spec, (c, path) =>
        {
            if (c.SecurityContext is not { } csc)
            {
                return;
            }

            var p = path.Child("securityContext");
            if (appArmor && csc.AppArmorProfile is not null)
            {
                ctx.Add(FieldError.Forbidden(p.Child("appArmorProfile"), NotForWindows));
            }

            if (csc.SELinuxOptions is not null)
            {
                ctx.Add(FieldError.Forbidden(p.Child("seLinuxOptions"), NotForWindows));
            }

            if (csc.SeccompProfile is not null)
            {
                ctx.Add(FieldError.Forbidden(p.Child("seccompProfile"), NotForWindows));
            }

            if (csc.Capabilities is not null)
            {
                ctx.Add(FieldError.Forbidden(p.Child("capabilities"), NotForWindows));
            }

            if (csc.ReadOnlyRootFilesystem is not null)
            {
                ctx.Add(FieldError.Forbidden(p.Child("readOnlyRootFilesystem"), NotForWindows));
            }

            if (csc.Privileged is not null)
            {
                ctx.Add(FieldError.Forbidden(p.Child("privileged"), NotForWindows));
            }

            if (csc.AllowPrivilegeEscalation is not null)
            {
                ctx.Add(FieldError.Forbidden(p.Child("allowPrivilegeEscalation"), NotForWindows));
            }

            if (csc.ProcMount is not null)
            {
                ctx.Add(FieldError.Forbidden(p.Child("procMount"), NotForWindows));
            }

            if (csc.RunAsUser is not null)
            {
                ctx.Add(FieldError.Forbidden(p.Child("runAsUser"), NotForWindows));
            }

            if (csc.RunAsGroup is not null)
            {
                ctx.Add(FieldError.Forbidden(p.Child("runAsGroup"), NotForWindows));
            }
        });
    }

    /// <summary>validateWindows gained the supplementalGroupsPolicy row with the field, in 1.31.</summary>
    private static readonly Profiles.KubernetesVersion WindowsForbidsSupplementalGroupsPolicySince = new(1, 31);

    /// <summary>
    /// The release whose internal PodSpec holds hostUsers, hostPID, hostIPC and shareProcessNamespace (before it the
    /// internal PodSecurityContext did): kubernetes validation.go at 78e971a4bc0dc76845d7986495607ed6d5b616a7 (master after v1.37.0-beta.0) checks
    /// them after the pod security context in validateWindows and reports shareProcessNamespace's conflict with hostPID
    /// at spec.shareProcessNamespace (VAL-202, VAL-218).
    /// </summary>
    internal static readonly Profiles.KubernetesVersion HostNamespacesOnPodSpecSince = new(1, 37);

    /// <summary>validateWindows' hostUsers, hostPID and hostIPC checks (shareProcessNamespace follows at a release-dependent place).</summary>
    private static void ForbidWindowsHostNamespaces(Context ctx, PodSpec spec)
    {
        if (spec.HostUsers is not null && ctx.UserNamespacesSupport)
        {
            ctx.Add(FieldError.Forbidden(SpecPath.Child("hostUsers"), NotForWindows));
        }

        if (spec.HostPID)
        {
            ctx.Add(FieldError.Forbidden(SpecPath.Child("hostPID"), NotForWindows));
        }

        if (spec.HostIPC)
        {
            ctx.Add(FieldError.Forbidden(SpecPath.Child("hostIPC"), NotForWindows));
        }
    }

    /// <summary>podshelper.VisitContainersWithPath: init containers, then regular, then ephemeral, each with its path.</summary>
    private static void ForEachContainer(PodSpec spec, Action<Container, FieldPath> visit)
    {
        var initPath = SpecInitContainersPath;
        for (int i = 0; i < spec.InitContainers.Count; i++)
        {
            visit(spec.InitContainers[i], initPath.Index(i));
        }

        var path = SpecContainersPath;
        for (int i = 0; i < spec.Containers.Count; i++)
        {
            visit(spec.Containers[i], path.Index(i));
        }

        var ephemeralPath = SpecEphemeralContainersPath;
        for (int i = 0; i < spec.EphemeralContainers.Count; i++)
        {
            visit(spec.EphemeralContainers[i], ephemeralPath.Index(i));
        }
    }
}
