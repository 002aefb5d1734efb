using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators;

/// <summary>
/// <c>spec.terminationGracePeriodSeconds</c> for admission cases (DEF-009, DEF-027): usually unset (defaulted to 30),
/// sometimes a non-negative value, and — only under a release whose decoding raises a negative value to 1
/// (<see cref="PodDefaulter.ClampsNegativeGracePeriod"/>, 1.37) — a negative one. Earlier releases store a negative
/// value as sent (1.35's validation has no check for it; 1.36 was not read), so the generator keeps to releases where
/// what the API server stores is known (spec/defaulting.md DEF-027).
/// </summary>
public static class GracePeriodGen
{
    /// <summary>Non-negative values any release keeps as sent (0: kill at once).</summary>
    public static IReadOnlyList<long> Kept { get; } = [0, 5, 60, 3600];

    /// <summary>Negative values the clamp raises to 1.</summary>
    public static IReadOnlyList<long> Negative { get; } = [-1, -30];

    /// <summary>The grace period a pod is given where decoding clamps a negative one (null: none), and elsewhere.</summary>
    private static readonly Gen<long?> Clamped = Gen.Frequency(
        (26, Gen.Constant<long?>(null)), (3, Gen.Elements(Kept.ToArray()).Select(g => (long?)g)), (2, Gen.Elements(Negative.ToArray()).Select(g => (long?)g)));

    private static readonly Gen<long?> Unclamped = Gen.Frequency((9, Gen.Constant<long?>(null)), (1, Gen.Elements(Kept.ToArray()).Select(g => (long?)g)));

    /// <summary>Sets a non-negative grace period on about one pod in ten and, where <paramref name="profile"/> clamps, a negative one on about one in fifteen.</summary>
    public static Gen<Pod> Decorate(Pod pod, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return (PodDefaulter.ClampsNegativeGracePeriod(profile) ? Clamped : Unclamped)
            .Select(grace => grace is null ? pod : pod with { Spec = pod.Spec with { TerminationGracePeriodSeconds = grace } });
    }
}
