using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Collections;

namespace PodConformance.Generators;

/// <summary>
/// Smaller sets of ServiceAccounts for a failing case (<see cref="ServiceAccountCases"/>): an account less, then within one
/// account no annotations, automountServiceAccountToken unset, a pull secret less, a listed Secret less. The account the pod
/// names may go: the shrunk case then names a missing account (or the namespace's bare <c>default</c>), which the comparison
/// decides as any other case.
/// </summary>
public static class ServiceAccountShrinker
{
    public static IEnumerable<ValueList<ServiceAccount>> Shrink(ValueList<ServiceAccount> accounts)
    {
        for (int i = accounts.Count - 1; i >= 0; i--)
        {
            yield return accounts.RemoveAt(i);
        }

        for (int i = 0; i < accounts.Count; i++)
        {
            foreach (var smaller in Shrink(accounts[i]))
            {
                yield return accounts.SetItem(i, smaller);
            }
        }
    }

    private static IEnumerable<ServiceAccount> Shrink(ServiceAccount sa)
    {
        if (!sa.Annotations.IsEmpty)
        {
            yield return sa with { Annotations = default };
        }

        if (sa.AutomountServiceAccountToken is not null)
        {
            yield return sa with { AutomountServiceAccountToken = null };
        }

        for (int i = sa.ImagePullSecrets.Count - 1; i >= 0; i--)
        {
            yield return sa with { ImagePullSecrets = sa.ImagePullSecrets.RemoveAt(i) };
        }

        for (int i = sa.Secrets.Count - 1; i >= 0; i--)
        {
            yield return sa with { Secrets = sa.Secrets.RemoveAt(i) };
        }
    }
}
