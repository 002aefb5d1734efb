using System.Diagnostics;
using System.Globalization;
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
/// seed and count. A failure whose signature an expectation names is recorded (shrunk a little) and the run goes on;
/// the first other failure is shrunk greedily while it keeps its signature, and ends the property. A case the adapter
/// cannot run ends it as an <see cref="Outcome.Error"/>, which no expectation covers.
/// </summary>
public sealed class SuiteRunner(IConformanceAdapter model, IConformanceAdapter adapter, Profile profile)
{
    /// <summary>Upper bound on shrink attempts per failure, so a pathological shrinker cannot stall a run.</summary>
    public int MaxShrinkAttempts { get; init; } = 500;

    /// <summary>
    /// Shrink attempts for a failure an expectation names: enough for a readable example in the reports, not the
    /// minutes a real runtime would spend minimising a deviation that is already known.
    /// </summary>
    public int MaxExpectedShrinkAttempts { get; init; } = 20;

    /// <summary>The adapter's known deviations: matching failures are expected and the run goes on to the next case.</summary>
    public Expectations Expectations { get; init; } = Expectations.None;

    /// <summary>Record the spec rules the oracle applies in each case (<see cref="PropertyResult.Coverage"/>); off, it costs nothing.</summary>
    public bool Coverage { get; init; }

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
        var tally = Coverage ? new RuleTally() : null;
        var hits = Coverage ? new RuleHits() : null;
        var expected = Expectations.For(property.Id);
        var seen = new List<SignatureResult>();
        int reached = 0;
        int notChecked = 0;
        string notObserved = "";
        var ahead = Ahead.For(model, adapter, this, gen, seed, count);
        for (int i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var testCase = ahead?.Next(i) ?? CaseAt(gen, seed, i, count);
            hits?.Clear();
            var check = Check(property, testCase, cancellationToken, hits);
            if (hits is not null)
            {
                tally!.AddCase(hits);
            }

            PropertyResult Result(Outcome outcome, string reason, Counterexample? counterexample) =>
                new(property, outcome, i + 1, reason, counterexample, clock.Elapsed)
                {
                    Coverage = tally,
                    Signatures = seen,
                    NotSeen = [.. expected.Where(e => !seen.Any(s => e.Matches(s.Signature)))],
                    CasesReached = reached,
                };

            if (check.Error is { } error)
            {
                ahead?.Drop(cancellationToken); // their answers are not the next property's
                return Result(Outcome.Error, string.Create(CultureInfo.InvariantCulture, $"case {i + 1} ({testCase.Describe()}) could not be run: {error}"), null);
            }

            reached++;
            if (check.Verdict.Pass)
            {
                if (check.Verdict.Unchecked)
                {
                    notChecked++;
                    notObserved = notObserved.Length == 0 ? check.Verdict.Detail : notObserved;
                }

                caseDone?.Invoke();
                continue;
            }

            ahead?.Drop(cancellationToken); // shrinking runs candidates one by one
            var signature = FailureSignature.Of(property, check.Verdict);
            int known = seen.FindIndex(s => s.Signature == signature);
            if (Expectations.Match(signature) is { } expectation)
            {
                if (known < 0)
                {
                    seen.Add(new SignatureResult(signature, 1, expectation, ShrinkFailure(property, i, testCase, check, signature, MaxExpectedShrinkAttempts, cancellationToken)));
                }
                else
                {
                    seen[known] = seen[known] with { Cases = seen[known].Cases + 1 };
                }

                caseDone?.Invoke();
                continue;
            }

            var counterexample = ShrinkFailure(property, i, testCase, check, signature, MaxShrinkAttempts, cancellationToken);
            seen.Add(new SignatureResult(signature, 1, null, counterexample));
            string changed = expected.Count > 0 && !seen.Any(s => s.Expected is not null)
                ? "signature changed: expected " + string.Join(" or ", expected) + ", got " + signature + ": "
                : "";
            return Result(Outcome.Failed, changed + counterexample.Detail, counterexample);
        }

