using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;

namespace PodConformance.Model.Validation;

public static partial class PodValidator
{
    private const string EnvSourcesDetail = "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`";

    /// <summary>The wording with AllowEnvFilesValidation (the EnvFiles gate on, 1.34+; v1.34.1 and v1.35.4 validation.go).</summary>
    private const string EnvSourcesWithFileKeyRefDetail = "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`";

    /// <summary>sets.List order of the fieldRef paths env accepts (validEnvDownwardAPIFieldPathExpressions).</summary>
    private static readonly string[] EnvFieldPaths =
    [
        "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName",
        "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs",
    ];

    /// <summary>sets.List order of the fieldRef paths a downwardAPI volume accepts.</summary>
    private static readonly string[] VolumeFieldPaths =
        ["metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"];

    /// <summary>sets.List order of validContainerResourceFieldPathExpressions (hugepages pass by prefix).</summary>
    private static readonly string[] ResourceFieldPaths =
        ["limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"];

    /// <summary>ValidateEnv: name (strict or relaxed rule), then valueFrom.</summary>
    private static void ValidateEnv(Context ctx, ValueList<EnvVar> vars, FieldPath path)
    {
        for (int i = 0; i < vars.Count; i++)
        {
            var ev = vars[i];
            var idx = path.Index(i);
            RuleCoverage.Hit(ValidationRules.EnvName);
            if (ev.Name.Length == 0)
            {
                ctx.Add(FieldError.Required(idx.Child("name")), ValidationRules.EnvName);
            }
            else
            {
                foreach (string msg in ctx.RelaxedEnvNames ? NameRules.RelaxedEnvVarName(ev.Name) : NameRules.EnvVarName(ev.Name))
                {
                    ctx.Add(FieldError.Invalid(idx.Child("name"), ev.Name, msg), ValidationRules.EnvName);
                }
            }

            if (ev.ValueFrom is not null)
            {
                ValidateEnvVarValueFrom(ctx, ev, idx.Child("valueFrom"));
            }
        }
    }

    /// <summary>validateEnvVarValueFrom: each source's own checks, then exactly one source and no value beside it.</summary>
    private static void ValidateEnvVarValueFrom(Context ctx, EnvVar ev, FieldPath path)
    {
        var from = ev.ValueFrom!;
        int sources = 0;
        if (from.FieldRef is not null)
        {
            sources++;
            ValidateObjectFieldSelector(ctx, from.FieldRef, EnvFieldPaths, path.Child("fieldRef"));
            ValidateDownwardApiHostIps(ctx, from.FieldRef, path.Child("fieldRef"));
        }

        if (from.ResourceFieldRef is not null)
        {
            sources++;
            ValidateContainerResourceFieldSelector(ctx, from.ResourceFieldRef, path.Child("resourceFieldRef"), volume: false);
        }

        if (from.ConfigMapKeyRef is not null)
        {
            sources++;
            ValidateKeySelector(ctx, from.ConfigMapKeyRef, path.Child("configMapKeyRef"));
        }

        if (from.SecretKeyRef is not null)
        {
            sources++;
            ValidateKeySelector(ctx, from.SecretKeyRef, path.Child("secretKeyRef"));
        }

        if (from.FileKeyRef is not null)
        {
            sources++;
            ValidateFileKeySelector(ctx, from.FileKeyRef, path.Child("fileKeyRef"));
        }

        using var _ = ctx.Rule(ValidationRules.EnvValueFrom);
        if (sources == 0)
        {
            ctx.Add(FieldError.Invalid(path, "", ctx.EnvFiles ? EnvSourcesWithFileKeyRefDetail : EnvSourcesDetail));
        }
        else if (ev.Value.Length != 0)
        {
            ctx.Add(FieldError.Invalid(path, "", "may not be specified when `value` is not empty"));
        }
        else if (sources > 1)
        {
            ctx.Add(FieldError.Invalid(path, "", "may not have more than one field specified at a time"));
        }
    }

