using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Validation;

/// <summary>
/// A container's <c>volumeMounts</c> and <c>volumeDevices</c> (ValidateVolumeMounts, ValidateVolumeDevices;
/// VAL-640…VAL-643), called from validateContainerCommon for every kind of container.
/// </summary>
public static partial class PodValidator
{
    private static readonly string[] MountPropagationModes = ["Bidirectional", "HostToContainer", "None"];

    private static readonly string[] RecursiveReadOnlyModes = ["Disabled", "Enabled", "IfPossible"];

    /// <summary>
    /// The first release without the "not allowed in image volume sources" subPath check (1.33 lets image volumes be
    /// mounted with a subPath): ValidateVolumeMounts has it in the vendored release copies v1.31.0 and v1.32.5 and not in
    /// v1.33.3, v1.34.1 and v1.35.0 (spec VAL-640), nor in the 1.36/1.37 copies.
    /// </summary>
    private static readonly KubernetesVersion ImageVolumeSubPathCheckGoneBy = new(1, 33);

    /// <summary>
    /// ValidateVolumeMounts (VAL-640): per mount, in upstream order: name Required and Not found, mountPath Required and
    /// unique, no overlap with the container's volumeDevices (by name or path), no subPath/subPathExpr on an image
    /// volume (before 1.33), subPath and subPathExpr local descending paths (reported at the <b>unindexed</b>
    /// <c>volumeMounts.subPath</c> / <c>.subPathExpr</c>), not both; then mountPropagation and recursiveReadOnly.
    /// </summary>
    private static void ValidateVolumeMounts(Context ctx, Container c, HashSet<string> volumes, FieldPath path)
    {
        var mounts = c.VolumeMounts;
        if (mounts.IsEmpty)
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.VolumeMounts);
        var devices = c.VolumeDevices;
        HashSet<string>? mountPoints = null;
        for (int i = 0; i < mounts.Count; i++)
        {
            var m = mounts[i];

            var idx = path.Index(i);
            if (m.Name.Length == 0)
            {
                ctx.Add(FieldError.Required(idx.Child("name")));
            }

            if (!volumes.Contains(m.Name))
            {
                ctx.Add(FieldError.NotFound(idx.Child("name"), m.Name));
            }

            if (m.MountPath.Length == 0)
            {
                ctx.Add(FieldError.Required(idx.Child("mountPath")));
            }

            if (!(mountPoints ??= new HashSet<string>(StringComparer.Ordinal)).Add(m.MountPath))
            {
                ctx.Add(FieldError.Invalid(idx.Child("mountPath"), m.MountPath, "must be unique"));
            }

            if (DeviceNamed(devices, m.Name))
            {
                ctx.Add(FieldError.Invalid(idx.Child("name"), m.Name, "must not already exist in volumeDevices"));
            }

            if (DeviceAtPath(devices, m.MountPath))
            {
                ctx.Add(FieldError.Invalid(idx.Child("mountPath"), m.MountPath, "must not already exist as a path in volumeDevices"));
            }

            if (ctx.Version < ImageVolumeSubPathCheckGoneBy && ctx.VolumeSources is { } sources && sources.TryGetValue(m.Name, out var volume) && volume.Image is not null)
            {
                if (m.SubPath.Length != 0)
                {
                    ctx.Add(FieldError.Invalid(idx.Child("subPath"), m.SubPath, "not allowed in image volume sources"));
                }

                if (m.SubPathExpr.Length != 0)
                {
                    ctx.Add(FieldError.Invalid(idx.Child("subPathExpr"), m.SubPathExpr, "not allowed in image volume sources"));
                }
            }

            if (m.SubPath.Length != 0)
            {
                ValidateLocalDescendingPath(ctx, m.SubPath, path.Child("subPath"));
            }

            if (m.SubPathExpr.Length != 0)
            {
                if (m.SubPath.Length != 0)
                {
                    ctx.Add(FieldError.Invalid(idx.Child("subPathExpr"), m.SubPathExpr, "subPathExpr and subPath are mutually exclusive"));
                }

                ValidateLocalDescendingPath(ctx, m.SubPathExpr, path.Child("subPathExpr"));
            }

            if (m.MountPropagation is { } propagation)
            {
                ValidateMountPropagation(ctx, propagation, c, path.Child("mountPropagation"));
            }

            // Without RecursiveReadOnlyMounts the create strategy has dropped the field (DEF-409).
            if (m.RecursiveReadOnly is { } rro)
            {
                ValidateRecursiveReadOnly(ctx, rro, m, path.Child("recursiveReadOnly"));
            }

            // Without VolumeBindMountOptions the create strategy has dropped the field (DEF-409).
            if (!m.BindMountOptions.IsEmpty)
            {
                ValidateBindMountOptions(ctx, m.BindMountOptions, idx.Child("bindMountOptions"));
                if (ctx.VolumeSources is { } vs && vs.TryGetValue(m.Name, out var bound) && bound.Image is not null)
                {
                    using var __ = ctx.Rule(ValidationRules.BindMountOptions);
                    ctx.Add(FieldError.Invalid(idx.Child("bindMountOptions"), new RawJsonValue(StringListJson(m.BindMountOptions)), "bindMountOptions may not be used with image volumes"));
                }
            }
        }
    }

    /// <summary>supportedBindMountOptions as sets.List prints it (sorted).</summary>
    private static readonly string[] BindMountOptionValues = ["nodev", "noexec", "nosuid"];

    /// <summary>
    /// validateBindMountOptions (VAL-706): each entry one of noexec, nodev, nosuid (NotSupported at the entry), and not a
    /// repeat of an earlier entry (Duplicate at the entry) — an unknown repeated entry gets both, NotSupported first.
    /// </summary>
    private static void ValidateBindMountOptions(Context ctx, ValueList<string> options, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.BindMountOptions);
        for (int i = 0; i < options.Count; i++)
        {
            string opt = options[i];
            if (Array.IndexOf(BindMountOptionValues, opt) < 0)
            {
                ctx.Add(FieldError.NotSupported(path.Index(i), opt, BindMountOptionValues));
            }

            for (int j = 0; j < i; j++)
            {
                if (string.Equals(options[j], opt, StringComparison.Ordinal))
                {
                    ctx.Add(FieldError.Duplicate(path.Index(i), opt));
                    break;
                }
            }
        }
    }

    /// <summary>json.Marshal of a []string (the bad value of the image-volume error).</summary>
    private static string StringListJson(ValueList<string> values)
    {
        var sb = new System.Text.StringBuilder("[");
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            GoValueText.AppendJsonString(sb, values[i]);
        }

        return sb.Append(']').ToString();
    }

    /// <summary>
    /// validateMountPropagation (VAL-641): one of Bidirectional, HostToContainer, None; Bidirectional only in a
    /// privileged container. Both at the unindexed <c>volumeMounts.mountPropagation</c>.
    /// </summary>
    private static void ValidateMountPropagation(Context ctx, string propagation, Container c, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.MountPropagation);
        if (Array.IndexOf(MountPropagationModes, propagation) < 0)
        {
            ctx.Add(FieldError.NotSupported(path, GoValues.NamedString(propagation, ctx.Version), MountPropagationModes));
        }

        bool privileged = c.SecurityContext?.Privileged == true;
        if (propagation == "Bidirectional" && !privileged)
        {
            ctx.Add(FieldError.Forbidden(path, "Bidirectional mount propagation is available only to privileged containers"));
        }
    }

    /// <summary>
    /// validateMountRecursiveReadOnly (VAL-642): Enabled and IfPossible need readOnly and no propagation other than None;
    /// Disabled is always fine; anything else is NotSupported. At the unindexed <c>volumeMounts.recursiveReadOnly</c>.
    /// </summary>
    private static void ValidateRecursiveReadOnly(Context ctx, string rro, VolumeMount m, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.RecursiveReadOnly);
        switch (rro)
        {
            case "Disabled":
                break;
            case "Enabled":
            case "IfPossible":
                if (!m.ReadOnly)
                {
                    ctx.Add(FieldError.Forbidden(path, "may only be specified when readOnly is true"));
                }

                if (m.MountPropagation is { } propagation && propagation != "None")
                {
                    ctx.Add(FieldError.Forbidden(path, "may only be specified when mountPropagation is None or not specified"));
                }

                break;
            default:
                ctx.Add(FieldError.NotSupported(path, GoValues.NamedString(rro, ctx.Version), RecursiveReadOnlyModes));
                break;
        }
    }

    /// <summary>
    /// ValidateVolumeDevices (VAL-643): per device: name Required and unique; the volume must exist (Not found) and be a
    /// persistentVolumeClaim or ephemeral one; devicePath Required, unique and without '..'; no overlap with the
    /// container's volumeMounts by name or path.
    /// </summary>
    private static void ValidateVolumeDevices(Context ctx, Container c, FieldPath path)
    {
        var devices = c.VolumeDevices;
        if (devices.IsEmpty)
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.VolumeDevices);
        var mounts = c.VolumeMounts;
        var devicePaths = new HashSet<string>(StringComparer.Ordinal);
        var deviceNames = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < devices.Count; i++)
        {
            var d = devices[i];
            var idx = path.Index(i);
            var namePath = idx.Child("name");
            Volume? volume = null;
            bool matched = ctx.VolumeSources is { } sources && sources.TryGetValue(d.Name, out volume);
            if (d.Name.Length == 0)
            {
                ctx.Add(FieldError.Required(namePath));
            }

            if (deviceNames.Contains(d.Name))
            {
                ctx.Add(FieldError.Invalid(namePath, d.Name, "must be unique"));
            }

            if (matched && volume!.PersistentVolumeClaim is null && volume.Ephemeral is null)
            {
                ctx.Add(FieldError.Invalid(namePath, d.Name, "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode"));
            }

            if (!matched)
            {
                ctx.Add(FieldError.NotFound(namePath, d.Name));
            }

            var devicePath = idx.Child("devicePath");
            if (d.DevicePath.Length == 0)
            {
                ctx.Add(FieldError.Required(devicePath));
            }

            if (devicePaths.Contains(d.DevicePath))
            {
                ctx.Add(FieldError.Invalid(devicePath, d.DevicePath, "must be unique"));
            }

            if (d.DevicePath.Length != 0 && HasBackstep(d.DevicePath))
            {
                ctx.Add(FieldError.Invalid(devicePath, d.DevicePath, "can not contain backsteps ('..')"));
            }
            else
            {
                devicePaths.Add(d.DevicePath);
            }

            if (MountNamed(ctx, mounts, d.Name))
            {
                ctx.Add(FieldError.Invalid(namePath, d.Name, "must not already exist in volumeMounts"));
            }

            if (MountAtPath(ctx, mounts, d.DevicePath))
            {
                ctx.Add(FieldError.Invalid(devicePath, d.DevicePath, "must not already exist as a path in volumeMounts"));
            }

            if (d.Name.Length != 0)
            {
                deviceNames.Add(d.Name);
            }
        }
    }

    /// <summary>A '..' element in the '/'-separated path (validatePathNoBacksteps finding anything).</summary>
    private static bool HasBackstep(string target)
    {
        int start = 0;
        while (start <= target.Length)
        {
            int end = target.IndexOf('/', start);
            if (end < 0)
            {
                end = target.Length;
            }

            if (end - start == 2 && target[start] == '.' && target[start + 1] == '.')
            {
                return true;
            }

            start = end + 1;
        }

        return false;
    }

    // GetVolumeDeviceMap / GetVolumeMountMap build name → path maps (a later entry of the same name wins); the lookups
    // below give the same answers as those maps without building them.
    private static bool DeviceNamed(ValueList<VolumeDevice> devices, string name)
    {
        foreach (var d in devices)
        {
            if (d.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool DeviceAtPath(ValueList<VolumeDevice> devices, string path)
    {
        for (int i = 0; i < devices.Count; i++)
        {
            if (devices[i].DevicePath == path && IsLastWithName(devices, i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLastWithName(ValueList<VolumeDevice> devices, int i)
    {
        for (int j = i + 1; j < devices.Count; j++)
        {
            if (devices[j].Name == devices[i].Name)
            {
                return false;
            }
        }

        return true;
    }

    private static bool MountNamed(Context ctx, ValueList<VolumeMount> mounts, string name)
    {
        foreach (var m in mounts)
        {
            if (m.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool MountAtPath(Context ctx, ValueList<VolumeMount> mounts, string path)
    {
        for (int i = 0; i < mounts.Count; i++)
        {
            if (mounts[i].MountPath != path)
            {
                continue;
            }

            bool last = true;
            for (int j = i + 1; j < mounts.Count; j++)
            {
                if (mounts[j].Name == mounts[i].Name)
                {
                    last = false;
                    break;
                }
            }

            if (last)
            {
                return true;
            }
        }

        return false;
    }
}
