using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Admission.Plugins;

/// <summary>
/// kubernetes pkg/util/tolerations <c>MergeTolerations</c> and <c>isSuperset</c> (ADM-017), which the RuntimeClass
/// plugin uses to add a class's tolerations to a pod's: one blob (<c>073aa901ab</c>) in support-bundle-kit's vendored
/// v1.27.11, v1.29.9, v1.33.1 and v1.35.0. A toleration is dropped when an earlier kept one, or a later one that is not
/// equal to it, tolerates everything it does; equal tolerations keep the first. So an <c>{operator: Exists}</c> with no
/// key and no effect in the class swallows every toleration of the pod, the ones DefaultTolerationSeconds added included.
/// </summary>
internal static class TolerationMerge
{
    /// <summary>MergeTolerations(<paramref name="first"/>, <paramref name="second"/>): the list the pod gets.</summary>
    public static ValueList<Toleration> Merge(ValueList<Toleration> first, ValueList<Toleration> second)
    {
        var all = new List<Toleration>(first.Count + second.Count);
        all.AddRange(first);
        all.AddRange(second);
        var merged = new List<Toleration>(all.Count);
        for (int i = 0; i < all.Count; i++)
        {
            if (Redundant(all, merged, i))
            {
                continue;
            }

            merged.Add(all[i]);
        }

        return merged.ToValueList();
    }

    private static bool Redundant(List<Toleration> all, List<Toleration> merged, int i)
    {
        var t = all[i];
        foreach (var kept in merged)
        {
            if (IsSuperset(kept, t))
            {
                return true;
            }
        }

        for (int j = i + 1; j < all.Count; j++)
        {
            // Of two equal tolerations the first is kept: a later equal one does not make it redundant.
            if (!Equal(t, all[j]) && IsSuperset(all[j], t))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>isSuperset(ss, t): whether <paramref name="ss"/> tolerates every taint <paramref name="t"/> does.</summary>
    public static bool IsSuperset(Toleration ss, Toleration t)
    {
        if (Equal(t, ss))
        {
            return true;
        }

        // An empty key with Exists matches every key.
        if (t.Key != ss.Key && (ss.Key.Length != 0 || ss.Operator != "Exists"))
        {
            return false;
        }

        // An empty effect matches every effect.
        if (t.Effect != ss.Effect && ss.Effect.Length != 0)
        {
            return false;
        }

        if (ss.Effect == "NoExecute" && ss.TolerationSeconds is long limit && (t.TolerationSeconds is not long seconds || seconds > limit))
        {
            return false;
        }

        return ss.Operator switch
        {
            // An empty operator means Equal; t's operator must be Equal as written (an empty one is not).
            "Equal" or "" => t.Operator == "Equal" && t.Value == ss.Value,
            "Exists" => true,

            // Any other operator (Gt and Lt included: the function has no case for them) is logged and answers false.
            _ => false,
        };
    }

    /// <summary>apiequality.Semantic.DeepEqual of two tolerations: every field, tolerationSeconds by value.</summary>
    private static bool Equal(Toleration a, Toleration b) =>
        a.Key == b.Key && a.Operator == b.Operator && a.Value == b.Value && a.Effect == b.Effect && a.TolerationSeconds == b.TolerationSeconds;
}
