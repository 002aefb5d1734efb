using PodConformance.Model.Api;

namespace PodConformance.Model.Warnings;

/// <summary>
/// Repeated list entries a strategic merge or apply would merge away (warnings.go, issues #91670, #91629, #58477):
/// a hostAliases ip given again (WARN-019), an imagePullSecrets name given again (WARN-020), and an imagePullSecrets
/// entry with an empty name (WARN-021, #99454), checked after the duplicates.
/// </summary>
public static partial class PodWarnings
{
    private static void DuplicateHostAliases(PodSpec spec, ref List<PodWarning>? warnings)
    {
        var aliases = spec.HostAliases.AsSpan();
        for (int i = 1; i < aliases.Length; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (string.Equals(aliases[j].IP, aliases[i].IP, StringComparison.Ordinal))
                {
                    Add(ref warnings, DuplicateHostAliasIp, "spec.hostAliases[" + Invariant(i) + "].ip: duplicate ip " + Validation.GoQuote.Quote(aliases[i].IP));
                    break;
                }
            }
        }
    }

    private static void ImagePullSecretNames(PodSpec spec, ref List<PodWarning>? warnings)
    {
        var secrets = spec.ImagePullSecrets.AsSpan();
        for (int i = 1; i < secrets.Length; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (string.Equals(secrets[j].Name, secrets[i].Name, StringComparison.Ordinal))
                {
                    Add(ref warnings, DuplicateImagePullSecret, "spec.imagePullSecrets[" + Invariant(i) + "].name: duplicate name " + Validation.GoQuote.Quote(secrets[i].Name));
                    break;
                }
            }
        }

        for (int i = 0; i < secrets.Length; i++)
        {
            if (secrets[i].Name.Length == 0)
            {
                Add(ref warnings, EmptyImagePullSecretName, "spec.imagePullSecrets[" + Invariant(i) + "].name: invalid empty name \"\"");
            }
        }
    }
}
