using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Warnings;

/// <summary>
/// WARN-028: a pod (anti-)affinity term without labelSelector matches no pod (warnings.go
/// <c>warningsForPodAffinityTerms</c>, <c>warningsForWeightedPodAffinityTerms</c>): podAffinity's required then
/// preferred terms, then podAntiAffinity's, after the grace-period check.
/// </summary>
public static partial class PodWarnings
{
    private static void PodAffinityTerms(PodSpec spec, ref List<PodWarning>? warnings)
    {
        if (spec.Affinity is not { } affinity)
        {
            return;
        }

        if (affinity.PodAffinity is { } a)
        {
            RequiredTerms(a.RequiredDuringSchedulingIgnoredDuringExecution, "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[", ref warnings);
            PreferredTerms(a.PreferredDuringSchedulingIgnoredDuringExecution, "spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[", ref warnings);
        }

        if (affinity.PodAntiAffinity is { } anti)
        {
            RequiredTerms(anti.RequiredDuringSchedulingIgnoredDuringExecution, "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[", ref warnings);
            PreferredTerms(anti.PreferredDuringSchedulingIgnoredDuringExecution, "spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[", ref warnings);
        }
    }

    private static void RequiredTerms(ValueList<PodAffinityTerm> terms, string head, ref List<PodWarning>? warnings)
    {
        var span = terms.AsSpan();
        for (int i = 0; i < span.Length; i++)
        {
            if (span[i].LabelSelector is null)
            {
                Add(ref warnings, NullPodAffinitySelector, head + Invariant(i) + "].labelSelector: a null labelSelector results in matching no pod");
            }
        }
    }

    private static void PreferredTerms(ValueList<WeightedPodAffinityTerm> terms, string head, ref List<PodWarning>? warnings)
    {
        var span = terms.AsSpan();
        for (int i = 0; i < span.Length; i++)
        {
            if (span[i].PodAffinityTerm.LabelSelector is null)
            {
                Add(ref warnings, NullPodAffinitySelector, head + Invariant(i) + "].podAffinityTerm.labelSelector: a null labelSelector results in matching no pod");
            }
        }
    }
}
