using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Rules;

namespace PodConformance.Suite.Running;

/// <summary>
/// Runs properties against an adapter, with the model as the oracle. Case <c>i</c> of a property is
/// generated from (seed, i) alone, so any failure replays with the same seed; the first failing case is
/// shrunk greedily while it keeps failing.
/// </summary>
public sealed class SuiteRunner(IConformanceAdapter model, IConformanceAdapter adapter, Profile profile)
{
    /// <summary>Upper bound on shrink attempts per failure, so a pathological shrinker cannot stall a run.</summary>
    public int MaxShrinkAttempts { get; init; } = 500;

    public PropertyResult Run(ConformanceProperty property, ulong seed, int count, CancellationToken cancellationToken = default) =>
        Run(property, seed, count, null, cancellationToken);

    /// <summary>As <see cref="Run(ConformanceProperty, ulong, int, CancellationToken)"/>, calling <paramref name="caseDone"/> after each generated case.</summary>
    public PropertyResult Run(ConformanceProperty property, ulong seed, int count, Action? caseDone, CancellationToken cancellationToken = default)
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
        int notChecked = 0;
        string notObserved = "";
        for (int i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var testCase = CaseAt(gen, seed, i);
            var (expected, actual, verdict) = Check(property, testCase, cancellationToken);
            if (verdict.Pass && verdict.Unchecked)
            {
                notChecked++;
                notObserved = notObserved.Length == 0 ? verdict.Detail : notObserved;
            }

            if (!verdict.Pass)
            {
                // An adapter that could not run the case (hang, crash, malformed or refused answer) says nothing about
                // the pod: reported as that adapter error on the case it happened on, never shrunk into another pod.
                var counterexample = actual.Failure is not null
                    ? new Counterexample(i, testCase, testCase, 0, expected, actual, verdict.Detail) { AdapterError = true }
                    : ShrinkFailure(property, i, testCase, expected, actual, verdict, cancellationToken);
                return new PropertyResult(property, Outcome.Failed, i + 1, counterexample.Detail, counterexample, clock.Elapsed);
            }

            caseDone?.Invoke();
        }

        // Nothing the property is about was observed: not a pass (the adapter said what it leaves out, PROTO-019).
        if (notChecked == count && count > 0)
        {
            return new PropertyResult(property, Outcome.Skipped, count, "not observed: " + notObserved, null, clock.Elapsed);
        }

        return new PropertyResult(property, Outcome.Passed, count, notChecked == 0 ? "" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{notChecked} of {count} cases not observed: {notObserved}"), null, clock.Elapsed);
    }

    /// <summary>Case <paramref name="index"/> of a generator for a seed: sizes grow with the index as FsCheck's do.</summary>
    public static ConformanceCase CaseAt(Gen<ConformanceCase> gen, ulong seed, int index)
    {
        int size = Math.Min(100, 1 + index);
        var rnd = new Rnd(unchecked(seed * 6364136223846793005UL + (ulong)index * 1442695040888963407UL), 0x9E3779B97F4A7C15UL);
        return gen.Sample(size, rnd, 1)[0];
    }

    private (Observation Expected, Observation Actual, Verdict Verdict) Check(ConformanceProperty property, ConformanceCase testCase, CancellationToken ct)
    {
        var expected = model.RunAsync(testCase, profile, ct).AsTask().GetAwaiter().GetResult();

        // The model checked against itself (the default run): ModelAdapter is pure and deterministic (the golden and
        // replay tests hold it to byte-identical output), so a second run would only repeat the same work.
        var actual = model is ModelAdapter && adapter is ModelAdapter
            ? expected
            : adapter.RunAsync(testCase, profile, ct).AsTask().GetAwaiter().GetResult();
        if (testCase is PodCase { Objects: { } objects })
        {
            actual = SecretRedaction.Check(actual, objects);
        }

        if (expected.Failure is { } modelFailure)
        {
            return (expected, actual, Verdict.Fail("the model failed on this case (a bug in podconf): " + modelFailure));
        }

        if (actual.Failure is { } adapterFailure)
        {
            return (expected, actual, Verdict.Fail("the adapter failed on this case (an adapter error, not shrunk): " + adapterFailure));
        }

        return (expected, actual, property.Compare(testCase, expected, actual));
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

                // A candidate on which the adapter failed (a hang, a crash) fails for another reason: not a smaller
                // instance of this failure.
                if (!v.Pass && a.Failure is null)
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
