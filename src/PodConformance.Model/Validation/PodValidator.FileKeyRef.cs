using PodConformance.Model.Api;

namespace PodConformance.Model.Validation;

/// <summary>
/// The <c>env[].valueFrom.fileKeyRef</c> source (EnvFiles, alpha 1.34, beta/on 1.35; VAL-056). Read in validation.go
/// vendored by openshift-kni/scheduler-plugins at v1.34.1 (313dff1ce) and v1.35.4 (4495d2058), the same functions in both:
/// validateFileKeySelector and validateFileKeyRefVolumes. Without the gate the API server drops the field before validation
/// (ADM-091), so these checks only ever see a pod whose release and gates keep it.
/// </summary>
public static partial class PodValidator
{
    /// <summary>
    /// validateFileKeySelector: <c>key</c> Required, else a relaxed environment variable name (always the relaxed rule, whatever
    /// RelaxedEnvironmentVariableValidation says); <c>volumeName</c> Required, else a DNS-1123 label; <c>path</c> Required, else
    /// without a <c>..</c> segment (one error however many).
    /// </summary>
    private static void ValidateFileKeySelector(Context ctx, FileKeySelector s, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.EnvFileKeyRef);
        var keyPath = path.Child("key");
        if (s.Key.Length == 0)
        {
            ctx.Add(FieldError.Required(keyPath));
        }
        else
        {
            foreach (string msg in NameRules.RelaxedEnvVarName(s.Key))
            {
                ctx.Add(FieldError.Invalid(keyPath, s.Key, msg));
            }
        }

        var volumePath = path.Child("volumeName");
        if (s.VolumeName.Length == 0)
        {
            ctx.Add(FieldError.Required(volumePath));
        }
        else
        {
            foreach (string msg in NameRules.Dns1123Label(s.VolumeName, ctx.Version))
            {
                ctx.Add(FieldError.Invalid(volumePath, s.VolumeName, msg));
            }
        }

        var filePath = path.Child("path");
        if (s.Path.Length == 0)
        {
            ctx.Add(FieldError.Required(filePath));
        }
        else if (HasBackstep(s.Path))
        {
            ctx.Add(FieldError.Invalid(filePath, s.Path, "must not contain '..'"));
        }
    }

    /// <summary>
    /// validateFileKeyRefVolumes, the last check of ValidatePodSpec (1.35: after the OS rules and workloadRef; 1.37 (U37):
    /// after schedulingGroup):
    /// every container (init, regular, ephemeral — VisitContainersWithPath's order) whose env uses fileKeyRef must name a pod
    /// volume (<c>Not found</c>) that is an emptyDir (<c>referenced volume must be of type emptyDir</c>), at
    /// <c>…env[j].valueFrom.fileKeyRef.volumeName</c>. Volumes are looked up by name with the last of duplicate names winning
    /// (upstream fills a map).
    /// </summary>
    private static void ValidateFileKeyRefVolumes(Context ctx, PodSpec spec)
    {
        if (UsesFileKeyRef(spec))
        {
            CheckFileKeyRefVolumes(ctx, spec);
        }
    }

    /// <summary>Apart from <see cref="ValidateFileKeyRefVolumes"/>, so its closure is allocated only for a pod that uses the source.</summary>
    private static void CheckFileKeyRefVolumes(Context ctx, PodSpec spec)
    {
        using var _ = ctx.Rule(ValidationRules.EnvFileKeyRef);
        ForEachContainer(spec, (c, containerPath) =>
        {
            var envPath = containerPath.Child("env");
            for (int j = 0; j < c.Env.Count; j++)
            {
                if (c.Env[j].ValueFrom?.FileKeyRef is not { } fileKeyRef)
                {
                    continue;
                }

                var volumeNamePath = envPath.Index(j).Child("valueFrom").Child("fileKeyRef").Child("volumeName");
                Volume? found = null;
                foreach (var v in spec.Volumes)
                {
                    if (string.Equals(v.Name, fileKeyRef.VolumeName, StringComparison.Ordinal))
                    {
                        found = v;
                    }
                }

                if (found is null)
                {
                    ctx.Add(FieldError.NotFound(volumeNamePath, fileKeyRef.VolumeName));
                }
                else if (found.EmptyDir is null && !string.Equals(found.SourceKind, "emptyDir", StringComparison.Ordinal))
                {
                    ctx.Add(FieldError.Invalid(volumeNamePath, fileKeyRef.VolumeName, "referenced volume must be of type emptyDir"));
                }
            }
        });
    }

    /// <summary>Whether any container uses the source: a plain walk, so the common pod allocates nothing here.</summary>
    private static bool UsesFileKeyRef(PodSpec spec) =>
        AnyFileKeyRef(spec.InitContainers) || AnyFileKeyRef(spec.Containers) || AnyFileKeyRef(spec.EphemeralContainers);

    private static bool AnyFileKeyRef(Collections.ValueList<Container> containers)
    {
        for (int i = 0; i < containers.Count; i++)
        {
            var env = containers[i].Env;
            for (int j = 0; j < env.Count; j++)
            {
                if (env[j].ValueFrom?.FileKeyRef is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
