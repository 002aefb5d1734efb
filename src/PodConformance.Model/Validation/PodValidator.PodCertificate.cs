using System.Text;
using PodConformance.Model.Api;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Validation;

/// <summary>
/// The podCertificate projection of validateProjectionSources (spec/validation.md VAL-631; PodCertificateRequest, 1.34+,
/// dropped by the create strategy with the gate off, DEF-409).
/// </summary>
public static partial class PodValidator
{
    /// <summary>The release that added <c>userAnnotations</c> and its check (ValidateUserAnnotations).</summary>
    private static readonly KubernetesVersion PodCertificateUserAnnotationsSince = new(1, 35);

    /// <summary>The key types of the 1.34/1.35 switch, in its order (the order of the NotSupported list).</summary>
    private static readonly string[] PodCertificateKeyTypes = ["RSA3072", "RSA4096", "ECDSAP256", "ECDSAP384", "ECDSAP521", "ED25519"];

    /// <summary>certificates.MaxMaxExpirationSeconds (91 days) and KubernetesMaxMaxExpirationSeconds (24 hours).</summary>
    private const int PodCertificateMaxMaxExpiration = 91 * 24 * 60 * 60;

    private const int PodCertificateKubernetesMaxMaxExpiration = 24 * 60 * 60;

    /// <summary>apimachinery TotalAnnotationSizeLimitB, the bound of ValidateAnnotationsSize.</summary>
    private const int TotalAnnotationSizeLimitBytes = 256 * 1024;

    /// <summary>
    /// VAL-631, in upstream order: ValidateSignerName; (1.35+) userAnnotations; keyType one of six; maxExpirationSeconds,
    /// if set, at least 3600 and at most 86400 for a kubernetes.io signer, else 7862400; each of credentialBundlePath,
    /// keyPath, certificateChainPath that is set a local non-reserved path and unique in the volume (the duplicate at the
    /// projected volume's path); none set → Required at the projection.
    /// </summary>
    private static void ValidatePodCertificateProjection(Context ctx, PodCertificateProjection pc, FieldPath projPath, FieldPath volumePath, ref HashSet<string>? allPaths)
    {
        using var _ = ctx.Rule(ValidationRules.PodCertificateProjection);
        ValidateSignerName(ctx, pc.SignerName, projPath.Child("signerName"));
        if (ctx.Version >= PodCertificateUserAnnotationsSince && !pc.UserAnnotations.IsEmpty)
        {
            ValidateUserAnnotations(ctx, pc.UserAnnotations, projPath.Child("userAnnotations"));
        }

        // 1.37: the owner UID, right after userAnnotations (VAL-709).
        ValidateUserField(ctx, pc.User, projPath.Child("user"));

        if (Array.IndexOf(PodCertificateKeyTypes, pc.KeyType) < 0)
        {
            ctx.Add(FieldError.NotSupported(projPath.Child("keyType"), pc.KeyType, PodCertificateKeyTypes));
        }

        if (pc.MaxExpirationSeconds is int maxExpiration)
        {
            var expPath = projPath.Child("maxExpirationSeconds");
            if (maxExpiration < 3600)
            {
                ctx.Add(FieldError.Invalid(expPath, maxExpiration, "if provided, maxExpirationSeconds must be >= 3600"));
            }

            int limit = IsKubernetesSignerName(pc.SignerName) ? PodCertificateKubernetesMaxMaxExpiration : PodCertificateMaxMaxExpiration;
            if (maxExpiration > limit)
            {
                ctx.Add(FieldError.Invalid(expPath, maxExpiration, "if provided, maxExpirationSeconds must be <= " + limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        bool anyPath = false;
        anyPath |= PodCertificatePath(ctx, pc.CredentialBundlePath, projPath.Child("credentialBundlePath"), volumePath, ref allPaths);
        anyPath |= PodCertificatePath(ctx, pc.KeyPath, projPath.Child("keyPath"), volumePath, ref allPaths);
        anyPath |= PodCertificatePath(ctx, pc.CertificateChainPath, projPath.Child("certificateChainPath"), volumePath, ref allPaths);
        if (!anyPath)
        {
            ctx.Add(FieldError.Required(projPath, "specify at least one of credentialBundlePath, keyPath, and certificateChainPath"));
        }
    }

    /// <summary>One of the three paths: unset is skipped; set, a local non-reserved path that no other file of the volume uses.</summary>
    private static bool PodCertificatePath(Context ctx, string target, FieldPath path, FieldPath volumePath, ref HashSet<string>? allPaths)
    {
        if (target.Length == 0)
        {
            return false;
        }

        ValidateLocalNonReservedPath(ctx, target, path);
        if (!(allPaths ??= new HashSet<string>(StringComparer.Ordinal)).Add(target))
        {
            ctx.Add(FieldError.Invalid(volumePath, target, "conflicting duplicate paths"), ValidationRules.ProjectedSource);
        }

        return true;
    }

    /// <summary>IsKubernetesSignerName (names.go): the text before the first '/' is kubernetes.io or ends in .kubernetes.io.</summary>
    private static bool IsKubernetesSignerName(string signerName)
    {
        int slash = signerName.IndexOf('/', StringComparison.Ordinal);
        string host = slash < 0 ? signerName : signerName[..slash];
        return host == "kubernetes.io" || host.EndsWith(".kubernetes.io", StringComparison.Ordinal);
    }

    /// <summary>
    /// ValidateUserAnnotations (1.35): each key, lower-cased, is a domain-prefixed label key (IsDomainPrefixedKey: Required
    /// if empty, the label key messages, else exactly one '/'), all at the userAnnotations path; then the total size
    /// (key and value bytes) at most 256 KiB. Upstream walks a Go map (random order); the model walks keys in ordinal order.
    /// </summary>
    private static void ValidateUserAnnotations(Context ctx, Collections.ValueMap<string> annotations, FieldPath path)
    {
        long total = 0;
        foreach (var (key, value) in annotations)
        {
            total += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value);
            string lower = key.ToLowerInvariant();
            if (lower.Length == 0)
            {
                ctx.Add(FieldError.Required(path));
                continue;
            }

            string[] msgs = NameRules.QualifiedName(lower, ctx.Version);
            foreach (string msg in msgs)
            {
                ctx.Add(FieldError.Invalid(path, lower, msg));
            }

            if (msgs.Length == 0 && lower.Split('/').Length != 2)
            {
                ctx.Add(FieldError.Invalid(path, lower, "must be a domain-prefixed key (such as \"acme.io/foo\")"));
            }
        }

        if (total > TotalAnnotationSizeLimitBytes)
        {
            ctx.Add(FieldError.TooLong(path, TotalAnnotationSizeLimitBytes));
        }
    }
}
