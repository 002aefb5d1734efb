using System.Globalization;
using FsCheck;
using Microsoft.FSharp.Core;

namespace PodConformance.Generators;

/// <summary>
/// A replayable FsCheck seed. Reports print <see cref="ToArgument"/> ("replay with --seed 42" or
/// "--seed 42,7"); <see cref="Parse"/> reads that back, and also FsCheck's own "(seed,gamma)" and
/// "(seed,gamma,size)" forms so a failure message can be pasted as is.
/// </summary>
/// <param name="Seed">The SplitMix seed.</param>
/// <param name="Gamma">Must be odd (FsCheck throws, and the xunit host crashes, on an even gamma).</param>
/// <param name="Size">The size to replay at (FsCheck's third number), if known.</param>
public readonly record struct ReplaySeed(ulong Seed, ulong Gamma, int? Size = null)
{
    /// <summary>FsCheck's "golden" gamma, used by <c>new Rnd(seed)</c>: a bare <c>--seed N</c> means this gamma.</summary>
    public const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    /// <summary>A seed with the golden gamma, so that <c>--seed N</c> alone replays it.</summary>
    public static ReplaySeed Of(ulong seed) => new(seed, GoldenGamma);

    public bool IsValid => (Gamma & 1) == 1;

    public Rnd ToRnd()
    {
        EnsureValid();
        return new Rnd(Seed, Gamma);
    }

    /// <summary>The FsCheck <see cref="Replay"/> for <see cref="Config.WithReplay"/>.</summary>
    public Replay ToReplay() => new(ToRnd(), Size is { } s ? FSharpOption<int>.Some(s) : FSharpOption<int>.None);

    /// <summary><c>N</c> for the golden gamma, else <c>N,G</c>, plus <c>,S</c> when a size is set: the value of <c>--seed</c>.</summary>
    public string ToArgument()
    {
        string text = Gamma == GoldenGamma && Size is null
            ? Seed.ToString(CultureInfo.InvariantCulture)
            : Seed.ToString(CultureInfo.InvariantCulture) + "," + Gamma.ToString(CultureInfo.InvariantCulture);
        return Size is { } s ? text + "," + s.ToString(CultureInfo.InvariantCulture) : text;
    }

    /// <summary>The hint a report prints: <c>replay with --seed 42</c>.</summary>
    public string ToReplayHint() => "replay with --seed " + ToArgument();

    /// <summary>FsCheck's attribute form, <c>(seed,gamma)</c> or <c>(seed,gamma,size)</c>: paste into <c>[Property(Replay = …)]</c>.</summary>
    public override string ToString() =>
        "(" + Seed.ToString(CultureInfo.InvariantCulture) + "," + Gamma.ToString(CultureInfo.InvariantCulture)
        + (Size is { } s ? "," + s.ToString(CultureInfo.InvariantCulture) : "") + ")";

    /// <summary>Reads <c>42</c>, <c>42,7</c>, <c>42,7,10</c>, <c>(42,7)</c>, <c>--seed 42</c>, <c>--seed=42,7</c>; spaces are ignored.</summary>
    /// <exception cref="FormatException">Not one of those forms, or an even gamma.</exception>
    public static ReplaySeed Parse(string text) =>
        TryParse(text, out var seed, out string? error) ? seed : throw new FormatException(error);

    public static bool TryParse(string? text, out ReplaySeed seed) => TryParse(text, out seed, out _);

    public static bool TryParse(string? text, out ReplaySeed seed, out string? error)
    {
        seed = default;
        if (text is null)
        {
            error = "no seed";
            return false;
        }

        string t = text.Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal);
        if (t.StartsWith("--seed", StringComparison.Ordinal))
        {
            t = t["--seed".Length..].TrimStart('=');
        }

        if (t.StartsWith('(') && t.EndsWith(')'))
        {
            t = t[1..^1];
        }

        string[] parts = t.Split(',');
        if (parts.Length is < 1 or > 3 || !ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out ulong s))
        {
            error = "expected N, N,GAMMA or (N,GAMMA[,SIZE]), got \"" + text + "\"";
            return false;
        }

        ulong gamma = GoldenGamma;
        if (parts.Length >= 2 && !ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out gamma))
        {
            error = "gamma is not a number in \"" + text + "\"";
            return false;
        }

        int? size = null;
        if (parts.Length == 3)
        {
            if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int sz))
            {
                error = "size is not a number in \"" + text + "\"";
                return false;
            }

            size = sz;
        }

        if ((gamma & 1) == 0)
        {
            error = "gamma must be odd, got " + gamma.ToString(CultureInfo.InvariantCulture);
            return false;
        }

        seed = new ReplaySeed(s, gamma, size);
        error = null;
        return true;
    }

    private void EnsureValid()
    {
        if (!IsValid)
        {
            throw new InvalidOperationException("gamma must be odd: " + ToString());
        }
    }
}
