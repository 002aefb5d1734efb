using System.Text;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Validation;

/// <summary>downwardAPI volumes and projected volumes (VAL-061, VAL-626…VAL-631).</summary>
public static partial class PodValidator
{
    /// <summary>validateDownwardAPIVolumeSource (VAL-061): defaultMode, then each item.</summary>
    private static void ValidateDownwardApiVolume(Context ctx, Volume v, FieldPath path)
    {
        using (ctx.Rule(ValidationRules.DownwardApiVolumeFiles))
        {
            if (v.DownwardApiDefaultMode is int mode && !IsFileMode(mode))
            {
                ctx.Add(FieldError.Invalid(path.Child("defaultMode"), mode, FileModeErrorMessage));
            }
        }

        ValidateUserField(ctx, v.DownwardApiDefaultUser, path.Child("defaultUser"));
        foreach (var file in v.DownwardApiItems)
        {
            ValidateDownwardApiVolumeFile(ctx, file, path);
        }
    }

    /// <summary>
    /// validateDownwardAPIVolumeFile (VAL-061): every error is at the <b>unindexed</b> <paramref name="path"/> (the
    /// downwardAPI source, not items[i]), as upstream: path Required and a local non-reserved path; exactly one of
    /// fieldRef (volume paths: metadata.annotations/labels/name/namespace/uid) and resourceFieldRef (containerName
    /// Required); mode 0..0777.
    /// </summary>
    private static void ValidateDownwardApiVolumeFile(Context ctx, DownwardApiVolumeFile file, FieldPath path)
    {
        using var _ = ctx.Rule(ValidationRules.DownwardApiVolumeFiles);
        var pathPath = path.Child("path");
        if (file.Path.Length == 0)
        {
            ctx.Add(FieldError.Required(pathPath));
        }

        ValidateLocalNonReservedPath(ctx, file.Path, pathPath);
        if (file.FieldRef is not null)
        {
            ValidateObjectFieldSelector(ctx, file.FieldRef, VolumeFieldPaths, path.Child("fieldRef"));
            if (file.ResourceFieldRef is not null)
            {
                ctx.Add(FieldError.Invalid(path, "resource", "fieldRef and resourceFieldRef can not be specified simultaneously"));
            }

            ValidateDownwardApiHostIps(ctx, file.FieldRef, path.Child("fieldRef"));
        }
        else if (file.ResourceFieldRef is not null)
        {
            ValidateContainerResourceFieldSelector(ctx, file.ResourceFieldRef, path.Child("resourceFieldRef"), volume: true);
        }
        else
        {
            ctx.Add(FieldError.Required(path, "one of fieldRef and resourceFieldRef is required"));
        }

        if (file.Mode is int mode && !IsFileMode(mode))
        {
            ctx.Add(FieldError.Invalid(path.Child("mode"), mode, FileModeErrorMessage));
        }

        ValidateUserField(ctx, file.User, path.Child("user"));
    }

    /// <summary>
    /// The release whose validateProjectionSources names a cluster trust bundle source <c>clusterTrustBundle</c> (1.29–1.30:
    /// <c>clusterTrustBundlePEM</c>) and says "more than 1 volume type per source" (1.28–1.30: without "per source"):
    /// validation.go vendored by ceph/ceph-csi, blob a6f7fef301 (v1.29.0) and ecccf96949 (v1.30.0) against 248d57d237
    /// (v1.31.0), spec/guides/release-diffs-1.28-1.32.md.
    /// </summary>
    private static readonly KubernetesVersion ProjectionWordingSince = new(1, 31);