    /// <summary>
    /// validateObjectFieldSelector: apiVersion and fieldPath required; the path goes through
    /// ConvertDownwardAPIFieldLabel (v1 only; known labels; <c>spec.host</c> alias) and must then be allowed here.
    /// Subscripted labels/annotations need a qualified-name key (annotations lower-cased first).
    /// </summary>
    /// <summary>
    /// validateDownwardAPIHostIPs: while PodHostIPs exists and is off (alpha in 1.28, so by default; beta 1.29, GA and
    /// locked 1.30, gone 1.33) a fieldRef to <c>status.hostIPs</c> is Forbidden, after the selector's own checks, in env
    /// and downwardAPI files alike. The text is from the 1.28.1 validation.go (ceph/ceph-csi 28d2a865f); the option it
    /// reads, AllowHostIPsField, is the gate on create in the 1.29.9 util.go (rancher/support-bundle-kit c37d268c4); 1.28's
    /// util.go was not read.
    /// </summary>
    private static void ValidateDownwardApiHostIps(Context ctx, ObjectFieldSelector fs, FieldPath path)
    {
        if (fs.FieldPath == "status.hostIPs" && ctx.Profile.IsGateOff(PodHostIpsGate))
        {
            using var _ = ctx.Rule(ValidationRules.FieldRef);
            ctx.Add(FieldError.Forbidden(path, "may not be set when feature gate 'PodHostIPs' is not enabled"));
        }
    }

    /// <summary>Not in FeatureGateNames: the gate is gone from 1.33 on (ProfileTests want every listed gate in the newest release).</summary>
    private const string PodHostIpsGate = "PodHostIPs";

