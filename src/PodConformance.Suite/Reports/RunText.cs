using System.Globalization;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Running;

namespace PodConformance.Suite.Reports;

/// <summary>Small pieces of text every report shares: outcome names, the profile flags, the replay command.</summary>
public static class RunText
{
    public static string Outcome(Outcome o) => o switch
    {
        Running.Outcome.Passed => "passed",
        Running.Outcome.Failed => "FAILED",
        Running.Outcome.Skipped => "skipped",
        Running.Outcome.ExpectedFailure => "expected-failure",
        Running.Outcome.UnexpectedPass => "UNEXPECTED-PASS",
        _ => o.ToString(),
    };

    /// <summary>Lower-case outcome for machine-readable reports.</summary>
    public static string OutcomeKey(Outcome o) => Outcome(o).ToLowerInvariant();

    public static string FeatureGates(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return string.Join(",", profile.Overrides.Select(kv => kv.Key + "=" + (kv.Value ? "true" : "false")));
    }

    /// <summary>The exact command that re-runs this property up to and including the failing case.</summary>
    public static string Replay(RunReport run, PropertyResult result)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(result);
        int count = (result.Counterexample?.CaseIndex ?? (result.CasesRun - 1)) + 1;
        var parts = new List<string>
        {
            "podconf run --adapter", ShellQuote(run.Adapter),
            "--rules", result.Property.Id,
            "--seed", run.Options.Seed.ToString(CultureInfo.InvariantCulture),
            "--count", Math.Max(1, count).ToString(CultureInfo.InvariantCulture),
        };
        if (run.Profile.Version != KubernetesVersion.Newest)
        {
            parts.Add("--kubernetes-version " + run.Profile.Version);
        }

        if (!run.Profile.Overrides.IsEmpty)
        {
            parts.Add("--feature-gates " + FeatureGates(run.Profile));
        }

        if (run.Options.Tolerance != TimeSpan.Zero && (result.Property.Flags & Rules.PropertyFlags.Timing) != 0)
        {
            parts.Add("--tolerance " + Model.Time.GoDuration.Format(run.Options.Tolerance));
        }

        if (run.Options.Repeat > 1 && Running.Repeats.IsFlaky(result))
        {
            parts.Add("--repeat " + run.Options.Repeat.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(" ", parts);
    }

    private static string ShellQuote(string text) =>
        text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.' or '/' or '=') ? text : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
