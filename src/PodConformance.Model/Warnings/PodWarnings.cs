using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Warnings;

/// <summary>
/// The warnings of a Pod create, in the order the API server emits them: those the create strategy adds while
/// preparing the object (PrepareForCreate), then <c>WarningsOnCreate</c> (kubernetes pkg/registry/core/pod/strategy.go,
/// pkg/api/pod/warnings.go). Only the areas listed below are modelled; others add their part here.
/// </summary>
public static partial class PodWarnings
{
    /// <summary>Warnings for creating <paramref name="pod"/> as decoded from the manifest (before defaulting).</summary>
    public static ValueList<PodWarning> ForCreate(Pod pod, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(profile);
        List<PodWarning>? warnings = null;

        // PrepareForCreate
        AppArmorVersionSkew(pod, profile, ref warnings);

        // WarningsOnCreate → GetWarningsForPod, in warningsForPodSpecAndMeta's order.
        DeprecatedAnnotations(pod, ref warnings);
        SeccompAnnotationsWithoutFields(pod, ref warnings);

        return warnings is null ? ValueList<PodWarning>.Empty : new ValueList<PodWarning>(warnings);
    }

    private static void Add(ref List<PodWarning>? warnings, string rule, string text) => (warnings ??= []).Add(new PodWarning(rule, text));
}