    private static void ValidateObjectFieldSelector(Context ctx, ObjectFieldSelector fs, string[] allowed, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.FieldRef);
        if (fs.ApiVersion.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("apiVersion")));
            return;
        }

        if (fs.FieldPath.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("fieldPath")));
            return;
        }

        if (!TryConvertDownwardApiFieldLabel(fs.ApiVersion, fs.FieldPath, out string internalPath, out string error))
        {
            ctx.Add(FieldError.Invalid(path.Child("fieldPath"), fs.FieldPath, "error converting fieldPath: " + error));
            return;
        }

        if (DownwardApiPaths.TrySplitSubscript(internalPath, out string basePath, out string subscript))
        {
            switch (basePath)
            {
                case "metadata.annotations":
                    foreach (string msg in NameRules.QualifiedName(subscript.ToLowerInvariant(), ctx.Version))
                    {
                        ctx.Add(FieldError.Invalid(path, subscript.ToLowerInvariant(), msg));
                    }

                    break;
                case "metadata.labels":
                    foreach (string msg in NameRules.QualifiedName(subscript, ctx.Version))
                    {
                        ctx.Add(FieldError.Invalid(path, subscript, msg));
                    }

                    break;
                default:
                    ctx.Add(FieldError.Invalid(path, basePath, "does not support subscript"));
                    break;
            }
        }
        else if (Array.IndexOf(allowed, internalPath) < 0)
        {
            ctx.Add(FieldError.NotSupported(path.Child("fieldPath"), internalPath, allowed));
        }
    }

    /// <summary>pkg/apis/core/pods ConvertDownwardAPIFieldLabel for v1 pods.</summary>
    private static bool TryConvertDownwardApiFieldLabel(string version, string label, out string converted, out string error)
    {
        converted = "";
        error = "";
        if (version != "v1")
        {
            error = "unsupported pod version: " + version;
            return false;
        }

        if (DownwardApiPaths.TrySplitSubscript(label, out string basePath, out _))
        {
            if (basePath is "metadata.annotations" or "metadata.labels")
            {
                converted = label;
                return true;
            }

            error = "field label does not support subscript: " + label;
            return false;
        }

        switch (label)
        {
            case "metadata.annotations": case "metadata.labels": case "metadata.name": case "metadata.namespace":
            case "metadata.uid": case "spec.nodeName": case "spec.restartPolicy": case "spec.serviceAccountName":
            case "spec.schedulerName": case "status.phase": case "status.hostIP": case "status.hostIPs":
            case "status.podIP": case "status.podIPs":
                converted = label;
                return true;
            case "spec.host":
                converted = "spec.nodeName";
                return true;
            default:
                error = "field label not supported: " + label;
                return false;
        }
    }

    /// <summary>
    /// validateContainerResourceFieldSelector: containerName required for volumes only; resource required and
    /// known (hugepages by prefix); the divisor checked whatever happened before.
    /// </summary>
    private static void ValidateContainerResourceFieldSelector(Context ctx, ResourceFieldSelector fs, FieldPath path, bool volume)
    {
        using var _ = ctx.Rule(ValidationRules.ResourceFieldRef);
        if (volume && fs.ContainerName.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("containerName")));
        }
        else if (fs.Resource.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("resource")));
        }
        else if (Array.IndexOf(ResourceFieldPaths, fs.Resource) < 0 && !IsHugePagesDownwardResource(fs.Resource))
        {
            ctx.Add(FieldError.NotSupported(path.Child("resource"), fs.Resource, ResourceFieldPaths));
        }

        ValidateContainerResourceDivisor(ctx, fs.Resource, fs.Divisor, path);
    }

    private static bool IsHugePagesDownwardResource(string resource) =>
        resource.StartsWith("requests.hugepages-", StringComparison.Ordinal) || resource.StartsWith("limits.hugepages-", StringComparison.Ordinal);

    /// <summary>
    /// validateContainerResourceDivisor: compares <c>divisor.String()</c> with fixed spellings, so what matters is
    /// the quantity's printed form (its cached input string), not its value. The error's value is the resource name.
    /// </summary>
    private static void ValidateContainerResourceDivisor(Context ctx, string resource, Quantities.Quantity? divisor, FieldPath path)
    {
        if (divisor is not { } d || d.IsZero)
        {
            return;
        }

        string s = d.ToString();
        var divPath = path.Child("divisor");
        switch (resource)
        {
            case "limits.cpu":
            case "requests.cpu":
                if (s is not ("1m" or "1"))
                {
                    ctx.Add(FieldError.Invalid(divPath, resource, "only divisor's values 1m and 1 are supported with the cpu resource"));
                }

                break;
            case "limits.memory":
            case "requests.memory":
                if (!IsByteDivisor(s))
                {
                    ctx.Add(FieldError.Invalid(divPath, resource, "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource"));
                }

                break;
            case "limits.ephemeral-storage":
            case "requests.ephemeral-storage":
                if (!IsByteDivisor(s))
                {
                    ctx.Add(FieldError.Invalid(divPath, resource, "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the local ephemeral storage resource"));
                }

                break;
        }

        if (IsHugePagesDownwardResource(resource) && !IsByteDivisor(s))
        {
            ctx.Add(FieldError.Invalid(divPath, resource, "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the hugepages resource"));
        }
    }

    private static bool IsByteDivisor(string s) => s is "1" or "1k" or "1M" or "1G" or "1T" or "1P" or "1E"
        or "1Ki" or "1Mi" or "1Gi" or "1Ti" or "1Pi" or "1Ei";

    /// <summary>
    /// validateConfigMapKeySelector / validateSecretKeySelector: the name is checked as a DNS subdomain even when
    /// empty (so an empty name is Invalid, not Required); the key is Required, then a config-map key.
    /// </summary>
    private static void ValidateKeySelector(Context ctx, KeySelector s, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.KeyRef);
        foreach (string msg in NameRules.NameIsDnsSubdomain(s.Name, prefix: false))
        {
            ctx.Add(FieldError.Invalid(path.Child("name"), s.Name, msg));
        }

        if (s.Key.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("key")));
        }
        else
        {
            foreach (string msg in NameRules.ConfigMapKey(s.Key))
            {
                ctx.Add(FieldError.Invalid(path.Child("key"), s.Key, msg));
            }
        }
    }

    /// <summary>
    /// ValidateEnvFrom: the prefix follows the env-name rule; exactly one of configMapRef/secretRef, whose
    /// count errors upstream reports at the envFrom list path, not the item.
    /// </summary>
    private static void ValidateEnvFrom(Context ctx, ValueList<EnvFromSource> sources, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.EnvFrom);
        for (int i = 0; i < sources.Count; i++)
        {
            var ev = sources[i];
            var idx = path.Index(i);
            if (ev.Prefix.Length > 0)
            {
                foreach (string msg in ctx.RelaxedEnvNames ? NameRules.RelaxedEnvVarName(ev.Prefix) : NameRules.EnvVarName(ev.Prefix))
                {
                    ctx.Add(FieldError.Invalid(idx.Child("prefix"), ev.Prefix, msg), ValidationRules.EnvName);
                }
            }

            int count = 0;
            if (ev.ConfigMapRef is not null)
            {
                count++;
                ValidateEnvSourceName(ctx, ev.ConfigMapRef.Name, idx.Child("configMapRef"));
            }

            if (ev.SecretRef is not null)
            {
                count++;
                ValidateEnvSourceName(ctx, ev.SecretRef.Name, idx.Child("secretRef"));
            }

            if (count == 0)
            {
                ctx.Add(FieldError.Invalid(path, "", "must specify one of: `configMapRef` or `secretRef`"));
            }
            else if (count > 1)
            {
                ctx.Add(FieldError.Invalid(path, "", "may not have more than one field specified at a time"));
            }
        }
    }

    private static void ValidateEnvSourceName(Context ctx, string name, FieldPath path)
    {
        if (name.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("name")));
            return;
        }

        foreach (string msg in NameRules.NameIsDnsSubdomain(name, prefix: true))
        {
            ctx.Add(FieldError.Invalid(path.Child("name"), name, msg));
        }
    }
}
