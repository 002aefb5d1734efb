using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Validation;

/// <summary>
/// validatePodResourceClaims and the <c>resources.claims</c> of containers (spec/validation.md VAL-340…342). The
/// fields exist only with DynamicResourceAllocation; when the gate is off the create strategy drops them (DEF-300),
/// so the checks here only ever see claims of an enabled profile.
/// </summary>
public static partial class PodValidator
{
    /// <summary>Release whose PodResourceClaim names its source directly (resourceClaimName / resourceClaimTemplateName).</summary>
    private static readonly KubernetesVersion DirectClaimSourceSince = new(1, 31);

    /// <summary>
    /// Release from which a static (mirror) pod may not have resource claims. The check merged for 1.34 (#131844) and
    /// was backported to v1.32.6 (#131875) and v1.33.2 (#131876), a loophole fix: the model follows the patches that
    /// carry it, as for other backported security fixes (ADM-036), so 1.32.0–1.32.5 and 1.33.0–1.33.1 differ.
    /// </summary>
    private static readonly KubernetesVersion StaticPodClaimsForbiddenSince = new(1, 32);

    /// <summary>Release whose pod-level <c>resources.claims</c> message says "may not" (1.32–1.33 said "cannot").</summary>
    private static readonly KubernetesVersion PodLevelClaimsMayNotSince = new(1, 34);

    private const string MirrorPodAnnotation = "kubernetes.io/config.mirror";

    /// <summary>
    /// gatherPodResourceClaimNames for the containers (every non-empty name), then validatePodResourceClaim for each
    /// claim: VAL-340 from 1.31, VAL-341 (the <c>source</c> form) before.
    /// </summary>
    private static void ValidatePodResourceClaims(Context ctx, ObjectMeta meta, ValueList<PodResourceClaim> claims, FieldPath path)
    {
        ctx.PodClaimNames = null;
        if (claims.IsEmpty)
        {
            return;
        }

        var gathered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in claims)
        {
            if (claim.Name.Length != 0)
            {
                gathered.Add(claim.Name);
            }
        }

