using PodConformance.Model.Api;

namespace PodConformance.Model.Validation;

/// <summary>
/// validateHostUsers (VAL-215): a pod in its own user namespace (<c>hostUsers: false</c>) may not share the host's
/// network (unless UserNamespacesHostNetworkSupport, 1.35+), PID or IPC namespace, nor (1.34+) use raw block devices.
/// </summary>
public static partial class PodValidator
{
    private static readonly Profiles.KubernetesVersion HostUsersShortDetailSince = new(1, 34);

    private static void ValidateHostUsers(Context ctx, PodSpec spec)
    {
        // The field is dropped before validation while UserNamespacesSupport is off (dropDisabledFields).
        if (spec.HostUsers != false || !ctx.UserNamespacesSupport)
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.HostUsers);
        string detail = ctx.Version >= HostUsersShortDetailSince ? "when `hostUsers` is false" : "when `pod.Spec.HostUsers` is false";
        if (spec.HostNetwork && !ctx.UserNamespacesHostNetworkSupport)
        {
            ctx.Add(FieldError.Forbidden(SpecPath.Child("hostNetwork"), detail));
        }

        // Upstream spells these two paths with a capital H.
        if (spec.HostPID)
        {
            ctx.Add(FieldError.Forbidden(SpecPath.Child("HostPID"), detail));
        }

        if (spec.HostIPC)
        {
            ctx.Add(FieldError.Forbidden(SpecPath.Child("HostIPC"), detail));
        }

        if (ctx.Version >= HostUsersShortDetailSince)
        {
            ForbidVolumeDevices(ctx, spec, detail);
        }
    }

    /// <summary>Apart from <see cref="ValidateHostUsers"/>, so its closure is allocated only for a pod with hostUsers false.</summary>
    private static void ForbidVolumeDevices(Context ctx, PodSpec spec, string detail) =>
        ForEachContainer(spec, (c, path) =>
        {
            if (!c.VolumeDevices.IsEmpty)
            {
                ctx.Add(FieldError.Forbidden(path.Child("volumeDevices"), detail));
            }
        });
}
