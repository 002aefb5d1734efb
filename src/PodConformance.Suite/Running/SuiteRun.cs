using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Rules;

namespace PodConformance.Suite.Running;

/// <summary>Everything a report needs about one run: what ran, against what, and each property's result.</summary>
public sealed record RunReport(string Adapter, Profile Profile, RunOptions Options, IReadOnlyList<PropertyResult> Results)
{
    public int Count(Outcome outcome) => Results.Count(r => r.Outcome == outcome);

    /// <summary>Every result is as expected: no plain failure and no unexpected pass (skips are fine, never passes).</summary>
    public bool AsExpected => Results.All(r => r.Outcome is not (Outcome.Failed or Outcome.UnexpectedPass));
}

/// <summary>
/// Runs the catalogue (filtered by <see cref="RunOptions.Rules"/>) against an adapter with the model as oracle,
/// and maps results through the adapter's expectations.
/// </summary>
public static class SuiteRun
{
    public static RunReport Execute(IConformanceAdapter adapter, RunOptions options, Expectations? expectations = null, Action<int, int, PropertyResult>? progress = null, CancellationToken cancellationToken = default) =>
        Execute(adapter, options, expectations, progress is null ? null : new PerProperty(progress), cancellationToken);

    /// <summary>
    /// The run, with <paramref name="progress"/> told of every case. With <see cref="RunOptions.Repeat"/> above 1 each
    /// property runs its cases that many times; a property whose repeats disagree is a failure marked flaky.
    /// </summary>
    public static RunReport Execute(IConformanceAdapter adapter, RunOptions options, Expectations? expectations, IRunProgress? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(options);
        var properties = Select(options);
        var runner = new SuiteRunner(new ModelAdapter(), adapter, options.Profile);
        var results = new List<PropertyResult>(properties.Count);
        progress?.Started(properties.Count, properties.Sum(p => (long)CasesOf(p, options)));
        Action? caseDone = progress is null ? null : progress.CaseDone;
        for (int i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            progress?.PropertyStarted(i, property, CasesOf(property, options));
            var result = Repeats.Run(runner, property, options, caseDone, cancellationToken);
            result = (expectations ?? Expectations.None).Apply(result);
            results.Add(result);
            progress?.PropertyDone(i, result);
        }

        return new RunReport(adapter.Name, options.Profile, options, results);
    }

    /// <summary>The generated cases a property takes in this run (all repeats; none when it will be skipped).</summary>
    private static int CasesOf(ConformanceProperty p, RunOptions options) => p.Pending is null ? options.CountFor(p) * options.Repeat : 0;

    /// <summary>The catalogue (with the run's tolerance) filtered by the run's rule globs, in catalogue order; then the run's shard of it.</summary>
    public static IReadOnlyList<ConformanceProperty> Select(RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var selected = Catalog.Create(options.Tolerance).Where(options.Selects).ToList();
        return options.Shard is { } shard ? selected.Where((_, i) => shard.Holds(i)).ToList() : selected;
    }

    /// <summary>The old per-property callback as a progress listener.</summary>
    private sealed class PerProperty(Action<int, int, PropertyResult> done) : IRunProgress
    {
        private int _total;

        public void Started(int properties, long cases) => _total = properties;

        public void PropertyStarted(int index, ConformanceProperty property, int cases)
        {
        }

        public void CaseDone()
        {
        }

        public void PropertyDone(int index, PropertyResult result) => done(index + 1, _total, result);
    }
}
