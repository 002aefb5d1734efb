using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Rules;

namespace PodConformance.Suite.Running;

/// <summary>Everything a report needs about one run: what ran, against what, and each property's result.</summary>
public sealed record RunReport(string Adapter, Profile Profile, RunOptions Options, IReadOnlyList<PropertyResult> Results)
{
    public int Count(Outcome outcome) => Results.Count(r => r.Outcome == outcome);

    /// <summary>
    /// Every result is as expected: no failure, no unexpected pass, no error; and some case reached the adapter — a run
    /// that ran nothing against it (every case an error, or every property skipped) proves nothing and is not green.
    /// </summary>
    public bool AsExpected => Results.All(r => r.Outcome is not (Outcome.Failed or Outcome.UnexpectedPass or Outcome.Error)) && CasesReached > 0;

    /// <summary>Cases the adapter answered with an observation, over all properties.</summary>
    public int CasesReached => Results.Sum(r => r.CasesReached);
}

/// <summary>
/// Runs the catalogue (filtered by <see cref="RunOptions.Rules"/>) against an adapter with the model as oracle,
/// with the adapter's expectations deciding which failures are known.
/// </summary>
public static class SuiteRun
{
    public static RunReport Execute(IConformanceAdapter adapter, RunOptions options, Expectations? expectations = null, Action<int, int, PropertyResult>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(options);
        var properties = Select(options);
        var runner = new SuiteRunner(new ModelAdapter(), adapter, options.Profile) { Coverage = options.Coverage, Expectations = expectations ?? Expectations.None };
        var results = new List<PropertyResult>(properties.Count);
        for (int i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var result = runner.Run(property, options.Seed, options.CountFor(property), cancellationToken);
            results.Add(result);
            progress?.Invoke(i + 1, properties.Count, result);
        }

        return new RunReport(adapter.Name, options.Profile, options, results);
    }

    /// <summary>The catalogue (with the run's tolerance) filtered by the run's rule globs, in catalogue order.</summary>
    public static IReadOnlyList<ConformanceProperty> Select(RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Catalog.Create(options.Tolerance).Where(options.Selects).ToList();
    }
}
