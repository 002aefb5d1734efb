using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Rules;

namespace PodConformance.Suite.Running;

public enum Outcome
{
    Passed,

    /// <summary>A case failed with a signature no expectation names (or, after expected ones, a new one).</summary>
    Failed,

    /// <summary>The adapter lacks a capability, or the property does not apply to the profile.</summary>
    Skipped,

    /// <summary>Every failing case matched an expectation (a known deviation); the run went on through all cases.</summary>
    ExpectedFailure,

    /// <summary>Passed, but the expectation file says it should fail: the deviation went away.</summary>
    UnexpectedPass,

    /// <summary>
    /// The case could not be run: the adapter threw, broke the protocol or created nothing, or the model itself failed.
    /// Not a verdict on the adapter's semantics, and no expectation can turn it green.
    /// </summary>
    Error,
}

/// <summary>A counterexample: the first failing case, its shrunk form, and both observations of the shrunk case.</summary>
public sealed record Counterexample(
    int CaseIndex,
    ConformanceCase Original,
    ConformanceCase Shrunk,
    int Shrinks,
    Observation Expected,
    Observation Actual,
    string Detail);

/// <summary>
/// One failure signature a property showed: in how many cases, the expectation that named it (null: unexpected), and
/// its first case, shrunk (an expected one only a little: <see cref="SuiteRunner.MaxExpectedShrinkAttempts"/>).
/// </summary>
public sealed record SignatureResult(FailureSignature Signature, int Cases, Expectation? Expected, Counterexample? Example);

public sealed record PropertyResult(
    ConformanceProperty Property,
    Outcome Outcome,
    int CasesRun,
    string Reason,
    Counterexample? Counterexample,
    TimeSpan Elapsed)
{
    /// <summary>Which spec rules (and branches) the oracle applied in this property's cases; set when the run asked for coverage.</summary>
    public RuleTally? Coverage { get; init; }

    /// <summary>Every failure signature seen, expected ones first in order of first appearance, then the unexpected one that stopped the run.</summary>
    public IReadOnlyList<SignatureResult> Signatures { get; init; } = [];

    /// <summary>Expectations of this property that no case matched (reported: a fix, or a changed signature).</summary>
    public IReadOnlyList<Expectation> NotSeen { get; init; } = [];

    /// <summary>Cases the adapter answered with an observation (not an adapter failure).</summary>
    public int CasesReached { get; init; }
}
