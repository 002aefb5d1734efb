using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Rules;

namespace PodConformance.Suite.Running;

public enum Outcome
{
    Passed,
    Failed,

    /// <summary>The adapter lacks a capability, or the property does not apply to the profile.</summary>
    Skipped,

    /// <summary>Failed, and the expectation file says it should (a known deviation).</summary>
    ExpectedFailure,

    /// <summary>Passed, but the expectation file says it should fail: the deviation went away.</summary>
    UnexpectedPass,
}

/// <summary>A counterexample: the first failing case, its shrunk form, and both observations of the shrunk case.</summary>
public sealed record Counterexample(
    int CaseIndex,
    ConformanceCase Original,
    ConformanceCase Shrunk,
    int Shrinks,
    Observation Expected,
    Observation Actual,
    string Detail)
{
    /// <summary>
    /// The adapter could not run the case (<see cref="Observation.Failure"/>: a hang, a crash, a malformed or refused
    /// answer): not a verdict on the pod, so it is not shrunk (<see cref="Shrunk"/> is the original case).
    /// </summary>
    public bool AdapterError { get; init; }
}

public sealed record PropertyResult(
    ConformanceProperty Property,
    Outcome Outcome,
    int CasesRun,
    string Reason,
    Counterexample? Counterexample,
    TimeSpan Elapsed);
