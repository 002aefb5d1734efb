using System.Globalization;
using PodConformance.Suite.Rules;

namespace PodConformance.Suite.Running;

/// <summary>
/// <c>--repeat N</c>: a property runs the same cases N times. A deterministic adapter gives the same result every
/// time; when two repeats differ (one passes, one fails, or they fail on different cases or differently) the property
/// fails as <em>flaky</em>, with the failing repeat's counterexample and both results named. Repeats stop at the
/// first difference.
/// </summary>
public static class Repeats
{
    public const string FlakyPrefix = "flaky: ";

    public static PropertyResult Run(SuiteRunner runner, ConformanceProperty property, RunOptions options, Action? caseDone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(property);
        ArgumentNullException.ThrowIfNull(options);
        int count = options.CountFor(property);
        var first = runner.Run(property, options.Seed, count, caseDone, cancellationToken);
        var elapsed = first.Elapsed;
        for (int k = 2; k <= options.Repeat && first.Outcome != Outcome.Skipped; k++)
        {
            var again = runner.Run(property, options.Seed, count, caseDone, cancellationToken);
            elapsed += again.Elapsed;
            if (!Same(first, again))
            {
                return Flaky(first, again, k, options.Repeat) with { Elapsed = elapsed };
            }
        }

        return first with { Elapsed = elapsed };
    }

    /// <summary>True when <paramref name="result"/> is a flaky failure.</summary>
    public static bool IsFlaky(PropertyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Reason.StartsWith(FlakyPrefix, StringComparison.Ordinal);
    }

    private static bool Same(PropertyResult a, PropertyResult b) =>
        a.Outcome == b.Outcome
        && a.CasesRun == b.CasesRun
        && string.Equals(a.Reason, b.Reason, StringComparison.Ordinal)
        && (a.Counterexample, b.Counterexample) switch
        {
            (null, null) => true,
            ({ } x, { } y) => x.CaseIndex == y.CaseIndex && x.Shrinks == y.Shrinks && string.Equals(x.Detail, y.Detail, StringComparison.Ordinal) && Equals(x.Shrunk, y.Shrunk),
            _ => false,
        };

    private static PropertyResult Flaky(PropertyResult first, PropertyResult later, int repeat, int repeats)
    {
        // The failing repeat is the one shown (its counterexample replays); when both failed, the first.
        var shown = first.Outcome == Outcome.Failed ? first : later;
        string why = string.Create(CultureInfo.InvariantCulture,
            $"{FlakyPrefix}repeat 1 {Describe(first)}, repeat {repeat} of {repeats} {Describe(later)} (same seed, same cases): ");
        string detail = why + (shown.Counterexample?.Detail ?? shown.Reason);
        return shown with
        {
            Outcome = Outcome.Failed,
            Reason = detail,
            Counterexample = shown.Counterexample is { } c ? c with { Detail = detail } : null,
        };
    }

    private static string Describe(PropertyResult r) => r.Outcome switch
    {
        Outcome.Passed => string.Create(CultureInfo.InvariantCulture, $"passed {r.CasesRun} cases"),
        Outcome.Failed when r.Counterexample is { } c => string.Create(CultureInfo.InvariantCulture, $"failed on case {c.CaseIndex + 1}"),
        _ => r.Outcome.ToString().ToLowerInvariant(),
    };
}
