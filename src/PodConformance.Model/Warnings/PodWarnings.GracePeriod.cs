using PodConformance.Model.Api;

namespace PodConformance.Model.Warnings;

/// <summary>
/// WARN-027: a negative terminationGracePeriodSeconds is accepted but treated as 1 (warnings.go). The check reads the
/// decoded pod, so from 1.37, where SetDefaults_Pod already raises it to 1 (DEF-027), a create never sends it.
/// </summary>
public static partial class PodWarnings
{
    private static void NegativeGracePeriod(PodSpec spec, ref List<PodWarning>? warnings)
    {
        if (spec.TerminationGracePeriodSeconds is < 0)
        {
            Add(ref warnings, NegativeGracePeriodSeconds, "spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1");
        }
    }
}
