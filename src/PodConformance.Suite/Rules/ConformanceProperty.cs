using FsCheck;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Rules;

/// <summary>Flags in the test262 sense: what kind of check this is, so runs can select or skip it.</summary>
[Flags]
public enum PropertyFlags
{
    None = 0,

    /// <summary>Compares timings; adapters may set tolerances.</summary>
    Timing = 1,

    /// <summary>Takes long per case (seconds on a real system).</summary>
    Slow = 2,

    /// <summary>Changes shared state (evicts, fills a node).</summary>
    Disruptive = 4,
}

/// <summary>Whether an adapter's observation agrees with the model's on the facets a property is about.</summary>
public sealed record Verdict(bool Pass, string Detail)
{
    public static Verdict Ok { get; } = new(true, "");

    /// <summary>
    /// Set on a case that did not fail but was not checked either: the adapter left out every member the property is
    /// about. A property none of whose cases was checked is reported skipped with the detail, never passed.
    /// </summary>
    public bool Unchecked { get; init; }

    public static Verdict Fail(string detail) => new(false, detail);

    public static Verdict NotObserved(string detail) => new(true, detail) { Unchecked = true };
}

/// <summary>
/// One conformance property: a generator of cases, the facet comparison, and test262-style metadata —
/// the spec rules it checks (<see cref="Covers"/>), the layer it needs, the releases and gates it holds for.
/// </summary>
public sealed record ConformanceProperty
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>Spec rule IDs this property checks; every spec rule is covered by at least one property.</summary>
    public required ValueList<string> Covers { get; init; }

    /// <summary>The spec file the rules live in (<c>spec/quantity.md</c>).</summary>
    public required string Spec { get; init; }

    /// <summary>Where Kubernetes implements it (repository path), for reports.</summary>
    public required string Source { get; init; }

    public required Capability Needs { get; init; }

    public PropertyFlags Flags { get; init; }

    public KubernetesVersion Since { get; init; } = KubernetesVersion.Oldest;

    /// <summary>Feature gates that must be on for the property to apply.</summary>
    public ValueList<string> Gates { get; init; }

    public required Func<Profile, Gen<ConformanceCase>> Cases { get; init; }

    /// <summary>Smaller cases to try when one fails, smallest first where possible.</summary>
    public required Func<ConformanceCase, IEnumerable<ConformanceCase>> Shrink { get; init; }

    /// <summary>Compares the model's observation (expected) with the adapter's (actual) for one case.</summary>
    public required Func<ConformanceCase, Observation, Observation, Verdict> Compare { get; init; }

    /// <summary>The facet this property compares, as lines, so reports can show expected and actual side by side.</summary>
    public Func<Observation, IReadOnlyList<string>> View { get; init; } = _ => [];

    /// <summary>
    /// Set when the property is defined but cannot run yet (the oracle does not observe its facet, or cases cannot
    /// express its inputs); such a property is always reported skipped with this reason, never passed.
    /// </summary>
    public string? Pending { get; init; }

    public bool AppliesTo(Profile profile)
    {
        if (profile.Version < Since)
        {
            return false;
        }

        foreach (string gate in Gates)
        {
            if (!profile.IsEnabled(gate))
            {
                return false;
            }
        }

        return true;
    }
}
