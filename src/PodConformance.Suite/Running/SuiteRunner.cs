using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Coverage;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Rules;

namespace PodConformance.Suite.Running;

/// <summary>
/// Runs properties against an adapter, with the model as the oracle. Case <c>i</c> of a property is
/// generated from (seed, i) at the size <see cref="CaseSchedule"/> gives it, so any failure replays with the same
/// seed and count; the first failing case is shrunk greedily while it keeps failing.
/// </summary>
public sealed class SuiteRunner(IConformanceAdapter model, IConformanceAdapter adapter, Profile profile)
{
    /// <summary>Upper bound on shrink attempts per failure, so a pathological shrinker cannot stall a run.</summary>
    public int MaxShrinkAttempts { get; init; } = 500;

    /// <summary>Record the spec rules the oracle applies in each case (<see cref="PropertyResult.Coverage"/>); off, it costs nothing.</summary>
    public bool Coverage { get; init; }

    public PropertyResult Run(ConformanceProperty property, ulong seed, int count, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        if (property.Pending is { } pending)
        {
            return new PropertyResult(property, Outcome.Skipped, 0, "pending: " + pending, null, clock.Elapsed);
        }

        var missing = property.Needs & ~adapter.Capabilities;
        if (missing != Capability.None)
        {
            return new PropertyResult(property, Outcome.Skipped, 0, "unsupported: the adapter lacks " + CapabilityNames.Format(missing), null, clock.Elapsed);
        }

        var oracleMissing = property.Needs & ~model.Capabilities;
        if (oracleMissing != Capability.None)
        {
            return new PropertyResult(property, Outcome.Skipped, 0, "unsupported: the model does not observe " + CapabilityNames.Format(oracleMissing) + " yet", null, clock.Elapsed);
        }

        if (!property.AppliesTo(profile))
        {
            return new PropertyResult(property, Outcome.Skipped, 0, $"not applicable to Kubernetes {profile}", null, clock.Elapsed);
        }

        var gen = property.Cases(profile);
        var tally = Coverage ? new RuleTally() : null;
        var hits = Coverage ? new RuleHits() : null;
        for (int i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var testCase = CaseAt(gen, seed, i, count);
            hits?.Clear();
            var (expected, actual, verdict) = Check(property, testCase, cancellationToken, hits);
            if (hits is not null)
            {
                tally!.AddCase(hits);
            }

            if (!verdict.Pass)
            {
                var counterexample = ShrinkFailure(property, i, testCase, expected, actual, verdict, cancellationToken);
                return new PropertyResult(property, Outcome.Failed, i + 1, counterexample.Detail, counterexample, clock.Elapsed) { Coverage = tally };
            }
        }

        return new PropertyResult(property, Outcome.Passed, count, "", null, clock.Elapsed) { Coverage = tally };
    }

    /// <summary>Case <paramref name="index"/> of a run of <paramref name="count"/> cases: sizes grow over the run as FsCheck's do.</summary>
    public static ConformanceCase CaseAt(Gen<ConformanceCase> gen, ulong seed, int index, int count) => CaseSchedule.Draw(gen, seed, index, count);

    private (Observation Expected, Observation Actual, Verdict Verdict) Check(ConformanceProperty property, ConformanceCase testCase, CancellationToken ct, RuleHits? hits = null)
    {
        var expected = hits is null ? Oracle(testCase, ct) : RecordedOracle(testCase, hits, ct);
        var actual = adapter.RunAsync(testCase, profile, ct).AsTask().GetAwaiter().GetResult();
        if (testCase is PodCase { Objects: { } objects } && actual.Env is { } env)
        {
            actual = actual with { Env = SecretRedaction.Redact(env, objects) };
        }
        if (expected.Failure is { } modelFailure)
        {
            return (expected, actual, Verdict.Fail("the model failed on this case (a bug in podconf): " + modelFailure));
        }

        if (actual.Failure is { } adapterFailure)
        {
            return (expected, actual, Verdict.Fail("the adapter failed on this case: " + adapterFailure));
        }

        return (expected, actual, property.Compare(testCase, expected, actual));
    }

    private Observation Oracle(ConformanceCase testCase, CancellationToken ct) => model.RunAsync(testCase, profile, ct).AsTask().GetAwaiter().GetResult();

    /// <summary>The oracle's run with its rule hits recorded (on this thread; the adapter runs outside the scope).</summary>
    private Observation RecordedOracle(ConformanceCase testCase, RuleHits hits, CancellationToken ct)
    {
        using var scope = RuleCoverage.Record(hits);
        return Oracle(testCase, ct);
    }

    private Counterexample ShrinkFailure(ConformanceProperty property, int index, ConformanceCase original, Observation expected, Observation actual, Verdict verdict, CancellationToken ct)
    {
        var current = original;
        int shrinks = 0;
        int attempts = 0;
        bool progress = true;
        while (progress && attempts < MaxShrinkAttempts)
        {
            progress = false;
            foreach (var candidate in property.Shrink(current))
            {
                if (++attempts > MaxShrinkAttempts)
                {
                    break;
                }

                var (e, a, v) = Check(property, candidate, ct);
                if (!v.Pass)
                {
                    (current, expected, actual, verdict) = (candidate, e, a, v);
                    shrinks++;
                    progress = true;
                    break;
                }
            }
        }

        return new Counterexample(index, original, current, shrinks, expected, actual, verdict.Detail);
    }
}