    /// <summary>
    /// validateProjectedVolumeSource / validateProjectionSources (VAL-626): defaultMode; each source's projections in the
    /// order secret, configMap, downwardAPI, serviceAccountToken, clusterTrustBundle, podCertificate, then Forbidden at
    /// the source if it set more than one. File paths must be unique across the whole volume (reported at the projected
    /// path itself); service account token paths take no part in that check.
    /// </summary>
    private static void ValidateProjected(Context ctx, ProjectedVolumeSource projected, FieldPath path)
    {
        using (ctx.Rule(ValidationRules.ProjectedSource))
        {
            if (projected.DefaultMode is int mode && !IsFileMode(mode))
            {
                ctx.Add(FieldError.Invalid(path.Child("defaultMode"), mode, FileModeErrorMessage));
            }
        }

        ValidateUserField(ctx, projected.DefaultUser, path.Child("defaultUser"));
        HashSet<string>? allPaths = null;
        var sourcesPath = path.Child("sources");
        for (int i = 0; i < projected.Sources.Count; i++)
        {
            var source = projected.Sources[i];
            var srcPath = sourcesPath.Index(i);
            int numSources = 0;
            if (source.Secret is { } secret)
            {
                numSources++;
                ValidateProjectedKeyToPaths(ctx, secret.Name, secret.Items, srcPath.Child("secret"), path, ref allPaths);
            }

            if (source.ConfigMap is { } configMap)
            {
                numSources++;
                ValidateProjectedKeyToPaths(ctx, configMap.Name, configMap.Items, srcPath.Child("configMap"), path, ref allPaths);
            }

            if (source.DownwardAPI is { } downward)
            {
                numSources++;
                var projPath = srcPath.Child("downwardAPI");
                foreach (var file in downward.Items)
                {
                    ValidateDownwardApiVolumeFile(ctx, file, projPath);
                    if (file.Path.Length != 0 && !(allPaths ??= new HashSet<string>(StringComparer.Ordinal)).Add(file.Path))
                    {
                        ctx.Add(FieldError.Invalid(path, file.Path, "conflicting duplicate paths"), ValidationRules.ProjectedSource);
                    }
                }
            }

            if (source.ServiceAccountToken is { } token)
            {
                numSources++;
                ValidateServiceAccountTokenProjection(ctx, token, srcPath.Child("serviceAccountToken"), path);
            }

            // The create strategy drops the projection when the gate is off (DEF-409).
            if (source.ClusterTrustBundle is { } bundle)
            {
                numSources++;
                ValidateClusterTrustBundleProjection(ctx, bundle, srcPath.Child(ctx.Version >= ProjectionWordingSince ? "clusterTrustBundle" : "clusterTrustBundlePEM"), path, ref allPaths);
            }

            // The create strategy drops the projection when the gate is off (DEF-409).
            if (source.PodCertificate is { } certificate)
            {
                numSources++;
                ValidatePodCertificateProjection(ctx, certificate, srcPath.Child("podCertificate"), path, ref allPaths);
            }

            if (numSources > 1)
            {
                ctx.Add(FieldError.Forbidden(srcPath, ctx.Version >= ProjectionWordingSince ? "may not specify more than 1 volume type per source" : "may not specify more than 1 volume type"), ValidationRules.ProjectedSource);
            }
        }
    }

    /// <summary>VAL-627: a secret or configMap projection: name Required; items as KeyToPath; each path unique in the volume.</summary>
    private static void ValidateProjectedKeyToPaths(Context ctx, string name, ValueList<KeyToPath> items, FieldPath projPath, FieldPath volumePath, ref HashSet<string>? allPaths)
    {
        if (name.Length == 0)
        {
            ctx.Add(FieldError.Required(projPath.Child("name")), ValidationRules.ProjectedKeyToPathSources);
        }

        var itemsPath = projPath.Child("items");
        for (int j = 0; j < items.Count; j++)
        {
            var kp = items[j];
            ValidateKeyToPath(ctx, kp, itemsPath.Index(j));
            if (kp.Path.Length != 0 && !(allPaths ??= new HashSet<string>(StringComparer.Ordinal)).Add(kp.Path))
            {
                // Upstream reports the source's name, not the path, as the bad value.
                ctx.Add(FieldError.Invalid(volumePath, name, "conflicting duplicate paths"), ValidationRules.ProjectedSource);
            }
        }
    }

