using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Warnings;

/// <summary>
/// The warnings of a Pod create, in the order the API server emits them: those the create strategy adds while
/// preparing the object (PrepareForCreate: <see cref="ForPrepare"/>), then <c>WarningsOnCreate</c>, whose pod part is
/// <c>GetWarningsForPod</c> → <c>warningsForPodSpecAndMeta</c> (kubernetes pkg/api/pod/warnings.go: <see cref="ForPod"/>).
/// Every check of warnings.go is modelled, one rule per file (spec/validation.md WARN-001…029).
/// </summary>
/// <remarks>
/// Runs on every create (spec/guides/performance.md): no LINQ, no regex, and nothing allocated unless a warning is
/// emitted; the list and a warning's text are built only then.
/// </remarks>
public static partial class PodWarnings
{
    /// <summary>Both parts for one pod (the strategy's and GetWarningsForPod's), for callers without a create.</summary>
    public static ValueList<PodWarning> ForCreate(Pod pod, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(profile);
        List<PodWarning>? warnings = null;
        AppArmorVersionSkew(pod, profile, ref warnings);
        SpecAndMeta(pod, profile, ref warnings);
        return warnings is null ? ValueList<PodWarning>.Empty : new ValueList<PodWarning>(warnings);
    }

    /// <summary>
    /// PrepareForCreate's warnings (WARN-003), read from the pod as submitted: applyAppArmorVersionSkew looks at the
    /// object before it copies an annotation into the container field.
    /// </summary>
    public static ValueList<PodWarning> ForPrepare(Pod submitted, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        ArgumentNullException.ThrowIfNull(profile);
        List<PodWarning>? warnings = null;
        AppArmorVersionSkew(submitted, profile, ref warnings);
        return warnings is null ? ValueList<PodWarning>.Empty : new ValueList<PodWarning>(warnings);
    }

    /// <summary>
    /// <c>GetWarningsForPod(ctx, pod, nil)</c> for <paramref name="pod"/> as WarningsOnCreate sees it: decoded with
    /// defaulting, admitted and prepared (so a port's protocol is already <c>TCP</c>, requests copied from limits, and
    /// the service-account volume present).
    /// </summary>
    public static ValueList<PodWarning> ForPod(Pod pod, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(profile);
        List<PodWarning>? warnings = null;
        SpecAndMeta(pod, profile, ref warnings);
        return warnings is null ? ValueList<PodWarning>.Empty : new ValueList<PodWarning>(warnings);
    }

    /// <summary>warningsForPodSpecAndMeta with a nil field path (a Pod, not a template), in its order.</summary>
    private static void SpecAndMeta(Pod pod, Profile profile, ref List<PodWarning>? warnings)
    {
        var spec = pod.Spec;
        DeprecatedNodeSelectorLabels(spec, ref warnings);
        NodeAffinityTerms(spec, profile, ref warnings);
        TopologySpreadConstraints(spec, ref warnings);
        DeprecatedAnnotations(pod, ref warnings);
        DeprecatedVolumePlugins(spec, profile, ref warnings);
        OverlappingVolumePaths(spec, profile, ref warnings);
        DuplicateHostAliases(spec, ref warnings);
        ImagePullSecretNames(spec, ref warnings);
        FractionalOverhead(spec, ref warnings);
        SeccompPodAnnotation(pod, ref warnings);
        PerContainer(pod, spec.InitContainers, "spec.initContainers[", profile, ref warnings);
        PerContainer(pod, spec.Containers, "spec.containers[", profile, ref warnings);
        PerContainer(pod, spec.EphemeralContainers, "spec.ephemeralContainers[", profile, ref warnings);
        Ports(spec, ref warnings);
        DuplicatePortNames(spec, profile, ref warnings);
        NegativeGracePeriod(spec, ref warnings);
        PodAffinityTerms(spec, ref warnings);
        NonStandardIps(spec, profile, ref warnings);
    }

    /// <summary>The body of the first container visit (<c>pods.VisitContainersWithPath</c>): seccomp, fractional bytes, env.</summary>
    private static void PerContainer(Pod pod, ValueList<Container> containers, string prefix, Profile profile, ref List<PodWarning>? warnings)
    {
        var list = containers.AsSpan();
        for (int i = 0; i < list.Length; i++)
        {
            var c = list[i];
            SeccompContainerAnnotation(pod, c, ref warnings);
            FractionalContainerResources(c, prefix, i, ref warnings);
            DuplicateEnv(c, prefix, i, profile, ref warnings);
        }
    }

    /// <summary>A container's field path, <c>spec.containers[2]</c>; built only for a warning's text.</summary>
    private static string ContainerPath(string prefix, int index) =>
        prefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    private static string Invariant(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Add(ref List<PodWarning>? warnings, string rule, string text) => (warnings ??= []).Add(new PodWarning(rule, text));
}
