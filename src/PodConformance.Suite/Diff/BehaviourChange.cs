using PodConformance.Suite.Cases;
using PodConformance.Suite.Rules;

namespace PodConformance.Suite.Diff;

/// <summary>
/// One behaviour that differs between two releases: the smallest case found that shows it, and the property's view
/// of the model's answer under each release (the lines a person compares).
/// </summary>
/// <param name="CaseIndex">Index of the generated case the search found first (replays with the same seed).</param>
/// <param name="Case">The case after shrinking: a pod (and scenario) that still shows the difference.</param>
/// <param name="Shrinks">How many times it was shrunk.</param>
/// <param name="From">The property's view under the older release.</param>
/// <param name="To">The property's view under the newer release.</param>
/// <param name="Signature">What identifies this change among others of the same property (its first differing line pair, normalised).</param>
public sealed record BehaviourChange(int CaseIndex, ConformanceCase Case, int Shrinks, IReadOnlyList<string> From, IReadOnlyList<string> To, string Signature)
{
    /// <summary>The variant (<see cref="ConformanceProperty.Variants"/>) whose case showed it, with <see cref="CaseIndex"/> counted within it; null: a random case.</summary>
    public string? Variant { get; init; }

    /// <summary>
    /// What the older release's decoder dropped from the shrunk case's manifest (<c>unknown field "spec.hostnameOverride"</c>:
    /// a field its schema lacks, SCHEMA-002), in the decoder's order; <see cref="From"/> is the answer for the pod without them.
    /// </summary>
    public IReadOnlyList<string> DroppedFrom { get; init; } = [];

    /// <summary>The same for the newer release (a field it no longer has).</summary>
    public IReadOnlyList<string> DroppedTo { get; init; } = [];
}

/// <summary>The search over one property: the distinct changes found, in the order found, or why it was not searched.</summary>
public sealed record AreaDiff(ConformanceProperty Property, int CasesTried, IReadOnlyList<BehaviourChange> Changes, string? NotSearched)
{
    /// <summary>How many variants the targeted phase walked (<see cref="ConformanceProperty.Variants"/>), 0 without one.</summary>
    public int VariantsWalked { get; init; }

    /// <summary>The cases the targeted phase tried, beside the <see cref="CasesTried"/> random ones.</summary>
    public int VariantCasesTried { get; init; }

    /// <summary>
    /// Drawn cases (of <see cref="CasesTried"/> and <see cref="VariantCasesTried"/>) that were not compared because a release
    /// cannot be given them (<see cref="ReleaseCase.Refusal"/>), by release and reason.
    /// </summary>
    public IReadOnlyList<RefusedCases> Refused { get; init; } = [];

    /// <summary>How many drawn cases <see cref="Refused"/> counts.</summary>
    public int RefusedCount => Refused.Sum(r => r.Cases);
}
