using PodConformance.Model.Collections;

namespace PodConformance.Suite.Myths;

/// <summary>
/// A claim from the tutorial or common lore, checked by search at run time: the claim holds on every case the
/// search tries, or the smallest counterexample found refutes it. Counterexamples are found, never stored.
/// </summary>
public sealed record Myth
{
    public required string Id { get; init; }

    /// <summary>The claim as people state it.</summary>
    public required string Claim { get; init; }

    /// <summary>Where it is said (a tutorial section, folklore).</summary>
    public required string Source { get; init; }

    /// <summary>The spec rules that decide it.</summary>
    public required ValueList<string> Rules { get; init; }

    /// <summary>Searches for a counterexample with a seed and a budget of cases.</summary>
    public required Func<ulong, int, MythVerdict> Check { get; init; }
}

/// <summary>The outcome: refuted (with the shrunk counterexample, readable) or not refuted within the budget.</summary>
public sealed record MythVerdict(bool Refuted, int CasesTried, int Shrinks, string Counterexample, string Explanation)
{
    /// <summary>For a refuted claim: the verb invocations that show the counterexample, and the claim over their output.</summary>
    public MythEvidence? Evidence { get; init; }
}
