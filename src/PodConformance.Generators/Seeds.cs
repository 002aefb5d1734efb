using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace PodConformance.Generators;

/// <summary>
/// Fixed, replayable runs: FsCheck configurations bound to a <see cref="ReplaySeed"/>, and seeded sampling, so
/// the same seed gives the same manifests on any machine (DESIGN: deterministic).
/// </summary>
public static class Seeds
{
    /// <summary>The suite's default seed when none is given.</summary>
    public static ReplaySeed Default { get; } = ReplaySeed.Of(20240501);

    /// <summary><c>Config.Quick</c> replaying <paramref name="seed"/> for <paramref name="maxTest"/> tests.</summary>
    public static Config Quick(ReplaySeed seed, int maxTest = 100) =>
        Config.Quick.WithReplay(FSharpOption<Replay>.Some(seed.ToReplay())).WithMaxTest(maxTest);

    /// <summary>Like <see cref="Quick"/> but throws on failure (for use inside xunit facts).</summary>
    public static Config QuickThrowOnFailure(ReplaySeed seed, int maxTest = 100) =>
        Config.QuickThrowOnFailure.WithReplay(FSharpOption<Replay>.Some(seed.ToReplay())).WithMaxTest(maxTest);

    /// <summary>
    /// <paramref name="count"/> values from <paramref name="gen"/> at <paramref name="size"/>, fully determined by
    /// <paramref name="seed"/>: golden files and reports sample through this.
    /// </summary>
    public static T[] Sample<T>(Gen<T> gen, ReplaySeed seed, int count, int size = 50)
    {
        ArgumentNullException.ThrowIfNull(gen);
        // FsCheck 3.6's fluent order is (count, seed, size).
        return gen.Sample(count, seed.ToRnd(), size);
    }
}