    /// <summary>
    /// VAL-629: expirationSeconds at least 600 and at most 2^32; path Required, else a local non-reserved path — both
    /// reported at the <b>projected volume's</b> <c>path</c>, not the source's (upstream quirk). Audience is not checked.
    /// </summary>
    /// <summary>
    /// The token path became a local non-reserved path in 1.30 (kubernetes PR #121731, with AllowNonLocalProjectedTokenPath
    /// for old pods): the validation.go vendored by ceph/ceph-csi checks only that it is set at v1.28.1 (28d2a865f),
    /// v1.29.0 (0ba19d56a) and v1.29.3 (2caba9af0), and checks the path from v1.30.0 (0af1474e3).
    /// </summary>
    private static readonly KubernetesVersion TokenPathLocalSince = new(1, 30);

    private static void ValidateServiceAccountTokenProjection(Context ctx, ServiceAccountTokenProjection token, FieldPath projPath, FieldPath volumePath)
    {
        using var _ = ctx.Rule(ValidationRules.ServiceAccountTokenProjection);

        // Defaulting sets 3600 when unset; an explicit value is checked as given.
        long expiration = token.ExpirationSeconds ?? 0;
        if (expiration < 10 * 60)
        {
            ctx.Add(FieldError.Invalid(projPath.Child("expirationSeconds"), expiration, "may not specify a duration less than 10 minutes"));
        }

        if (expiration > 1L << 32)
        {
            ctx.Add(FieldError.Invalid(projPath.Child("expirationSeconds"), expiration, "may not specify a duration larger than 2^32 seconds"));
        }

        if (token.Path.Length == 0)
        {
            ctx.Add(FieldError.Required(volumePath.Child("path")));
        }
        else if (ctx.Profile.Version >= TokenPathLocalSince)
        {
            ValidateLocalNonReservedPath(ctx, token.Path, volumePath.Child("path"));
        }

        ValidateUserField(ctx, token.User, projPath.Child("user"));
    }

    /// <summary>
    /// VAL-630 (ClusterTrustBundleProjection): name or signerName, not both; a name is a ClusterTrustBundle name (for the
    /// signer its colons encode, if any) and forbids labelSelector; a signerName is a signer name and its labelSelector a
    /// valid selector; path Required, a local non-reserved path, and unique in the volume.
    /// </summary>
    private static void ValidateClusterTrustBundleProjection(Context ctx, ClusterTrustBundleProjection ctb, FieldPath projPath, FieldPath volumePath, ref HashSet<string>? allPaths)
    {
        using var _ = ctx.Rule(ValidationRules.ClusterTrustBundleProjection);
        bool usingName = ctb.Name is not null;
        bool usingSigner = ctb.SignerName is not null;
        if (usingName && usingSigner)
        {
            ctx.Add(FieldError.Invalid(projPath, ClusterTrustBundleValue(ctb, ctx), "only one of name and signerName may be used"));
        }
        else if (usingName)
        {
            string name = ctb.Name!;
            if (name.Length == 0)
            {
                ctx.Add(FieldError.Required(projPath.Child("name"), "must be a valid object name"));
            }

            int colon = name.LastIndexOf(':');
            string signer = colon >= 0 ? name[..colon].Replace(':', '/') : "";
            foreach (string msg in ClusterTrustBundleNameErrors(name, signer))
            {
                ctx.Add(FieldError.Invalid(projPath.Child("name"), name, "not a valid clustertrustbundlename: " + msg));
            }

            if (ctb.LabelSelector is { } selector)
            {
                ctx.Add(FieldError.Invalid(projPath.Child("labelSelector"), LabelSelectorValue(selector, ctx), "labelSelector must be unset if name is specified"));
            }
        }
        else if (usingSigner)
        {
            var signerPath = projPath.Child("signerName");
            if (ctb.SignerName!.Length == 0)
            {
                ctx.Add(FieldError.Required(signerPath, "must be a valid signer name"));
            }

            ValidateSignerName(ctx, ctb.SignerName, signerPath);
            if (ctb.LabelSelector is { } selector)
            {
                ValidateLabelSelector(ctx, selector, projPath.Child("labelSelector"), ctx.CurrentRule);
            }
        }
        else
        {
            ctx.Add(FieldError.Required(projPath, "either name or signerName must be specified"));
        }

        var pathPath = projPath.Child("path");
        if (ctb.Path.Length == 0)
        {
            ctx.Add(FieldError.Required(pathPath));
        }

        // 1.37: the owner UID is checked between the path's Required and its local-path checks (VAL-709).
        ValidateUserField(ctx, ctb.User, projPath.Child("user"));
        ValidateLocalNonReservedPath(ctx, ctb.Path, pathPath);

        // Unlike the other projections, an empty path takes part in the duplicate check.
        if (!(allPaths ??= new HashSet<string>(StringComparer.Ordinal)).Add(ctb.Path))
        {
            ctx.Add(FieldError.Invalid(volumePath, ctb.Path, "conflicting duplicate paths"), ValidationRules.ProjectedSource);
        }
    }

