using PodConformance.Model.Api;

namespace PodConformance.Model.Defaulting;

public static partial class PodDefaulter
{
    /// <summary>
    /// DEF-025: <c>serviceAccount</c> is the v1 alias of <c>serviceAccountName</c>. Decoding (<c>Convert_v1_PodSpec_To_core_PodSpec</c>)
    /// takes the alias only when the name is empty; encoding (<c>Convert_core_PodSpec_To_v1_PodSpec</c>) writes the name back
    /// into the alias, so the stored pod carries both, equal. The model keeps one pod for both forms: the name is resolved
    /// and the alias set to it here, after the other conversion step (DEF-023).
    /// </summary>
    private static Pod ResolveServiceAccountAlias(Pod pod, ChangeLog log)
    {
        var spec = pod.Spec;
        string name = spec.ServiceAccountName.Length == 0 ? spec.DeprecatedServiceAccount : spec.ServiceAccountName;
        if (ReferenceEquals(name, spec.ServiceAccountName) && string.Equals(name, spec.DeprecatedServiceAccount, StringComparison.Ordinal))
        {
            return pod;
        }

        if (!ReferenceEquals(name, spec.ServiceAccountName))
        {
            log.Add(DefaultingRules.ServiceAccountAlias, "spec.serviceAccountName", name);
        }

        if (!string.Equals(name, spec.DeprecatedServiceAccount, StringComparison.Ordinal))
        {
            log.Add(DefaultingRules.ServiceAccountAlias, "spec.serviceAccount", name);
        }

        return pod with { Spec = spec with { ServiceAccountName = name, DeprecatedServiceAccount = name } };
    }
}
