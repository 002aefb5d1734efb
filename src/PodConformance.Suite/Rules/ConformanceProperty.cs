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

/// <summary>
/// Whether an adapter's observation agrees with the model's on the facets a property is about. A failing verdict
/// names the sub-facet that differed (<c>phase</c>, <c>qosClass</c>, <c>spec.containers[*].imagePullPolicy</c>) and the
/// kind of difference (<see cref="Kinds"/>): with the property they form the failure's <see cref="FailureSignature"/>.
/// </summary>
public sealed record Verdict(bool Pass, string Detail)
{
    public static Verdict Ok { get; } = new(true, "");

    /// <summary>
    /// Set on a case that did not fail but was not checked either: the adapter left out every member the property is
    /// about. A property none of whose cases was checked is reported skipped with the detail, never passed.
    /// </summary>
    public bool Unchecked { get; init; }

    /// <summary>What differed; empty when the comparison could not say (the signature then reads <c>result</c>).</summary>
    public string Facet { get; init; } = "";

    /// <summary>How it differed: one of <see cref="Kinds"/>.</summary>
    public string Kind { get; init; } = "";

    public static Verdict Fail(string detail) => new(false, detail);

    public static Verdict Fail(string detail, string facet, string kind) => new(false, detail) { Facet = facet, Kind = kind };

    public static Verdict NotObserved(string detail) => new(true, detail) { Unchecked = true };
}

/// <summary>The kinds of difference a signature names.</summary>
public static class Kinds
{
    /// <summary>Both have the item, with different values.</summary>
    public const string Differs = "differs";

    /// <summary>The model has it, the adapter does not.</summary>
    public const string Missing = "missing";

    /// <summary>The adapter has it, the model does not.</summary>
    public const string Extra = "extra";

    /// <summary>The adapter reports nothing for the facet at all.</summary>
    public const string NotReported = "not reported";

    /// <summary>The same items in another order.</summary>
    public const string Order = "order";

    /// <summary>The adapter accepts what Kubernetes rejects.</summary>
    public const string Accepts = "accepts";

    /// <summary>The adapter rejects what Kubernetes accepts.</summary>
    public const string Rejects = "rejects";

    /// <summary>A timing later (or earlier) than the model's, beyond the tolerance.</summary>
    public const string Late = "late";

    public const string Early = "early";
}

/// <summary>
/// What kind of failure a failing case shows, WPT-style: the property, the facet that differed and the kind of
/// difference. Expectations name signatures, never whole properties, so a known deviation cannot hide another.
/// </summary>
public readonly record struct FailureSignature(string Property, string Facet, string Kind) : IComparable<FailureSignature>
{
    public static FailureSignature Of(ConformanceProperty property, Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(property);
        ArgumentNullException.ThrowIfNull(verdict);
        return new(property.Id, verdict.Facet.Length == 0 ? "result" : verdict.Facet, verdict.Kind.Length == 0 ? Kinds.Differs : verdict.Kind);
    }

    public int CompareTo(FailureSignature other)
    {
        int c = string.CompareOrdinal(Property, other.Property);
        c = c != 0 ? c : string.CompareOrdinal(Facet, other.Facet);
        return c != 0 ? c : string.CompareOrdinal(Kind, other.Kind);
    }

    /// <summary><c>P-LIFE-PHASE [phase: differs]</c>.</summary>
    public override string ToString() => Property + " [" + Facet + ": " + Kind + "]";
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

    /// <summary>
    /// Cases per unit of the run's count: a property whose cases are cheap but whose rules are many (quantity
    /// grammar branches, one validation rule per mutation, node-pressure episodes) runs this many times the count,
    /// so each rule it claims is reached by enough cases (see <c>CoverageText.Floor</c>) on any seed.
    /// </summary>
    public int Weight { get; init; } = 1;

    public KubernetesVersion Since { get; init; } = KubernetesVersion.Oldest;

    /// <summary>Feature gates that must be on for the property to apply.</summary>
    public ValueList<string> Gates { get; init; }

    public required Func<Profile, Gen<ConformanceCase>> Cases { get; init; }

    /// <summary>
    /// The property's cases split by the rule each exercises (P-ADM-VALIDATION: one per invalid variant that applies under
    /// the profile), or null. <c>podconf diff</c> walks every one under both releases after the random cases: a change only
    /// one variant among a hundred shows is then found on any seed, not only when the random draw meets it.
    /// </summary>
    public Func<Profile, IReadOnlyList<CaseVariant>>? Variants { get; init; }

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

/// <summary>One group of a property's cases, named after what it exercises (an invalid variant's name).</summary>
public sealed record CaseVariant(string Name, Gen<ConformanceCase> Cases);