        ctx.PodClaimNames = gathered;
        bool direct = ctx.Version >= DirectClaimSourceSince;
        using var _ = ctx.Rule(direct ? ValidationRules.PodResourceClaims : ValidationRules.PodResourceClaimSources);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < claims.Count; i++)
        {
            var claim = claims[i];
            var idx = path.Index(i);
            if (ctx.Version >= StaticPodClaimsForbiddenSince && meta.Annotations.ContainsKey(MirrorPodAnnotation))
            {
                // Upstream returns this error alone for the claim, at the root path "".
                ctx.Add(FieldError.Forbidden(FieldPath.Root(""), "static pods do not support resource claims"));
                continue;
            }

            var namePath = idx.Child("name");
            bool nameValid = false;
            if (claim.Name.Length == 0)
            {
                ctx.Add(FieldError.Required(namePath));
            }
            else if (seen.Contains(claim.Name))
            {
                ctx.Add(FieldError.Duplicate(namePath, claim.Name));
            }
            else
            {
                int before = ctx.Count;
                foreach (string msg in NameRules.Dns1123Label(claim.Name, ctx.Version))
                {
                    ctx.Add(FieldError.Invalid(namePath, claim.Name, msg));
                }

                nameValid = ctx.Count == before;
                seen.Add(claim.Name);
            }

            if (direct)
            {
                ValidateClaimSource(ctx, claim.ResourceClaimName, claim.ResourceClaimTemplateName, idx, ClaimJson(ctx, claim));
            }
            else
            {
                string? templateName = claim.Source.ResourceClaimTemplateName;
                if (nameValid && templateName is not null)
                {
                    // The claim the controller will create is named <pod>-<claim>; it must be a valid object name.
                    string final = meta.Name + "-" + claim.Name;
                    foreach (string msg in NameRules.NameIsDnsSubdomain(final, prefix: false))
                    {
                        ctx.Add(FieldError.Invalid(namePath, final, "final ResourceClaim name: " + msg));
                    }
                }

                ValidateClaimSource(ctx, claim.Source.ResourceClaimName, templateName, idx.Child("source"), ClaimSourceJson(ctx, claim.Source));
            }
        }
    }

    /// <summary>Exactly one of the two names (the bad value is the whole internal struct as JSON), each a DNS subdomain.</summary>
    private static void ValidateClaimSource(Context ctx, string? claimName, string? templateName, FieldPath path, RawJsonValue whole)
    {
        if (claimName is not null && templateName is not null)
        {
            ctx.Add(FieldError.Invalid(path, whole, "at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified"));
        }

        if (claimName is null && templateName is null)
        {
            ctx.Add(FieldError.Invalid(path, whole, "must specify one of: `resourceClaimName`, `resourceClaimTemplateName`"));
        }

        if (claimName is not null)
        {
            foreach (string msg in NameRules.NameIsDnsSubdomain(claimName, prefix: false))
            {
                ctx.Add(FieldError.Invalid(path.Child("resourceClaimName"), claimName, msg));
            }
        }

        if (templateName is not null)
        {
            foreach (string msg in NameRules.NameIsDnsSubdomain(templateName, prefix: false))
            {
                ctx.Add(FieldError.Invalid(path.Child("resourceClaimTemplateName"), templateName, msg));
            }
        }
    }

    /// <summary>
    /// validateResourceClaimNames (VAL-342) for a container's (or the pod-level) <c>resources.claims</c>: each name
    /// Required, no repeats (a whole claim after one of its requests, or the same claim/request twice, is a Duplicate),
    /// a request a DNS label, and every name one of spec.resourceClaims (Not found, listing them sorted).
    /// </summary>
    private static void ValidateResourceClaimNames(Context ctx, ValueList<ResourceClaim> claims, FieldPath path)
    {
        if (claims.IsEmpty)
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.ContainerResourceClaims);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var podClaims = ctx.PodClaimNames;
        for (int i = 0; i < claims.Count; i++)
        {
            string name = claims[i].Name;
            string request = claims[i].Request;
            var idx = path.Index(i);
            if (name.Length == 0)
            {
                ctx.Add(FieldError.Required(idx));
                continue;
            }

            if (names.Contains(name))
            {
                ctx.Add(FieldError.Duplicate(idx, name));
            }
            else
            {
                string key = name;
                if (request.Length != 0)
                {
                    foreach (string msg in NameRules.Dns1123Label(request, ctx.Version))
                    {
                        ctx.Add(FieldError.Invalid(idx.Child("request"), request, msg));
                    }

                    key = name + "/" + request;
                }

                if (names.Contains(key))
                {
                    ctx.Add(FieldError.Duplicate(idx, key));
                }
                else if (request.Length == 0)
                {
                    foreach (string earlier in names)
                    {
                        int slash = earlier.IndexOf('/', StringComparison.Ordinal);
                        if (slash >= 0 && earlier.AsSpan(0, slash).SequenceEqual(name))
                        {
                            ctx.Add(FieldError.Duplicate(idx, name));
                        }
                    }
                }

                names.Add(key);
            }

            if (podClaims is null || !podClaims.Contains(name))
            {
                string detail = podClaims is null || podClaims.Count == 0
                    ? "must be one of the names in pod.spec.resourceClaims which is empty"
                    : "must be one of the names in pod.spec.resourceClaims: " + string.Join(", ", Sorted(podClaims));
                ctx.Add(new FieldError(FieldErrorType.NotFound, idx.ToString(), name, detail));
            }
        }
    }

    /// <summary>validatePodResources' first check: pod-level <c>resources.claims</c> are Forbidden (VAL-342).</summary>
    private static void ValidatePodLevelClaims(Context ctx, ResourceRequirements resources, FieldPath resourcesPath)
    {
        // Go tests `spec.Resources.Claims != nil` (validation.go v1.32.5 … v1.35.4): an explicit `claims: []` is refused too.
        if (resources.Claims.IsEmpty && !resources.ClaimsGiven)
        {
            return;
        }

        string text = ctx.Version >= PodLevelClaimsMayNotSince
            ? "claims may not be set for Resources at pod-level"
            : "claims cannot be set for Resources at pod-level";
        ctx.Add(FieldError.Forbidden(resourcesPath.Child("claims"), text), ValidationRules.ContainerResourceClaims);
    }

    private static string[] Sorted(HashSet<string> set)
    {
        var a = new string[set.Count];
        set.CopyTo(a);
        Array.Sort(a, StringComparer.Ordinal);
        return a;
    }

    /// <summary>The internal core.PodResourceClaim (1.31+) as field.Error prints it (%#v to 1.33, JSON after).</summary>
    private static RawJsonValue ClaimJson(Context ctx, PodResourceClaim claim) =>
        new GoJson.StructWriter(ctx.Version, "core.PodResourceClaim")
            .String("Name", claim.Name)
            .OptionalString("ResourceClaimName", claim.ResourceClaimName)
            .OptionalString("ResourceClaimTemplateName", claim.ResourceClaimTemplateName)
            .Build();

    /// <summary>The internal core.ClaimSource (1.28–1.30) as field.Error prints it (%#v).</summary>
    private static RawJsonValue ClaimSourceJson(Context ctx, ClaimSource source) =>
        new GoJson.StructWriter(ctx.Version, "core.ClaimSource")
            .OptionalString("ResourceClaimName", source.ResourceClaimName)
            .OptionalString("ResourceClaimTemplateName", source.ResourceClaimTemplateName)
            .Build();
}
