using PodConformance.Model.Api;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Defaulting;

/// <summary>
/// pkg/api/pod/util.go <c>dropDisabledFields</c> as PrepareForCreate calls it (no old pod, so nothing old "uses" a field):
/// one step with one gate test and one way of showing a drop in <c>explain</c>; its fields are listed per API area,
/// DEF-201 (security and host settings), DEF-300 (scheduling, DNS and claims) and DEF-409 (volumes and mounts).
/// </summary>
public static partial class PodDefaulter
{
    /// <summary>
    /// The drops of both areas. Upstream interleaves them in one function; they touch disjoint fields, so their relative
    /// order shows only in the order of <c>explain</c>'s lines (security first here).
    /// </summary>
    private static PodSpec DropDisabledFields(PodSpec spec, Profile profile, ChangeLog log)
    {
        spec = DropDisabledSecurityFields(spec, profile, log);
        spec = DropDisabledSchedulingFields(spec, profile, log);
        return DropDisabledVolumeFields(spec, profile, log);
    }

    /// <summary>A gate that exists in the profile's release and is off (a gate the release lacks drops nothing).</summary>
    private static bool GateOff(Profile profile, string gate) => profile.IsGateOff(gate);

    /// <summary>How <c>explain</c> shows a field dropped because its gate is off.</summary>
    private static string Dropped(string gate) => "(dropped: feature gate " + gate + " is off)";
}