        var last = new PropertyResult(property, Outcome.Passed, count, "", null, clock.Elapsed)
        {
            Coverage = tally,
            Signatures = seen,
            NotSeen = [.. expected.Where(e => !seen.Any(s => e.Matches(s.Signature)))],
            CasesReached = reached,
        };
        if (seen.Count > 0)
        {
            return last with
            {
                Outcome = Outcome.ExpectedFailure,
                Reason = "expected failure: " + string.Join("; ", seen.Select(s => s.Signature + " in " + s.Cases.ToString(CultureInfo.InvariantCulture) + " case(s) (" + s.Expected!.Reason + ")")),
                Counterexample = seen[0].Example,
            };
        }

        // Nothing the property is about was observed: not a pass (the adapter said what it leaves out, PROTO-019).
        if (notChecked == count && count > 0)
        {
            return last with { Outcome = Outcome.Skipped, Reason = "not observed: " + notObserved };
        }

        if (notChecked > 0)
        {
            last = last with { Reason = string.Create(CultureInfo.InvariantCulture, $"{notChecked} of {count} cases not observed: {notObserved}") };
        }

        // Flaky entries (seen in some merged report runs, not all) may be absent from a run: only firm ones make a pass unexpected.
        return expected.Any(e => !e.Flaky)
            ? last with { Outcome = Outcome.UnexpectedPass, Reason = "expected to fail (" + string.Join("; ", expected.Select(e => e + ": " + e.Reason)) + ") but passed; remove it from the expectations" }
            : last;
    }

    /// <summary>
    /// The cases of one property handed to an <see cref="IPipeliningAdapter"/> before they are run (issue 12 item 6). Case
    /// <c>i</c> depends on (seed, i, count) alone, so drawing it early changes nothing; the cases drawn and not yet run are
    /// kept in order, the first <c>_sent</c> of them sent. The adapter decides how many it takes. Before shrinking (one
    /// candidate at a time) and when the property ends early, the cases sent ahead are dropped; a property that runs to its
    /// last case has none left.
    /// </summary>
    private sealed class Ahead(IPipeliningAdapter adapter, SuiteRunner runner, Gen<ConformanceCase> gen, ulong seed, int count)
    {
        private readonly List<ConformanceCase> _drawn = [];
        private int _sent;

        /// <summary>Null when nothing is sent ahead: the adapter cannot take cases early, or the model is checked against itself.</summary>
        public static Ahead? For(IConformanceAdapter model, IConformanceAdapter adapter, SuiteRunner runner, Gen<ConformanceCase> gen, ulong seed, int count) =>
            adapter is IPipeliningAdapter p && !(model is ModelAdapter && adapter is ModelAdapter) ? new Ahead(p, runner, gen, seed, count) : null;

        /// <summary>Case <paramref name="index"/>, after sending it and the cases after it while the adapter takes them.</summary>
        public ConformanceCase Next(int index)
        {
            for (int k = _sent; index + k < count; k++)
            {
                if (k == _drawn.Count)
                {
                    _drawn.Add(CaseAt(gen, seed, index + k, count));
                }

                var c = _drawn[k];
                if (!adapter.TrySendAhead(c, runner.ProfileFor(c)))
                {
                    break;
                }

                _sent++;
            }

            var next = _drawn[0];
            _drawn.RemoveAt(0);
            _sent = Math.Max(_sent - 1, 0);
            return next;
        }

        /// <summary>Drops the cases sent ahead (the adapter reads and discards their answers); they are sent again when reached.</summary>
        public void Drop(CancellationToken ct)
        {
            if (_sent > 0)
            {
                _sent = 0;
                adapter.DropAheadAsync(ct).AsTask().GetAwaiter().GetResult();
            }
        }
    }

    /// <summary>Case <paramref name="index"/> of a run of <paramref name="count"/> cases: sizes grow over the run as FsCheck's do.</summary>
    public static ConformanceCase CaseAt(Gen<ConformanceCase> gen, ulong seed, int index, int count) => CaseSchedule.Draw(gen, seed, index, count);

    /// <summary>Both observations of one case and the verdict; <see cref="Error"/> when either side could not run it.</summary>
    private sealed record CaseCheck(Observation Expected, Observation Actual, Verdict Verdict, string? Error);

    private CaseCheck Check(ConformanceProperty property, ConformanceCase testCase, CancellationToken ct, RuleHits? hits = null)
    {
        var expected = hits is null ? Oracle(testCase, ct) : RecordedOracle(testCase, hits, ct);
        if (expected.Failure is { } modelFailure)
        {
            return new CaseCheck(expected, expected, Verdict.Fail(modelFailure), "the model failed on this case (a bug in podconf): " + modelFailure);
        }

        Observation actual;
        string failed = "the adapter failed: ";
        if (model is ModelAdapter && adapter is ModelAdapter)
        {
            // The model checked against itself (the default run): ModelAdapter is pure and deterministic (the golden
            // and replay tests hold it to byte-identical output), so a second run would only repeat the same work.
            actual = expected;
        }
        else
        {
            try
            {
                actual = adapter.RunAsync(testCase, ProfileFor(testCase), ct).AsTask().GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                (actual, failed) = (Observation.Failed(e.Message), "the adapter threw " + e.GetType().Name + ": ");
            }
        }

        // Secret values masked in what reports show (failure texts included); a value shown in clear is an adapter
        // error (ENV-010).
        if (testCase is PodCase { Objects: { } objects })
        {
            actual = SecretRedaction.Check(actual, objects);
        }

        if (actual.Failure is { } adapterFailure)
        {
            return new CaseCheck(expected, actual, Verdict.Fail(adapterFailure), failed + adapterFailure);
        }

        if (actual.NotPerformed is { } notPerformed)
        {
            return new CaseCheck(expected, actual, Verdict.NotObserved("not performed by the adapter: " + notPerformed), null);
        }

        return new CaseCheck(expected, actual, property.Compare(testCase, expected, actual), null);
    }

    private Observation Oracle(ConformanceCase testCase, CancellationToken ct) => model.RunAsync(testCase, ProfileFor(testCase), ct).AsTask().GetAwaiter().GetResult();

    /// <summary>The profile one case runs under: the run's, plus the gates the case needs (<see cref="PodCase.Gates"/>).</summary>
    private Profile ProfileFor(ConformanceCase testCase) => testCase is PodCase p ? p.ProfileFor(profile) : profile;

    /// <summary>The oracle's run with its rule hits recorded (on this thread; the adapter runs outside the scope).</summary>
    private Observation RecordedOracle(ConformanceCase testCase, RuleHits hits, CancellationToken ct)
    {
        using var scope = RuleCoverage.Record(hits);
        return Oracle(testCase, ct);
    }

    /// <summary>
    /// Greedy shrinking: the first smaller candidate that fails with the same <paramref name="signature"/> is taken, until
    /// none does or <paramref name="maxAttempts"/> candidates were tried (a candidate the adapter cannot run is passed over).
    /// </summary>
    private Counterexample ShrinkFailure(ConformanceProperty property, int index, ConformanceCase original, CaseCheck failing, FailureSignature signature, int maxAttempts, CancellationToken ct)
    {
        var current = original;
        int shrinks = 0;
        int attempts = 0;
        bool progress = true;
        while (progress && attempts < maxAttempts)
        {
            progress = false;
            foreach (var candidate in property.Shrink(current))
            {
                if (++attempts > maxAttempts)
                {
                    break;
                }

                var check = Check(property, candidate, ct);
                if (check.Error is null && !check.Verdict.Pass && FailureSignature.Of(property, check.Verdict) == signature)
                {
                    (current, failing) = (candidate, check);
                    shrinks++;
                    progress = true;
                    break;
                }
            }
        }

        return new Counterexample(index, original, current, shrinks, failing.Expected, failing.Actual, failing.Verdict.Detail);
    }
}
