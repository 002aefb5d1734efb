using PodConformance.Model.Profiles;
using PodConformance.Suite.Cases;

namespace PodConformance.Suite.Golden;

/// <summary>
/// One golden case: what to run (<see cref="Input"/>, under <see cref="Profile"/>), where it came from
/// (<see cref="Origin"/>: generator and seed, or the tutorial section), and what the model observed
/// (<see cref="Expected"/>, facets as readable YAML). Seed cases also carry the tutorial's claims and notes.
/// </summary>
public sealed record GoldenCase
{
    public required string Id { get; init; }

    public required string Area { get; init; }

    public required Profile Profile { get; init; }

    public required GoldenMap Origin { get; init; }

    public required ConformanceCase Input { get; init; }

    /// <summary>Seed cases: the tutorial's claims (what it shows) and notes where the real behaviour differs.</summary>
    public GoldenMap? Tutorial { get; init; }

    /// <summary>Extra inputs that are not part of the adapter case (ConfigMaps, Secret keys), written for the reader's benefit.</summary>
    public GoldenMap? Inputs { get; init; }

    public required GoldenMap Expected { get; init; }

    /// <summary>Secret values the case was built with: never written, and the writer refuses any text containing one.</summary>
    public IReadOnlyList<string> SecretValues { get; init; } = [];

    /// <summary>The file's path under the golden root, with '/' separators: <c>lifecycle/1.37/case-03.yaml</c>.</summary>
    public string RelativePath => Id + ".yaml";
}
