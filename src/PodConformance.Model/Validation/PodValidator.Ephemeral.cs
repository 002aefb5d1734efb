using System.Text;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Validation;

/// <summary>
/// Generic ephemeral volumes: the PVC template's metadata and spec as <c>validateEphemeralVolumeSource</c> checks them
/// on a Pod create (VAL-632, VAL-633), and the label selector rules of apimachinery's meta/v1 validation they use.
/// </summary>
public static partial class PodValidator
{
    private static readonly string[] AccessModes = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];

    /// <summary>The 1.28 list with the ReadWriteOncePod gate off (<c>supportedAccessModes</c> without the expansion).</summary>
    private static readonly string[] AccessModesWithoutReadWriteOncePod = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce"];

    /// <summary>The first release in which ReadWriteOncePod is always a supported mode (the gate GA, the option gone).</summary>
    private static readonly Profiles.KubernetesVersion ReadWriteOncePodAlwaysSince = new(1, 29);

    private const string ReadWriteOncePodGate = "ReadWriteOncePod";

    private static readonly string[] PvcVolumeModes = ["Block", "Filesystem"];

    /// <summary>
    /// validateEphemeralVolumeSource plus the PVC-name check of validateVolumeSource (VAL-632): the template is Required;
    /// the PVC the pod will create, <c>&lt;pod&gt;-&lt;volume&gt;</c>, must be a DNS subdomain (checked only when both names are known).
    /// </summary>
    private static void ValidateEphemeral(Context ctx, EphemeralVolumeSource ephemeral, string volumeName, FieldPath volumePath)
    {
        var path = volumePath.Child("ephemeral");
        if (ephemeral.VolumeClaimTemplate is not { } template)
        {
            ctx.Add(FieldError.Required(path.Child("volumeClaimTemplate")), ValidationRules.EphemeralSource);
        }
        else
        {
            var templatePath = path.Child("volumeClaimTemplate");
            ValidateTemplateObjectMeta(ctx, template.ObjectMeta, templatePath.Child("metadata"));
            ValidatePvcSpec(ctx, template.Spec, templatePath.Child("spec"));
        }

        if (ctx.PodName.Length != 0 && volumeName.Length != 0)
        {
            string pvcName = ctx.PodName + "-" + volumeName;
            foreach (string msg in NameRules.NameIsDnsSubdomain(pvcName, prefix: false))
            {
                ctx.Add(FieldError.Invalid(volumePath.Child("name"), volumeName, "PVC name " + GoQuote.Quote(pvcName) + ": " + msg), ValidationRules.EphemeralSource);
            }
        }
    }

    /// <summary>
    /// ValidateTemplateObjectMeta (VAL-632): annotations and labels as on any object (errors at the map's path), and every
    /// other ObjectMeta field Forbidden "cannot be set", in ObjectMeta's field order with upstream's lower-cased names
    /// (so <c>uid</c> is reported as <c>uID</c>).
    /// </summary>
    private static void ValidateTemplateObjectMeta(Context ctx, ObjectMeta meta, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.EphemeralSource);
        var annotationsPath = path.Child("annotations");
        long total = 0;
        foreach (var (key, value) in meta.Annotations)
        {
            foreach (string msg in NameRules.QualifiedName(key.ToLowerInvariant(), ctx.Version))
            {
                ctx.Add(FieldError.Invalid(annotationsPath, key, msg));
            }

            total += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value);
        }

        if (total > 256 * 1024)
        {
            ctx.Add(FieldError.TooLong(annotationsPath, 256 * 1024, ctx.Version));
        }

        ValidateLabels(ctx, meta.Labels, path.Child("labels"));

        const string cannotBeSet = "cannot be set";
        if (meta.Name.Length != 0)
        {
            ctx.Add(FieldError.Forbidden(path.Child("name"), cannotBeSet));
        }

        if (meta.GenerateName.Length != 0)
        {
            ctx.Add(FieldError.Forbidden(path.Child("generateName"), cannotBeSet));
        }

        if (meta.Namespace.Length != 0)
        {
            ctx.Add(FieldError.Forbidden(path.Child("namespace"), cannotBeSet));
        }

        if (meta.SelfLink.Length != 0)
        {
            ctx.Add(FieldError.Forbidden(path.Child("selfLink"), cannotBeSet));
        }

        if (meta.Uid.Length != 0)
        {
            ctx.Add(FieldError.Forbidden(path.Child("uID"), cannotBeSet));
        }

        if (meta.ResourceVersion.Length != 0)
        {
            ctx.Add(FieldError.Forbidden(path.Child("resourceVersion"), cannotBeSet));
        }

        if (meta.Generation != 0)
        {
            ctx.Add(FieldError.Forbidden(path.Child("generation"), cannotBeSet));
        }

        if (meta.CreationTimestamp is not null)
        {
            ctx.Add(FieldError.Forbidden(path.Child("creationTimestamp"), cannotBeSet));
        }

        if (meta.DeletionTimestamp is not null)
        {
            ctx.Add(FieldError.Forbidden(path.Child("deletionTimestamp"), cannotBeSet));
        }

        if (meta.DeletionGracePeriodSeconds is not null)
        {
            ctx.Add(FieldError.Forbidden(path.Child("deletionGracePeriodSeconds"), cannotBeSet));
        }

        if (!meta.OwnerReferences.IsEmpty)
        {
            ctx.Add(FieldError.Forbidden(path.Child("ownerReferences"), cannotBeSet));
        }

        if (!meta.Finalizers.IsEmpty)
        {
            ctx.Add(FieldError.Forbidden(path.Child("finalizers"), cannotBeSet));
        }

        if (!meta.ManagedFields.IsEmpty)
        {
            ctx.Add(FieldError.Forbidden(path.Child("managedFields"), cannotBeSet));
        }
    }

    /// <summary>
    /// ValidatePersistentVolumeClaimSpec as a Pod create calls it for an ephemeral volume's template (VAL-633): access
    /// modes, selector, the storage request (its errors at the odd path <c>resources[storage]</c>), storageClassName,
    /// volumeMode, dataSource and dataSourceRef, and volumeAttributesClassName with the VolumeAttributesClass gate.
    /// </summary>
    private static void ValidatePvcSpec(Context ctx, PersistentVolumeClaimSpec spec, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.PvcTemplateSpec);
        var modesPath = path.Child("accessModes");
        if (spec.AccessModes.IsEmpty)
        {
            ctx.Add(FieldError.Required(modesPath, "at least 1 access mode is required"));
        }

        if (spec.Selector is { } selector)
        {
            ValidateLabelSelector(ctx, selector, path.Child("selector"), ctx.CurrentRule);
        }

        // 1.28: ReadWriteOncePod is a mode only while its (beta, on by default) gate is on: AllowReadWriteOncePod of a new
        // template is the gate (ValidationOptionsForPersistentVolumeClaimTemplate, v1.28.0 cd9cbbb8b7); 1.29 made it GA
        // and dropped the option (a6f7fef301).
        string[] modes = ctx.Version >= ReadWriteOncePodAlwaysSince || ctx.Profile.IsEnabled(ReadWriteOncePodGate) ? AccessModes : AccessModesWithoutReadWriteOncePod;
        bool readWriteOncePod = false, other = false;
        foreach (string mode in spec.AccessModes)
        {
            bool supported = Array.IndexOf(modes, mode) >= 0;
            if (!supported)
            {
                ctx.Add(FieldError.NotSupported(modesPath, GoValues.NamedString(mode, ctx.Version), modes));
            }

            if (mode == "ReadWriteOncePod")
            {
                readWriteOncePod = true;
            }
            else if (supported)
            {
                other = true;
            }
        }

        if (readWriteOncePod && other)
        {
            ctx.Add(FieldError.Forbidden(modesPath, "may not use ReadWriteOncePod with other access modes"));
        }

        var storagePath = path.Child("resources").Key("storage");
        if (!spec.Resources.Requests.TryGetValue("storage", out var storage))
        {
            ctx.Add(FieldError.Required(storagePath));
        }
        else if (storage.Sign <= 0)
        {
            ctx.Add(FieldError.Invalid(storagePath, storage.ToString(), "must be greater than zero"));
        }

        if (spec.StorageClassName is { Length: > 0 } className)
        {
            foreach (string msg in NameRules.NameIsDnsSubdomain(className, prefix: false))
            {
                ctx.Add(FieldError.Invalid(path.Child("storageClassName"), className, msg));
            }
        }

        if (spec.VolumeMode is { } volumeMode && Array.IndexOf(PvcVolumeModes, volumeMode) < 0)
        {
            ctx.Add(FieldError.NotSupported(path.Child("volumeMode"), GoValues.NamedString(volumeMode, ctx.Version), PvcVolumeModes));
        }

        if (spec.DataSource is { } dataSource)
        {
            ValidateDataSource(ctx, dataSource.Name, dataSource.Kind, dataSource.APIGroup, null, path.Child("dataSource"));
        }

        if (spec.DataSourceRef is { } dataSourceRef)
        {
            ValidateDataSource(ctx, dataSourceRef.Name, dataSourceRef.Kind, dataSourceRef.APIGroup, dataSourceRef.Namespace, path.Child("dataSourceRef"));
        }

        if (spec.DataSourceRef is { Namespace.Length: > 0 })
        {
            if (spec.DataSource is not null)
            {
                ctx.Add(FieldError.Invalid(path, GoValues.FieldPathValue("dataSource", ctx.Version), "may not be specified when dataSourceRef.namespace is specified"));
            }
        }
        else if (spec.DataSource is { } ds && spec.DataSourceRef is { } dsr
            && !(ds.APIGroup == dsr.APIGroup && ds.Kind == dsr.Kind && ds.Name == dsr.Name))
        {
            ctx.Add(FieldError.Invalid(path, GoValues.FieldPathValue("dataSource", ctx.Version), "must match dataSourceRef"));
        }

        if (spec.VolumeAttributesClassName is { Length: > 0 } vac && ctx.VolumeAttributesClass)
        {
            foreach (string msg in NameRules.NameIsDnsSubdomain(vac, prefix: false))
            {
                ctx.Add(FieldError.Invalid(path.Child("volumeAttributesClassName"), vac, msg));
            }
        }
    }

    /// <summary>
    /// The first release that checks a data source's apiGroup as a DNS subdomain (on create; old claims with one are
    /// exempt): absent from validateDataSource/validateDataSourceRef in v1.28.0's validation.go (ceph/ceph-csi cd9cbbb8b7),
    /// present from v1.29.0 (a6f7fef301).
    /// </summary>
    private static readonly Profiles.KubernetesVersion DataSourceApiGroupCheckedSince = new(1, 29);

    /// <summary>validateDataSource / validateDataSourceRef (the namespace only for the latter).</summary>
    private static void ValidateDataSource(Context ctx, string name, string kind, string? apiGroup, string? ns, FieldPath path)
    {
        if (name.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("name")));
        }

        if (kind.Length == 0)
        {
            ctx.Add(FieldError.Required(path.Child("kind")));
        }

        string group = apiGroup ?? "";
        if (group.Length == 0 && kind != "PersistentVolumeClaim")
        {
            ctx.Add(FieldError.Invalid(path, kind, "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
        }

        if (group.Length != 0 && ctx.Version >= DataSourceApiGroupCheckedSince)
        {
            foreach (string msg in NameRules.Dns1123Subdomain(group))
            {
                ctx.Add(FieldError.Invalid(path.Child("apiGroup"), group, msg));
            }
        }

        if (ns is { Length: > 0 })
        {
            foreach (string msg in NameRules.NameIsDnsLabel(ns, prefix: false, ctx.Version))
            {
                ctx.Add(FieldError.Invalid(path.Child("namespace"), ns, msg));
            }
        }
    }

    private static RawJsonValue LabelSelectorValue(LabelSelector selector, Context ctx) => GoValues.LabelSelector(selector, ctx.Version);

    private static RawJsonValue ClusterTrustBundleValue(ClusterTrustBundleProjection ctb, Context ctx) => GoValues.ClusterTrustBundle(ctb, ctx.Version);
}