    /// <summary>ValidateClusterTrustBundleName(signer)(name, false) of pkg/apis/core/validation/names.go.</summary>
    private static string[] ClusterTrustBundleNameErrors(string name, string signer)
    {
        if (signer.Length == 0)
        {
            return name.Contains(':', StringComparison.Ordinal)
                ? ["ClusterTrustBundle without signer name must not have \":\" in its name"]
                : NameRules.NameIsDnsSubdomain(name, prefix: false);
        }

        string requiredPrefix = signer.Replace('/', ':') + ":";
        return name.StartsWith(requiredPrefix, StringComparison.Ordinal)
            ? NameRules.NameIsDnsSubdomain(name[requiredPrefix.Length..], prefix: false)
            : ["ClusterTrustBundle for signerName " + signer + " must be named with prefix " + requiredPrefix];
    }

    /// <summary>
    /// ValidateSignerName (names.go): Required if empty; exactly one '/'; the domain at most 253 bytes, made of DNS
    /// labels (errors for the first bad label only), with at least two of them; the path made of DNS subdomains (first
    /// bad one only); the whole at most 571 bytes.
    /// </summary>
    private static void ValidateSignerName(Context ctx, string signerName, FieldPath path)
    {
        if (signerName.Length == 0)
        {
            ctx.Add(FieldError.Required(path));
            return;
        }

        string[] segments = signerName.Split('/');
        if (segments.Length != 2)
        {
            ctx.Add(FieldError.Invalid(path, signerName, "must be a fully qualified domain and path of the form 'example.com/signer-name'"));
            return;
        }

        const int maxDomain = 253;
        if (Encoding.UTF8.GetByteCount(segments[0]) > maxDomain)
        {
            ctx.Add(FieldError.TooLong(path, maxDomain, ctx.Version));
        }

        string[] domainLabels = segments[0].Split('.');
        foreach (string label in domainLabels)
        {
            string[] errs = NameRules.Dns1123Label(label, ctx.Version);
            if (errs.Length > 0)
            {
                foreach (string err in errs)
                {
                    ctx.Add(FieldError.Invalid(path, segments[0], "validating label " + GoQuote.Quote(label) + ": " + err));
                }

                break;
            }
        }

        if (domainLabels.Length < 2)
        {
            ctx.Add(FieldError.Invalid(path, segments[0], "should be a domain with at least two segments separated by dots"));
        }

        foreach (string label in segments[1].Split('.'))
        {
            string[] errs = NameRules.Dns1123Subdomain(label);
            if (errs.Length > 0)
            {
                foreach (string err in errs)
                {
                    ctx.Add(FieldError.Invalid(path, segments[1], "validating label " + GoQuote.Quote(label) + ": " + err));
                }

                break;
            }
        }

        const int maxSigner = maxDomain + 253 + 63 + 1 + 1;
        if (Encoding.UTF8.GetByteCount(signerName) > maxSigner)
        {
            ctx.Add(FieldError.TooLong(path, maxSigner, ctx.Version));
        }
    }
}
